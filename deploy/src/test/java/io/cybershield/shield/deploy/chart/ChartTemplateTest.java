package io.cybershield.shield.deploy.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code helm template} of the chart for the defaults and the value combinations users pick, checked object by object. */
class ChartTemplateTest {

  static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  /** Value combinations every invariant must hold for (each a list of helm arguments). */
  static Stream<List<String>> valueSets() {
    return Stream.of(
        List.of(),
        List.of("--set", "watch.mode=OwnNamespace"),
        List.of("--set", "watch.mode=Namespaces", "--set", "watch.namespaces={soc,incident-response}"),
        List.of("--set", "leaderElection.enabled=false"),
        List.of("--set", "replicaCount=2"),
        List.of("--set", "metrics.serviceMonitor.enabled=true"),
        List.of("--set", "image.digest=" + DIGEST, "--set", "gateway.image.digest=" + DIGEST),
        List.of("--set", "imagePullSecrets[0].name=regcred"),
        List.of("--set", "metrics.service.enabled=false"),
        List.of("--set", "rbac.create=false", "--set", "serviceAccount.create=false",
            "--set", "serviceAccount.name=existing"));
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyPodTemplatePassesTheRestrictedPodSecurityProfile(List<String> values) throws IOException {
    RenderedChart chart = RenderedChart.render(values.toArray(String[]::new));

    List<PodSpec> pods = chart.all(Deployment.class).stream().map(d -> d.getSpec().getTemplate().getSpec()).toList();
    assertThat(pods).isNotEmpty();
    for (PodSpec pod : pods) {
      assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
      for (Container container : pod.getContainers()) {
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      }
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyNamespacedObjectIsInTheReleaseNamespaceOrAWatchedOne(List<String> values) throws IOException {
    RenderedChart chart = RenderedChart.render(values.toArray(String[]::new));

    for (HasMetadata object : chart.objects()) {
      String where = object.getKind() + " " + object.getMetadata().getName();
      if (Set.of("ClusterRole", "ClusterRoleBinding").contains(object.getKind())) {
        assertThat(object.getMetadata().getNamespace()).as(where).isNull();
      } else if ((object instanceof Role || object instanceof RoleBinding)
          && !object.getMetadata().getName().endsWith("-leader-election")) {
        assertThat(object.getMetadata().getNamespace()).as(where).isIn("shield-system", "soc", "incident-response");
      } else {
        assertThat(object.getMetadata().getNamespace()).as(where).isEqualTo("shield-system");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyObjectCarriesTheRecommendedLabels(List<String> values) throws IOException {
    RenderedChart chart = RenderedChart.render(values.toArray(String[]::new));

    for (HasMetadata object : chart.objects()) {
      assertThat(object.getMetadata().getLabels()).as(object.getKind() + " " + object.getMetadata().getName())
          .contains(entry("app.kubernetes.io/name", "shield-operator"), entry("app.kubernetes.io/instance", "shield"),
              entry("app.kubernetes.io/version", "0.1.0"), entry("app.kubernetes.io/part-of", "shield"),
              entry("app.kubernetes.io/managed-by", "Helm"), entry("helm.sh/chart", "shield-operator-0.1.0"));
    }
  }

  @Test
  void defaultsRenderTheseObjects() throws IOException {
    RenderedChart chart = RenderedChart.render();

    assertThat(chart.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "ServiceAccount/shield-operator",
            "ClusterRole/shield-operator",
            "ClusterRoleBinding/shield-operator",
            "Role/shield-operator-leader-election",
            "RoleBinding/shield-operator-leader-election",
            "Service/shield-operator-metrics",
            "Deployment/shield-operator");
  }

  @Test
  void defaultDeploymentRunsTheOperatorImageWithTheContractsEnvironment() throws IOException {
    Deployment deployment = RenderedChart.render().deployment();
    Container operator = operator(deployment);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(operator.getImage()).isEqualTo("ghcr.io/cybershield/shield-operator:0.1.0");
    assertThat(operator.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(values(operator)).containsExactly(
        entry("POD_NAMESPACE", "fieldRef:metadata.namespace"),
        entry("POD_NAME", "fieldRef:metadata.name"),
        entry("SHIELD_OPERATOR_WATCH_NAMESPACES", ""),
        entry("SHIELD_OPERATOR_LEADER_ELECTION_ENABLED", "true"),
        entry("SHIELD_OPERATOR_LEADER_ELECTION_LEASE_NAME", "shield-operator-leader"),
        entry("SHIELD_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", "shield-system"),
        entry("SHIELD_GATEWAY_IMAGE", "ghcr.io/cybershield/shield-inference-runtime:0.1.0"),
        entry("SHIELD_GATEWAY_REPLICAS", "2"),
        entry("SHIELD_OPERATOR_GPU_TAINT_TOLERATION_ENABLED", "true"),
        entry("QUARKUS_LOG_LEVEL", "INFO"));
    assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("shield-operator");
    assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets()).isNullOrEmpty();
    assertThat(operator.getResources().getRequests()).containsOnly(entry("cpu", new Quantity("100m")),
        entry("memory", new Quantity("256Mi")));
    assertThat(operator.getResources().getLimits()).containsOnly(entry("memory", new Quantity("512Mi")));
  }

  @Test
  void probesAskTheQuarkusHealthEndpointsOnPortHttp() throws IOException {
    Container operator = operator(RenderedChart.render().deployment());

    assertThat(operator.getPorts()).singleElement()
        .satisfies(port -> {
          assertThat(port.getName()).isEqualTo("http");
          assertThat(port.getContainerPort()).isEqualTo(8080);
        });
    assertThat(path(operator.getStartupProbe())).isEqualTo("/q/health/live@http");
    assertThat(path(operator.getLivenessProbe())).isEqualTo("/q/health/live@http");
    assertThat(path(operator.getReadinessProbe())).isEqualTo("/q/health/ready@http");
    // liveness starts counting only after the startup probe passed: up to 24 x 5 s for the informers to sync
    assertThat(operator.getStartupProbe().getFailureThreshold() * operator.getStartupProbe().getPeriodSeconds())
        .isEqualTo(120);
  }

  @Test
  void withoutAUserThePlatformPicksOneAndThePodIsStillRestricted() throws IOException {
    PodSpec pod = RenderedChart.render("--set", "runAsUser=null").deployment().getSpec().getTemplate().getSpec();

    assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
    assertThat(pod.getSecurityContext().getRunAsGroup()).isNull();
    assertThat(pod.getSecurityContext().getFsGroup()).isNull();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
  }

  @Test
  void readOnlyRootFilesystemHasAWritableTmp() throws IOException {
    Deployment deployment = RenderedChart.render().deployment();
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(operator(deployment).getVolumeMounts()).singleElement()
        .satisfies(mount -> {
          assertThat(mount.getMountPath()).isEqualTo("/tmp");
          assertThat(mount.getName()).isEqualTo("tmp");
        });
    assertThat(pod.getVolumes()).singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
  }

  @Test
  void ownNamespaceWatchesTheReleaseNamespace() throws IOException {
    Container operator = operator(RenderedChart.render("--set", "watch.mode=OwnNamespace").deployment());

    assertThat(values(operator)).contains(entry("SHIELD_OPERATOR_WATCH_NAMESPACES", "shield-system"));
  }

  @Test
  void namespacesModeWatchesTheListedNamespaces() throws IOException {
    Container operator = operator(RenderedChart.render("--set", "watch.mode=Namespaces",
        "--set", "watch.namespaces={soc,incident-response}").deployment());

    assertThat(values(operator)).contains(entry("SHIELD_OPERATOR_WATCH_NAMESPACES", "soc,incident-response"));
  }

  @Test
  void leaderElectionOffIsSaidToTheOperator() throws IOException {
    Container operator = operator(RenderedChart.render("--set", "leaderElection.enabled=false").deployment());

    assertThat(values(operator)).contains(entry("SHIELD_OPERATOR_LEADER_ELECTION_ENABLED", "false"));
  }

  @Test
  void twoReplicasSpreadOverNodesAndKeepOneThroughADrain() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "replicaCount=2");
    Deployment deployment = chart.deployment();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    var term = deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
        .getPreferredDuringSchedulingIgnoredDuringExecution();
    assertThat(term).singleElement().satisfies(weighted -> {
      assertThat(weighted.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
      assertThat(weighted.getPodAffinityTerm().getLabelSelector().getMatchLabels()).containsExactly(
          entry("app.kubernetes.io/name", "shield-operator"), entry("app.kubernetes.io/instance", "shield"));
    });
    // a rollout starts the new pod before it stops an old one
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
    PodDisruptionBudget budget = chart.all(PodDisruptionBudget.class).get(0);
    assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
    assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(
        deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void oneReplicaHasNoDisruptionBudgetThatWouldBlockEveryDrain() throws IOException {
    assertThat(RenderedChart.render().all(PodDisruptionBudget.class)).isEmpty();
  }

  @Test
  void explicitAffinityReplacesTheDefaultSpread() throws IOException {
    Deployment deployment = RenderedChart.render("--set",
        "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
            + ".matchExpressions[0].key=node-role.kubernetes.io/infra",
        "--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
            + ".matchExpressions[0].operator=Exists").deployment();

    var affinity = deployment.getSpec().getTemplate().getSpec().getAffinity();
    assertThat(affinity.getPodAntiAffinity()).isNull();
    assertThat(affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms()
        .get(0).getMatchExpressions().get(0).getKey()).isEqualTo("node-role.kubernetes.io/infra");
  }

  @Test
  void digestsPinBothImages() throws IOException {
    Container operator = operator(RenderedChart.render("--set", "image.digest=" + DIGEST,
        "--set", "gateway.image.digest=" + DIGEST, "--set", "image.tag=ignored-when-pinned").deployment());

    assertThat(operator.getImage()).isEqualTo("ghcr.io/cybershield/shield-operator@" + DIGEST);
    assertThat(values(operator)).contains(
        entry("SHIELD_GATEWAY_IMAGE", "ghcr.io/cybershield/shield-inference-runtime@" + DIGEST));
  }

  @Test
  void anotherRegistryTagAndGatewaySettings() throws IOException {
    Container operator = operator(RenderedChart.render("--set", "image.registry=registry.soc.example:5000",
        "--set", "image.tag=0.1.1", "--set", "image.pullPolicy=Always",
        "--set", "gateway.image.registry=registry.soc.example:5000", "--set", "gateway.image.tag=0.1.1-hotfix",
        "--set", "gateway.replicas=3", "--set", "gpuTaintToleration.enabled=false", "--set", "logLevel=DEBUG")
        .deployment());

    assertThat(operator.getImage()).isEqualTo("registry.soc.example:5000/cybershield/shield-operator:0.1.1");
    assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
    assertThat(values(operator)).contains(
        entry("SHIELD_GATEWAY_IMAGE", "registry.soc.example:5000/cybershield/shield-inference-runtime:0.1.1-hotfix"),
        entry("SHIELD_GATEWAY_REPLICAS", "3"),
        entry("SHIELD_OPERATOR_GPU_TAINT_TOLERATION_ENABLED", "false"),
        entry("QUARKUS_LOG_LEVEL", "DEBUG"));
  }

  @Test
  void pullSecretsSchedulingAndPodMetadataReachThePod() throws IOException {
    Deployment deployment = RenderedChart.render("--set", "imagePullSecrets[0].name=regcred",
        "--set", "nodeSelector.kubernetes\\.io/os=linux",
        "--set", "tolerations[0].key=dedicated", "--set", "tolerations[0].operator=Exists",
        "--set", "podAnnotations.soc\\.example/owner=blue-team", "--set", "podLabels.team=soc",
        "--set", "priorityClassName=system-cluster-critical").deployment();
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(pod.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("regcred");
    assertThat(pod.getNodeSelector()).containsExactly(entry("kubernetes.io/os", "linux"));
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("dedicated");
      assertThat(t.getOperator()).isEqualTo("Exists");
    });
    assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsExactly(entry("soc.example/owner", "blue-team"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).contains(entry("team", "soc"));
    // extra pod labels stay out of the selector, which a Deployment cannot change
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsOnlyKeys("app.kubernetes.io/name",
        "app.kubernetes.io/instance");
  }

  @Test
  void metricsServiceServesPortHttpMetrics() throws IOException {
    RenderedChart chart = RenderedChart.render();
    Service service = chart.all(Service.class).get(0);

    assertThat(service.getMetadata().getName()).isEqualTo("shield-operator-metrics");
    ServicePort port = service.getSpec().getPorts().get(0);
    assertThat(port.getName()).isEqualTo("http-metrics");
    assertThat(port.getPort()).isEqualTo(8080);
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
    assertThat(service.getSpec().getSelector()).isEqualTo(
        chart.deployment().getSpec().getSelector().getMatchLabels());
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceWithTheLabelsPrometheusSelects() throws IOException {
    RenderedChart chart = RenderedChart.render("--set", "metrics.serviceMonitor.enabled=true",
        "--set", "metrics.serviceMonitor.interval=15s", "--set", "metrics.serviceMonitor.labels.release=prometheus");
    GenericKubernetesResource monitor = (GenericKubernetesResource) chart.find("ServiceMonitor", "shield-operator")
        .orElseThrow();

    assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.getMetadata().getLabels()).contains(entry("release", "prometheus"));
    Map<String, Object> spec = monitor.get("spec");
    assertThat(spec.get("endpoints")).isEqualTo(List.of(Map.of("port", "http-metrics", "path", "/q/metrics",
        "interval", "15s", "honorLabels", true)));
    assertThat(spec.get("namespaceSelector")).isEqualTo(Map.of("matchNames", List.of("shield-system")));
    assertThat(spec.get("selector")).isEqualTo(Map.of("matchLabels", Map.of("app.kubernetes.io/name",
        "shield-operator", "app.kubernetes.io/instance", "shield")));
    assertThat(RenderedChart.render().find("ServiceMonitor", "shield-operator")).isEmpty();
  }

  @Test
  void serviceMonitorWithoutTheServiceFailsWithAReason() throws IOException {
    var result = RenderedChart.helm().run("template", "shield", RenderedChart.chartDir().toString(),
        "--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.service.enabled=false");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains(
        "metrics.serviceMonitor.enabled needs metrics.service.enabled: the ServiceMonitor scrapes that Service");
  }

  @Test
  void anotherReleaseNameAndNamespace() throws IOException {
    RenderedChart chart = RenderedChart.renderAs("soc-prod", "security-tools");

    assertThat(chart.objects()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName() + "@"
            + o.getMetadata().getNamespace())
        .containsExactlyInAnyOrder(
            "ServiceAccount/soc-prod-shield-operator@security-tools",
            "ClusterRole/soc-prod-shield-operator@null",
            "ClusterRoleBinding/soc-prod-shield-operator@null",
            "Role/soc-prod-shield-operator-leader-election@security-tools",
            "RoleBinding/soc-prod-shield-operator-leader-election@security-tools",
            "Service/soc-prod-shield-operator-metrics@security-tools",
            "Deployment/soc-prod-shield-operator@security-tools");
    Container operator = operator(chart.deployment());
    assertThat(values(operator)).contains(entry("SHIELD_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", "security-tools"));
    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .contains(entry("app.kubernetes.io/instance", "soc-prod"));
    assertThat(chart.all(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class).get(0).getSubjects().get(0)
        .getNamespace()).isEqualTo("security-tools");
  }

  @Test
  void aReleaseNameContainingTheChartNameIsTheFullName() throws IOException {
    assertThat(RenderedChart.renderAs("shield-operator-blue", "shield-system").deployment().getMetadata().getName())
        .isEqualTo("shield-operator-blue");
    assertThat(RenderedChart.renderAs("shield", "shield-system", "--set", "fullnameOverride=soc-shield").deployment()
        .getMetadata().getName()).isEqualTo("soc-shield");
  }

  static Container operator(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).extracting(Container::getName).containsExactly("operator");
    return containers.get(0);
  }

  /** The container's environment in order: a value, or {@code fieldRef:<path>} for the downward API. */
  static Map<String, String> values(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValueFrom() != null
          ? "fieldRef:" + var.getValueFrom().getFieldRef().getFieldPath()
          : var.getValue() == null ? "" : var.getValue());
    }
    return env;
  }

  private static String path(Probe probe) {
    return probe.getHttpGet().getPath() + "@" + probe.getHttpGet().getPort().getStrVal();
  }
}
