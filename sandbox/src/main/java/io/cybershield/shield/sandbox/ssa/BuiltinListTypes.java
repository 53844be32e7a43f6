package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list and map types of the built-in kinds the sandbox serves, from the {@code +listType}, {@code +listMapKey},
 * {@code +mapType} and {@code +structType} markers of k8s.io/api. Patterns starting with {@code **}{@code /} match a
 * path suffix (pod templates sit at different depths in Pod, Deployment, Job, CronJob); others match the whole path.
 */
final class BuiltinListTypes implements ListTypes {

  private record Rule(Set<String> kinds, boolean suffix, List<String> pattern, ListType type) {
    boolean matches(String kind, List<String> path) {
      if (kinds != null && !kinds.contains(kind)) {
        return false;
      }
      if (suffix) {
        if (path.size() < pattern.size()) {
          return false;
        }
        return path.subList(path.size() - pattern.size(), path.size()).equals(pattern);
      }
      return path.equals(pattern);
    }
  }

  private static final JsonNode TCP = Json.NODES.textNode("TCP");
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController");

  private static final List<Rule> METADATA = List.of(
      rule(null, "metadata/ownerReferences", ListType.map("uid")),
      rule(null, "metadata/finalizers", ListType.set()));

  private static final List<Rule> RULES = List.of(
      // pod spec, wherever the pod template sits
      rule(null, "**/containers", ListType.map("name")),
      rule(null, "**/initContainers", ListType.map("name")),
      rule(null, "**/ephemeralContainers", ListType.map("name")),
      rule(null, "**/containers/[]/ports",
          new ListType(ListType.Kind.MAP, List.of("containerPort", "protocol"), Map.of("protocol", TCP))),
      rule(null, "**/initContainers/[]/ports",
          new ListType(ListType.Kind.MAP, List.of("containerPort", "protocol"), Map.of("protocol", TCP))),
      rule(null, "**/env", ListType.map("name")),
      rule(null, "**/volumeMounts", ListType.map("mountPath")),
      rule(null, "**/volumeDevices", ListType.map("devicePath")),
      rule(null, "**/resizePolicy", ListType.atomic()),
      rule(null, "**/resources/claims", ListType.map("name")),
      rule(null, "**/volumes", ListType.map("name")),
      rule(null, "**/imagePullSecrets", ListType.map("name")),
      rule(null, "**/hostAliases", ListType.map("ip")),
      rule(null, "**/topologySpreadConstraints", ListType.map("topologyKey", "whenUnsatisfiable")),
      rule(null, "**/resourceClaims", ListType.map("name")),
      rule(null, "**/schedulingGates", ListType.map("name")),
      rule(null, "**/nodeSelector", ListType.atomic()),
      rule(null, "**/tolerations", ListType.atomic()),
      rule(null, "**/args", ListType.atomic()),
      rule(null, "**/command", ListType.atomic()),
      rule(null, "**/envFrom", ListType.atomic()),
      rule(null, "**/readinessGates", ListType.atomic()),
      // label selectors are atomic structs
      rule(null, "**/selector", ListType.atomic()),
      rule(null, "**/labelSelector", ListType.atomic()),
      rule(null, "**/namespaceSelector", ListType.atomic()),
      rule(null, "**/podSelector", ListType.atomic()),
      // status
      rule(Set.of("Job"), "status/conditions", ListType.atomic()),
      rule(null, "status/conditions", ListType.map("type")),
      rule(Set.of("Pod"), "status/podIPs", ListType.map("ip")),
      rule(Set.of("Pod"), "status/hostIPs", ListType.atomic()),
      rule(Set.of("Node"), "status/addresses", ListType.map("type")),
      rule(Set.of("Node"), "spec/podCIDRs", ListType.set()),
      // Service
      rule(Set.of("Service"), "spec/ports",
          new ListType(ListType.Kind.MAP, List.of("port", "protocol"), Map.of("protocol", TCP))),
      rule(Set.of("Service"), "spec/selector", ListType.atomic()),
      // workloads
      rule(WORKLOADS, "status/conditions", ListType.map("type")));

  private final String kind;

  BuiltinListTypes(String apiVersion, String kind) {
    this.kind = kind;
  }

  private static Rule rule(Set<String> kinds, String pattern, ListType type) {
    boolean suffix = pattern.startsWith("**/");
    String p = suffix ? pattern.substring(3) : pattern;
    return new Rule(kinds, suffix, Arrays.asList(p.split("/")), type);
  }

  static ListType metadata(List<String> path) {
    for (Rule r : METADATA) {
      if (r.matches(null, path)) {
        return r.type();
      }
    }
    return null;
  }

  @Override
  public ListType at(List<String> fieldPath) {
    if (!fieldPath.isEmpty() && fieldPath.get(0).equals("metadata")) {
      return metadata(fieldPath);
    }
    for (Rule r : RULES) {
      if (r.matches(kind, fieldPath)) {
        return r.type();
      }
    }
    return null;
  }
}
