package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays the kubelet's node-status part: creates the inventory's Nodes, and gives any Node (also those applied later
 * with kubectl) a sane status: capacity, allocatable, Ready and pressure conditions, addresses and nodeInfo.
 *
 * <p>A Node created without status (a real API server drops status on create) gets its capacity from the
 * annotation {@value #CAPACITY_ANNOTATION} ({@code cpu=32,memory=256Gi,nvidia.com/gpu=8}), else from the
 * {@code nvidia.com/gpu.count} label for the GPUs, else 8 cpu / 32Gi / 110 pods.
 */
final class NodeController {

  static final String CAPACITY_ANNOTATION = "sandbox.cybershield.io/capacity";

  private final SimContext ctx;

  NodeController(SimContext ctx) {
    this.ctx = ctx;
  }

  /** Creates or replaces the inventory's Nodes, including their status. */
  void applyInventory(NodeInventory inventory) {
    for (Node wanted : inventory.nodes()) {
      Node desired = SimContext.copy(wanted);
      desired.setApiVersion("v1");
      desired.setKind("Node");
      String name = desired.getMetadata().getName();
      Node existing = ctx.client.nodes().withName(name).get();
      Node result;
      if (existing == null) {
        try {
          result = ctx.client.nodes().resource(desired).create();
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409) {
            throw e;
          }
          existing = ctx.client.nodes().withName(name).get();
          result = replace(existing, desired);
        }
      } else {
        result = replace(existing, desired);
      }
      if (desired.getStatus() != null && !Objects.equals(result.getStatus(), desired.getStatus())) {
        Node withStatus = SimContext.copy(result);
        withStatus.setStatus(withSaneStatus(desired, ctx.now()).getStatus());
        ctx.remember(ctx.client.nodes().resource(withStatus).updateStatus());
      }
    }
  }

  private Node replace(Node existing, Node desired) {
    Node next = SimContext.copy(existing);
    next.getMetadata().setLabels(desired.getMetadata().getLabels());
    if (desired.getMetadata().getAnnotations() != null) {
      next.getMetadata().setAnnotations(desired.getMetadata().getAnnotations());
    }
    next.setSpec(desired.getSpec());
    next.setStatus(desired.getStatus() != null ? desired.getStatus() : existing.getStatus());
    return ctx.remember(ctx.client.nodes().resource(next).update());
  }

  void reconcile(String name) {
    Node node = ctx.cached(ctx.nodes, null, name);
    if (node == null || node.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    Node sane = withSaneStatus(node, ctx.now());
    if (!Objects.equals(sane.getStatus(), node.getStatus())) {
      ctx.remember(ctx.client.nodes().resource(sane).updateStatus());
      SimContext.LOG.info("node {} joined the sandbox with allocatable {}", name,
          sane.getStatus().getAllocatable());
    }
  }

  /** A copy of the node whose status has everything a kubelet would report; present fields are kept. */
  static Node withSaneStatus(Node node, Instant now) {
    Node n = SimContext.copy(node);
    if (n.getStatus() == null) {
      n.setStatus(new NodeStatus());
    }
    NodeStatus s = n.getStatus();
    Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
    if (s.getCapacity() == null || s.getCapacity().isEmpty()) {
      Map<String, Quantity> cap = new LinkedHashMap<>();
      cap.put("cpu", new Quantity("8"));
      cap.put("memory", new Quantity("32Gi"));
      cap.put("ephemeral-storage", new Quantity("100Gi"));
      cap.put("pods", new Quantity("110"));
      String gpuCount = labels.get("nvidia.com/gpu.count");
      if (gpuCount != null && !"mixed".equals(labels.get("nvidia.com/mig.strategy"))) {
        cap.put(PodResources.GPU, new Quantity(gpuCount.trim()));
      }
      String annotated = n.getMetadata().getAnnotations() == null ? null
          : n.getMetadata().getAnnotations().get(CAPACITY_ANNOTATION);
      if (annotated != null) {
        for (String part : annotated.split(",")) {
          String[] kv = part.split("=", 2);
          if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
            cap.put(kv[0].trim(), new Quantity(kv[1].trim()));
          }
        }
      }
      s.setCapacity(cap);
    }
    if (s.getAllocatable() == null || s.getAllocatable().isEmpty()) {
      s.setAllocatable(new LinkedHashMap<>(s.getCapacity()));
    }
    if (s.getConditions().stream().noneMatch(c -> "Ready".equals(c.getType()))) {
      String t = Times.format(now);
      List<NodeCondition> conditions = new ArrayList<>(s.getConditions());
      conditions.add(condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available", t));
      conditions.add(condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", t));
      conditions.add(condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
          t));
      conditions.add(condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", t));
      s.setConditions(conditions);
    }
    if (s.getAddresses().isEmpty()) {
      int h = Math.floorMod(n.getMetadata().getName().hashCode(), 250 * 250);
      s.setAddresses(List.of(
          new NodeAddress("10.0." + (h / 250 + 1) + "." + (h % 250 + 2), "InternalIP"),
          new NodeAddress(n.getMetadata().getName(), "Hostname")));
    }
    if (s.getNodeInfo() == null || s.getNodeInfo().getKubeletVersion() == null
        || s.getNodeInfo().getKubeletVersion().isEmpty()) {
      NodeSystemInfo info = new NodeSystemInfoBuilder()
          .withArchitecture(labels.getOrDefault("kubernetes.io/arch", "amd64"))
          .withOperatingSystem(labels.getOrDefault("kubernetes.io/os", "linux"))
          .withKubeletVersion("v1.32.0")
          .withKubeProxyVersion("v1.32.0")
          .withContainerRuntimeVersion("containerd://1.7.24")
          .withKernelVersion("6.8.0-51-generic")
          .withOsImage("Ubuntu 24.04.1 LTS")
          .withMachineID("")
          .withSystemUUID("")
          .withBootID("")
          .build();
      s.setNodeInfo(info);
    }
    return n;
  }

  private static NodeCondition condition(String type, String status, String reason, String message, String time) {
    return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastHeartbeatTime(time).withLastTransitionTime(time).build();
  }
}
