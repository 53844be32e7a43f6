package io.cybershield.shield.deploy.chart;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code helm template} renders for the non-default shapes (a namespace list, two replicas, pinned images)
 * is accepted by an API server: applied with the real kubectl into the sandbox. (helm install of the defaults, with
 * the operator running under the chart's RBAC, is the e2e module's test.)
 */
class RenderedChartOnSandboxIT {

  private static SandboxCluster cluster;
  private static Kubectl kubectl;

  @BeforeAll
  static void start(@TempDir Path temp) throws Exception {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0);
    kubectl = new Kubectl(cluster.writeKubeconfig(temp.resolve("kubeconfig")));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void namespacesModeWithTwoReplicasApplies(@TempDir Path temp) throws Exception {
    RenderedChart chart = RenderedChart.renderAs("soc", "security-tools", "--set", "watch.mode=Namespaces",
        "--set", "watch.namespaces={soc,incident-response}", "--set", "replicaCount=2",
        "--set", "image.digest=" + ChartTemplateTest.DIGEST, "--set", "imagePullSecrets[0].name=regcred");
    Path rendered = temp.resolve("rendered.yaml");
    Files.writeString(rendered, chart.yaml());
    for (String namespace : new String[] {"security-tools", "soc", "incident-response"}) {
      kubectl.ok("create", "namespace", namespace);
    }

    String applied = kubectl.ok("apply", "--server-side", "-f", rendered.toString());

    assertThat(applied).contains(
        "role.rbac.authorization.k8s.io/soc-shield-operator serverside-applied",
        "rolebinding.rbac.authorization.k8s.io/soc-shield-operator serverside-applied",
        "clusterrole.rbac.authorization.k8s.io/soc-shield-operator serverside-applied",
        "poddisruptionbudget.policy/soc-shield-operator serverside-applied",
        "deployment.apps/soc-shield-operator serverside-applied");
    KubernetesClient client = cluster.client();
    for (String namespace : new String[] {"soc", "incident-response"}) {
      Role role = client.rbac().roles().inNamespace(namespace).withName("soc-shield-operator").get();
      assertThat(role).as("Role in " + namespace).isNotNull();
      assertThat(RbacRules.grants(role.getRules())).isEqualTo(ChartRbacTest.NAMESPACED);
    }
    assertThat(client.rbac().roles().inNamespace("default").list().getItems()).isEmpty();
    assertThat(client.apps().deployments().inNamespace("security-tools").withName("soc-shield-operator").get()
        .getSpec().getReplicas()).isEqualTo(2);
  }
}
