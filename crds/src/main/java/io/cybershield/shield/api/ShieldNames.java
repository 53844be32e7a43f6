package io.cybershield.shield.api;

import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.common.Pool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place that spells the names, labels and annotations of everything the operator creates, so that the
 * operator, the gateway, the tests and the documentation never disagree.
 * <p>
 * For a ShieldModel {@code m} with a variant {@code v}:
 * <ul>
 * <li>Deployments {@code m-v-onprem} and {@code m-v-cloud}, with the PodDisruptionBudget of the same name, and the
 * HorizontalPodAutoscaler {@code m-v-cloud}, or where KEDA is installed the ScaledObject {@code m-v-cloud};</li>
 * <li>Service {@code m-v} over both pools;</li>
 * <li>gateway Deployment, Service, ServiceAccount, Role and RoleBinding {@code m-gateway}, routing ConfigMap
 * {@code m-gateway-routes}, default TLS Secret and cert-manager Certificate {@code m-gateway-tls};</li>
 * <li>default TLS Secret and Certificate of the model servers {@code m-model-server-tls};</li>
 * <li>ServiceAccount {@code m-model} of the model pods, NetworkPolicies {@code m-model} and {@code m-gateway};</li>
 * <li>ServiceMonitor {@code m}.</li>
 * </ul>
 * For a ShieldRetrain {@code r}: Jobs {@code r-r<run>-train} and {@code r-r<run>-validate}, the run's inputs
 * ConfigMap {@code r-r<run>-inputs}, ServiceAccount {@code r-trainer}; a run's default version is {@code r<run>}.
 * <p>
 * ShieldModel names are at most 39 characters and variant names at most 16 (both enforced by the CRD), so every
 * name here is a valid DNS-1035 label of at most 63 characters.
 */
public final class ShieldNames {

  /** Prefix of every Shield label and annotation. */
  public static final String PREFIX = ShieldApi.GROUP + "/";

  /** Label: name of the ShieldModel a resource belongs to. */
  public static final String MODEL_LABEL = PREFIX + "model";
  /** Label: name of the variant a model pod serves. */
  public static final String VARIANT_LABEL = PREFIX + "variant";
  /**
   * Label of model pods and of nodes: the pool, {@value #POOL_ONPREM} or {@value #POOL_PRIVATE_CLOUD}. Pools without
   * a node selector select nodes carrying this label.
   */
  public static final String POOL_LABEL = PREFIX + "pool";
  /** Label: the part of Shield a resource is, see the {@code COMPONENT_*} values. */
  public static final String COMPONENT_LABEL = PREFIX + "component";
  /** Label: name of the ShieldRetrain a Job belongs to. */
  public static final String RETRAIN_LABEL = PREFIX + "retrain";
  /** Label: sequence number of the retrain run a Job belongs to. */
  public static final String RUN_LABEL = PREFIX + "run";

  /** Value of {@link #POOL_LABEL} for the on-premises pool. */
  public static final String POOL_ONPREM = "onprem";
  /** Value of {@link #POOL_LABEL} for the private-cloud pool. */
  public static final String POOL_PRIVATE_CLOUD = "private-cloud";

  /** Value of {@link #COMPONENT_LABEL}: a DJL Serving model pod. */
  public static final String COMPONENT_MODEL_SERVER = "model-server";
  /** Value of {@link #COMPONENT_LABEL}: the gateway. */
  public static final String COMPONENT_GATEWAY = "gateway";
  /** Value of {@link #COMPONENT_LABEL}: a training Job. */
  public static final String COMPONENT_TRAINER = "trainer";
  /** Value of {@link #COMPONENT_LABEL}: a validation Job. */
  public static final String COMPONENT_EVALUATOR = "evaluator";

  /** Standard label {@code app.kubernetes.io/managed-by}. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  /** Value of {@link #MANAGED_BY_LABEL} on everything the operator creates. */
  public static final String MANAGED_BY = "shield-operator";
  /** Standard label {@code app.kubernetes.io/part-of}. */
  public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
  /** Value of {@link #PART_OF_LABEL}. */
  public static final String PART_OF = "shield";

