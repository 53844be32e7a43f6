package io.cybershield.shield.deploy.bundle;

import io.cybershield.shield.sandbox.testing.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What deploy/shield.yaml installs, object by object, in the order kubectl applies them. */
class BundleContentsTest {

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static List<HasMetadata> objects;

  @BeforeAll
  static void parse() throws IOException {
    String bundle = Files.readString(Helm.projectRoot().resolve("deploy/shield.yaml"));
    KubernetesSerialization serialization = new KubernetesSerialization();
    objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(bundle)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
        continue;
      }
      objects.add(serialization.unmarshal(document, HasMetadata.class));
    }
  }

  @Test
  void bundleHoldsTheNamespaceTheCrdsAndTheOperatorInThatOrder() {
    assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName() + "@"
        + o.getMetadata().getNamespace()).containsExactly(
            "Namespace/shield-system@null",
            "CustomResourceDefinition/shieldincidents.shield.cybershield.io@null",
            "CustomResourceDefinition/shieldmodels.shield.cybershield.io@null",
            "CustomResourceDefinition/shieldretrains.shield.cybershield.io@null",
            "ServiceAccount/shield-operator@shield-system",
            "ClusterRole/shield-operator@null",
            "ClusterRoleBinding/shield-operator@null",
            "Role/shield-operator-leader-election@shield-system",
            "RoleBinding/shield-operator-leader-election@shield-system",
            "Service/shield-operator-metrics@shield-system",
            "Deployment/shield-operator@shield-system");
  }

  @Test
  void namespaceEnforcesTheRestrictedPodSecurityProfile() {
    assertThat(objects.get(0).getMetadata().getLabels())
        .contains(entry("pod-security.kubernetes.io/enforce", "restricted"));
  }

  @Test
  void crdsAreTheChartsAndKeptOnDelete() throws IOException {
    Path crds = Helm.projectRoot().resolve("helm/shield-operator/crds");
    KubernetesSerialization serialization = new KubernetesSerialization();
    for (HasMetadata object : objects) {
      if (object instanceof CustomResourceDefinition crd) {
        Path file = crds.resolve(crd.getMetadata().getName() + "-v1.yml");
        CustomResourceDefinition chart = serialization.unmarshal(Files.readString(file),
            CustomResourceDefinition.class);
        assertThat(crd).as(file.toString()).isEqualTo(chart);
        assertThat(crd.getMetadata().getAnnotations()).containsAllEntriesOf(Map.of(
            "helm.sh/resource-policy", "keep",
            "argocd.argoproj.io/sync-wave", "-1",
            "argocd.argoproj.io/sync-options", "ServerSideApply=true"));
      }
    }
  }

  @Test
  void operatorRunsWithTheChartsDefaults() {
    Deployment deployment = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();

    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/cybershield/shield-operator:0.1.0");
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("shield-operator");
  }

  @Test
  void everyNamespacedObjectIsInShieldSystem() {
    Set<String> clusterScoped = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding");
    for (HasMetadata object : objects) {
      if (clusterScoped.contains(object.getKind())) {
        assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isNull();
      } else {
        assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo("shield-system");
      }
    }
  }
}
