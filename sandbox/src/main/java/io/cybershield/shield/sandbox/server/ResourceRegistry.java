package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.server.ResourceType.PrinterColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API server serves: the built-in resources and one entry per served version of every stored CRD.
 * Discovery, OpenAPI, routing and admission all read from here.
 */
public final class ResourceRegistry {

  private final Map<String, ResourceType> builtin = new LinkedHashMap<>();
  /** CRD name → the types it serves. */
  private final Map<String, List<ResourceType>> custom = new ConcurrentHashMap<>();

  public ResourceRegistry() {
    for (ResourceType type : BuiltinResources.all()) {
      builtin.put(key(type.group(), type.version(), type.plural()), type);
    }
  }

  private static String key(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    ResourceType type = builtin.get(key(group, version, plural));
    if (type != null) {
      return Optional.of(type);
    }
    return custom.values().stream().flatMap(List::stream)
        .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
        .findFirst();
  }

  public Optional<ResourceType> findByKind(String apiVersion, String kind) {
    return all().stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst();
  }

  public List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(builtin.values());
    custom.values().forEach(all::addAll);
    return all;
  }

  /** Registers (or re-registers) the types a CRD serves; established CRDs only, as the real server does. */
  public List<ResourceType> register(ObjectNode crd) {
    List<ResourceType> types = typesOf(crd);
    custom.put(crd.path("metadata").path("name").asText(), types);
    return types;
  }

  public void unregister(String crdName) {
    custom.remove(crdName);
  }

  /** The types a CRD serves, one per served version. */
  public static List<ResourceType> typesOf(ObjectNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      List<PrinterColumn> columns = new ArrayList<>();
      for (JsonNode col : version.path("additionalPrinterColumns")) {
        columns.add(new PrinterColumn(col.path("name").asText(), col.path("type").asText("string"),
            col.path("format").asText(""), col.path("description").asText(""), col.path("priority").asInt(0),
            col.path("jsonPath").asText()));
      }
      types.add(new ResourceType(spec.path("group").asText(), version.path("name").asText(),
          names.path("plural").asText(), names.path("singular").asText(names.path("kind").asText().toLowerCase()),
          names.path("kind").asText(), !"Cluster".equals(spec.path("scope").asText()),
          strings(names.path("shortNames")), strings(names.path("categories")),
          version.path("subresources").has("status"), version.path("subresources").has("scale"), true,
          List.copyOf(columns), crd.deepCopy()));
    }
    return types;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