  /** Standard label {@code app.kubernetes.io/name}: the application a resource runs, see {@link #APP_MODEL_SERVER}. */
  public static final String APP_NAME_LABEL = "app.kubernetes.io/name";
  /** Standard label {@code app.kubernetes.io/instance}: the name of the ShieldModel. */
  public static final String APP_INSTANCE_LABEL = "app.kubernetes.io/instance";
  /** Standard label {@code app.kubernetes.io/version}: the model version a workload serves. */
  public static final String APP_VERSION_LABEL = "app.kubernetes.io/version";
  /** Value of {@link #APP_NAME_LABEL} on model-server resources. */
  public static final String APP_MODEL_SERVER = "djl-serving";

  /**
   * Annotation on the pod template of a model-server Deployment: a hash of the weights (uri and version) and of the
   * runtime settings, so that serving other weights always rolls the pods, even when the uri stays the same.
   */
  public static final String MODEL_HASH_ANNOTATION = PREFIX + "model-hash";

  /**
   * Metric the gateway exports: requests it has sent to a variant's pods in a pool and not yet answered, with the
   * Prometheus labels {@value #METRIC_MODEL_LABEL}, {@value #METRIC_VARIANT_LABEL}, {@value #METRIC_POOL_LABEL}. The
   * private-cloud HorizontalPodAutoscalers read it as an External metric, KEDA's ScaledObjects with a Prometheus
   * query.
   */
  public static final String GATEWAY_INFLIGHT_METRIC = "shield_gateway_inflight_requests";
  /**
   * Metric the gateway exports: work beyond the capacity of a variant's ready pods in a pool, that is the requests in
   * flight there beyond {@code ready pods × podConcurrency} of the routing document, which wait in the pods' engine
   * queues (labels {@value #METRIC_MODEL_LABEL}, {@value #METRIC_VARIANT_LABEL}, {@value #METRIC_POOL_LABEL}).
   */
  public static final String GATEWAY_QUEUED_METRIC = "shield_gateway_queued_requests";
  /**
   * Metric the gateway exports: what a variant's ready pods in a pool take at once, {@code ready pods ×
   * podConcurrency} (labels as {@value #GATEWAY_QUEUED_METRIC}). Every gateway replica sees the same pods, so the
   * work beyond capacity of the whole gateway is {@code sum(in flight) − max(capacity)} per variant and pool.
   */
  public static final String GATEWAY_CAPACITY_METRIC = "shield_gateway_capacity_requests";
  /**
   * Counter the gateway exports: requests refused 503 {@code NoReadyUpstream} because no ready pod of their variant
   * was left to take them (labels {@value #METRIC_MODEL_LABEL}, {@value #METRIC_VARIANT_LABEL} — the variant the
   * priority names, {@code none} if none — and {@value #METRIC_PRIORITY_LABEL}): the signal that a parked pool is
   * needed.
   */
  public static final String GATEWAY_UNSERVED_METRIC = "shield_gateway_unserved_requests_total";
  /** Prometheus label of the gateway's unserved-requests counter: the request's priority. */
  public static final String METRIC_PRIORITY_LABEL = "priority";
  /** Prometheus label of the gateway metrics: the ShieldModel. */
  public static final String METRIC_MODEL_LABEL = "model";
  /** Prometheus label of the gateway metrics: the variant. */
  public static final String METRIC_VARIANT_LABEL = "variant";
  /** Prometheus label of the gateway metrics: the pool ({@value #POOL_ONPREM} or {@value #POOL_PRIVATE_CLOUD}). */
  public static final String METRIC_POOL_LABEL = "pool";

  /** Annotation on a ShieldRetrain: any new value starts a run now. */
  public static final String TRIGGER_ANNOTATION = PREFIX + "trigger";
  /** Annotation on a ShieldRetrain with manual promotion: the version to promote. */
  public static final String APPROVE_ANNOTATION = PREFIX + "approve";

