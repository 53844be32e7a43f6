package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.sandbox.testing.Helm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Argo CD Applications and AppProject of deploy/argocd: they parse as Argo CD's kinds with its field names, point
 * at folders of this repository, sync in the order CRDs, chart, models, and the project allows exactly what they
 * deploy. The example models are objects the API server accepts.
 */
class ArgoCdApplicationsTest {

  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
      "ClusterRoleBinding", "PriorityClass", "StorageClass", "ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "APIService", "PersistentVolume");

  private static JsonNode file(String name) {
    return ShieldArgoCd.yaml(ShieldArgoCd.argocd().resolve(name));
  }

  private static int wave(JsonNode object) {
    return Integer.parseInt(object.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave")
        .asText("0"));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"shield-operator.yaml", "shield-models.yaml", "root.yaml"})
  void eachApplicationTakesAFolderOfTheShieldRepositoryOnMain(String name) {
    JsonNode app = file(name);

    assertThat(app.path("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(app.path("kind").asText()).isEqualTo("Application");
    assertThat(app.path("metadata").path("namespace").asText()).isEqualTo("argocd");
    JsonNode source = app.path("spec").path("source");
    assertThat(source.path("repoURL").asText()).isEqualTo(ShieldArgoCd.REPO_URL);
    assertThat(source.path("targetRevision").asText()).isEqualTo(ShieldArgoCd.TARGET_REVISION);
    assertThat(ShieldArgoCd.root().resolve(source.path("path").asText())).isDirectory();
    assertThat(app.path("spec").path("destination").path("server").asText()).isEqualTo("https://kubernetes.default.svc");
  }

  @Test
  void theChartApplicationInstallsTheChartIntoShieldSystemServerSide() {
    JsonNode spec = file("shield-operator.yaml").path("spec");

    assertThat(spec.path("project").asText()).isEqualTo("shield");
    assertThat(spec.path("source").path("path").asText()).isEqualTo(ShieldArgoCd.CHART_PATH);
    assertThat(spec.path("source").path("helm").path("releaseName").asText()).isEqualTo("shield");
    assertThat(spec.path("destination").path("namespace").asText()).isEqualTo("shield-system");
    assertThat(texts(spec.path("syncPolicy").path("syncOptions")))
        .containsExactly("CreateNamespace=true", "ServerSideApply=true");
    assertThat(ShieldArgoCd.root().resolve(ShieldArgoCd.CHART_PATH).resolve("crds")).isDirectoryContaining("glob:**.yml");
  }

  @Test
  void theChartFolderIsTheShieldOperatorChart() {
    Path chart = ShieldArgoCd.root().resolve(ShieldArgoCd.CHART_PATH).resolve("Chart.yaml");
    assumeTrue(Files.isRegularFile(chart), "helm/shield-operator/Chart.yaml is not on this branch yet");

    assertThat(ShieldArgoCd.yaml(chart).path("name").asText()).isEqualTo("shield-operator");
  }

  @Test
  void theModelsApplicationSyncsTheModelsFolderEvenBeforeTheCrdsExist() {
    JsonNode spec = file("shield-models.yaml").path("spec");

    assertThat(spec.path("project").asText()).isEqualTo("shield");
    assertThat(spec.path("source").path("path").asText()).isEqualTo(ShieldArgoCd.MODELS_PATH);
    assertThat(spec.path("destination").path("namespace").asText()).isEqualTo("soc");
    assertThat(texts(spec.path("syncPolicy").path("syncOptions")))
        .containsExactly("SkipDryRunOnMissingResource=true", "ServerSideApply=true");
    assertThat(spec.path("syncPolicy").path("retry").path("limit").asInt()).isPositive();
  }

  @Test
  void theRootAppOfAppsTakesTheProjectAndBothApplicationsAndNothingElse() {
    JsonNode directory = file("root.yaml").path("spec").path("source").path("directory");

    assertThat(directory.path("recurse").asBoolean(true)).isFalse();
    assertThat(directory.path("include").asText()).isEqualTo("{project.yaml,shield-operator.yaml,shield-models.yaml}");
    for (String name : List.of("project.yaml", "shield-operator.yaml", "shield-models.yaml")) {
      assertThat(ShieldArgoCd.argocd().resolve(name)).isRegularFile();
    }
  }

  @Test
  void syncWavesOrderTheProjectTheChartAndTheModels() {
    assertThat(wave(file("project.yaml"))).isEqualTo(-1);
    assertThat(wave(file("shield-operator.yaml"))).isEqualTo(0);
    assertThat(wave(file("shield-models.yaml"))).isEqualTo(1);
  }

  @Test
  void theChartsCrdsComeInWaveMinusOneAppliedServerSide() {
    List<JsonNode> crds = ShieldArgoCd.yamlFiles(ShieldArgoCd.root().resolve(ShieldArgoCd.CHART_PATH).resolve("crds"))
        .stream().map(ShieldArgoCd::yaml).toList();
    assertThat(crds).hasSize(3);
    assumeTrue(crds.stream().anyMatch(crd -> crd.path("metadata").has("annotations")),
        "the CRDs' Argo CD annotations (H1's crds generator change) are not on this branch yet");

    for (JsonNode crd : crds) {
      JsonNode annotations = crd.path("metadata").path("annotations");
      assertThat(annotations.path("argocd.argoproj.io/sync-wave").asText()).as(crd.path("metadata").path("name")
          .asText()).isEqualTo("-1");
      assertThat(List.of(annotations.path("argocd.argoproj.io/sync-options").asText().split(",")))
          .contains("ServerSideApply=true");
      assertThat(annotations.path("helm.sh/resource-policy").asText()).isEqualTo("keep");
    }
  }

  @Test
  void theProjectAllowsTheShieldRepositoryAndTheApplicationsDestinations() {
    JsonNode project = file("project.yaml");
    assertThat(project.path("kind").asText()).isEqualTo("AppProject");
    assertThat(project.path("metadata").path("name").asText()).isEqualTo("shield");
    JsonNode spec = project.path("spec");

    assertThat(texts(spec.path("sourceRepos"))).containsExactly(ShieldArgoCd.REPO_URL);
    Set<String> destinations = destinations(spec);
    assertThat(destinations).containsExactly("https://kubernetes.default.svc shield-system",
        "https://kubernetes.default.svc soc");
    for (String name : List.of("shield-operator.yaml", "shield-models.yaml")) {
      JsonNode destination = file(name).path("spec").path("destination");
      assertThat(destinations).contains(destination.path("server").asText() + " " + destination.path("namespace").asText());
    }
    assertThat(kinds(spec.path("clusterResourceWhitelist"))).containsExactly(
        "apiextensions.k8s.io/CustomResourceDefinition", "rbac.authorization.k8s.io/ClusterRole",
        "rbac.authorization.k8s.io/ClusterRoleBinding", "/Namespace");
    assertThat(kinds(spec.path("namespaceResourceWhitelist"))).doesNotContain("*/*", "/*", "*/" + "Secret")
        .allSatisfy(kind -> assertThat(kind).doesNotContain("*"));
  }

  @Test
  void theExampleModelsAreObjectsTheProjectAllowsAndTheApiServerAccepts() {
    JsonNode spec = file("project.yaml").path("spec");
    Set<String> namespaced = kinds(spec.path("namespaceResourceWhitelist"));
    Set<String> cluster = kinds(spec.path("clusterResourceWhitelist"));
    Set<String> destinations = destinations(spec);
    List<String> seen = new ArrayList<>();

    for (Path path : ShieldArgoCd.yamlFiles(ShieldArgoCd.root().resolve(ShieldArgoCd.MODELS_PATH))) {
      for (JsonNode object : ShieldArgoCd.documents(path)) {
        String kind = groupKind(object);
        seen.add(kind + " " + object.path("metadata").path("name").asText());
        if (CLUSTER_SCOPED.contains(object.path("kind").asText())) {
          assertThat(cluster).as(path.toString()).contains(kind);
        } else {
          assertThat(namespaced).as(path.toString()).contains(kind);
          assertThat(destinations).contains("https://kubernetes.default.svc "
              + object.path("metadata").path("namespace").asText("soc"));
        }
        if (kind.startsWith(ShieldArgoCd.GROUP + "/")) {
          assertThat(ShieldArgoCd.problems(object)).as(path.toString()).isEmpty();
        }
      }
    }
    assertThat(seen).containsExactly("/Namespace soc", "/ServiceAccount analyst",
        "shield.cybershield.io/ShieldModel phishing-coach");
  }

  @Test
  void theModelsNamespaceOutlivesItsApplication() {
    JsonNode namespace = ShieldArgoCd.yaml(ShieldArgoCd.root().resolve(ShieldArgoCd.MODELS_PATH)
        .resolve("00-namespace.yaml"));

    assertThat(namespace.path("metadata").path("annotations").path("argocd.argoproj.io/sync-options").asText())
        .isEqualTo("Prune=false,Delete=false");
  }

  /**
   * What Argo CD renders from the chart ({@code helm template --include-crds}), with each optional part the values
   * have switched on, is allowed by the project: kinds and namespaces.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "metrics.serviceMonitor.enabled=true", "metrics.prometheusRule.enabled=true",
      "metrics.grafanaDashboard.enabled=true", "watch.mode=Namespaces,watch.namespaces={soc}", "watch.mode=OwnNamespace"})
  void everythingTheChartRendersIsAllowedByTheProject(String values) throws IOException {
    Path chart = ShieldArgoCd.root().resolve(ShieldArgoCd.CHART_PATH);
    assumeTrue(Files.isRegularFile(chart.resolve("Chart.yaml")), "helm/shield-operator/Chart.yaml is not on this "
        + "branch yet");
    String chartValues = Files.readString(chart.resolve("values.yaml"));
    assumeTrue(values.isEmpty() || chartValues.contains(values.split("\\.")[1].split("[.=]")[0] + ":"),
        "the chart has no value " + values + " yet");
    assumeTrue(Helm.locate().isPresent(), Helm.unavailableReason());
    List<String> command = new ArrayList<>(List.of("template", "shield", chart.toString(), "--namespace",
        "shield-system", "--include-crds"));
    if (!values.isEmpty()) {
      command.addAll(List.of("--set", values));
    }
    Path rendered = Files.createTempFile("shield-chart", ".yaml");
    try {
      Files.writeString(rendered, Helm.offline().ok(command.toArray(String[]::new)));
      JsonNode spec = file("project.yaml").path("spec");
      Set<String> namespaced = kinds(spec.path("namespaceResourceWhitelist"));
      Set<String> cluster = kinds(spec.path("clusterResourceWhitelist"));
      Set<String> destinations = destinations(spec);
      List<JsonNode> objects = ShieldArgoCd.documents(rendered);
      assertThat(objects).isNotEmpty();
      for (JsonNode object : objects) {
        String kind = groupKind(object);
        if (CLUSTER_SCOPED.contains(object.path("kind").asText())) {
          assertThat(cluster).as(object.path("metadata").path("name").asText()).contains(kind);
        } else {
          assertThat(namespaced).as(object.path("metadata").path("name").asText()).contains(kind);
          assertThat(destinations).contains("https://kubernetes.default.svc "
              + object.path("metadata").path("namespace").asText("shield-system"));
        }
      }
    } finally {
      Files.deleteIfExists(rendered);
    }
  }

  private static String groupKind(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return group + "/" + object.path("kind").asText();
  }

  private static Set<String> kinds(JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(entry -> out.add(entry.path("group").asText() + "/" + entry.path("kind").asText()));
    return out;
  }

  private static Set<String> destinations(JsonNode spec) {
    Set<String> out = new TreeSet<>();
    spec.path("destinations").forEach(d -> out.add(d.path("server").asText() + " " + d.path("namespace").asText()));
    return out;
  }
}
