package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaulting a real API server applies to the built-in types the sandbox serves (the part controllers and
 * clients notice: replicas, strategies, selectors a Job generates, pod and service defaults).
 */
final class BuiltinDefaults {

  private static final AtomicInteger SERVICE_IPS = new AtomicInteger(10);

  private BuiltinDefaults() {
  }

  static void onCreate(ResourceType type, ObjectNode object) {
    if (type.isCustom()) {
      return;
    }
    String uid = object.path("metadata").path("uid").asText();
    switch (type.group() + "/" + type.plural()) {
      case "/namespaces" -> {
        object.with("metadata").with("labels").put("kubernetes.io/metadata.name",
            object.path("metadata").path("name").asText());
        object.with("status").put("phase", "Active");
      }
      case "/pods" -> {
        pod(object.with("spec"));
        ObjectNode status = object.putObject("status");
        status.put("phase", "Pending");
        status.put("qosClass", qosClass(object.path("spec")));
      }
      case "/services" -> service(object.with("spec"));
      case "batch/jobs" -> job(object, uid);
      default -> { }
    }
    onUpdate(type, object);
  }

  static void onUpdate(ResourceType type, ObjectNode object) {
    if (type.isCustom()) {
      return;
    }
    switch (type.group() + "/" + type.plural()) {
      case "/secrets" -> {
        if (object.path("type").asText("").isEmpty()) {
          object.put("type", "Opaque");
        }
      }
      case "scheduling.k8s.io/priorityclasses" -> {
        if (!object.has("preemptionPolicy")) {
          object.put("preemptionPolicy", "PreemptLowerPriority");
        }
      }
      case "apps/deployments" -> {
        ObjectNode spec = object.with("spec");
        putIfAbsent(spec, "replicas", 1);
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        putIfAbsent(spec, "progressDeadlineSeconds", 600);
        ObjectNode strategy = spec.with("strategy");
        if (!strategy.has("type")) {
          strategy.put("type", "RollingUpdate");
        }
        if ("RollingUpdate".equals(strategy.path("type").asText())) {
          ObjectNode rolling = strategy.with("rollingUpdate");
          if (!rolling.has("maxSurge")) {
            rolling.put("maxSurge", "25%");
          }
          if (!rolling.has("maxUnavailable")) {
            rolling.put("maxUnavailable", "25%");
          }
        }
        pod(spec.with("template").with("spec"));
      }
      case "apps/replicasets", "apps/statefulsets" -> {
        putIfAbsent(object.with("spec"), "replicas", 1);
        pod(object.with("spec").with("template").with("spec"));
      }
      case "batch/jobs" -> {
        ObjectNode spec = object.with("spec");
        putIfAbsent(spec, "parallelism", 1);
        if (!spec.has("completions") && !spec.has("completionMode")) {
          spec.put("completions", 1);
        }
        putIfAbsent(spec, "backoffLimit", 6);
        if (!spec.has("completionMode")) {
          spec.put("completionMode", "NonIndexed");
        }
        if (!spec.has("suspend")) {
          spec.put("suspend", false);
        }
        pod(spec.with("template").with("spec"));
      }
      default -> { }
    }
  }

  private static void job(ObjectNode job, String uid) {
    ObjectNode spec = job.with("spec");
    String name = job.path("metadata").path("name").asText();
    if (!spec.path("manualSelector").asBoolean(false) && !spec.has("selector")) {
      spec.putObject("selector").putObject("matchLabels").put("batch.kubernetes.io/controller-uid", uid);
    }
    ObjectNode labels = spec.with("template").with("metadata").with("labels");
    labels.put("batch.kubernetes.io/controller-uid", uid);
    labels.put("batch.kubernetes.io/job-name", name);
    labels.put("controller-uid", uid);
    labels.put("job-name", name);
  }

  private static void pod(ObjectNode spec) {
    if (!spec.has("restartPolicy")) {
      spec.put("restartPolicy", "Always");
    }
    if (!spec.has("schedulerName")) {
      spec.put("schedulerName", "default-scheduler");
    }
    putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
    if (!spec.has("dnsPolicy")) {
      spec.put("dnsPolicy", "ClusterFirst");
    }
    if (!spec.has("securityContext")) {
      spec.putObject("securityContext");
    }
    for (String list : new String[] { "initContainers", "containers" }) {
      for (JsonNode container : spec.path(list)) {
        ObjectNode c = (ObjectNode) container;
        if (!c.has("imagePullPolicy")) {
          String image = c.path("image").asText();
          String tag = image.contains("@") ? "digest" : image.replaceFirst("^.*/", "").contains(":")
              ? image.substring(image.lastIndexOf(':') + 1) : "latest";
          c.put("imagePullPolicy", "latest".equals(tag) ? "Always" : "IfNotPresent");
        }
        if (!c.has("terminationMessagePath")) {
          c.put("terminationMessagePath", "/dev/termination-log");
        }
        if (!c.has("terminationMessagePolicy")) {
          c.put("terminationMessagePolicy", "File");
        }
        if (!c.has("resources")) {
          c.putObject("resources");
        }
        for (JsonNode port : c.path("ports")) {
          if (!port.has("protocol")) {
            ((ObjectNode) port).put("protocol", "TCP");
          }
        }
      }
    }
  }

  private static void service(ObjectNode spec) {
    if (!spec.has("type")) {
      spec.put("type", "ClusterIP");
    }
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    if (!spec.has("clusterIP")) {
      int n = SERVICE_IPS.getAndIncrement();
      String ip = "10.96." + (n / 250) + "." + (n % 250 + 1);
      spec.put("clusterIP", ip);
      spec.putArray("clusterIPs").add(ip);
    }
    if (!spec.has("ipFamilies")) {
      spec.putArray("ipFamilies").add("IPv4");
      spec.put("ipFamilyPolicy", "SingleStack");
      spec.put("internalTrafficPolicy", "Cluster");
    }
    for (JsonNode port : spec.path("ports")) {
      ObjectNode p = (ObjectNode) port;
      if (!p.has("protocol")) {
        p.put("protocol", "TCP");
      }
      if (!p.has("targetPort")) {
        p.set("targetPort", p.path("port"));
      }
    }
  }

  private static String qosClass(JsonNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode c : spec.path("containers")) {
      JsonNode requests = c.path("resources").path("requests");
      JsonNode limits = c.path("resources").path("limits");
      any |= requests.size() > 0 || limits.size() > 0;
      guaranteed &= limits.has("cpu") && limits.has("memory")
          && (!requests.has("cpu") || requests.get("cpu").equals(limits.get("cpu")))
          && (!requests.has("memory") || requests.get("memory").equals(limits.get("memory")));
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private static void putIfAbsent(ObjectNode node, String field, int value) {
    if (!node.has(field) || node.get(field).isNull()) {
      node.put(field, value);
    }
  }
}
