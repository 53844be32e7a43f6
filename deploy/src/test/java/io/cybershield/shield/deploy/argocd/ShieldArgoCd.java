package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.cybershield.shield.sandbox.admission.AdmissionResult;
import io.cybershield.shield.sandbox.admission.CrdAdmission;
import io.cybershield.shield.sandbox.admission.CrdInvalidException;
import io.cybershield.shield.sandbox.testing.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of deploy/argocd and what they are checked against: the CRDs of the chart. */
final class ShieldArgoCd {

  static final String GROUP = "shield.cybershield.io";
  static final String VERSION = "v1alpha1";
  /** The kinds with a health check, in the order the argocd-cm patch lists them. */
  static final List<String> KINDS = List.of("ShieldModel", "ShieldRetrain", "ShieldIncident");
  static final String REPO_URL = "https://github.com/cybershield/shield.git";
  static final String TARGET_REVISION = "main";
  static final String CHART_PATH = "helm/shield-operator";
  static final String MODELS_PATH = "deploy/argocd/example-models";

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ShieldArgoCd() {
  }

  static Path root() {
    return Helm.projectRoot();
  }

  static Path argocd() {
    return root().resolve("deploy/argocd");
  }

  /** {@code resource_customizations/shield.cybershield.io/<Kind>}, as Argo CD lays its own out. */
  static Path customization(String kind) {
    return argocd().resolve("resource_customizations").resolve(GROUP).resolve(kind);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a YAML stream, empty ones left out. */
  static List<JsonNode> documents(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
          out.add(node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every YAML file under a folder, sorted. */
  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One case of a health_test.yaml. */
  record HealthCase(String kind, String status, String message, String inputPath) {
    Path input() {
      return customization(kind).resolve(inputPath);
    }
  }

  static List<HealthCase> cases(String kind) {
    JsonNode tests = yaml(customization(kind).resolve("health_test.yaml")).path("tests");
    List<HealthCase> cases = new ArrayList<>();
    for (JsonNode test : tests) {
      JsonNode health = test.path("healthStatus");
      cases.add(new HealthCase(kind, health.path("status").asText(""), health.path("message").asText(""),
          test.path("inputPath").asText()));
    }
    return cases;
  }

  private static final Map<String, CrdAdmission> ADMISSIONS = new LinkedHashMap<>();

  /** The admission (schema, CEL rules, pruning) of the chart's CRD of a kind. */
  static synchronized CrdAdmission admission(String kind) {
    return ADMISSIONS.computeIfAbsent(kind, k -> {
      Path crd = root().resolve("helm/shield-operator/crds")
          .resolve(k.toLowerCase() + "s." + GROUP + "-v1.yml");
      try {
        return CrdAdmission.compile((ObjectNode) yaml(crd));
      } catch (CrdInvalidException e) {
        throw new IllegalStateException("the CRD " + crd + " does not compile", e);
      }
    });
  }

  /**
   * What the API server would say of the object written with its status: the errors, and the fields it would drop
   * (an object here must not carry a field the server prunes, or the health script sees what no cluster has).
   */
  static List<String> problems(JsonNode object) {
    String kind = object.path("kind").asText();
    if (!object.path("apiVersion").asText().equals(GROUP + "/" + VERSION)) {
      return List.of("apiVersion is " + object.path("apiVersion").asText() + ", not " + GROUP + "/" + VERSION);
    }
    AdmissionResult result = admission(kind).admit(VERSION, (ObjectNode) object, null, true);
    List<String> problems = new ArrayList<>();
    result.errors().forEach(error -> problems.add(error.toString()));
    result.unknownFields().forEach(field -> problems.add("unknown field " + field));
    return problems;
  }
}
