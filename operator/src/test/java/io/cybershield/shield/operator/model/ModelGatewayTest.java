package io.cybershield.shield.operator.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Access;
import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.api.v1alpha1.model.spec.LoadMetric;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimit;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimits;
import io.cybershield.shield.api.v1alpha1.model.spec.SiemWebhook;
import io.cybershield.shield.api.v1alpha1.model.spec.Subject;
import io.cybershield.shield.api.v1alpha1.model.spec.SubjectKind;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelGatewayTest {

  private static final ModelGateway.Settings SETTINGS = new ModelGateway.Settings("registry.example/gw:1", 2);

  @Test
  void theGatewayIsTwoRestrictedCpuReplicasWithHealthProbes() {
    Deployment gateway = ModelGateway.deployment(ModelEdits.editSpec(ModelFixtures.threatIntel(),
        spec -> spec.withTls(null)), SETTINGS);

    assertThat(gateway.getMetadata().getName()).isEqualTo("threat-intel-gateway");
    assertThat(gateway.getSpec().getReplicas()).isEqualTo(2);
    assertThat(gateway.getSpec().getSelector().getMatchLabels()).containsOnly(
        Map.entry("shield.cybershield.io/model", "threat-intel"),
        Map.entry("shield.cybershield.io/component", "gateway"));
    PodSpec pod = gateway.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("threat-intel-gateway");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    Container container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("registry.example/gw:1");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getLimits()).containsOnlyKeys("memory");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(container.getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getContainerPort()).isEqualTo(8080);
    });
    assertThat(container.getEnv()).extracting(e -> e.getName())
        .contains("SHIELD_MODEL", "SHIELD_NAMESPACE", "SHIELD_ROUTES_CONFIGMAP")
        .doesNotContain("SHIELD_TLS_CERT_FILE", "SHIELD_TLS_KEY_FILE", "SHIELD_TLS_UPSTREAM_CA_FILE");
    assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("tmp");
  }

  @Test
  void withTlsTheGatewayServesHttpsOnlyFromTheMountedSecret() {
    ShieldModel model = ModelFixtures.threatIntel();
    Deployment gateway = ModelGateway.deployment(model, SETTINGS);

    PodSpec pod = gateway.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    assertThat(container.getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("https");
      assertThat(port.getContainerPort()).isEqualTo(8080);
    });
    for (var probe : List.of(container.getStartupProbe(), container.getReadinessProbe(),
        container.getLivenessProbe())) {
      assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTPS");
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("https");
    }
    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tls")).singleElement().satisfies(volume -> {
      assertThat(volume.getSecret().getSecretName()).isEqualTo("threat-intel-tls");
      assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
      assertThat(volume.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("tls.crt", "tls.key");
    });
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1001L);
    assertThat(container.getVolumeMounts()).filteredOn(m -> m.getName().equals("tls")).singleElement()
        .satisfies(mount -> {
          assertThat(mount.getMountPath()).isEqualTo("/etc/shield/tls");
          assertThat(mount.getReadOnly()).isTrue();
        });
    assertThat(container.getEnv()).filteredOn(e -> e.getName().startsWith("SHIELD_TLS_"))
        .extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("SHIELD_TLS_CERT_FILE=/etc/shield/tls/tls.crt", "SHIELD_TLS_KEY_FILE=/etc/shield/tls/tls.key");

    var service = ModelGateway.service(model);
    assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("https");
      assertThat(port.getPort()).isEqualTo(8080);
      assertThat(port.getTargetPort().getStrVal()).isEqualTo("https");
    });
    assertThat(ModelGateway.url(model)).isEqualTo("https://threat-intel-gateway.default.svc:8080");
  }

  @Test
  void withUpstreamTlsTheGatewayGetsOnlyTheModelServersCa() {
    ShieldModel model = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withTls(
        new io.cybershield.shield.api.v1alpha1.model.spec.TlsSpec("threat-intel-tls", null,
            new io.cybershield.shield.api.v1alpha1.model.spec.UpstreamTls("threat-intel-djl-tls"))));
    PodSpec pod = ModelGateway.deployment(model, SETTINGS).getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("upstream-ca")).singleElement()
        .satisfies(volume -> {
          assertThat(volume.getSecret().getSecretName()).isEqualTo("threat-intel-djl-tls");
          assertThat(volume.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("ca.crt");
        });
    assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("SHIELD_TLS_UPSTREAM_CA_FILE"))
        .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("/etc/shield/upstream-ca/ca.crt"));
  }

  @Test
  void noGatewayRunsOnPrivateCloudNodesWhateverTheModelsClassification() {
    ShieldModel restricted = ModelFixtures.restricted();
    assertThat(restricted.getSpec().dataClassification()).isEqualTo(DataClassification.RESTRICTED);
    ShieldModel confidential = ModelFixtures.threatIntel();
    assertThat(confidential.getSpec().dataClassification()).isNotEqualTo(DataClassification.RESTRICTED);

    for (ShieldModel model : List.of(restricted, confidential)) {
      var affinity = ModelGateway.deployment(model, SETTINGS).getSpec().getTemplate().getSpec().getAffinity()
          .getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      assertThat(affinity.getNodeSelectorTerms()).singleElement().satisfies(term ->
          assertThat(term.getMatchExpressions()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo("shield.cybershield.io/pool");
            assertThat(e.getOperator()).isEqualTo("NotIn");
            assertThat(e.getValues()).containsExactly("private-cloud");
          }));
    }
  }

  @Test
  void theRoutesListEveryVariantWithItsPrioritiesAndPodsPerPool() throws Exception {
    var configMap = ModelGateway.routesConfigMap(ModelFixtures.threatIntel(), "v7");

    assertThat(configMap.getMetadata().getName()).isEqualTo("threat-intel-gateway-routes");
    GatewayRoutes routes = new ObjectMapper().readValue(configMap.getData().get(GatewayRoutes.KEY),
        GatewayRoutes.class);
    assertThat(routes.schemaVersion()).isEqualTo(1);
    assertThat(routes.servedVersion()).isEqualTo("v7");
    assertThat(routes.dataClassification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(routes.variants()).extracting(GatewayRoutes.VariantRoute::name).containsExactly("full", "lite");
    assertThat(routes.variants().get(0).priorities()).containsExactly("critical", "high", "normal");
    assertThat(routes.variants().get(1).priorities()).containsExactly("low");
    assertThat(routes.variants().get(0).pools()).extracting(GatewayRoutes.PoolRoute::pool)
        .containsExactly("onprem", "private-cloud");
    assertThat(routes.variants().get(0).pools().get(1).podSelector())
        .containsEntry("shield.cybershield.io/pool", "private-cloud");
    assertThat(routes.variants().get(0).pools().get(0).deployment()).isEqualTo("threat-intel-full-onprem");
  }

  @Test
  void theRoutesGiveThePodConcurrencyTheGatewayCountsQueuedWorkBy() throws Exception {
    // the in-flight target per pod wins over max_rolling_batch_size: 64
    assertThat(podConcurrencies(ModelFixtures.threatIntel())).containsOnly(8);
    // scaled on GPU utilisation, without a batch size option: DJL Serving's default
    assertThat(podConcurrencies(ModelFixtures.ociCloud())).containsOnly(256);
    // scaled on another signal: the batch the engine runs before it queues
    ShieldModel queuedScaled = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.editAutoscaling()
        .editTarget().withMetric(LoadMetric.QUEUED_REQUESTS).endTarget().endAutoscaling());
    assertThat(podConcurrencies(queuedScaled)).containsOnly(64);
    // no target at all: the HPA's default of 8 in-flight requests per pod
    assertThat(podConcurrencies(ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withAutoscaling(null))))
        .containsOnly(8);
  }

  private static List<Integer> podConcurrencies(ShieldModel model) throws Exception {
    GatewayRoutes routes = new ObjectMapper().readValue(ModelGateway.routesConfigMap(model, "v1").getData()
        .get(GatewayRoutes.KEY), GatewayRoutes.class);
    return routes.variants().stream().map(GatewayRoutes.VariantRoute::podConcurrency).toList();
  }

  @Test
  void theRoutesCarryTheAccessRolesWithEveryServiceAccountsNamespace() throws Exception {
    ShieldModel model = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withAccess(new Access(List.of(
        new AccessRole(io.cybershield.shield.api.v1alpha1.model.spec.Role.ANALYST, List.of(Api.GENERATE, Api.GUARD), List.of(
            new Subject(SubjectKind.GROUP, "soc-analysts", null),
            new Subject(SubjectKind.SERVICE_ACCOUNT, "notebook", null),
            new Subject(SubjectKind.SERVICE_ACCOUNT, "siem", "siem-system")),
            new RateLimits(new RateLimit(60, null), null))))));

    GatewayRoutes routes = new ObjectMapper().readValue(ModelGateway.routesConfigMap(model, "v7").getData()
        .get(GatewayRoutes.KEY), GatewayRoutes.class);

    AccessRole analyst = routes.access().roles().get(0);
    assertThat(analyst.apis()).containsExactly(Api.GENERATE, Api.GUARD);
    assertThat(analyst.subjects()).containsExactly(new Subject(SubjectKind.GROUP, "soc-analysts", null),
        new Subject(SubjectKind.SERVICE_ACCOUNT, "notebook", model.getMetadata().getNamespace()),
        new Subject(SubjectKind.SERVICE_ACCOUNT, "siem", "siem-system"));
    assertThat(analyst.rateLimits().perPrincipal().requestsPerMinute()).isEqualTo(60);
    assertThat(routes.upstreamTlsEnabled()).isFalse();
    // no access in the spec: the document says so (nobody may call), it does not leave the field out
    GatewayRoutes none = new ObjectMapper().readValue(ModelGateway.routesConfigMap(
        ModelEdits.editSpec(model, spec -> spec.withAccess(null)), "v7").getData().get(GatewayRoutes.KEY),
        GatewayRoutes.class);
    assertThat(none.access().roles()).isEmpty();
  }

  @Test
  void theAuthDelegationBindsEveryGatewayAndNothingElse() {
    ShieldModel a = ModelFixtures.threatIntel();
    ShieldModel b = ModelFixtures.restricted();
    var binding = ModelGateway.authDelegation(List.of(b, a, a));

    assertThat(binding.getMetadata().getName()).isEqualTo("shield-gateways-auth-delegator");
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo("system:auth-delegator");
    assertThat(binding.getSubjects()).extracting(s -> s.getKind() + " " + s.getNamespace() + "/" + s.getName())
        .containsExactlyElementsOf(java.util.stream.Stream.of(a, b)
            .map(m -> "ServiceAccount " + m.getMetadata().getNamespace() + "/" + m.getMetadata().getName() + "-gateway")
            .sorted().toList());
    assertThat(ModelGateway.authDelegation(List.of()).getSubjects()).isEmpty();
  }

  @Test
  void aRestrictedModelsRoutesHaveNoCloudPool() throws Exception {
    var configMap = ModelGateway.routesConfigMap(ModelFixtures.restricted(), "2026.11");
    GatewayRoutes routes = new ObjectMapper().readValue(configMap.getData().get(GatewayRoutes.KEY),
        GatewayRoutes.class);
    assertThat(routes.variants()).allSatisfy(variant -> assertThat(variant.pools())
        .extracting(GatewayRoutes.PoolRoute::pool).containsExactly("onprem"));
  }

  @Test
  void theRoleReadsOnlyWhatRoutingNeedsAndLetsTheSiemWebhookRaiseIncidents() {
    Role role = ModelGateway.role(ModelFixtures.threatIntel());

    assertThat(role.getRules()).allSatisfy(rule ->
        assertThat(rule.getResources()).doesNotContain("*", "secrets"));
    assertThat(role.getRules()).extracting(rule -> String.join(",", rule.getApiGroups()) + "/"
            + String.join(",", rule.getResources()) + ":" + String.join(",", rule.getVerbs()))
        .containsExactly("/configmaps:get,list,watch", "/pods:get,list,watch",
            "shield.cybershield.io/shieldincidents:get,create,patch");
    assertThat(role.getRules()).filteredOn(rule -> rule.getResources().contains("configmaps")).singleElement()
        .satisfies(rule -> assertThat(rule.getResourceNames()).containsExactly("threat-intel-gateway-routes"));
    assertThat(role.getRules()).filteredOn(rule -> rule.getResources().contains("shieldincidents")).singleElement()
        .satisfies(rule -> assertThat(rule.getResourceNames()).as("an alert names its own incident").isEmpty());
    assertThat(ModelGateway.roleBinding(ModelFixtures.threatIntel()).getSubjects()).singleElement()
        .satisfies(subject -> assertThat(subject.getName()).isEqualTo("threat-intel-gateway"));
  }

  @Test
  void withASiemWebhookTheGatewayGetsOnlyItsKeyOfTheSecretMountedReadOnly() throws Exception {
    ShieldModel model = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withTls(null)
        .withAccess(new Access(List.of(), null, new SiemWebhook("splunk-hook", "hook-secret", "2m"))));
    PodSpec pod = ModelGateway.deployment(model, SETTINGS).getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("siem-webhook")).singleElement()
        .satisfies(volume -> {
          assertThat(volume.getSecret().getSecretName()).isEqualTo("splunk-hook");
          assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
          assertThat(volume.getSecret().getItems()).extracting(i -> i.getKey() + "->" + i.getPath())
              .containsExactly("hook-secret->hook-secret");
        });
    assertThat(pod.getSecurityContext().getFsGroup()).as("the group that may read the secret").isEqualTo(1001L);
    assertThat(container.getVolumeMounts()).filteredOn(m -> m.getName().equals("siem-webhook")).singleElement()
        .satisfies(mount -> {
          assertThat(mount.getMountPath()).isEqualTo("/etc/shield/siem-webhook");
          assertThat(mount.getReadOnly()).isTrue();
        });
    assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("SHIELD_SIEM_WEBHOOK_SECRET_FILE"))
        .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("/etc/shield/siem-webhook/hook-secret"));
    // the gateway learns the Secret's name and the clock skew from its routes
    GatewayRoutes routes = new ObjectMapper().readValue(ModelGateway.routesConfigMap(model, "v7").getData()
        .get(GatewayRoutes.KEY), GatewayRoutes.class);
    assertThat(routes.access().siemWebhook()).isEqualTo(new SiemWebhook("splunk-hook", "hook-secret", "2m"));

    ShieldModel defaults = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec
        .withAccess(new Access(List.of(), null, new SiemWebhook("splunk-hook", null, null))));
    assertThat(ModelGateway.deployment(defaults, SETTINGS).getSpec().getTemplate().getSpec().getContainers().get(0)
        .getEnv()).filteredOn(e -> e.getName().equals("SHIELD_SIEM_WEBHOOK_SECRET_FILE")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).as("the key defaults to token")
            .isEqualTo("/etc/shield/siem-webhook/token"));
  }

  @Test
  void withoutASiemWebhookNoSecretIsMounted() {
    ShieldModel model = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withTls(null));
    PodSpec pod = ModelGateway.deployment(model, SETTINGS).getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("tmp");
    assertThat(pod.getContainers().get(0).getEnv()).extracting(e -> e.getName())
        .doesNotContain("SHIELD_SIEM_WEBHOOK_SECRET_FILE");
  }

  @Test
  void oneReplicaGetsNoDisruptionBudgetAndTwoGetOne() {
    assertThat(ModelGateway.disruptionBudgets(ModelFixtures.threatIntel(), new ModelGateway.Settings("i", 1)))
        .isEmpty();
    assertThat(ModelGateway.disruptionBudgets(ModelFixtures.threatIntel(), SETTINGS)).singleElement()
        .satisfies(pdb -> assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
    assertThat(ModelGateway.service(ModelFixtures.threatIntel()).getSpec().getPorts()).extracting(p -> p.getPort())
        .isEqualTo(List.of(8080));
    assertThat(ModelGateway.url(ModelFixtures.cpuSmall())).isEqualTo("http://phishing-small-gateway.default.svc:8080");
  }
}