  /** Highest run number of a ShieldRetrain, so that Job names stay within 63 characters. */
  public static final long MAX_RUN = 999_999_999L;

  /** Finalizer the operator puts on ShieldIncidents so that a deletion ends the surge visibly. */
  public static final String FINALIZER = PREFIX + "finalizer";

  private ShieldNames() {
  }

  /** The value of {@link #POOL_LABEL} for a pool. */
  public static String poolLabelValue(Pool pool) {
    return Objects.requireNonNull(pool, "pool").value();
  }

  /** Deployment of a variant in a pool: {@code <model>-<variant>-onprem} or {@code <model>-<variant>-cloud}. */
  public static String deployment(String model, String variant, Pool pool) {
    return join(model, variant, Objects.requireNonNull(pool, "pool").nameSuffix());
  }

  /** Service of a variant, selecting its pods in both pools: {@code <model>-<variant>}. */
  public static String service(String model, String variant) {
    return join(model, variant);
  }

  /** HorizontalPodAutoscaler of a variant's private-cloud Deployment; named like that Deployment. */
  public static String horizontalPodAutoscaler(String model, String variant) {
    return deployment(model, variant, Pool.PRIVATE_CLOUD);
  }

  /**
   * KEDA ScaledObject of a variant's private-cloud Deployment, where KEDA is installed instead of the
   * HorizontalPodAutoscaler; named like that Deployment (and like the HPA it replaces).
   */
  public static String scaledObject(String model, String variant) {
    return deployment(model, variant, Pool.PRIVATE_CLOUD);
  }

  /** PodDisruptionBudget of a variant's Deployment in a pool; named like that Deployment. */
  public static String podDisruptionBudget(String model, String variant, Pool pool) {
    return deployment(model, variant, pool);
  }

  /** Label on a ShieldIncident raised from a SIEM alert: the SIEM's name, as a label value. */
  public static final String SIEM_LABEL = PREFIX + "siem";

