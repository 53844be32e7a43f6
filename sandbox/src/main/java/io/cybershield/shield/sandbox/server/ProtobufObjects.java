package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protobuf request bodies of client-go 1.32's typed clients ({@code kubectl create namespace|configmap|secret|
 * role|deployment|...}, {@code kubectl auth can-i|whoami}), read into the JSON every other request carries.
 *
 * <p>A body is the {@code k8s\0} magic and a {@code runtime.Unknown} (typeMeta 1 {apiVersion 1, kind 2}, raw 2,
 * contentEncoding 3, contentType 4) around the object's message. The object is read by a {@link Message} schema:
 * the field numbers of {@code k8s.io/api/.../generated.proto} and {@code k8s.io/apimachinery/.../generated.proto},
 * written here for the kinds kubectl's typed commands send and checked against what the real kubectl sends (the
 * bodies recorded in the tests' resources). The Go marshaller writes every non-pointer field, zero or not, so a zero
 * scalar becomes no JSON field (as {@code omitempty} has it) unless the field is a pointer ({@link Type#keep}) —
 * pointers are only written when set. A field the schema does not know is refused with the 415 a JSON-only server
 * answers rather than dropped, unless it is empty.
 */
final class ProtobufObjects {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] MAGIC = { 'k', '8', 's', 0 };

  private ProtobufObjects() {
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The envelope

  /** The {@code runtime.Unknown} around an object. */
  record Envelope(String apiVersion, String kind, byte[] raw, String contentEncoding, String contentType) {
  }

  static boolean hasMagic(byte[] body) {
    return body != null && body.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC);
  }

  static Envelope envelope(byte[] body) {
    if (!hasMagic(body)) {
      throw Statuses.badRequest("provided object is not a protobuf object: the k8s prefix is missing");
    }
    String apiVersion = "";
    String kind = "";
    byte[] raw = new byte[0];
    String contentEncoding = "";
    String contentType = "";
    for (Field field : fields(Arrays.copyOfRange(body, MAGIC.length, body.length))) {
      switch (field.number()) {
        case 1 -> {
          for (Field typeField : fields(field.bytesOrEmpty())) {
            if (typeField.number() == 1) {
              apiVersion = typeField.string();
            } else if (typeField.number() == 2) {
              kind = typeField.string();
            }
          }
        }
        case 2 -> raw = field.bytesOrEmpty();
        case 3 -> contentEncoding = field.string();
        case 4 -> contentType = field.string();
        default -> {
        }
      }
    }
    return new Envelope(apiVersion, kind, raw, contentEncoding, contentType);
  }

  /** The kinds whose protobuf bodies are read, as {@code apiVersion/kind} → schema. */
  static boolean knows(String apiVersion, String kind) {
    return KINDS.containsKey(apiVersion + "/" + kind);
  }

  /**
   * The JSON object of a protobuf body ({@code kind} and {@code apiVersion} first, as a client writes them); the 415
   * of a JSON-only server for a kind that is not read here or an encoding that is not protobuf.
   */
  static ObjectNode decode(byte[] body) {
    Envelope envelope = envelope(body);
    if (!envelope.contentEncoding().isEmpty()) {
      throw unsupported();
    }
    if (!envelope.contentType().isEmpty() && !envelope.contentType().startsWith(ProtobufBodies.MEDIA_TYPE)) {
      throw unsupported();
    }
    Message schema = KINDS.get(envelope.apiVersion() + "/" + envelope.kind());
    if (schema == null) {
      throw unsupported();
    }
    ObjectNode out = JSON.objectNode();
    out.put("kind", envelope.kind());
    out.put("apiVersion", envelope.apiVersion());
    read(schema, envelope.raw(), out);
    return out;
  }

  static ApiException unsupported() {
    return Statuses.unsupportedMediaType("application/json, application/yaml");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Schemas

  /** How a field's value is read and written as JSON. */
  enum Kind {
    STRING, INT, BOOL, BYTES, MESSAGE, INLINE, MAP_STRING, MAP_BYTES, MAP_QUANTITY, TIME, QUANTITY, INT_OR_STRING,
    RAW_JSON
  }

  /** A field: its JSON name, how it reads, whether repeated, whether a zero value is kept (a Go pointer). */
  record Type(String json, Kind kind, boolean repeated, boolean keep, Message message) {
  }

  /** A message: its name (for errors) and fields by number; built once, then only read. */
  static final class Message {
    final String name;
    final Map<Integer, Type> fields = new HashMap<>();

    Message(String name) {
      this.name = name;
    }

    private Message add(int number, String json, Kind kind, boolean repeated, boolean keep, Message message) {
      fields.put(number, new Type(json, kind, repeated, keep, message));
      return this;
    }

    Message str(int n, String json) {
      return add(n, json, Kind.STRING, false, false, null);
    }

    /** A {@code *string}: written when set, even if empty. */
    Message strPtr(int n, String json) {
      return add(n, json, Kind.STRING, false, true, null);
    }

    Message strs(int n, String json) {
      return add(n, json, Kind.STRING, true, false, null);
    }

    Message num(int n, String json) {
      return add(n, json, Kind.INT, false, false, null);
    }

    /** A {@code *int32}/{@code *int64}, or an int without {@code omitempty}: 0 is kept. */
    Message numPtr(int n, String json) {
      return add(n, json, Kind.INT, false, true, null);
    }

    Message nums(int n, String json) {
      return add(n, json, Kind.INT, true, false, null);
    }

    Message bool(int n, String json) {
      return add(n, json, Kind.BOOL, false, false, null);
    }

    Message boolPtr(int n, String json) {
      return add(n, json, Kind.BOOL, false, true, null);
    }

    Message msg(int n, String json, Message message) {
      return add(n, json, Kind.MESSAGE, false, false, message);
    }

    Message msgs(int n, String json, Message message) {
      return add(n, json, Kind.MESSAGE, true, false, message);
    }

    /** An embedded struct whose fields JSON inlines ({@code json:",inline"}). */
    Message inline(int n, Message message) {
      return add(n, null, Kind.INLINE, false, false, message);
    }

    Message strMap(int n, String json) {
      return add(n, json, Kind.MAP_STRING, false, false, null);
    }

    Message bytesMap(int n, String json) {
      return add(n, json, Kind.MAP_BYTES, false, false, null);
    }

    Message quantities(int n, String json) {
      return add(n, json, Kind.MAP_QUANTITY, false, false, null);
    }

    Message time(int n, String json) {
      return add(n, json, Kind.TIME, false, false, null);
    }

    Message quantity(int n, String json) {
      return add(n, json, Kind.QUANTITY, false, false, null);
    }

    Message intOrString(int n, String json) {
      return add(n, json, Kind.INT_OR_STRING, false, false, null);
    }

    Message rawJson(int n, String json) {
      return add(n, json, Kind.RAW_JSON, false, false, null);
    }
  }

  private static Message m(String name) {
    return new Message(name);
  }

  // k8s.io/apimachinery/pkg/apis/meta/v1
  static final Message OWNER_REFERENCE = m("OwnerReference").str(1, "kind").str(3, "name").str(4, "uid")
      .str(5, "apiVersion").boolPtr(6, "controller").boolPtr(7, "blockOwnerDeletion");
  static final Message FIELDS_V1 = m("FieldsV1");
  static final Message MANAGED_FIELDS_ENTRY = m("ManagedFieldsEntry").str(1, "manager").str(2, "operation")
      .str(3, "apiVersion").time(4, "time").str(6, "fieldsType").rawJson(7, "fieldsV1").str(8, "subresource");
  static final Message OBJECT_META = m("ObjectMeta").str(1, "name").str(2, "generateName").str(3, "namespace")
      .str(4, "selfLink").str(5, "uid").str(6, "resourceVersion").num(7, "generation")
      .time(8, "creationTimestamp").time(9, "deletionTimestamp").numPtr(10, "deletionGracePeriodSeconds")
      .strMap(11, "labels").strMap(12, "annotations").msgs(13, "ownerReferences", OWNER_REFERENCE)
      .strs(14, "finalizers").msgs(17, "managedFields", MANAGED_FIELDS_ENTRY);
  static final Message LABEL_SELECTOR_REQUIREMENT = m("LabelSelectorRequirement").str(1, "key").str(2, "operator")
      .strs(3, "values");
  static final Message LABEL_SELECTOR = m("LabelSelector").strMap(1, "matchLabels")
      .msgs(2, "matchExpressions", LABEL_SELECTOR_REQUIREMENT);
  static final Message DELETE_OPTIONS = m("DeleteOptions").numPtr(1, "gracePeriodSeconds")
      .msg(2, "preconditions", m("Preconditions").strPtr(1, "uid").strPtr(2, "resourceVersion"))
      .boolPtr(3, "orphanDependents").strPtr(4, "propagationPolicy").strs(5, "dryRun")
      .boolPtr(6, "ignoreStoreReadErrorWithClusterBreakingPotential");
  static final Message CONDITION = m("Condition").str(1, "type").str(2, "status").num(3, "observedGeneration")
      .time(4, "lastTransitionTime").str(5, "reason").str(6, "message");

  // k8s.io/api/core/v1
  static final Message OBJECT_REFERENCE = m("ObjectReference").str(1, "kind").str(2, "namespace").str(3, "name")
      .str(4, "uid").str(5, "apiVersion").str(6, "resourceVersion").str(7, "fieldPath");
  static final Message LOCAL_OBJECT_REFERENCE = m("LocalObjectReference").str(1, "name");
  static final Message NAMESPACE = m("Namespace").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("NamespaceSpec").strs(1, "finalizers"))
      .msg(3, "status", m("NamespaceStatus").str(1, "phase").msgs(2, "conditions", m("NamespaceCondition")
          .str(1, "type").str(2, "status").time(4, "lastTransitionTime").str(5, "reason").str(6, "message")));
  static final Message SERVICE_ACCOUNT = m("ServiceAccount").msg(1, "metadata", OBJECT_META)
      .msgs(2, "secrets", OBJECT_REFERENCE).msgs(3, "imagePullSecrets", LOCAL_OBJECT_REFERENCE)
      .boolPtr(4, "automountServiceAccountToken");
  static final Message CONFIG_MAP = m("ConfigMap").msg(1, "metadata", OBJECT_META).strMap(2, "data")
      .bytesMap(3, "binaryData").boolPtr(4, "immutable");
  static final Message SECRET = m("Secret").msg(1, "metadata", OBJECT_META).bytesMap(2, "data").str(3, "type")
      .strMap(4, "stringData").boolPtr(5, "immutable");
  static final Message RESOURCE_QUOTA = m("ResourceQuota").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("ResourceQuotaSpec").quantities(1, "hard").strs(2, "scopes")
          .msg(3, "scopeSelector", m("ScopeSelector").msgs(1, "matchExpressions",
              m("ScopedResourceSelectorRequirement").str(1, "scopeName").str(2, "operator").strs(3, "values"))))
      .msg(3, "status", m("ResourceQuotaStatus").quantities(1, "hard").quantities(2, "used"));
  static final Message SELECTOR_KEY = m("KeySelector").inline(1, LOCAL_OBJECT_REFERENCE).str(2, "key")
      .boolPtr(3, "optional");
  static final Message ENV_VAR = m("EnvVar").str(1, "name").str(2, "value")
      .msg(3, "valueFrom", m("EnvVarSource")
          .msg(1, "fieldRef", m("ObjectFieldSelector").str(1, "apiVersion").str(2, "fieldPath"))
          .msg(2, "resourceFieldRef", m("ResourceFieldSelector").str(1, "containerName").str(2, "resource")
              .quantity(3, "divisor"))
          .msg(3, "configMapKeyRef", SELECTOR_KEY).msg(4, "secretKeyRef", SELECTOR_KEY));
  static final Message ENV_FROM_SOURCE = m("EnvFromSource").str(1, "prefix")
      .msg(2, "configMapRef", m("ConfigMapEnvSource").inline(1, LOCAL_OBJECT_REFERENCE).boolPtr(2, "optional"))
      .msg(3, "secretRef", m("SecretEnvSource").inline(1, LOCAL_OBJECT_REFERENCE).boolPtr(2, "optional"));
  static final Message CONTAINER = m("Container").str(1, "name").str(2, "image").strs(3, "command")
      .strs(4, "args").str(5, "workingDir")
      .msgs(6, "ports", m("ContainerPort").str(1, "name").num(2, "hostPort").numPtr(3, "containerPort")
          .str(4, "protocol").str(5, "hostIP"))
      .msgs(7, "env", ENV_VAR)
      .msg(8, "resources", m("ResourceRequirements").quantities(1, "limits").quantities(2, "requests"))
      .msgs(9, "volumeMounts", m("VolumeMount").str(1, "name").bool(2, "readOnly").str(3, "mountPath")
          .str(4, "subPath").strPtr(5, "mountPropagation").str(6, "subPathExpr").strPtr(7, "recursiveReadOnly"))
      .str(13, "terminationMessagePath").str(14, "imagePullPolicy").bool(16, "stdin").bool(17, "stdinOnce")
      .bool(18, "tty").msgs(19, "envFrom", ENV_FROM_SOURCE).str(20, "terminationMessagePolicy")
      .strPtr(24, "restartPolicy");
  static final Message POD_SPEC = m("PodSpec").msgs(2, "containers", CONTAINER).str(3, "restartPolicy")
      .numPtr(4, "terminationGracePeriodSeconds").numPtr(5, "activeDeadlineSeconds").str(6, "dnsPolicy")
      .strMap(7, "nodeSelector").str(8, "serviceAccountName").str(9, "serviceAccount").str(10, "nodeName")
      .bool(11, "hostNetwork").bool(12, "hostPID").bool(13, "hostIPC")
      .msg(14, "securityContext", m("PodSecurityContext").numPtr(2, "runAsUser").boolPtr(3, "runAsNonRoot")
          .nums(4, "supplementalGroups").numPtr(5, "fsGroup").numPtr(6, "runAsGroup"))
      .msgs(15, "imagePullSecrets", LOCAL_OBJECT_REFERENCE).str(16, "hostname").str(17, "subdomain")
      .str(19, "schedulerName").msgs(20, "initContainers", CONTAINER).boolPtr(21, "automountServiceAccountToken")
      .msgs(22, "tolerations", m("Toleration").str(1, "key").str(2, "operator").str(3, "value").str(4, "effect")
          .numPtr(5, "tolerationSeconds"))
      .str(24, "priorityClassName").numPtr(25, "priority").boolPtr(27, "shareProcessNamespace")
      .strPtr(29, "runtimeClassName").boolPtr(30, "enableServiceLinks").strPtr(31, "preemptionPolicy")
      .boolPtr(35, "setHostnameAsFQDN").boolPtr(37, "hostUsers");
  static final Message POD_TEMPLATE_SPEC = m("PodTemplateSpec").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", POD_SPEC);
  static final Message SERVICE = m("Service").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("ServiceSpec")
          .msgs(1, "ports", m("ServicePort").str(1, "name").str(2, "protocol").numPtr(3, "port")
              .intOrString(4, "targetPort").num(5, "nodePort").strPtr(6, "appProtocol"))
          .strMap(2, "selector").str(3, "clusterIP").str(4, "type").strs(5, "externalIPs")
          .str(7, "sessionAffinity").str(8, "loadBalancerIP").strs(9, "loadBalancerSourceRanges")
          .str(10, "externalName").str(11, "externalTrafficPolicy").num(12, "healthCheckNodePort")
          .bool(13, "publishNotReadyAddresses").strPtr(17, "ipFamilyPolicy").strs(18, "clusterIPs")
          .strs(19, "ipFamilies").boolPtr(20, "allocateLoadBalancerNodePorts").strPtr(21, "loadBalancerClass")
          .strPtr(22, "internalTrafficPolicy").strPtr(23, "trafficDistribution"))
      .msg(3, "status", m("ServiceStatus").msg(1, "loadBalancer", m("LoadBalancerStatus"))
          .msgs(2, "conditions", CONDITION));

  // k8s.io/api/rbac/v1
  static final Message POLICY_RULE = m("PolicyRule").strs(1, "verbs").strs(2, "apiGroups").strs(3, "resources")
      .strs(4, "resourceNames").strs(5, "nonResourceURLs");
  static final Message ROLE = m("Role").msg(1, "metadata", OBJECT_META).msgs(2, "rules", POLICY_RULE);
  static final Message CLUSTER_ROLE = m("ClusterRole").msg(1, "metadata", OBJECT_META)
      .msgs(2, "rules", POLICY_RULE)
      .msg(3, "aggregationRule", m("AggregationRule").msgs(1, "clusterRoleSelectors", LABEL_SELECTOR));
  static final Message SUBJECT = m("Subject").str(1, "kind").str(2, "apiGroup").str(3, "name").str(4, "namespace");
  static final Message ROLE_REF = m("RoleRef").str(1, "apiGroup").str(2, "kind").str(3, "name");
  static final Message ROLE_BINDING = m("RoleBinding").msg(1, "metadata", OBJECT_META)
      .msgs(2, "subjects", SUBJECT).msg(3, "roleRef", ROLE_REF);

  // k8s.io/api/apps/v1
  static final Message DEPLOYMENT = m("Deployment").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("DeploymentSpec").numPtr(1, "replicas").msg(2, "selector", LABEL_SELECTOR)
          .msg(3, "template", POD_TEMPLATE_SPEC)
          .msg(4, "strategy", m("DeploymentStrategy").str(1, "type").msg(2, "rollingUpdate",
              m("RollingUpdateDeployment").intOrString(1, "maxUnavailable").intOrString(2, "maxSurge")))
          .num(5, "minReadySeconds").numPtr(6, "revisionHistoryLimit").bool(7, "paused")
          .numPtr(9, "progressDeadlineSeconds"))
      .msg(3, "status", m("DeploymentStatus").num(1, "observedGeneration").num(2, "replicas")
          .num(3, "updatedReplicas").num(4, "availableReplicas").num(5, "unavailableReplicas")
          .msgs(6, "conditions", m("DeploymentCondition").str(1, "type").str(2, "status").str(4, "reason")
              .str(5, "message").time(6, "lastUpdateTime").time(7, "lastTransitionTime"))
          .num(7, "readyReplicas").numPtr(8, "collisionCount").numPtr(9, "terminatingReplicas"));

  // k8s.io/api/batch/v1
  static final Message JOB_SPEC = m("JobSpec").numPtr(1, "parallelism").numPtr(2, "completions")
      .numPtr(3, "activeDeadlineSeconds").msg(4, "selector", LABEL_SELECTOR).boolPtr(5, "manualSelector")
      .msg(6, "template", POD_TEMPLATE_SPEC).numPtr(7, "backoffLimit").numPtr(8, "ttlSecondsAfterFinished")
      .strPtr(9, "completionMode").boolPtr(10, "suspend").numPtr(12, "backoffLimitPerIndex")
      .numPtr(13, "maxFailedIndexes").strPtr(14, "podReplacementPolicy").strPtr(15, "managedBy");
  static final Message JOB = m("Job").msg(1, "metadata", OBJECT_META).msg(2, "spec", JOB_SPEC)
      .msg(3, "status", m("JobStatus")
          .msgs(1, "conditions", m("JobCondition").str(1, "type").str(2, "status").time(3, "lastProbeTime")
              .time(4, "lastTransitionTime").str(5, "reason").str(6, "message"))
          .time(2, "startTime").time(3, "completionTime").num(4, "active").num(5, "succeeded").num(6, "failed")
          .str(7, "completedIndexes").strPtr(10, "failedIndexes").numPtr(9, "ready").numPtr(11, "terminating"));
  static final Message CRON_JOB = m("CronJob").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("CronJobSpec").str(1, "schedule").numPtr(2, "startingDeadlineSeconds")
          .str(3, "concurrencyPolicy").boolPtr(4, "suspend")
          .msg(5, "jobTemplate", m("JobTemplateSpec").msg(1, "metadata", OBJECT_META).msg(2, "spec", JOB_SPEC))
          .numPtr(6, "successfulJobsHistoryLimit").numPtr(7, "failedJobsHistoryLimit").strPtr(8, "timeZone"))
      .msg(3, "status", m("CronJobStatus").msgs(1, "active", OBJECT_REFERENCE).time(4, "lastScheduleTime")
          .time(5, "lastSuccessfulTime"));

  // k8s.io/api/scheduling/v1
  static final Message PRIORITY_CLASS = m("PriorityClass").msg(1, "metadata", OBJECT_META).numPtr(2, "value")
      .bool(3, "globalDefault").str(4, "description").strPtr(5, "preemptionPolicy");

  // k8s.io/api/policy/v1
  static final Message POD_DISRUPTION_BUDGET = m("PodDisruptionBudget").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("PodDisruptionBudgetSpec").intOrString(1, "minAvailable")
          .msg(2, "selector", LABEL_SELECTOR).intOrString(3, "maxUnavailable")
          .strPtr(4, "unhealthyPodEvictionPolicy"))
      .msg(3, "status", m("PodDisruptionBudgetStatus").num(1, "observedGeneration").numPtr(3, "disruptionsAllowed")
          .numPtr(4, "currentHealthy").numPtr(5, "desiredHealthy").numPtr(6, "expectedPods").msgs(7, "conditions", CONDITION));

  // k8s.io/api/networking/v1
  static final Message INGRESS_BACKEND = m("IngressBackend")
      .msg(4, "service", m("IngressServiceBackend").str(1, "name")
          .msg(2, "port", m("ServiceBackendPort").str(1, "name").num(2, "number")))
      .msg(3, "resource", m("TypedLocalObjectReference").strPtr(1, "apiGroup").str(2, "kind").str(3, "name"));
  static final Message INGRESS = m("Ingress").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("IngressSpec").strPtr(4, "ingressClassName").msg(1, "defaultBackend", INGRESS_BACKEND)
          .msgs(2, "tls", m("IngressTLS").strs(1, "hosts").str(2, "secretName"))
          .msgs(3, "rules", m("IngressRule").str(1, "host").inline(2, m("IngressRuleValue")
              .msg(1, "http", m("HTTPIngressRuleValue").msgs(1, "paths", m("HTTPIngressPath").str(1, "path")
                  .strPtr(3, "pathType").msg(2, "backend", INGRESS_BACKEND))))))
      .msg(3, "status", m("IngressStatus").msg(1, "loadBalancer", m("IngressLoadBalancerStatus")
          .msgs(1, "ingress", m("IngressLoadBalancerIngress").str(1, "ip").str(2, "hostname"))));

  // k8s.io/api/authorization/v1 and authentication/v1: the reviews kubectl auth can-i and whoami post
  static final Message SELF_SUBJECT_ACCESS_REVIEW = m("SelfSubjectAccessReview").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("SelfSubjectAccessReviewSpec")
          .msg(1, "resourceAttributes", m("ResourceAttributes").str(1, "namespace").str(2, "verb").str(3, "group")
              .str(4, "version").str(5, "resource").str(6, "subresource").str(7, "name"))
          .msg(2, "nonResourceAttributes", m("NonResourceAttributes").str(1, "path").str(2, "verb")))
      .msg(3, "status", m("SubjectAccessReviewStatus").bool(1, "allowed").str(2, "reason")
          .str(3, "evaluationError").bool(4, "denied"));
  static final Message SELF_SUBJECT_RULES_REVIEW = m("SelfSubjectRulesReview").msg(1, "metadata", OBJECT_META)
      .msg(2, "spec", m("SelfSubjectRulesReviewSpec").str(1, "namespace"))
      .msg(3, "status", m("SubjectRulesReviewStatus"));
  static final Message SELF_SUBJECT_REVIEW = m("SelfSubjectReview").msg(1, "metadata", OBJECT_META)
      .msg(2, "status", m("SelfSubjectReviewStatus").msg(1, "userInfo", m("UserInfo").str(1, "username")
          .str(2, "uid").strs(3, "groups")));

  private static final Map<String, Message> KINDS = new TreeMap<>(Map.ofEntries(
      Map.entry("v1/DeleteOptions", DELETE_OPTIONS),
      Map.entry("meta.k8s.io/v1/DeleteOptions", DELETE_OPTIONS),
      Map.entry("v1/Namespace", NAMESPACE),
      Map.entry("v1/ServiceAccount", SERVICE_ACCOUNT),
      Map.entry("v1/ConfigMap", CONFIG_MAP),
      Map.entry("v1/Secret", SECRET),
      Map.entry("v1/ResourceQuota", RESOURCE_QUOTA),
      Map.entry("v1/Service", SERVICE),
      Map.entry("rbac.authorization.k8s.io/v1/Role", ROLE),
      Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", CLUSTER_ROLE),
      Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", ROLE_BINDING),
      Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ROLE_BINDING),
      Map.entry("apps/v1/Deployment", DEPLOYMENT),
      Map.entry("batch/v1/Job", JOB),
      Map.entry("batch/v1/CronJob", CRON_JOB),
      Map.entry("scheduling.k8s.io/v1/PriorityClass", PRIORITY_CLASS),
      Map.entry("policy/v1/PodDisruptionBudget", POD_DISRUPTION_BUDGET),
      Map.entry("networking.k8s.io/v1/Ingress", INGRESS),
      Map.entry("authorization.k8s.io/v1/SelfSubjectAccessReview", SELF_SUBJECT_ACCESS_REVIEW),
      Map.entry("authorization.k8s.io/v1/SelfSubjectRulesReview", SELF_SUBJECT_RULES_REVIEW),
      Map.entry("authentication.k8s.io/v1/SelfSubjectReview", SELF_SUBJECT_REVIEW)));

  /** The kinds read, as {@code apiVersion/kind}. */
  static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reading

  private static void read(Message schema, byte[] bytes, ObjectNode out) {
    for (Field field : fields(bytes)) {
      Type type = schema.fields.get(field.number());
      if (type == null) {
        if (field.isEmpty()) {
          continue; // a zero field the marshaller always writes
        }
        throw new ApiException(Statuses.failure(415, "UnsupportedMediaType", "the body of the request was in an "
            + "unknown format - accepted media types include: application/json, application/yaml (the Shield "
            + "sandbox does not read field " + field.number() + " of a protobuf " + schema.name + ")", null));
      }
      value(schema, type, field, out);
    }
  }

  private static void value(Message schema, Type type, Field field, ObjectNode out) {
    switch (type.kind()) {
      case STRING -> {
        String s = field.string();
        if (type.repeated()) {
          out.withArray(type.json()).add(s);
        } else if (!s.isEmpty() || type.keep()) {
          out.put(type.json(), s);
        }
      }
      case INT -> {
        if (field.bytes() != null) {
          // packed
          int[] at = { 0 };
          byte[] packed = field.bytes();
          while (at[0] < packed.length) {
            out.withArray(type.json()).add(number(varint(packed, at)));
          }
        } else if (type.repeated()) {
          out.withArray(type.json()).add(number(field.varint()));
        } else if (field.varint() != 0 || type.keep()) {
          out.set(type.json(), number(field.varint()));
        }
      }
      case BOOL -> {
        boolean b = field.varint() != 0;
        if (b || type.keep()) {
          out.put(type.json(), b);
        }
      }
      case BYTES -> out.put(type.json(), Base64.getEncoder().encodeToString(field.bytesOrEmpty()));
      case MESSAGE -> {
        ObjectNode child = JSON.objectNode();
        read(type.message(), field.bytesOrEmpty(), child);
        if (type.repeated()) {
          out.withArray(type.json()).add(child);
        } else {
          out.set(type.json(), child);
        }
      }
      case INLINE -> read(type.message(), field.bytesOrEmpty(), out);
      case MAP_STRING, MAP_BYTES, MAP_QUANTITY -> {
        String key = "";
        JsonNode value = null;
        for (Field entry : fields(field.bytesOrEmpty())) {
          if (entry.number() == 1) {
            key = entry.string();
          } else if (entry.number() == 2) {
            value = switch (type.kind()) {
              case MAP_STRING -> JSON.textNode(entry.string());
              case MAP_BYTES -> JSON.textNode(Base64.getEncoder().encodeToString(entry.bytesOrEmpty()));
              default -> JSON.textNode(quantity(entry.bytesOrEmpty()));
            };
          }
        }
        if (value == null) {
          value = JSON.textNode(type.kind() == Kind.MAP_QUANTITY ? "0" : "");
        }
        out.withObject(type.json()).set(key, value);
      }
      case TIME -> {
        String time = time(field.bytesOrEmpty());
        if (time != null) {
          out.put(type.json(), time);
        }
      }
      case QUANTITY -> out.put(type.json(), quantity(field.bytesOrEmpty()));
      case INT_OR_STRING -> {
        long kind = 0;
        long intVal = 0;
        String strVal = "";
        for (Field f : fields(field.bytesOrEmpty())) {
          switch (f.number()) {
            case 1 -> kind = f.varint();
            case 2 -> intVal = f.varint();
            case 3 -> strVal = f.string();
            default -> {
            }
          }
        }
        if (kind == 1) {
          out.put(type.json(), strVal);
        } else {
          out.put(type.json(), (int) intVal);
        }
      }
      case RAW_JSON -> {
        byte[] raw = new byte[0];
        for (Field f : fields(field.bytesOrEmpty())) {
          if (f.number() == 1) {
            raw = f.bytesOrEmpty();
          }
        }
        try {
          out.set(type.json(), raw.length == 0 ? JSON.objectNode() : MAPPER.readTree(raw));
        } catch (IOException e) {
          throw Statuses.badRequest("the body of the request could not be decoded: " + schema.name + "."
              + type.json() + " is not JSON");
        }
      }
      default -> throw new IllegalStateException(type.kind().name());
    }
  }

  /** An int as JSON reads it: an int when it fits, as Jackson parses the same number. */
  private static JsonNode number(long value) {
    return value == (int) value ? JSON.numberNode((int) value) : JSON.numberNode(value);
  }

  /** A {@code resource.Quantity}: its string (1). */
  private static String quantity(byte[] bytes) {
    String s = "0";
    for (Field f : fields(bytes)) {
      if (f.number() == 1) {
        s = f.string();
      }
    }
    return s;
  }

  /** A {@code metav1.Time}: seconds (1) and nanos (2) of a Timestamp, RFC 3339 to the second; empty is unset. */
  private static String time(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    long seconds = 0;
    long nanos = 0;
    for (Field f : fields(bytes)) {
      if (f.number() == 1) {
        seconds = f.varint();
      } else if (f.number() == 2) {
        nanos = f.varint();
      }
    }
    Instant instant = Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.SECONDS);
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The wire format

  /** One field: a varint (wire types 0, 1 and 5 read as their integer) or length-delimited bytes. */
  record Field(int number, long varint, byte[] bytes) {
    String string() {
      return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] bytesOrEmpty() {
      return bytes == null ? new byte[0] : bytes;
    }

    boolean isEmpty() {
      return bytes == null ? varint == 0 : bytes.length == 0;
    }
  }

  static List<Field> fields(byte[] message) {
    List<Field> fields = new ArrayList<>();
    int[] at = { 0 };
    try {
      while (at[0] < message.length) {
        long key = varint(message, at);
        int number = (int) (key >>> 3);
        int wireType = (int) (key & 7);
        switch (wireType) {
          case 0 -> fields.add(new Field(number, varint(message, at), null));
          case 1 -> fields.add(new Field(number, fixed(message, at, 8), null));
          case 2 -> {
            long length = varint(message, at);
            if (length < 0 || at[0] + length > message.length) {
              throw new ArrayIndexOutOfBoundsException();
            }
            fields.add(new Field(number, 0, Arrays.copyOfRange(message, at[0], at[0] + (int) length)));
            at[0] += (int) length;
          }
          case 5 -> fields.add(new Field(number, fixed(message, at, 4), null));
          default -> throw new ArrayIndexOutOfBoundsException();
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: malformed protobuf");
    }
    return fields;
  }

  private static long fixed(byte[] bytes, int[] at, int size) {
    if (at[0] + size > bytes.length) {
      throw new ArrayIndexOutOfBoundsException();
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (long) (bytes[at[0] + i] & 0xff) << (8 * i);
    }
    at[0] += size;
    return value;
  }

  static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ArrayIndexOutOfBoundsException();
  }

  static Optional<Message> schema(String apiVersion, String kind) {
    return Optional.ofNullable(KINDS.get(apiVersion + "/" + kind));
  }
}
