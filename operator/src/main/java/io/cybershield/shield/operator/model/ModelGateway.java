package io.cybershield.shield.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Access;
import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.SiemWebhook;
import io.cybershield.shield.api.v1alpha1.ShieldApi;
import io.cybershield.shield.api.v1alpha1.model.spec.LoadMetric;
import io.cybershield.shield.api.v1alpha1.model.spec.SubjectKind;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway of a ShieldModel {@code m}, built from the model and the operator's gateway settings alone: the
 * {@code m-gateway} Deployment (CPU only, stateless, two replicas spread over nodes, restricted pod security, health
 * probes on Quarkus' {@code /q/health}), its Service (port {@code http} 8080), a PodDisruptionBudget, the routing
 * ConfigMap {@code m-gateway-routes} ({@link GatewayRoutes}, with the access roles), the ServiceAccount
 * {@code m-gateway} with a Role that reads only what routing needs (the routes ConfigMap, the model's pods), and
 * a NetworkPolicy
 * admitting clients on the gateway port only. No gateway runs on private-cloud nodes: a gateway of any model carries
 * restricted requests (which only that model's on-prem pods serve) before it routes them.
 */
public final class ModelGateway {

  /** Name of the gateway container and of its port. */
  public static final String CONTAINER_NAME = "gateway";
  public static final String HTTP_PORT_NAME = "http";
  /** Name of the gateway port when it serves HTTPS ({@code spec.tls}); the number stays {@link #HTTP_PORT}. */
  public static final String HTTPS_PORT_NAME = "https";
  public static final int HTTP_PORT = 8080;
  /** The gateway's TLS settings (the gateway's {@code gateway.tls.GatewayTls}) and where the Secrets are mounted. */
  public static final String ENV_TLS_CERT_FILE = "SHIELD_TLS_CERT_FILE";
  public static final String ENV_TLS_KEY_FILE = "SHIELD_TLS_KEY_FILE";
  public static final String ENV_TLS_UPSTREAM_CA_FILE = "SHIELD_TLS_UPSTREAM_CA_FILE";
  public static final String TLS_VOLUME = "tls";
  public static final String TLS_DIR = "/etc/shield/tls";
  public static final String UPSTREAM_CA_VOLUME = "upstream-ca";
  public static final String UPSTREAM_CA_DIR = "/etc/shield/upstream-ca";
  /**
   * The SIEM webhook's secret ({@code spec.access.siemWebhook}): the file the gateway reads it from (the gateway's
   * {@code shield.gateway.siem.webhook-secret-file}) and where its Secret is mounted.
   */
  public static final String ENV_SIEM_WEBHOOK_SECRET_FILE = "SHIELD_SIEM_WEBHOOK_SECRET_FILE";
  public static final String SIEM_WEBHOOK_VOLUME = "siem-webhook";
  public static final String SIEM_WEBHOOK_DIR = "/etc/shield/siem-webhook";
  /** Environment of the gateway container. */
  public static final String ENV_MODEL = "SHIELD_MODEL";
  public static final String ENV_NAMESPACE = "SHIELD_NAMESPACE";
  public static final String ENV_ROUTES = "SHIELD_ROUTES_CONFIGMAP";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The DJL Serving option that bounds how many requests a pod batches at once. */
  static final String MAX_ROLLING_BATCH_SIZE = "max_rolling_batch_size";

  private ModelGateway() {
  }

  /**
   * The operator's settings for gateways.
   *
   * @param image    the gateway image
   * @param replicas replicas per model (2 by default)
   */
  public record Settings(String image, int replicas) {

    /** The image and replica count the operator uses unless configured otherwise. */
    public static final String DEFAULT_IMAGE = "ghcr.io/cybershield/shield-inference-runtime:0.1.0";

    public Settings {
      Objects.requireNonNull(image, "image");
      if (replicas < 1) {
        throw new IllegalArgumentException("a gateway runs at least one replica, got " + replicas);
      }
    }

    /** The defaults: {@value #DEFAULT_IMAGE}, 2 replicas. */
    public static Settings defaults() {
      return new Settings(DEFAULT_IMAGE, 2);
    }
  }

  /** Labels of every gateway object: Shield's model and component labels plus the standard ones. */
  public static Map<String, String> labels(ShieldModel model) {
    String name = model.getMetadata().getName();
    Map<String, String> labels = ShieldNames.modelLabels(name, ShieldNames.COMPONENT_GATEWAY);
    labels.put(ShieldNames.APP_NAME_LABEL, "shield-gateway");
    labels.put(ShieldNames.APP_INSTANCE_LABEL, name);
    return labels;
  }

  /** The routing document: the variants, the priorities they serve, and per pool the selector of their pods. */
  public static GatewayRoutes routes(ShieldModel model, String servedVersion) {
    String name = model.getMetadata().getName();
    List<GatewayRoutes.VariantRoute> variants = new ArrayList<>();
    List<Pool> pools = ModelPools.deployedPools(model);
    for (Variant variant : model.getSpec().variants()) {
      List<GatewayRoutes.PoolRoute> routes = new ArrayList<>();
      for (Pool pool : pools) {
        routes.add(new GatewayRoutes.PoolRoute(pool.value(), ShieldNames.deployment(name, variant.name(), pool),
            ShieldNames.modelPodSelector(name, variant.name(), pool), ModelServerPodTemplates.HTTP_PORT));
      }
      List<String> priorities = variant.priorities() == null ? List.of() : variant.priorities().stream()
          .map(ModelGateway::priority).toList();
      variants.add(new GatewayRoutes.VariantRoute(variant.name(), priorities,
          ShieldNames.service(name, variant.name()), routes, podConcurrency(model)));
    }
    return new GatewayRoutes(GatewayRoutes.SCHEMA_VERSION, name, model.getMetadata().getNamespace(),
        model.getMetadata().getGeneration(), model.getSpec().dataClassification(), servedVersion, variants,
        access(model), ModelTls.upstreamTls(model) ? Boolean.TRUE : null);
  }

  /**
   * {@code spec.access} as the gateway reads it: every ServiceAccount subject with its namespace (the model's when
   * the spec leaves it out), so the gateway matches {@code system:serviceaccount:<namespace>:<name>} exactly.
   */
  static Access access(ShieldModel model) {
    Access access = model.getSpec().access();
    if (access == null) {
      return new Access(List.of(), null);
    }
    String namespace = model.getMetadata().getNamespace();
    List<AccessRole> roles = access.roles() == null ? List.of() : access.roles().stream()
        .map(role -> new AccessRole(role.name(), role.apis(), role.subjects() == null ? List.of()
            : role.subjects().stream()
                .map(subject -> subject.kind() == SubjectKind.SERVICE_ACCOUNT && subject.namespace() == null
                    ? new io.cybershield.shield.api.v1alpha1.model.spec.Subject(subject.kind(), subject.name(), namespace)
                    : subject)
                .toList(), role.rateLimits()))
        .toList();
    return new Access(roles, access.oidc(), access.siemWebhook());
  }

  /**
   * Requests one model pod takes at once, the gateway's capacity figure for its queued-work metric: the autoscaler's
   * per-pod target when it scales on in-flight requests (the load the operator sizes the pool for), else
   * {@code spec.runtime.options.max_rolling_batch_size} (the batch the engine runs before it queues), else DJL
   * Serving's default of {@value GatewayRoutes#DEFAULT_POD_CONCURRENCY}.
   */
  static int podConcurrency(ShieldModel model) {
    ModelAutoscalers.Target target = ModelAutoscalers.target(model);
    if (target.metric() == LoadMetric.INFLIGHT_REQUESTS) {
      return target.averageValue();
    }
    Map<String, String> options = model.getSpec().runtime() == null ? null : model.getSpec().runtime().options();
    String batch = options == null ? null : options.get(MAX_ROLLING_BATCH_SIZE);
    if (batch != null) {
      try {
        int size = Integer.parseInt(batch.trim());
        if (size > 0) {
          return size;
        }
      } catch (NumberFormatException e) {
        // DJL Serving refuses such a value at start-up; the gateway counts with the default meanwhile
      }
    }
    return GatewayRoutes.DEFAULT_POD_CONCURRENCY;
  }

  /** The routing ConfigMap with {@link #routes}. */
  public static ConfigMap routesConfigMap(ShieldModel model, String servedVersion) {
    String json;
    try {
      json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(routes(model, servedVersion));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the routes of " + model.getMetadata().getName(), e);
    }
    return new ConfigMapBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gatewayRoutesConfigMap(model.getMetadata()
            .getName()), labels(model)))
        .withData(Map.of(GatewayRoutes.KEY, json))
        .build();
  }

  /** The gateway Deployment. */
  public static Deployment deployment(ShieldModel model, Settings settings) {
    String name = model.getMetadata().getName();
    Map<String, String> selector = ShieldNames.gatewaySelector(name);
    DeploymentBuilder deployment = new DeploymentBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gateway(name), labels(model)))
        .withNewSpec()
        .withReplicas(settings.replicas())
        .withRevisionHistoryLimit(3)
        .withNewSelector().withMatchLabels(new LinkedHashMap<>(selector)).endSelector()
        .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
        .withNewTemplate()
        .withNewMetadata().withLabels(labels(model)).endMetadata()
        .withNewSpec()
        .withServiceAccountName(ShieldNames.gatewayServiceAccount(name))
        .withAutomountServiceAccountToken(true)
        .withEnableServiceLinks(false)
        .withNewSecurityContext()
        .withRunAsNonRoot(true).withRunAsUser(1001L).withRunAsGroup(1001L)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName(CONTAINER_NAME)
        .withImage(settings.image())
        .addNewPort().withName(portName(model)).withContainerPort(HTTP_PORT).withProtocol("TCP").endPort()
        .addNewEnv().withName(ENV_MODEL).withValue(name).endEnv()
        .addNewEnv().withName(ENV_NAMESPACE).withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
        .endFieldRef().endValueFrom().endEnv()
        .addNewEnv().withName(ENV_ROUTES).withValue(ShieldNames.gatewayRoutesConfigMap(name)).endEnv()
        .addNewEnv().withName("QUARKUS_HTTP_PORT").withValue(Integer.toString(HTTP_PORT)).endEnv()
        .withNewResources()
        .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("memory", new Quantity("512Mi"))
        .endResources()
        .withStartupProbe(probe(model, "/q/health/started", 2, 60))
        .withReadinessProbe(probe(model, "/q/health/ready", 5, 3))
        .withLivenessProbe(probe(model, "/q/health/live", 10, 3))
        .withSecurityContext(RestrictedSecurity.container())
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .endContainer()
        .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
        .withNewAffinity()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm().withTopologyKey("kubernetes.io/hostname")
        .withNewLabelSelector().withMatchLabels(new LinkedHashMap<>(selector)).endLabelSelector()
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .endAffinity()
        .endSpec()
        .endTemplate()
        .endSpec();
    Deployment built = deployment.build();
    mountTls(model, built.getSpec().getTemplate().getSpec());
    mountSiemWebhook(model, built.getSpec().getTemplate().getSpec());
    // any gateway carries restricted requests (served by the on-prem pods of any model) in clear before it routes
    // them, so no gateway runs on a private-cloud node
    built.getSpec().getTemplate().getSpec().getAffinity().setNodeAffinity(
        new io.fabric8.kubernetes.api.model.NodeAffinityBuilder()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewNodeSelectorTerm().addNewMatchExpression()
            .withKey(ShieldNames.POOL_LABEL).withOperator("NotIn").withValues(ShieldNames.POOL_PRIVATE_CLOUD)
            .endMatchExpression().endNodeSelectorTerm()
            .endRequiredDuringSchedulingIgnoredDuringExecution().build());
    return built;
  }

  /**
   * With {@code spec.tls}: the gateway's Secret mounted at {@value #TLS_DIR} (and {@value #ENV_TLS_CERT_FILE},
   * {@value #ENV_TLS_KEY_FILE} pointing at it), so it serves HTTPS only and picks up a rotated Secret by itself (the
   * kubelet updates a Secret volume in place); with {@code spec.tls.upstream}, the model servers' CA (only
   * {@code ca.crt} of their Secret, never their key) at {@value #UPSTREAM_CA_DIR}. The pod's fsGroup owns the files,
   * which only the owner and the group may read.
   */
  static void mountTls(ShieldModel model, io.fabric8.kubernetes.api.model.PodSpec pod) {
    Optional<String> secret = ModelTls.gatewaySecret(model);
    if (secret.isEmpty()) {
      return;
    }
    pod.getSecurityContext().setFsGroup(1001L);
    io.fabric8.kubernetes.api.model.Container container = pod.getContainers().get(0);
    pod.getVolumes().add(new VolumeBuilder().withName(TLS_VOLUME).withNewSecret().withSecretName(secret.get())
        .withDefaultMode(0440).addNewItem().withKey(ModelTls.CERT_KEY).withPath(ModelTls.CERT_KEY).endItem()
        .addNewItem().withKey(ModelTls.KEY_KEY).withPath(ModelTls.KEY_KEY).endItem().endSecret().build());
    container.getVolumeMounts().add(new VolumeMountBuilder().withName(TLS_VOLUME).withMountPath(TLS_DIR)
        .withReadOnly(true).build());
    container.getEnv().add(new EnvVarBuilder().withName(ENV_TLS_CERT_FILE)
        .withValue(TLS_DIR + "/" + ModelTls.CERT_KEY).build());
    container.getEnv().add(new EnvVarBuilder().withName(ENV_TLS_KEY_FILE)
        .withValue(TLS_DIR + "/" + ModelTls.KEY_KEY).build());
    ModelTls.upstreamSecret(model).ifPresent(upstream -> {
      pod.getVolumes().add(new VolumeBuilder().withName(UPSTREAM_CA_VOLUME).withNewSecret()
          .withSecretName(upstream).withDefaultMode(0440)
          .addNewItem().withKey(ModelTls.CA_KEY).withPath(ModelTls.CA_KEY).endItem().endSecret().build());
      container.getVolumeMounts().add(new VolumeMountBuilder().withName(UPSTREAM_CA_VOLUME)
          .withMountPath(UPSTREAM_CA_DIR).withReadOnly(true).build());
      container.getEnv().add(new EnvVarBuilder().withName(ENV_TLS_UPSTREAM_CA_FILE)
          .withValue(UPSTREAM_CA_DIR + "/" + ModelTls.CA_KEY).build());
    });
  }

  /**
   * With {@code spec.access.siemWebhook}: only its key of the Secret, mounted read-only at {@value #SIEM_WEBHOOK_DIR}
   * and named by {@value #ENV_SIEM_WEBHOOK_SECRET_FILE}. Mounted rather than read through the API, so the gateway's
   * Role holds nothing on Secrets; the kubelet rewrites the volume when the Secret changes, and the gateway reads the
   * file again, so a rotated secret needs no restart. Readable by the pod's fsGroup only.
   */
  static void mountSiemWebhook(ShieldModel model, io.fabric8.kubernetes.api.model.PodSpec pod) {
    Access access = model.getSpec().access();
    SiemWebhook webhook = access == null ? null : access.siemWebhook();
    if (webhook == null || webhook.secretName() == null) {
      return;
    }
    pod.getSecurityContext().setFsGroup(1001L);
    io.fabric8.kubernetes.api.model.Container container = pod.getContainers().get(0);
    String key = webhook.keyOrDefault();
    pod.getVolumes().add(new VolumeBuilder().withName(SIEM_WEBHOOK_VOLUME).withNewSecret()
        .withSecretName(webhook.secretName()).withDefaultMode(0440)
        .addNewItem().withKey(key).withPath(key).endItem().endSecret().build());
    container.getVolumeMounts().add(new VolumeMountBuilder().withName(SIEM_WEBHOOK_VOLUME)
        .withMountPath(SIEM_WEBHOOK_DIR).withReadOnly(true).build());
    container.getEnv().add(new EnvVarBuilder().withName(ENV_SIEM_WEBHOOK_SECRET_FILE)
        .withValue(SIEM_WEBHOOK_DIR + "/" + key).build());
  }

  /** The gateway port's name: {@value #HTTPS_PORT_NAME} with {@code spec.tls}, else {@value #HTTP_PORT_NAME}. */
  public static String portName(ShieldModel model) {
    return ModelTls.gatewayTls(model) ? HTTPS_PORT_NAME : HTTP_PORT_NAME;
  }

  /** The gateway's scheme: {@code https} with {@code spec.tls}, else {@code http}. */
  public static String scheme(ShieldModel model) {
    return ModelTls.gatewayTls(model) ? "https" : "http";
  }

  /** The gateway Service: port {@code http} 8080 ({@code https} with {@code spec.tls}). */
  public static Service service(ShieldModel model) {
    String name = model.getMetadata().getName();
    return new ServiceBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gateway(name), labels(model)))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(new LinkedHashMap<>(ShieldNames.gatewaySelector(name)))
        .addNewPort().withName(portName(model)).withPort(HTTP_PORT).withTargetPort(new IntOrString(portName(model)))
        .withProtocol("TCP").endPort()
        .endSpec()
        .build();
  }

  /** One gateway replica may be evicted at a time, when it runs more than one. */
  public static List<PodDisruptionBudget> disruptionBudgets(ShieldModel model, Settings settings) {
    if (settings.replicas() < 2) {
      return List.of();
    }
    String name = model.getMetadata().getName();
    return List.of(new PodDisruptionBudgetBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gateway(name), labels(model)))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(new LinkedHashMap<>(ShieldNames.gatewaySelector(name))).endSelector()
        .withUnhealthyPodEvictionPolicy(ModelDisruptionBudgets.UNHEALTHY_POD_EVICTION_POLICY)
        .endSpec()
        .build());
  }

  /** The gateway's ServiceAccount. */
  public static ServiceAccount serviceAccount(ShieldModel model) {
    return new ServiceAccountBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gatewayServiceAccount(model.getMetadata().getName()),
            labels(model)))
        .build();
  }

  /**
   * What the gateway may do in its namespace: read its routing ConfigMap (routes and access roles) and its model's
   * pods, and — for the SIEM webhook — get, create and patch ShieldIncidents (an alert creates its incident, finds it
   * again on redelivery, raises its severity or resolves it; the gateway never lists, watches or deletes them).
   * Nothing else, Secrets least of all (the webhook's secret is mounted); its TokenReviews come from
   * {@link #authDelegation}.
   */
  public static Role role(ShieldModel model) {
    String name = model.getMetadata().getName();
    List<PolicyRule> rules = List.of(
        new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
            .withResourceNames(ShieldNames.gatewayRoutesConfigMap(name)).withVerbs("get", "list", "watch").build(),
        new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").build(),
        new PolicyRuleBuilder().withApiGroups(ShieldApi.GROUP).withResources("shieldincidents")
            .withVerbs(INCIDENT_VERBS.toArray(String[]::new)).build());
    return new RoleBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gatewayServiceAccount(name), labels(model)))
        .withRules(rules)
        .build();
  }

  /** What the gateway may do with ShieldIncidents (the operator holds the same, to be allowed to grant it). */
  public static final List<String> INCIDENT_VERBS = List.of("get", "create", "patch");

  /** The ClusterRoleBinding that lets every model's gateway review tokens. */
  public static final String AUTH_DELEGATION = "shield-gateways-auth-delegator";
  /** Kubernetes' ClusterRole for TokenReviews and SubjectAccessReviews on a caller's behalf. */
  public static final String AUTH_DELEGATOR_ROLE = "system:auth-delegator";

  /**
   * The gateways' token reviews: one ClusterRoleBinding of {@value #AUTH_DELEGATOR_ROLE} (create TokenReviews and
   * SubjectAccessReviews, nothing else) to the gateway ServiceAccount of every model in {@code models}, sorted so the
   * same models give the same object. Cluster-scoped, so no model owns it; the operator rewrites it from the models it
   * knows.
   */
  public static ClusterRoleBinding authDelegation(java.util.Collection<ShieldModel> models) {
    List<Subject> subjects = models.stream()
        .filter(model -> model.getMetadata().getDeletionTimestamp() == null)
        .map(model -> new SubjectBuilder().withKind("ServiceAccount")
            .withName(ShieldNames.gatewayServiceAccount(model.getMetadata().getName()))
            .withNamespace(model.getMetadata().getNamespace()).build())
        .sorted(java.util.Comparator.comparing(Subject::getNamespace).thenComparing(Subject::getName))
        .distinct()
        .toList();
    return new ClusterRoleBindingBuilder()
        .withNewMetadata().withName(AUTH_DELEGATION)
        .addToLabels(ShieldNames.APP_NAME_LABEL, "shield-gateway")
        .addToLabels(ShieldNames.COMPONENT_LABEL, ShieldNames.COMPONENT_GATEWAY)
        .endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
        .withName(AUTH_DELEGATOR_ROLE).endRoleRef()
        .withSubjects(subjects)
        .build();
  }

  /** Binds {@link #role} to {@link #serviceAccount}. */
  public static RoleBinding roleBinding(ShieldModel model) {
    String name = ShieldNames.gatewayServiceAccount(model.getMetadata().getName());
    return new RoleBindingBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, name, labels(model)))
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(name).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(name)
        .withNamespace(model.getMetadata().getNamespace()).endSubject()
        .build();
  }

  /**
   * Clients may reach the gateway pods on the gateway port only; who may call what is the gateway's business. The
   * port admits every client (the public API's callers are anywhere in the cluster), so Prometheus' scrapes of
   * {@code /q/metrics} and the operator's wake controller's reads of {@code /q/load} need no rule of their own; no
   * other port of the gateway pods is open.
   */
  public static NetworkPolicy networkPolicy(ShieldModel model) {
    String name = model.getMetadata().getName();
    return new NetworkPolicyBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.gatewayNetworkPolicy(name), labels(model)))
        .withNewSpec()
        .withNewPodSelector().withMatchLabels(new LinkedHashMap<>(ShieldNames.gatewaySelector(name))).endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress().addNewPort().withProtocol("TCP").withPort(new IntOrString(HTTP_PORT)).endPort().endIngress()
        .endSpec()
        .build();
  }

  /** The in-cluster URL of the gateway Service. */
  public static String url(ShieldModel model) {
    return scheme(model) + "://" + ShieldNames.gateway(model.getMetadata().getName()) + "."
        + model.getMetadata().getNamespace()
        + ".svc:" + HTTP_PORT;
  }

  /** A probe of the gateway port; over HTTPS with {@code spec.tls} (the kubelet does not verify the certificate). */
  private static Probe probe(ShieldModel model, String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath(path).withPort(new IntOrString(portName(model)))
        .withScheme(scheme(model).toUpperCase(Locale.ROOT)).endHttpGet()
        .withPeriodSeconds(periodSeconds).withFailureThreshold(failureThreshold).withTimeoutSeconds(2)
        .build();
  }

  private static String priority(Priority priority) {
    return priority.name().toLowerCase(Locale.ROOT);
  }
}
