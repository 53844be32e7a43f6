package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;
import io.cybershield.shield.operator.ModelEdits;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ModelServerPodTemplatesTest {

  @Test
  void podRunsUnderTheModelServiceAccountWithoutAToken() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    assertThat(pod.getServiceAccountName()).isEqualTo("threat-intel-model");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
  }

  @Test
  void podAndContainerMeetTheRestrictedPodSecurityStandard() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.PRIVATE_CLOUD);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1000L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNull();
    assertThat(pod.getHostPID()).isNull();
    assertThat(pod.getHostIPC()).isNull();
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());

    assertThat(pod.getContainers()).hasSize(1);
    assertThat(pod.getInitContainers()).isNullOrEmpty();
    SecurityContext container = pod.getContainers().get(0).getSecurityContext();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getPrivileged()).isFalse();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getRunAsUser()).isNull();
  }

  @Test
  void containerServesHttpOn8080() {
    Container container = container(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    assertThat(container.getName()).isEqualTo("djl-serving");
    assertThat(container.getImage()).isEqualTo("deepjavalibrary/djl-serving:0.36.0-lmi");
    assertThat(container.getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getContainerPort()).isEqualTo(8080);
      assertThat(port.getProtocol()).isEqualTo("TCP");
    });
  }

  @Test
  void probesGiveTheModelThirtyMinutesToLoadThenWatchPing() {
    Container container = container(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    Probe startup = container.getStartupProbe();
    assertPing(startup);
    assertThat(startup.getPeriodSeconds()).isEqualTo(10);
    assertThat(startup.getFailureThreshold()).isEqualTo(180);
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isEqualTo(30 * 60);

    Probe readiness = container.getReadinessProbe();
    assertPing(readiness);
    assertThat(readiness.getPeriodSeconds()).isEqualTo(10);
    assertThat(readiness.getFailureThreshold()).isEqualTo(3);

    Probe liveness = container.getLivenessProbe();
    assertPing(liveness);
    assertThat(liveness.getPeriodSeconds()).isEqualTo(20);
    assertThat(liveness.getFailureThreshold()).isEqualTo(3);
    assertThat(liveness.getTimeoutSeconds()).isEqualTo(5);

    assertThat(env(container, "MODEL_LOADING_TIMEOUT"))
        .isEqualTo(Integer.toString(startup.getPeriodSeconds() * startup.getFailureThreshold()));
  }

  @Test
  void terminatingPodLeavesTheEndpointsBeforeItStops() {
    Container container = container(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    // endpoints controllers and proxies get 10s to stop sending traffic, well inside the 60s grace period
    assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(10L);
    assertThat(pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM).getTerminationGracePeriodSeconds())
        .isEqualTo(60L);
  }

  @Test
  void wholeGpusAreLimitedAndRequestedAlike() {
    Container container = container(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    assertThat(container.getResources().getLimits()).containsExactly(entry("nvidia.com/gpu", new Quantity("2")));
    assertThat(container.getResources().getRequests()).containsExactly(entry("nvidia.com/gpu", new Quantity("2")));
  }

  @Test
  void migSliceIsTheExtendedResource() {
    Container container = container(ModelFixtures.threatIntel(), "lite", Pool.ONPREM);

    assertThat(container.getResources().getLimits())
        .containsExactly(entry("nvidia.com/mig-3g.40gb", new Quantity("1")));
    assertThat(container.getResources().getRequests())
        .containsExactly(entry("nvidia.com/mig-3g.40gb", new Quantity("1")));
  }

  @Test
  void gpuResourceDefaultsToWholeNvidiaGpus() {
    Container container = container(ModelFixtures.ociCloud(), "full", Pool.ONPREM);

    assertThat(container.getResources().getLimits()).containsExactly(entry("nvidia.com/gpu", new Quantity("4")));
  }

  @Test
  void variantCpuAndMemoryAreMergedWithTheGpus() {
    ShieldModel model = ModelFixtures.threatIntel();
    ShieldModel cpu = ModelFixtures.cpuSmall();
    ModelEdits.editVariant(model, "full", variant -> variant
        .withResources(ModelFixtures.variant(cpu, "cpu").resources()));

    Container container = container(model, "full", Pool.ONPREM);

    assertThat(container.getResources().getRequests()).containsOnly(
        entry("cpu", new Quantity("2")), entry("memory", new Quantity("6Gi")),
        entry("nvidia.com/gpu", new Quantity("2")));
    assertThat(container.getResources().getLimits()).containsOnly(
        entry("memory", new Quantity("6Gi")), entry("nvidia.com/gpu", new Quantity("2")));
  }

  @Test
  void cpuOnlyVariantHasNoGpuAndItsOwnResources() {
    Container container = container(ModelFixtures.cpuSmall(), "cpu", Pool.ONPREM);

    assertThat(container.getImage()).isEqualTo("deepjavalibrary/djl-serving:0.36.0-cpu");
    assertThat(container.getResources().getRequests()).containsOnly(
        entry("cpu", new Quantity("2")), entry("memory", new Quantity("6Gi")));
    assertThat(container.getResources().getLimits()).containsOnly(entry("memory", new Quantity("6Gi")));
    assertThat(pod(ModelFixtures.cpuSmall(), "cpu", Pool.ONPREM).getAffinity().getNodeAffinity()).isNull();
  }

  @Test
  void cpuOnlyVariantGetsTheCpuImageInsteadOfTheDefaultOne() {
    ShieldModel model = ModelFixtures.cpuSmall();
    ModelEdits.editSpec(model, spec -> spec.editRuntime().withImage(RuntimeSpec.DEFAULT_IMAGE).endRuntime());
    assertThat(container(model, "cpu", Pool.ONPREM).getImage()).isEqualTo(ServedVariant.CPU_IMAGE);

    ModelEdits.editSpec(model, spec -> spec.editRuntime().withImage(null).endRuntime());
    assertThat(container(model, "cpu", Pool.ONPREM).getImage()).isEqualTo(ServedVariant.CPU_IMAGE);
  }

  @Test
  void imageTheUserChoseIsKept() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editRuntime()
        .withImage("registry.example/djl-serving:0.36.0-lmi-patched").endRuntime());

    assertThat(container(model, "full", Pool.ONPREM).getImage())
        .isEqualTo("registry.example/djl-serving:0.36.0-lmi-patched");
  }

  @Test
  void imageDefaultsToLmiWhenTheRuntimeIsOmitted() {
    assertThat(container(ModelFixtures.restricted(), "full", Pool.ONPREM).getImage())
        .isEqualTo("deepjavalibrary/djl-serving:0.36.0-lmi");
  }

  @Test
  void gpuProductBecomesARequiredNodeAffinity() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    var terms = pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
    assertThat(terms).singleElement().satisfies(term -> assertThat(term.getMatchExpressions()).singleElement()
        .satisfies(expression -> {
          assertThat(expression.getKey()).isEqualTo("nvidia.com/gpu.product");
          assertThat(expression.getOperator()).isEqualTo("In");
          assertThat(expression.getValues()).containsExactly("NVIDIA-H100-80GB-HBM3");
        }));
  }

  @Test
  void variantWithoutProductHasNoNodeAffinity() {
    assertThat(pod(ModelFixtures.threatIntel(), "lite", Pool.ONPREM).getAffinity().getNodeAffinity()).isNull();
  }

  @Test
  void replicasPreferDifferentNodes() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
        .isNullOrEmpty();
    assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
        .singleElement().satisfies(preferred -> {
          assertThat(preferred.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
          assertThat(preferred.getPodAffinityTerm().getLabelSelector().getMatchLabels())
              .isEqualTo(Map.of("shield.cybershield.io/model", "threat-intel",
                  "shield.cybershield.io/variant", "full",
                  "shield.cybershield.io/component", "model-server",
                  "shield.cybershield.io/pool", "onprem"));
        });
  }

  @Test
  void poolNodeSelectorAndTolerationsAreUsed() {
    ShieldModel model = ModelFixtures.threatIntel();

    PodSpec onPrem = pod(model, "full", Pool.ONPREM);
    assertThat(onPrem.getNodeSelector()).containsExactly(entry("shield.cybershield.io/pool", "onprem"));
    assertThat(onPrem.getTolerations()).isEmpty();

    PodSpec cloud = pod(model, "full", Pool.PRIVATE_CLOUD);
    assertThat(cloud.getNodeSelector()).containsExactly(entry("shield.cybershield.io/pool", "private-cloud"));
    assertThat(cloud.getTolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getOperator()).isEqualTo("Exists");
      assertThat(t.getEffect()).isEqualTo("NoSchedule");
    });
  }

  @Test
  void ownNodeSelectorReplacesThePoolLabel() {
    ShieldModel model = ModelFixtures.threatIntel();
    Map<String, String> own = new LinkedHashMap<>();
    own.put("topology.kubernetes.io/zone", "dc1");
    ModelEdits.editSpec(model, spec -> spec.editPlacement().editOnPrem()
        .withNodeSelector(own).endOnPrem().endPlacement());

    assertThat(pod(model, "full", Pool.ONPREM).getNodeSelector())
        .containsExactly(entry("topology.kubernetes.io/zone", "dc1"));
  }

  @Test
  void poolsWithoutNodeSelectorSelectThePoolLabel() {
    ShieldModel model = ModelFixtures.ociCloud();

    assertThat(pod(model, "full", Pool.ONPREM).getNodeSelector())
        .containsExactly(entry(ShieldNames.POOL_LABEL, ShieldNames.POOL_ONPREM));
    assertThat(pod(model, "full", Pool.PRIVATE_CLOUD).getNodeSelector())
        .containsExactly(entry(ShieldNames.POOL_LABEL, ShieldNames.POOL_PRIVATE_CLOUD));
    assertThat(pod(ModelFixtures.restricted(), "full", Pool.ONPREM).getTolerations())
        .extracting(Toleration::getKey).containsExactly("nvidia.com/gpu");
  }

  @Test
  void tolerationsAreCopiesNotTheModelsObjects() {
    ShieldModel model = ModelFixtures.threatIntel();
    Toleration original = model.getSpec().placement().privateCloud().tolerations().get(0);

    Toleration rendered = pod(model, "full", Pool.PRIVATE_CLOUD).getTolerations().get(0);

    assertThat(rendered).isEqualTo(original).isNotSameAs(original);
  }

  @Test
  void sharedMemoryIsInMemoryAndScalesWithTheShards() {
    assertThat(shm(pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM))).isEqualTo(new Quantity("16Gi"));
    assertThat(shm(pod(ModelFixtures.threatIntel(), "lite", Pool.ONPREM))).isEqualTo(new Quantity("8Gi"));
    assertThat(shm(pod(ModelFixtures.ociCloud(), "full", Pool.ONPREM))).isEqualTo(new Quantity("32Gi"));
    assertThat(shm(pod(ModelFixtures.restricted(), "full", Pool.ONPREM))).isEqualTo(new Quantity("8Gi"));
    assertThat(shm(pod(ModelFixtures.cpuSmall(), "cpu", Pool.ONPREM))).isEqualTo(new Quantity("1Gi"));

    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);
    assertThat(volume(pod, "dshm").getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(mountPath(pod, "dshm")).isEqualTo("/dev/shm");
  }

  @Test
  void everyPathDjlServingWritesIsAWritableEmptyDir() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);
    List<VolumeMount> mounts = pod.getContainers().get(0).getVolumeMounts();

    assertThat(mounts).extracting(VolumeMount::getMountPath)
        .contains("/tmp", "/tmp/.djl.ai", "/home/djl", "/opt/djl/logs", "/dev/shm")
        .doesNotHaveDuplicates();
    for (String path : List.of("/tmp", "/tmp/.djl.ai", "/home/djl", "/opt/djl/logs")) {
      VolumeMount mount = mounts.stream().filter(m -> m.getMountPath().equals(path)).findFirst().orElseThrow();
      assertThat(mount.getReadOnly()).as(path).isNotEqualTo(Boolean.TRUE);
      assertThat(volume(pod, mount.getName()).getEmptyDir()).as(path).isNotNull();
    }
    assertThat(env(pod.getContainers().get(0), "HOME")).isEqualTo("/home/djl");
    assertThat(env(pod.getContainers().get(0), "DJL_CACHE_DIR")).isEqualTo("/tmp/.djl.ai");
    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotHaveDuplicates();
    assertThat(mounts).allSatisfy(m -> assertThat(pod.getVolumes()).extracting(Volume::getName).contains(m.getName()));
  }

  @Test
  void downloadedWeightsNeedNoModelVolume() {
    PodSpec pod = pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM);

    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain(ModelWeights.VOLUME_NAME);
    assertThat(env(pod.getContainers().get(0), "HF_MODEL_ID")).isEqualTo("s3://models/threat-intel");
  }

  @Test
  void pvcWeightsAreMountedReadOnly() {
    PodSpec pod = pod(ModelFixtures.restricted(), "full", Pool.ONPREM);

    Volume model = volume(pod, "model");
    assertThat(model.getPersistentVolumeClaim().getClaimName()).isEqualTo("model-store");
    assertThat(model.getPersistentVolumeClaim().getReadOnly()).isTrue();
    VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
        .filter(m -> m.getName().equals("model")).findFirst().orElseThrow();
    assertThat(mount.getMountPath()).isEqualTo("/opt/ml/model");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(env(pod.getContainers().get(0), "HF_MODEL_ID")).isEqualTo("/opt/ml/model/forensics/v3");
  }

  @Test
  void ociWeightsAreAnImageVolume() {
    PodSpec pod = pod(ModelFixtures.ociCloud(), "full", Pool.PRIVATE_CLOUD);

    Volume model = volume(pod, "model");
    assertThat(model.getImage().getReference()).isEqualTo("registry.example/shield/triage-weights:v2");
    assertThat(model.getPersistentVolumeClaim()).isNull();
    assertThat(mountPath(pod, "model")).isEqualTo("/opt/ml/model");
    assertThat(env(pod.getContainers().get(0), "HF_MODEL_ID")).isEqualTo("/opt/ml/model");
    assertThat(Serialization.asJson(model))
        .isEqualTo("{\"image\":{\"reference\":\"registry.example/shield/triage-weights:v2\"},\"name\":\"model\"}");
  }

  @Test
  void variantUriWinsOverTheModelUri() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editVariant(model, "lite", variant -> variant.withUri("pvc://distilled/threat-intel-lite/"));

    PodSpec pod = pod(model, "lite", Pool.ONPREM);

    assertThat(volume(pod, "model").getPersistentVolumeClaim().getClaimName()).isEqualTo("distilled");
    assertThat(env(pod.getContainers().get(0), "HF_MODEL_ID")).isEqualTo("/opt/ml/model/threat-intel-lite");
  }

  @Test
  void imagePullSecretsComeFromTheRuntime() {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelEdits.editSpec(model, spec -> spec.editRuntime().withImagePullSecrets(
        List.of(new io.fabric8.kubernetes.api.model.LocalObjectReference("registry-creds"))).endRuntime());

    assertThat(pod(model, "full", Pool.ONPREM).getImagePullSecrets())
        .extracting(io.fabric8.kubernetes.api.model.LocalObjectReference::getName).containsExactly("registry-creds");
    assertThat(pod(ModelFixtures.threatIntel(), "full", Pool.ONPREM).getImagePullSecrets()).isEmpty();
  }

  @Test
  void versionChangeChangesTheModelHash() {
    ShieldModel model = ModelFixtures.threatIntel();
    String v7 = hash(model, "full");
    ModelEdits.editSpec(model, spec -> spec.editModel().withVersion("v8").endModel());
    String v8 = hash(model, "full");

    assertThat(v7).isEqualTo("c6bd2fc32d17b8e9687b81ee3623c828");
    assertThat(v8).isNotEqualTo(v7);
    assertThat(hash(ModelFixtures.threatIntel(), "full")).isEqualTo(v7);
  }

  @Test
  void runtimeOrUriChangeChangesTheModelHash() {
    String original = hash(ModelFixtures.threatIntel(), "full");

    ShieldModel image = ModelFixtures.threatIntel();
    ModelEdits.editSpec(image, spec -> spec.editRuntime()
        .withImage("deepjavalibrary/djl-serving:0.37.0-lmi").endRuntime());
    assertThat(hash(image, "full")).isNotEqualTo(original);

    ShieldModel uri = ModelFixtures.threatIntel();
    ModelEdits.editSpec(uri, spec -> spec.editModel().withUri("s3://models/threat-intel-retrained").endModel());
    assertThat(hash(uri, "full")).isNotEqualTo(original);

    assertThat(hash(ModelFixtures.threatIntel(), "lite")).as("lite has its own uri").isNotEqualTo(original);
  }

  @Test
  void modelHashIgnoresTheOrderOfOptions() {
    ShieldModel model = ModelFixtures.ociCloud();
    String original = hash(model, "full");
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("enable_lora", "true");
    reversed.put("gpu_memory_utilization", "0.9");
    ModelEdits.editSpec(model, spec -> spec.editRuntime().withOptions(reversed).endRuntime());

    assertThat(hash(model, "full")).isEqualTo(original);
  }

  @Test
  void podTemplateIsTheSameForTheSameSpec() {
    assertThat(ModelServerPodTemplates.desired(ModelFixtures.threatIntel(),
        ModelFixtures.variant(ModelFixtures.threatIntel(), "full"), Pool.ONPREM))
        .isEqualTo(ModelServerPodTemplates.desired(ModelFixtures.threatIntel(),
            ModelFixtures.variant(ModelFixtures.threatIntel(), "full"), Pool.ONPREM));
  }

  private static void assertPing(Probe probe) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo("/ping");
    assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
    assertThat(probe.getExec()).isNull();
    assertThat(probe.getTcpSocket()).isNull();
  }

  static PodTemplateSpec template(ShieldModel model, String variant, Pool pool) {
    return ModelServerPodTemplates.desired(model, ModelFixtures.variant(model, variant), pool);
  }

  static PodSpec pod(ShieldModel model, String variant, Pool pool) {
    return template(model, variant, pool).getSpec();
  }

  static Container container(ShieldModel model, String variant, Pool pool) {
    return pod(model, variant, pool).getContainers().get(0);
  }

  static String env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
        .orElse(null);
  }

  private static String hash(ShieldModel model, String variant) {
    return template(model, variant, Pool.ONPREM).getMetadata().getAnnotations()
        .get(ShieldNames.MODEL_HASH_ANNOTATION);
  }

  private static Quantity shm(PodSpec pod) {
    return volume(pod, "dshm").getEmptyDir().getSizeLimit();
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static String mountPath(PodSpec pod, String volume) {
    return pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getName().equals(volume))
        .map(VolumeMount::getMountPath).findFirst().orElseThrow(() -> new AssertionError("no mount of " + volume));
  }

  @Test
  void withUpstreamTlsDjlServingServesHttpsFromTheMountedSecret() {
    ShieldModel model = ModelEdits.editSpec(ModelFixtures.threatIntel(), spec -> spec.withTls(
        new io.cybershield.shield.api.v1alpha1.model.spec.TlsSpec("threat-intel-tls", null,
            new io.cybershield.shield.api.v1alpha1.model.spec.UpstreamTls("threat-intel-djl-tls"))));
    PodSpec pod = ModelServerPodTemplates.desired(model, ModelFixtures.variant(model, "full"), Pool.ONPREM)
        .getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tls")).singleElement().satisfies(volume -> {
      assertThat(volume.getSecret().getSecretName()).isEqualTo("threat-intel-djl-tls");
      assertThat(volume.getSecret().getItems()).extracting(item -> item.getKey())
          .containsExactly("tls.crt", "tls.key");
      assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
    });
    assertThat(container.getVolumeMounts()).filteredOn(m -> m.getName().equals("tls")).singleElement()
        .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/shield/tls"));
    Map<String, String> env = new LinkedHashMap<>();
    container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
    assertThat(env).contains(
        entry("SERVING_INFERENCE_ADDRESS", "https://0.0.0.0:8080"),
        entry("SERVING_MANAGEMENT_ADDRESS", "https://0.0.0.0:8080"),
        entry("SERVING_CERTIFICATE_FILE", "/etc/shield/tls/tls.crt"),
        entry("SERVING_PRIVATE_KEY_FILE", "/etc/shield/tls/tls.key"));
    assertThat(List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe()))
        .allSatisfy(probe -> assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTPS"));
  }

  @Test
  void withoutUpstreamTlsDjlServingServesHttp() {
    PodSpec pod = ModelServerPodTemplates.desired(ModelFixtures.threatIntel(),
        ModelFixtures.variant(ModelFixtures.threatIntel(), "full"), Pool.ONPREM).getSpec();
    Container container = pod.getContainers().get(0);
    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain("tls");
    assertThat(container.getEnv()).extracting(EnvVar::getName).doesNotContain("SERVING_INFERENCE_ADDRESS",
        "SERVING_CERTIFICATE_FILE");
    assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
  }
}
