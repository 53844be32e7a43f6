package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The argocd-cm patch and the Argo CD Helm values are what {@link HealthCheckPatches} writes from the health.lua files,
 * and hold every script byte for byte under the key Argo CD reads. {@code -Dshield.argocd.update=true} rewrites them.
 */
class HealthCheckPatchesTest {

  private static final boolean UPDATE = Boolean.getBoolean("shield.argocd.update");

  @BeforeAll
  static void regenerateWhenAsked() throws IOException {
    if (UPDATE) {
      Files.writeString(HealthCheckPatches.cmPatch(), HealthCheckPatches.cmPatchText(), StandardCharsets.UTF_8);
      Files.writeString(HealthCheckPatches.helmValues(), HealthCheckPatches.helmValuesText(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theArgocdCmPatchIsGeneratedFromTheScripts() {
    assertThat(ShieldArgoCd.read(HealthCheckPatches.cmPatch()))
        .as("deploy/argocd/%s is stale: run the deploy tests with -Dshield.argocd.update=true", HealthCheckPatches.CM_PATCH)
        .isEqualTo(HealthCheckPatches.cmPatchText());
  }

  @Test
  void theArgoCdHelmValuesAreGeneratedFromTheScripts() {
    assertThat(ShieldArgoCd.read(HealthCheckPatches.helmValues()))
        .as("deploy/argocd/%s is stale: run the deploy tests with -Dshield.argocd.update=true",
            HealthCheckPatches.HELM_VALUES)
        .isEqualTo(HealthCheckPatches.helmValuesText());
  }

  @Test
  void thePatchHoldsEachScriptByteForByteUnderArgoCdsKey() {
    JsonNode patch = ShieldArgoCd.yaml(HealthCheckPatches.cmPatch());

    assertThat(patch.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(patch.path("metadata").path("name").asText()).isEqualTo("argocd-cm");
    assertThat(patch.path("metadata").path("namespace").asText()).isEqualTo("argocd");
    assertThat(List.copyOf(iterable(patch.path("data").fieldNames()))).containsExactly(
        "resource.customizations.health.shield.cybershield.io_ShieldModel",
        "resource.customizations.health.shield.cybershield.io_ShieldRetrain",
        "resource.customizations.health.shield.cybershield.io_ShieldIncident");
    for (String kind : ShieldArgoCd.KINDS) {
      assertThat(patch.path("data").path(HealthCheckPatches.key(kind)).asText().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(HealthCheckPatches.script(kind).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theHelmValuesHoldEachScriptByteForByteUnderConfigsCm() {
    JsonNode cm = ShieldArgoCd.yaml(HealthCheckPatches.helmValues()).path("configs").path("cm");

    assertThat(List.copyOf(iterable(cm.fieldNames()))).hasSize(3);
    for (String kind : ShieldArgoCd.KINDS) {
      assertThat(cm.path(HealthCheckPatches.key(kind)).asText()).isEqualTo(HealthCheckPatches.script(kind));
    }
  }

  @Test
  void theScriptsFromThePatchGiveTheHealthsOfTheirTests() {
    JsonNode data = ShieldArgoCd.yaml(HealthCheckPatches.cmPatch()).path("data");
    for (String kind : ShieldArgoCd.KINDS) {
      String script = data.path(HealthCheckPatches.key(kind)).asText();
      for (ShieldArgoCd.HealthCase c : ShieldArgoCd.cases(kind)) {
        assertThat(ArgoLua.health(script, ShieldArgoCd.yaml(c.input())))
            .as("%s %s", kind, c.inputPath()).isEqualTo(new ArgoLua.Health(c.status(), c.message()));
      }
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
