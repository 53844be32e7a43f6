package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.LocalObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pod of a DJL Serving model server: one variant of a ShieldModel in one pool. */
public final class ModelServerPodTemplates {

  /** Name of the model-server container. */
  public static final String CONTAINER_NAME = "djl-serving";
  /** DJL Serving's one port, inference, management and metrics alike. */
  public static final int HTTP_PORT = 8080;
  /** Name of {@link #HTTP_PORT} on the container and the Services. */
  public static final String HTTP_PORT_NAME = "http";
  /** DJL Serving's health endpoint. */
  public static final String PING_PATH = "/ping";

  /** UID and GID of the {@code djl} user of the DJL Serving images. */
  public static final long DJL_USER = 1000L;

  /** Period of the startup probe. */
  static final int STARTUP_PERIOD_SECONDS = 10;
  /** Failures the startup probe tolerates: 180 × 10 s = 30 minutes to download and load the weights. */
  static final int STARTUP_FAILURE_THRESHOLD = 180;
  /** How long a model may take to load before the pod is restarted. */
  public static final int STARTUP_BUDGET_SECONDS = STARTUP_PERIOD_SECONDS * STARTUP_FAILURE_THRESHOLD;
  /** Timeout of each probe: /ping answers from the Java front end, but a busy JVM should not count as dead. */
  static final int PROBE_TIMEOUT_SECONDS = 5;

  /** Long enough for DJL Serving to finish streams in flight; GPU memory is freed when the process exits. */
  static final long TERMINATION_GRACE_PERIOD_SECONDS = 60L;
  /**
   * Seconds a terminating pod keeps serving, so that the gateway and kube-proxy see it leave the endpoints before
   * DJL Serving stops accepting connections.
   */
  static final long PRE_STOP_SLEEP_SECONDS = 10L;

  /**
   * {@code /dev/shm} per tensor-parallel shard. vLLM's workers and NCCL exchange activations through shared memory
   * between the shards of one replica (NCCL falls back to it when GPUs have no peer-to-peer path, and fails outright
   * when it is too small: the container runtime's default is 64 MiB); 8 GiB per shard covers NCCL's buffers and
   * vLLM's shared-memory broadcast queue with room to spare. The space counts against the pod's memory only when
   * used.
   */
  static final long SHM_GIB_PER_SHARD = 8;
  /** {@code /dev/shm} of a CPU-only variant: PyTorch and the tokenizers still use it, but no NCCL. */
  static final String CPU_SHM = "1Gi";

  /** Node label of the host name, the topology over which replicas of one Deployment are spread. */
  static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";

  static final String SHM_VOLUME = "dshm";
  static final String TMP_VOLUME = "tmp";
  static final String CACHE_VOLUME = "djl-cache";
  static final String HOME_VOLUME = "home";
  static final String LOGS_VOLUME = "logs";
  /** Where the images' log4j configuration writes DJL Serving's logs besides the console. */
  static final String LOGS_PATH = "/opt/djl/logs";

  private ModelServerPodTemplates() {
  }

  /** The pod template of a variant's Deployment in a pool. */
  public static PodTemplateSpec desired(ShieldModel model, Variant variant, Pool pool) {
    String modelName = model.getMetadata().getName();
    ServedVariant served = ServedVariant.of(model, variant);
    ModelWeights weights = ModelWeights.of(served.uri());
    RuntimeSpec runtime = model.getSpec().runtime();

    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(ShieldNames.MODEL_HASH_ANNOTATION,
        TemplateHashes.modelHash(served.uri(), model.getSpec().model().version(), runtime));

    PodTemplateSpec template = new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(ModelMetadata.workloadLabels(model, variant.name(), pool))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(ShieldNames.modelServiceAccount(modelName))
        .withAutomountServiceAccountToken(false)
        // Service links would put <SERVICE>_* variables in the environment; one for a Service called "serving-…"
        // would reach DJL Serving as SERVING_* server configuration.
        .withEnableServiceLinks(false)
        .withImagePullSecrets(imagePullSecrets(runtime))
        .withSecurityContext(podSecurityContext())
        .withTerminationGracePeriodSeconds(TERMINATION_GRACE_PERIOD_SECONDS)
        .withNodeSelector(ModelPools.nodeSelector(model, pool))
        .withTolerations(ModelPools.tolerations(model, pool))
        .withAffinity(affinity(served, ShieldNames.modelPodSelector(modelName, variant.name(), pool)))
        .withContainers(container(model, variant, served, weights))
        .withVolumes(volumes(served, weights))
        .endSpec()
        .build();
    ModelTls.upstreamSecret(model).ifPresent(secret -> serveHttps(template.getSpec(), secret));
    return template;
  }

