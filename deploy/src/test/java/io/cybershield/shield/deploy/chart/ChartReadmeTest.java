package io.cybershield.shield.deploy.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value of values.yaml is in the chart README's table, and in the schema with the same type. */
class ChartReadmeTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyValueIsDocumented() throws IOException {
    JsonNode values = YAML.readTree(RenderedChart.chartDir().resolve("values.yaml").toFile());
    Set<String> documented = documentedKeys(Files.readString(RenderedChart.chartDir().resolve("README.md")));

    assertThat(leafKeys("", values)).filteredOn(key -> !documented.contains(key)).isEmpty();
  }

  /**
   * The keys the first column of the README's values table names: {@code `image.tag`}, a group
   * {@code `gateway.image.{registry,tag}`}, or siblings of the cell's first key ({@code `metrics.service.enabled`,
   * `.port`}).
   */
  static Set<String> documentedKeys(String readme) {
    Set<String> keys = new TreeSet<>();
    Matcher code = Pattern.compile("`([^`]+)`").matcher("");
    for (String line : readme.lines().filter(l -> l.startsWith("| `")).toList()) {
      String cell = line.substring(1, line.indexOf('|', 1));
      String parent = "";
      code.reset(cell);
      while (code.find()) {
        String token = code.group(1);
        if (token.startsWith(".")) {
          token = parent + token;
        }
        int brace = token.indexOf(".{");
        if (brace >= 0) {
          String base = token.substring(0, brace);
          for (String child : token.substring(brace + 2, token.length() - 1).split(",")) {
            keys.add(base + "." + child.strip());
          }
          parent = base;
        } else {
          keys.add(token);
          parent = token.contains(".") ? token.substring(0, token.lastIndexOf('.')) : "";
        }
      }
    }
    return keys;
  }

  @Test
  void everyValueIsInTheSchemaWithItsType() throws IOException {
    JsonNode values = YAML.readTree(RenderedChart.chartDir().resolve("values.yaml").toFile());
    JsonNode schema = JSON.readTree(RenderedChart.chartDir().resolve("values.schema.json").toFile());

    List<String> problems = new ArrayList<>();
    for (String key : leafKeys("", values)) {
      JsonNode node = schema;
      for (String part : key.split("\\.")) {
        node = node.path("properties").path(part);
      }
      JsonNode value = at(values, key);
      String type = value.isBoolean() ? "boolean" : value.isInt() ? "integer" : value.isTextual() ? "string"
          : value.isArray() ? "array" : "object";
      JsonNode declared = node.path("type");
      boolean matches = declared.isArray() ? declared.toString().contains("\"" + type + "\"")
          : type.equals(declared.asText());
      if (node.isMissingNode() || !matches) {
        problems.add(key + " (" + type + ") is " + (node.isMissingNode() ? "not in the schema" : "declared " + declared));
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The keys of values.yaml down to scalars, lists and empty or free-form maps (labels, resources). */
  private static List<String> leafKeys(String prefix, JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      boolean freeForm = Map.of("resources", 1, "labels", 1, "annotations", 1).containsKey(field.getKey());
      if (value.isObject() && !value.isEmpty() && !freeForm) {
        keys.addAll(leafKeys(key, value));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static JsonNode at(JsonNode values, String key) {
    JsonNode node = values;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }
}
