package io.cybershield.shield.deploy.bundle;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Helm;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kubectl bundle applies into the sandbox's API server with the real kubectl, twice (an upgrade is the same
 * command), and its CRDs then take the documented examples. (Running the operator it installs is the e2e module's
 * test.)
 */
class BundleOnSandboxIT {

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
  void bundleAppliesServerSideTwiceAndItsCrdsServeTheExamples() {
    Path root = Helm.projectRoot();
    String bundle = root.resolve("deploy/shield.yaml").toString();

    String first = kubectl.ok("apply", "--server-side", "-f", bundle);
    assertThat(first).contains("namespace/shield-system serverside-applied",
        "customresourcedefinition.apiextensions.k8s.io/shieldmodels.shield.cybershield.io serverside-applied",
        "deployment.apps/shield-operator serverside-applied");
    kubectl.ok("apply", "--server-side", "-f", bundle);

    KubernetesClient client = cluster.client();
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .withName("shieldmodels.shield.cybershield.io").get();
    assertThat(crd.getMetadata().getAnnotations()).containsAllEntriesOf(Map.of(
        "helm.sh/resource-policy", "keep", "argocd.argoproj.io/sync-wave", "-1"));
    Deployment deployment = client.apps().deployments().inNamespace("shield-system").withName("shield-operator").get();
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("shield-operator");

    kubectl.ok("apply", "-f", root.resolve("docs/examples/00-namespace.yaml").toString());
    String model = kubectl.ok("apply", "-f", root.resolve("docs/examples/phishing-coach-cpu.yaml").toString());
    assertThat(model).contains("shieldmodel.shield.cybershield.io/phishing-coach created");
  }
}
