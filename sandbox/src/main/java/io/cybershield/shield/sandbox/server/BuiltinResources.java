package io.cybershield.shield.sandbox.server;

import io.cybershield.shield.sandbox.server.ResourceType.PrinterColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in Kubernetes resources the sandbox serves: those Shield, its simulator and a person with
 * {@code kubectl} touch. Their printer columns follow what {@code kubectl get} shows on a real cluster, as far as
 * a JSONPath can express it.
 */
final class BuiltinResources {

  private BuiltinResources() {
  }

  static List<ResourceType> all() {
    List<ResourceType> types = new ArrayList<>();
    // core/v1
    types.add(core("namespaces", "namespace", "Namespace", false, List.of("ns"), true,
        col("Status", "string", ".status.phase")));
    types.add(core("nodes", "node", "Node", false, List.of("no"), true,
        col("Status", "string", ".status.conditions[?(@.type==\"Ready\")].type"),
        col("Pool", "string", ".metadata.labels.shield\\.cybershield\\.io/pool"),
        col("GPU", "string", ".metadata.labels.nvidia\\.com/gpu\\.product"),
        col("Version", "string", ".status.nodeInfo.kubeletVersion")));
    // the columns of a real server's pod table: READY is computed (ready containers / containers), IP and NODE wide
    types.add(core("pods", "pod", "Pod", true, List.of("po"), true,
        col("Ready", "string", Tables.POD_READY),
        col("Status", "string", ".status.phase"),
        col("Restarts", "integer", ".status.containerStatuses[0].restartCount"),
        col("Age", "date", ".metadata.creationTimestamp"),
        wide("IP", "string", ".status.podIP"),
        wide("Node", "string", ".spec.nodeName")));
    types.add(core("services", "service", "Service", true, List.of("svc"), true,
        col("Type", "string", ".spec.type"),
        col("Cluster-IP", "string", ".spec.clusterIP")));
    types.add(core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), false));
    types.add(core("secrets", "secret", "Secret", true, List.of(), false,
        col("Type", "string", ".type")));
    types.add(core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), false));
    types.add(core("events", "event", "Event", true, List.of("ev"), false,
        col("Type", "string", ".type"),
        col("Reason", "string", ".reason"),
        col("Object", "string", ".involvedObject.name"),
        col("Message", "string", ".message")));
    types.add(core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), false));
    types.add(core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, List.of("pvc"), true,
        col("Status", "string", ".status.phase")));
    types.add(core("resourcequotas", "resourcequota", "ResourceQuota", true, List.of("quota"), true));
    // apps/v1
    types.add(typed("apps", "v1", "deployments", "deployment", "Deployment", true, List.of("deploy"), List.of("all"),
        true, true, true,
        col("Ready", "string", Tables.DEPLOYMENT_READY),
        col("Up-to-date", "integer", ".status.updatedReplicas"),
        col("Available", "integer", ".status.availableReplicas"),
        col("Age", "date", ".metadata.creationTimestamp")));
    types.add(typed("apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, List.of("rs"), List.of("all"),
        true, true, true,
        col("Desired", "integer", ".spec.replicas"),
        col("Current", "integer", ".status.replicas"),
        col("Ready", "integer", ".status.readyReplicas")));
    types.add(typed("apps", "v1", "statefulsets", "statefulset", "StatefulSet", true, List.of("sts"), List.of("all"),
        true, true, true,
        col("Ready", "integer", ".status.readyReplicas")));
    types.add(typed("apps", "v1", "daemonsets", "daemonset", "DaemonSet", true, List.of("ds"), List.of("all"),
        true, false, true));
    // batch/v1
    types.add(typed("batch", "v1", "jobs", "job", "Job", true, List.of(), List.of("all"), true, false, true,
        col("Status", "string", ".status.conditions[-1].type"),
        col("Succeeded", "integer", ".status.succeeded"),
        col("Failed", "integer", ".status.failed")));
    types.add(typed("batch", "v1", "cronjobs", "cronjob", "CronJob", true, List.of("cj"), List.of("all"), true, false,
        true, col("Schedule", "string", ".spec.schedule")));
    // autoscaling/v2
    types.add(typed("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler",
        "HorizontalPodAutoscaler", true, List.of("hpa"), List.of("all"), true, false, true,
        col("Reference", "string", ".spec.scaleTargetRef.name"),
        col("MinPods", "integer", ".spec.minReplicas"),
        col("MaxPods", "integer", ".spec.maxReplicas"),
        col("Replicas", "integer", ".status.currentReplicas")));
    // policy/v1
    types.add(typed("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true,
        List.of("pdb"), List.of(), true, false, true,
        col("Min Available", "string", ".spec.minAvailable"),
        col("Max Unavailable", "string", ".spec.maxUnavailable"),
        col("Allowed Disruptions", "integer", ".status.disruptionsAllowed")));
    // discovery.k8s.io/v1 (what the simulator's EndpointSlice controller writes)
    types.add(typed("discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true, List.of(),
        List.of(), false, false, true,
        col("AddressType", "string", ".addressType"),
        col("Ports", "string", ".ports[*].port"),
        col("Endpoints", "string", ".endpoints[*].addresses[0]")));
    // networking.k8s.io/v1
    types.add(typed("networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", true,
        List.of("netpol"), List.of(), false, false, true));
    types.add(typed("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true, List.of("ing"), List.of(),
        true, false, true));
    // scheduling.k8s.io/v1
    types.add(typed("scheduling.k8s.io", "v1", "priorityclasses", "priorityclass", "PriorityClass", false,
        List.of("pc"), List.of(), false, false, false,
        col("Value", "integer", ".value"),
        col("Global-Default", "boolean", ".globalDefault")));
    // rbac.authorization.k8s.io/v1
    for (String[] rbac : new String[][] { { "roles", "role", "Role", "true" },
        { "rolebindings", "rolebinding", "RoleBinding", "true" },
        { "clusterroles", "clusterrole", "ClusterRole", "false" },
        { "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", "false" } }) {
      types.add(typed("rbac.authorization.k8s.io", "v1", rbac[0], rbac[1], rbac[2], Boolean.parseBoolean(rbac[3]),
          List.of(), List.of(), false, false, false));
    }
    // coordination.k8s.io/v1 (leader election)
    types.add(typed("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, List.of(), List.of(), false, false,
        false, col("Holder", "string", ".spec.holderIdentity")));
    // events.k8s.io/v1
    types.add(typed("events.k8s.io", "v1", "events", "event", "Event", true, List.of("ev"), List.of(), false, false,
        false));
    // apiextensions.k8s.io/v1
    types.add(typed("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
        "CustomResourceDefinition", false, List.of("crd", "crds"), List.of("api-extensions"), true, false, true)
        .withColumns(List.of(col("Created At", "string", ".metadata.creationTimestamp"))));
    return types;
  }

  private static PrinterColumn col(String name, String type, String jsonPath) {
    return new PrinterColumn(name, type, "", "", 0, jsonPath);
  }

  /** A column {@code kubectl get -o wide} adds. */
  private static PrinterColumn wide(String name, String type, String jsonPath) {
    return new PrinterColumn(name, type, "", "", 1, jsonPath);
  }

  private static ResourceType core(String plural, String singular, String kind, boolean namespaced,
      List<String> shortNames, boolean status, PrinterColumn... columns) {
    return typed("", "v1", plural, singular, kind, namespaced, shortNames,
        "pods".equals(plural) || "services".equals(plural) ? List.of("all") : List.of(), status, false, false,
        columns);
  }

  private static ResourceType typed(String group, String version, String plural, String singular, String kind,
      boolean namespaced, List<String> shortNames, List<String> categories, boolean status, boolean scale,
      boolean generation, PrinterColumn... columns) {
    List<PrinterColumn> cols = new ArrayList<>(List.of(columns));
    // AGE last, as a real server prints it, unless the columns place it themselves (before the wide ones of pods)
    if (cols.stream().noneMatch(c -> "Age".equals(c.name()))) {
      cols.add(new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp"));
    }
    return new ResourceType(group, version, plural, singular, kind, namespaced, shortNames, categories, status, scale,
        generation, List.copyOf(cols), null);
  }
}
