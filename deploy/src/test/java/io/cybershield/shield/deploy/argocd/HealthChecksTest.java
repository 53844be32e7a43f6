package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.deploy.argocd.ShieldArgoCd.HealthCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health checks of deploy/argocd/resource_customizations run, as Argo CD runs them, against every case of their
 * health_test.yaml, whose testdata are objects the API server accepts (the CRD's schema and CEL rules, nothing
 * pruned).
 */
class HealthChecksTest {

  @TestFactory
  Stream<DynamicTest> everyCaseGetsTheHealthItsTestNames() {
    return ShieldArgoCd.KINDS.stream().flatMap(kind -> {
      String script = ShieldArgoCd.read(ShieldArgoCd.customization(kind).resolve("health.lua"));
      return ShieldArgoCd.cases(kind).stream().map(c -> DynamicTest.dynamicTest(kind + " " + c.inputPath(), () -> {
        JsonNode object = ShieldArgoCd.yaml(c.input());
        assertThat(ArgoLua.health(script, object))
            .isEqualTo(new ArgoLua.Health(c.status(), c.message()));
      }));
    });
  }

  @TestFactory
  Stream<DynamicTest> everyTestdataObjectIsOneTheApiServerAccepts() {
    return ShieldArgoCd.KINDS.stream().flatMap(kind -> ShieldArgoCd.cases(kind).stream()
        .map(c -> DynamicTest.dynamicTest(kind + " " + c.inputPath(), () -> {
          JsonNode object = ShieldArgoCd.yaml(c.input());
          assertThat(object.path("kind").asText()).isEqualTo(kind);
          assertThat(ShieldArgoCd.problems(object)).isEmpty();
        })));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShieldModel", "ShieldRetrain", "ShieldIncident"})
  void everyTestdataFileIsACaseAndEveryCaseAFile(String kind) throws Exception {
    Path testdata = ShieldArgoCd.customization(kind).resolve("testdata");
    Set<String> files;
    try (Stream<Path> list = Files.list(testdata)) {
      files = list.map(f -> "testdata/" + f.getFileName()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> inputs = ShieldArgoCd.cases(kind).stream().map(HealthCase::inputPath)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(inputs).isEqualTo(files);
  }

  @Test
  void theCasesCoverEveryStatusEachKindCanHave() {
    assertThat(statuses("ShieldModel")).containsExactly("Degraded", "Healthy", "Progressing");
    assertThat(statuses("ShieldRetrain")).containsExactly("Degraded", "Healthy", "Progressing", "Suspended");
    assertThat(statuses("ShieldIncident")).containsExactly("Degraded", "Healthy", "Progressing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ShieldModel", "ShieldRetrain", "ShieldIncident"})
  void aMissingStatusIsProgressingWaitingForIt(String kind) {
    String script = ShieldArgoCd.read(ShieldArgoCd.customization(kind).resolve("health.lua"));
    JsonNode object = ShieldArgoCd.YAML.createObjectNode().put("apiVersion", "shield.cybershield.io/v1alpha1")
        .put("kind", kind).set("metadata", ShieldArgoCd.YAML.createObjectNode().put("name", "x").put("generation", 1));

    assertThat(ArgoLua.health(script, object)).isEqualTo(new ArgoLua.Health("Progressing", "Waiting for status"));
  }

  @Test
  void aTestdataObjectNoClusterWouldHoldIsRefused() {
    ObjectNode object = (ObjectNode) ShieldArgoCd.yaml(ShieldArgoCd.customization("ShieldModel")
        .resolve("testdata/healthy_ready.yaml"));
    ObjectNode ready = (ObjectNode) object.path("status").path("conditions").get(0);
    ready.put("status", "Yes");
    ((ObjectNode) object.path("status")).put("phase", "Ready");

    assertThat(ShieldArgoCd.problems(object)).anySatisfy(problem -> assertThat(problem)
        .contains("status.conditions[0].status").contains("Yes"))
        .contains("unknown field status.phase");
  }

  private static List<String> statuses(String kind) {
    return ShieldArgoCd.cases(kind).stream().map(HealthCase::status).distinct().sorted().toList();
  }
}
