package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The simulated machines: a list of Node objects, from the bundled default or from a file. */
public final class NodeInventory {

  public static final String DEFAULT_RESOURCE = "/sandbox/default-nodes.yaml";
  public static final String POOL_LABEL = "shield.cybershield.io/pool";
  public static final String GPU_PRODUCT_LABEL = "nvidia.com/gpu.product";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final List<Node> nodes;

  public NodeInventory(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
    Map<String, Node> byName = new LinkedHashMap<>();
    for (Node n : this.nodes) {
      if (n.getMetadata() == null || n.getMetadata().getName() == null || n.getMetadata().getName().isBlank()) {
        throw new IllegalArgumentException("every Node needs metadata.name");
      }
      if (byName.put(n.getMetadata().getName(), n) != null) {
        throw new IllegalArgumentException("duplicate Node " + n.getMetadata().getName());
      }
    }
  }

  /** The bundled inventory: on-prem H100 (whole and MIG), private-cloud A100 (tainted) and a CPU system node. */
  public static NodeInventory defaultInventory() {
    try (InputStream in = NodeInventory.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads Nodes from a YAML or JSON file: a List/NodeList, one Node, or several YAML documents. */
  public static NodeInventory fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node inventory " + file, e);
    }
  }

  public static NodeInventory fromYaml(String yaml) {
    return parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "<string>");
  }

  private static NodeInventory parse(InputStream in, String source) {
    Object parsed;
    try {
      parsed = SERIALIZATION.unmarshal(in);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot parse node inventory " + source + ": " + e.getMessage(), e);
    }
    List<Node> result = new ArrayList<>();
    collect(parsed, result, source);
    if (result.isEmpty()) {
      throw new IllegalArgumentException("node inventory " + source + " contains no Node");
    }
    return new NodeInventory(result);
  }

  private static void collect(Object o, List<Node> into, String source) {
    if (o == null) {
      return;
    }
    if (o instanceof Node n) {
      into.add(n);
    } else if (o instanceof KubernetesResourceList<?> list) {
      list.getItems().forEach(i -> collect(i, into, source));
    } else if (o instanceof Collection<?> c) {
      c.forEach(i -> collect(i, into, source));
    } else if (o instanceof KubernetesResource r) {
      throw new IllegalArgumentException("node inventory " + source + " contains a " + r.getClass().getSimpleName()
          + ", only Node objects are allowed");
    } else {
      throw new IllegalArgumentException("node inventory " + source + " contains unexpected " + o);
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  public int size() {
    return nodes.size();
  }

  /** A table of the nodes: name, pool, GPU product, GPU resources, cpu/memory, taints. */
  public String summary() {
    return summary(nodes);
  }

  /** The same table for any nodes (e.g. those the cluster currently has). */
  public static String summary(Collection<Node> nodes) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "POOL", "GPU PRODUCT", "GPU RESOURCES", "CPU", "MEMORY", "TAINTS"});
    for (Node n : nodes) {
      Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
      Map<String, BigDecimal> alloc = PodResources.allocatable(n);
      String gpus = alloc.entrySet().stream()
          .filter(e -> PodResources.isGpuResource(e.getKey()) && e.getValue().signum() > 0)
          .map(e -> e.getKey() + "=" + PodResources.format(e.getValue()))
          .collect(Collectors.joining(","));
      List<Taint> taints = n.getSpec() == null ? List.of() : n.getSpec().getTaints();
      String taintText = taints.stream()
          .map(t -> t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue()) + ":"
              + t.getEffect())
          .collect(Collectors.joining(","));
      rows.add(new String[] {
          n.getMetadata().getName(),
          labels.getOrDefault(POOL_LABEL, "-"),
          labels.getOrDefault(GPU_PRODUCT_LABEL, "-"),
          gpus.isEmpty() ? "-" : gpus,
          alloc.containsKey("cpu") ? PodResources.format(alloc.get("cpu")) : "-",
          alloc.containsKey("memory") ? humanBytes(alloc.get("memory")) : "-",
          taintText.isEmpty() ? "-" : taintText});
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        sb.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 3) + "s", r[i]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String humanBytes(BigDecimal bytes) {
    BigDecimal gi = bytes.divide(BigDecimal.valueOf(1024L * 1024 * 1024), 0, java.math.RoundingMode.HALF_UP);
    return gi.toPlainString() + "Gi";
  }
}