  /**
   * The ShieldIncident of a SIEM alert: {@code inc-<system>-<alertId>}, lower-cased with every run of other
   * characters turned into one dash. The same alert always gets the same name, so a redelivered alert finds its
   * incident instead of raising a second one. Where that rewrite could merge two alerts ({@code A/1} and {@code a-1})
   * or the name would pass 63 characters, the last eight characters are a hash of the exact system and alert id.
   */
  public static String incident(String system, String alertId) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(alertId, "alertId");
    String readable = "inc-" + slug(system) + "-" + slug(alertId);
    readable = readable.replaceAll("-+", "-").replaceAll("-$", "");
    boolean lossless = system.matches("[a-z0-9]+(-[a-z0-9]+)*") && alertId.matches("[a-z0-9]+(-[a-z0-9]+)*");
    if (lossless && readable.length() <= 63) {
      return readable;
    }
    String hash = sha256(system + "\n" + alertId).substring(0, 8);
    String head = readable.length() > 54 ? readable.substring(0, 54) : readable;
    return head.replaceAll("-+$", "") + "-" + hash;
  }

  /** A label value for a name (at most 63 characters of {@code [a-z0-9-]}, starting and ending alphanumeric). */
  public static String labelValue(String text) {
    String slug = slug(text);
    if (slug.length() > 63) {
      slug = slug.substring(0, 63).replaceAll("-+$", "");
    }
    return slug;
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String slug(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** The gateway's Deployment and Service: {@code <model>-gateway}. */
  public static String gateway(String model) {
    return join(model, "gateway");
  }

  /** The gateway's ServiceAccount, Role and RoleBinding (TokenReview, ShieldIncident creation). */
  public static String gatewayServiceAccount(String model) {
    return gateway(model);
  }

  /** The gateway's routing ConfigMap: {@code <model>-gateway-routes}. */
  public static String gatewayRoutesConfigMap(String model) {
    return join(model, "gateway", "routes");
  }

  /** The Secret the gateway certificate is in when spec.tls.secretName is not set: {@code <model>-gateway-tls}. */
  public static String gatewayTlsSecret(String model) {
    return join(model, "gateway", "tls");
  }

  /** The cert-manager Certificate of the gateway. */
  public static String gatewayCertificate(String model) {
    return gatewayTlsSecret(model);
  }

  /**
   * The Secret the model servers' certificate is in when spec.tls.upstream.secretName is not set (cert-manager writes
   * it): {@code <model>-model-server-tls}.
   */
  public static String modelServerTlsSecret(String model) {
    return join(model, "model", "server", "tls");
  }

  /** The cert-manager Certificate of the model servers, named like its Secret. */
  public static String modelServerCertificate(String model) {
    return modelServerTlsSecret(model);
  }

  /** NetworkPolicy letting only the gateway reach the model pods: {@code <model>-model}. */
  public static String modelNetworkPolicy(String model) {
    return join(model, "model");
  }

  /** NetworkPolicy of the gateway pods: {@code <model>-gateway}. */
  public static String gatewayNetworkPolicy(String model) {
    return gateway(model);
  }

  /** ServiceAccount of the model pods: {@code <model>-model}. */
  public static String modelServiceAccount(String model) {
    return join(model, "model");
  }

  /** ServiceMonitor of a model's pods and gateway: the model's name. */
  public static String serviceMonitor(String model) {
    return requireName(model, "model");
  }

  /** Training Job of a run: {@code <retrain>-r<run>-train}. */
  public static String trainingJob(String retrain, long run) {
    return join(retrain, runNumber(run), "train");
  }

  /** Validation Job of a run: {@code <retrain>-r<run>-validate}. */
  public static String validationJob(String retrain, long run) {
    return join(retrain, runNumber(run), "validate");
  }

  /** ConfigMap with a run's inputs (hyperparameters, datasets), mounted by its Jobs: {@code <retrain>-r<run>-inputs}. */
  public static String runInputs(String retrain, long run) {
    return join(retrain, runNumber(run), "inputs");
  }

  /** The version a run produces unless its trainer reports one: {@code r<run>}. */
  public static String runVersion(long run) {
    return runNumber(run);
  }

  /** ServiceAccount of the Jobs of a ShieldRetrain: {@code <retrain>-trainer}. */
  public static String trainerServiceAccount(String retrain) {
    return join(retrain, "trainer");
  }

  /** Labels every resource the operator creates for a ShieldModel carries. */
  public static Map<String, String> modelLabels(String model, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(PART_OF_LABEL, PART_OF);
    labels.put(MODEL_LABEL, requireName(model, "model"));
    labels.put(COMPONENT_LABEL, requireName(component, "component"));
    return labels;
  }

  /** Selector labels of the pods of one variant in one pool (the Deployment's selector). */
  public static Map<String, String> modelPodSelector(String model, String variant, Pool pool) {
    Map<String, String> labels = variantSelector(model, variant);
    labels.put(POOL_LABEL, poolLabelValue(pool));
    return labels;
  }

  /** Selector labels of the pods of one variant in both pools (the variant Service's selector). */
  public static Map<String, String> variantSelector(String model, String variant) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MODEL_LABEL, requireName(model, "model"));
    labels.put(VARIANT_LABEL, requireName(variant, "variant"));
    labels.put(COMPONENT_LABEL, COMPONENT_MODEL_SERVER);
    return labels;
  }

  /** Selector labels of a model's gateway pods. */
  public static Map<String, String> gatewaySelector(String model) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MODEL_LABEL, requireName(model, "model"));
    labels.put(COMPONENT_LABEL, COMPONENT_GATEWAY);
    return labels;
  }

  private static String runNumber(long run) {
    if (run < 1 || run > MAX_RUN) {
      throw new IllegalArgumentException("run numbers are between 1 and " + MAX_RUN + ", got " + run);
    }
    return "r" + run;
  }

  private static String join(String name, String... parts) {
    StringBuilder joined = new StringBuilder(requireName(name, "name"));
    for (String part : parts) {
      joined.append('-').append(requireName(part, "name part"));
    }
    return joined.toString();
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
