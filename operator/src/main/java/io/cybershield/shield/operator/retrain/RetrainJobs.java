package io.cybershield.shield.operator.retrain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cybershield.shield.api.GoDurations;
import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.GpuRequest;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.spec.Dataset;
import io.cybershield.shield.api.v1alpha1.retrain.spec.JobSpec;
import io.cybershield.shield.api.v1alpha1.retrain.spec.RedTeam;
import io.cybershield.shield.api.v1alpha1.retrain.spec.TrainerPlacement;
import io.cybershield.shield.api.v1alpha1.retrain.spec.TrainerSpec;
import io.cybershield.shield.api.v1alpha1.retrain.spec.ValidationSpec;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.model.RestrictedSecurity;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of a retrain run, built from the ShieldRetrain alone: the ConfigMap with the run's inputs
 * ({@code <retrain>-r<N>-inputs}: the hyperparameters and datasets as JSON files, fixed when the run starts), the
 * training Job ({@code <retrain>-r<N>-train}) and the validation Job ({@code <retrain>-r<N>-validate}), and the
 * ServiceAccount both run as ({@code <retrain>-trainer}, with no API token mounted: the Jobs do not talk to
 * Kubernetes).
 * <p>
 * Both Jobs run one pod, never restarted in place ({@code restartPolicy: Never}, {@code backoffLimit: 0}), with a pod
 * failure policy that does not count disruptions (a drained node, a preemption) as failures: a container that exits
 * non-zero fails the run, a lost node retries it. {@code activeDeadlineSeconds} comes from the Job's timeout (72 h for
 * training and 12 h for validation by default). {@code ttlSecondsAfterFinished} is not set: the operator deletes a
 * run's Jobs when the run leaves {@code status.history}, so the pods and their termination messages stay readable as
 * long as the run is listed. The pods follow the restricted Pod Security Standard with a read-only root filesystem
 * and writable scratch volumes, are placed in the trainer's pool (on premises by default) and report their result as
 * one JSON object in {@value #TERMINATION_MESSAGE_PATH}.
 */
public final class RetrainJobs {

  /** Name of the training container. */
  public static final String TRAINER_CONTAINER = "trainer";
  /** Name of the validation container. */
  public static final String EVALUATOR_CONTAINER = "evaluator";
  /** Where the run's inputs ConfigMap is mounted. */
  public static final String INPUTS_PATH = "/etc/shield";
  /** Key (and file name) of the hyperparameters JSON object in the inputs ConfigMap. */
  public static final String HYPERPARAMETERS_FILE = "hyperparameters.json";
  /** Key (and file name) of the datasets JSON array in the inputs ConfigMap. */
  public static final String DATASETS_FILE = "datasets.json";
  /** Where a container writes its result. */
  public static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";
  /** Writable scratch space for checkpoints and downloads. */
  public static final String WORKSPACE_PATH = "/workspace";
  /** User and group the containers run as. */
  public static final long RUN_AS_USER = 1000L;
  /** Training timeout when {@code spec.trainer.timeout} is not set. */
  public static final Duration DEFAULT_TRAINING_TIMEOUT = Duration.ofHours(72);
  /** Validation timeout when {@code spec.validation.timeout} is not set. */
  public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofHours(12);
  /** Prefix of the environment variables the operator sets; user variables with it are dropped. */
  public static final String RESERVED_ENV_PREFIX = "SHIELD_";

  private static final String INPUTS_VOLUME = "inputs";
  private static final String TMP_VOLUME = "tmp";
  private static final String HOME_VOLUME = "home";
  private static final String WORKSPACE_VOLUME = "workspace";
  private static final String SHM_VOLUME = "shm";
  private static final String HOME_PATH = "/home/shield";
  private static final int SHM_GIB_PER_GPU = 2;
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
      true);

  private RetrainJobs() {
  }

  /**
   * What a run trains from: the model the ShieldRetrain fine-tunes and the weights it starts from (the promoted
   * release, else the model's {@code spec.model}).
   *
   * @param model      the ShieldModel's name
   * @param uri        the weights the run starts from
   * @param version    their version, or null
   * @param baseModel  the model's informational base model, or null
   * @param outputRoot where the run writes new weights, before {@code /<version>}
   */
  public record TrainingBase(String model, String uri, String version, String baseModel, String outputRoot) {
  }

  /** The pool a run's Jobs use: the trainer's placement pool, on premises when not set. */
  public static Pool pool(ShieldRetrain retrain) {
    TrainerPlacement placement = retrain.getSpec().trainer().placement();
    return placement == null || placement.pool() == null ? Pool.ONPREM : placement.pool();
  }

  /** Where the run writes its weights: {@code <outputRoot>/<version>}. */
  public static String outputUri(TrainingBase base, String version) {
    String root = base.outputRoot();
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return root + "/" + version;
  }

  /** The ServiceAccount the run's pods use, owned by the ShieldRetrain. */
  public static ServiceAccount serviceAccount(ShieldRetrain retrain) {
    String name = retrain.getMetadata().getName();
    return new ServiceAccountBuilder()
        .withMetadata(metadata(retrain, ShieldNames.trainerServiceAccount(name), labels(name, null, null)))
        .withAutomountServiceAccountToken(false)
        .build();
  }

  /** The run's inputs, fixed when it starts: the hyperparameters and the datasets as JSON files. */
  public static ConfigMap inputs(ShieldRetrain retrain, long run) {
    String name = retrain.getMetadata().getName();
    TrainerSpec trainer = retrain.getSpec().trainer();
    Map<String, String> data = new LinkedHashMap<>();
    data.put(HYPERPARAMETERS_FILE, json(hyperparameters(trainer)));
    data.put(DATASETS_FILE, json(datasets(trainer)));
    return new ConfigMapBuilder()
        .withMetadata(metadata(retrain, ShieldNames.runInputs(name, run), labels(name, run, null)))
        .withImmutable(true)
        .withData(data)
        .build();
  }

  /** The training Job of a run. */
  public static Job training(ShieldRetrain retrain, RetrainRun run, TrainingBase base) {
    String name = retrain.getMetadata().getName();
    TrainerSpec trainer = retrain.getSpec().trainer();
    String version = ShieldNames.runVersion(run.number());
    Map<String, String> env = common(retrain, run, base.model());
    env.put("SHIELD_VERSION", version);
    env.put("SHIELD_MODEL_URI", base.uri());
    putIfSet(env, "SHIELD_MODEL_VERSION", base.version());
    putIfSet(env, "SHIELD_BASE_MODEL", base.baseModel());
    env.put("SHIELD_OUTPUT_URI", outputUri(base, version));
    env.put("SHIELD_DATASETS", json(datasets(trainer)));
    env.put("SHIELD_DATASETS_FILE", INPUTS_PATH + "/" + DATASETS_FILE);
    env.put("SHIELD_HYPERPARAMETERS", json(hyperparameters(trainer)));
    env.put("SHIELD_HYPERPARAMETERS_FILE", INPUTS_PATH + "/" + HYPERPARAMETERS_FILE);
    hyperparameters(trainer).forEach((key, value) -> env.put(hyperparameterVariable(key), value));
    return job(retrain, run, ShieldNames.trainingJob(name, run.number()), ShieldNames.COMPONENT_TRAINER,
        TRAINER_CONTAINER, trainer, env, timeout(trainer, DEFAULT_TRAINING_TIMEOUT));
  }

  /** The validation Job of a run: the evaluator on the held-out dataset and, when configured, the red-team suite. */
  public static Job validation(ShieldRetrain retrain, RetrainRun run, String model) {
    String name = retrain.getMetadata().getName();
    ValidationSpec validation = retrain.getSpec().validation();
    Map<String, String> env = common(retrain, run, model);
    env.put("SHIELD_VERSION", run.version());
    env.put("SHIELD_CANDIDATE_URI", run.uri());
    env.put("SHIELD_EVAL_DATASET_URI", validation.dataset().uri());
    if (validation.dataset().classification() != null) {
      env.put("SHIELD_EVAL_DATASET_CLASSIFICATION", classification(validation.dataset().classification()));
    }
    Map<String, Double> limits = QualityGate.limits(validation);
    RedTeam redTeam = validation.redTeam();
    if (redTeam != null) {
      env.put("SHIELD_REDTEAM_SUITE", redTeam.suite());
      env.put("SHIELD_MAX_ATTACK_SUCCESS_RATE", Double.toString(limits.get(QualityGate.MAX_ATTACK_SUCCESS_RATE)));
    }
    env.put("SHIELD_THRESHOLDS", json(limits));
    return job(retrain, run, ShieldNames.validationJob(name, run.number()), ShieldNames.COMPONENT_EVALUATOR,
        EVALUATOR_CONTAINER, validation, env, timeout(validation, DEFAULT_VALIDATION_TIMEOUT));
  }

  /** The environment variable of a hyperparameter: {@code learningRate} becomes {@code SHIELD_HP_LEARNING_RATE}. */
  public static String hyperparameterVariable(String key) {
    StringBuilder out = new StringBuilder("SHIELD_HP_");
    char previous = '_';
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && Character.isLetterOrDigit(previous) && !Character.isUpperCase(previous)) {
        out.append('_');
      }
      char mapped = c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_';
      out.append(mapped);
      previous = c;
    }
    return out.toString();
  }

  /** Labels of a run's objects (and pods): never the model label, so a Job's GPUs are never counted as the model's. */
  public static Map<String, String> labels(String retrain, Long run, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ShieldNames.MANAGED_BY_LABEL, ShieldNames.MANAGED_BY);
    labels.put(ShieldNames.PART_OF_LABEL, ShieldNames.PART_OF);
    labels.put(ShieldNames.RETRAIN_LABEL, retrain);
    if (run != null) {
      labels.put(ShieldNames.RUN_LABEL, Long.toString(run));
    }
    if (component != null) {
      labels.put(ShieldNames.COMPONENT_LABEL, component);
    }
    return labels;
  }

  private static Job job(ShieldRetrain retrain, RetrainRun run, String jobName, String component, String container,
      JobSpec spec, Map<String, String> env, Duration timeout) {
    String name = retrain.getMetadata().getName();
    Pool pool = run.pool() == null ? pool(retrain) : run.pool();
    TrainerPlacement placement = retrain.getSpec().trainer().placement();
    Map<String, String> labels = labels(name, run.number(), component);
    PodSpec pod = new PodSpecBuilder()
        .withRestartPolicy("Never")
        .withServiceAccountName(ShieldNames.trainerServiceAccount(name))
        .withAutomountServiceAccountToken(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true).withRunAsUser(RUN_AS_USER).withRunAsGroup(RUN_AS_USER).withFsGroup(RUN_AS_USER)
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .withNodeSelector(new TreeMap<>(GpuCapacity.effectiveNodeSelector(pool,
            placement == null ? null : placement.nodeSelector())))
        .withTolerations(placement == null || placement.tolerations() == null ? List.<Toleration>of()
            : placement.tolerations())
        .withAffinity(affinity(spec.gpu()))
        .withContainers(container(container, spec, env))
        .withVolumes(volumes(retrain, run.number(), spec.gpu()))
        .build();
    return new JobBuilder()
        .withMetadata(metadata(retrain, jobName, labels))
        .withNewSpec()
        .withBackoffLimit(0)
        .withActiveDeadlineSeconds(timeout.toSeconds())
        .withNewPodFailurePolicy()
        .addNewRule().withAction("Ignore").addNewOnPodCondition().withType("DisruptionTarget").withStatus("True")
        .endOnPodCondition().endRule()
        .endPodFailurePolicy()
        .withNewTemplate()
        .withNewMetadata().withLabels(new LinkedHashMap<>(labels)).endMetadata()
        .withSpec(pod)
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Container container(String name, JobSpec spec, Map<String, String> shieldEnv) {
    List<EnvVar> env = new ArrayList<>();
    shieldEnv.forEach((key, value) -> env.add(new EnvVarBuilder().withName(key).withValue(value).build()));
    if (spec.env() != null) {
      spec.env().stream().filter(e -> e.getName() != null && !e.getName().startsWith(RESERVED_ENV_PREFIX))
          .forEach(env::add);
    }
    env.add(new EnvVarBuilder().withName("HOME").withValue(HOME_PATH).build());
    return new ContainerBuilder()
        .withName(name)
        .withImage(spec.image())
        .withCommand(spec.command() == null ? List.of() : spec.command())
        .withArgs(spec.args() == null ? List.of() : spec.args())
        .withEnv(env)
        .withResources(resources(spec))
        .withTerminationMessagePath(TERMINATION_MESSAGE_PATH)
        .withTerminationMessagePolicy("File")
        .withVolumeMounts(mounts())
        .withSecurityContext(RestrictedSecurity.container())
        .build();
  }

  private static ResourceRequirements resources(JobSpec spec) {
    ResourceRequirementsBuilder resources = new ResourceRequirementsBuilder();
    Map<String, Quantity> requests = new TreeMap<>();
    Map<String, Quantity> limits = new TreeMap<>();
    if (spec.resources() != null) {
      if (spec.resources().getRequests() != null) {
        requests.putAll(spec.resources().getRequests());
      }
      if (spec.resources().getLimits() != null) {
        limits.putAll(spec.resources().getLimits());
      }
    }
    GpuRequest gpu = spec.gpu();
    if (gpu != null && gpu.count() != null && gpu.count() > 0) {
      String resource = gpu.resource() == null || gpu.resource().isEmpty() ? GpuRequest.NVIDIA_GPU : gpu.resource();
      limits.put(resource, new Quantity(Integer.toString(gpu.count())));
      requests.remove(resource);
    }
    return resources.withRequests(requests).withLimits(limits).build();
  }

  private static Affinity affinity(GpuRequest gpu) {
    if (gpu == null || gpu.product() == null || gpu.count() == null || gpu.count() <= 0) {
      return null;
    }
    return new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(GpuRequest.PRODUCT_NODE_LABEL).withOperator("In").withValues(gpu.product())
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity().build();
  }

  private static List<Volume> volumes(ShieldRetrain retrain, long run, GpuRequest gpu) {
    int gpus = gpu == null || gpu.count() == null ? 0 : Math.max(0, gpu.count());
    String shm = Math.max(1, SHM_GIB_PER_GPU * gpus) + "Gi";
    return List.of(
        new VolumeBuilder().withName(INPUTS_VOLUME).withNewConfigMap()
            .withName(ShieldNames.runInputs(retrain.getMetadata().getName(), run)).endConfigMap().build(),
        emptyDir(TMP_VOLUME), emptyDir(HOME_VOLUME), emptyDir(WORKSPACE_VOLUME),
        new VolumeBuilder().withName(SHM_VOLUME).withNewEmptyDir().withMedium("Memory")
            .withSizeLimit(new Quantity(shm)).endEmptyDir().build());
  }

  private static List<VolumeMount> mounts() {
    return List.of(
        new VolumeMountBuilder().withName(INPUTS_VOLUME).withMountPath(INPUTS_PATH).withReadOnly(true).build(),
        new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build(),
        new VolumeMountBuilder().withName(HOME_VOLUME).withMountPath(HOME_PATH).build(),
        new VolumeMountBuilder().withName(WORKSPACE_VOLUME).withMountPath(WORKSPACE_PATH).build(),
        new VolumeMountBuilder().withName(SHM_VOLUME).withMountPath("/dev/shm").build());
  }

  private static Volume emptyDir(String name) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
  }

  private static Map<String, String> common(ShieldRetrain retrain, RetrainRun run, String model) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SHIELD_RETRAIN", retrain.getMetadata().getName());
    env.put("SHIELD_RUN", Long.toString(run.number()));
    env.put("SHIELD_MODEL", model);
    env.put("SHIELD_RESULT_FILE", TERMINATION_MESSAGE_PATH);
    env.put("SHIELD_WORKSPACE", WORKSPACE_PATH);
    return env;
  }

  private static Duration timeout(JobSpec spec, Duration fallback) {
    if (spec.timeout() == null || spec.timeout().isEmpty()) {
      return fallback;
    }
    Duration parsed = GoDurations.parse(spec.timeout());
    return parsed.isZero() || parsed.isNegative() ? fallback : parsed.compareTo(Duration.ofSeconds(1)) < 0
        ? Duration.ofSeconds(1) : parsed;
  }

  private static Map<String, String> hyperparameters(TrainerSpec trainer) {
    return trainer.hyperparameters() == null ? Map.of() : new TreeMap<>(trainer.hyperparameters());
  }

  private static List<Map<String, String>> datasets(TrainerSpec trainer) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Dataset dataset : trainer.datasets()) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("name", dataset.name());
      d.put("uri", dataset.uri());
      d.put("classification", classification(dataset.classification()));
      out.add(d);
    }
    return out;
  }

  private static String classification(DataClassification classification) {
    return classification == null ? null : classification.name().toLowerCase(Locale.ROOT);
  }

  private static void putIfSet(Map<String, String> env, String key, String value) {
    if (value != null && !value.isEmpty()) {
      env.put(key, value);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  private static ObjectMeta metadata(ShieldRetrain retrain, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(retrain.getMetadata().getNamespace())
        .withLabels(new LinkedHashMap<>(labels))
        .withOwnerReferences(owner(retrain))
        .build();
  }

  /** The controller owner reference to the ShieldRetrain: its runs' objects go with it. */
  public static OwnerReference owner(ShieldRetrain retrain) {
    return new OwnerReferenceBuilder()
        .withApiVersion(retrain.getApiVersion())
        .withKind(retrain.getKind())
        .withName(retrain.getMetadata().getName())
        .withUid(retrain.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