  /** Where the model servers' certificate is mounted with {@code spec.tls.upstream}. */
  public static final String TLS_VOLUME = "tls";
  public static final String TLS_DIR = "/etc/shield/tls";

  /**
   * With {@code spec.tls.upstream}: DJL Serving serves its one port over HTTPS ({@code inference_address} and
   * {@code management_address} {@code https://0.0.0.0:8080}) from the Secret's {@code tls.crt} and {@code tls.key}
   * ({@code certificate_file}, {@code private_key_file}), mounted read-only for the pod's group; the probes speak
   * HTTPS (the kubelet does not verify the certificate). DJL reads the files at start only: a renewed certificate is
   * served once the pods roll.
   */
  static void serveHttps(io.fabric8.kubernetes.api.model.PodSpec pod, String secret) {
    pod.getVolumes().add(new VolumeBuilder().withName(TLS_VOLUME).withNewSecret().withSecretName(secret)
        .withDefaultMode(0440)
        .addNewItem().withKey(ModelTls.CERT_KEY).withPath(ModelTls.CERT_KEY).endItem()
        .addNewItem().withKey(ModelTls.KEY_KEY).withPath(ModelTls.KEY_KEY).endItem()
        .endSecret().build());
    Container container = pod.getContainers().get(0);
    container.getVolumeMounts().add(new VolumeMountBuilder().withName(TLS_VOLUME).withMountPath(TLS_DIR)
        .withReadOnly(true).build());
    String address = "https://0.0.0.0:" + HTTP_PORT;
    container.getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("SERVING_INFERENCE_ADDRESS").withValue(address).build());
    container.getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("SERVING_MANAGEMENT_ADDRESS").withValue(address).build());
    container.getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("SERVING_CERTIFICATE_FILE").withValue(TLS_DIR + "/" + ModelTls.CERT_KEY).build());
    container.getEnv().add(new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("SERVING_PRIVATE_KEY_FILE").withValue(TLS_DIR + "/" + ModelTls.KEY_KEY).build());
    for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(),
        container.getLivenessProbe())) {
      probe.getHttpGet().setScheme("HTTPS");
    }
  }

  private static Container container(ShieldModel model, Variant variant, ServedVariant served, ModelWeights weights) {
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(served.image())
        .addNewPort().withName(HTTP_PORT_NAME).withContainerPort(HTTP_PORT).withProtocol("TCP").endPort()
        .withEnv(DjlServingEnvironment.env(model, served, weights))
        .withResources(resources(variant.resources(), served))
        .withVolumeMounts(volumeMounts(weights))
        .withStartupProbe(ping(STARTUP_PERIOD_SECONDS, STARTUP_FAILURE_THRESHOLD))
        .withReadinessProbe(ping(10, 3))
        .withLivenessProbe(ping(20, 3))
        .withNewLifecycle()
        .withNewPreStop().withNewSleep().withSeconds(PRE_STOP_SLEEP_SECONDS).endSleep().endPreStop()
        .endLifecycle()
        .withSecurityContext(RestrictedSecurity.container())
        .build();
  }

  /** /ping answers 200 once the model is loaded, 500 when it failed and 503 when the error breaker tripped. */
  private static Probe ping(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath(PING_PATH).withPort(new IntOrString(HTTP_PORT_NAME)).withScheme("HTTP").endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .withTimeoutSeconds(PROBE_TIMEOUT_SECONDS)
        .withSuccessThreshold(1)
        .build();
  }

  /**
   * The variant's CPU and memory, and the GPUs as limit and (extended resources cannot be overcommitted, so the API
   * server requires both to be equal) the same request.
   */
  static ResourceRequirements resources(ResourceRequirements variantResources, ServedVariant served) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    if (variantResources != null) {
      copyQuantities(variantResources.getRequests(), requests);
      copyQuantities(variantResources.getLimits(), limits);
    }
    if (served.usesGpu()) {
      Quantity gpus = new Quantity(Integer.toString(served.gpuCount()));
      limits.put(served.gpuResource(), gpus);
      requests.put(served.gpuResource(), new Quantity(Integer.toString(served.gpuCount())));
    }
    ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
    if (!requests.isEmpty()) {
      builder.withRequests(requests);
    }
    if (!limits.isEmpty()) {
      builder.withLimits(limits);
    }
    return builder.build();
  }

  private static void copyQuantities(Map<String, Quantity> from, Map<String, Quantity> to) {
    if (from != null) {
      from.forEach((name, quantity) -> to.put(name, new Quantity(quantity.getAmount(), quantity.getFormat())));
    }
  }

  /**
   * The GPU model when the variant names one, and a preference for spreading the replicas of one Deployment over
   * nodes; only a preference, so that a pool with fewer GPU nodes than replicas still schedules them all.
   */
  private static Affinity affinity(ServedVariant served, Map<String, String> podSelector) {
    AffinityBuilder affinity = new AffinityBuilder();
    if (served.gpuProduct() != null) {
      affinity.withNewNodeAffinity()
          .withNewRequiredDuringSchedulingIgnoredDuringExecution()
          .addNewNodeSelectorTerm()
          .addNewMatchExpression()
          .withKey(GpuRequest.PRODUCT_NODE_LABEL).withOperator("In").withValues(served.gpuProduct())
          .endMatchExpression()
          .endNodeSelectorTerm()
          .endRequiredDuringSchedulingIgnoredDuringExecution()
          .endNodeAffinity();
    }
    affinity.withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withTopologyKey(HOSTNAME_TOPOLOGY)
        .withNewLabelSelector().withMatchLabels(new LinkedHashMap<>(podSelector)).endLabelSelector()
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity();
    return affinity.build();
  }

  /** The restricted Pod Security Standard, at pod level. */
  private static PodSecurityContext podSecurityContext() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(DJL_USER)
        .withRunAsGroup(DJL_USER)
        .withFsGroup(DJL_USER)
        // A claim full of weights is chowned once, not on every mount.
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }


  /**
   * The volumes: shared memory sized by the number of shards; writable emptyDirs for everything DJL Serving and its
   * Python engine write, as the root filesystem is read-only; and the weights when they are mounted. The scratch
   * volumes have no size limit on purpose: s3:// and hf:// weights are downloaded into the cache and their size is
   * not known here.
   */
  static List<Volume> volumes(ServedVariant served, ModelWeights weights) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName(SHM_VOLUME)
        .withNewEmptyDir().withMedium("Memory").withSizeLimit(shmSize(served)).endEmptyDir().build());
    volumes.add(emptyDir(TMP_VOLUME));
    volumes.add(emptyDir(CACHE_VOLUME));
    volumes.add(emptyDir(HOME_VOLUME));
    volumes.add(emptyDir(LOGS_VOLUME));
    weights.mountedVolume().ifPresent(volumes::add);
    return volumes;
  }

  /** Size of {@code /dev/shm}: {@value #SHM_GIB_PER_SHARD} GiB per tensor-parallel shard on GPUs. */
  static Quantity shmSize(ServedVariant served) {
    if (!served.usesGpu()) {
      return new Quantity(CPU_SHM);
    }
    return new Quantity(SHM_GIB_PER_SHARD * served.tensorParallelDegree() + "Gi");
  }

  private static List<VolumeMount> volumeMounts(ModelWeights weights) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(SHM_VOLUME, "/dev/shm"));
    mounts.add(mount(TMP_VOLUME, "/tmp"));
    mounts.add(mount(CACHE_VOLUME, DjlServingEnvironment.DJL_CACHE_DIR));
    mounts.add(mount(HOME_VOLUME, DjlServingEnvironment.HOME));
    mounts.add(mount(LOGS_VOLUME, LOGS_PATH));
    weights.mount().ifPresent(mounts::add);
    return mounts;
  }

  private static Volume emptyDir(String name) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
  }

  private static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
  }

  private static List<LocalObjectReference> imagePullSecrets(RuntimeSpec runtime) {
    List<LocalObjectReference> secrets = new ArrayList<>();
    if (runtime != null && runtime.imagePullSecrets() != null) {
      runtime.imagePullSecrets().forEach(s -> secrets.add(new LocalObjectReferenceBuilder(s).build()));
    }
    return secrets;
  }
}
