package io.cybershield.shield.api.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/crds.md must be what {@link CrdReference} makes of the generated CRDs, so the reference never
 * describes a field the API server does not have. Run with {@code -Dshield.crds.update=true} (the flag that also
 * rewrites the Helm chart's CRDs) to rewrite it.
 */
class CrdReferenceTest {

  @Test
  void committedReferenceIsGeneratedFromTheCrds() throws IOException {
    String generated = CrdReference.render(ShieldCrds.generated().values());
    Path file = CrdReference.file();
    if (Boolean.getBoolean("shield.crds.update")) {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(file)).as("%s does not exist; write it with:%n  %s", file.toAbsolutePath().normalize(),
        ShieldCrds.UPDATE_COMMAND).isTrue();
    String committed = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(committed.equals(generated))
        .as("%s is out of date with the CRDs' schemas (first difference at line %d).%nRefresh it with:%n  %s%n"
            + "and commit the result.", file.toAbsolutePath().normalize(), firstDifferentLine(committed, generated),
            ShieldCrds.UPDATE_COMMAND)
        .isTrue();
  }

  @Test
  void referenceNamesEveryKindDefaultEnumAndCelMessage() {
    String reference = CrdReference.render(ShieldCrds.generated().values());
    assertThat(reference)
        .contains("## ShieldModel", "## ShieldIncident", "## ShieldRetrain")
        .contains("### ShieldModel spec", "### ShieldRetrain status")
        // a default, an enum, a bound and a CEL message, written out from the schema
        .contains("| `spec.expiresAfter` | string |  | `24h` |")
        .contains("one of `critical`, `high`, `low`, `medium`")
        .contains("“a resolved incident cannot be reopened; create a new ShieldIncident”")
        .contains("| `spec.variants[].name` |");
    assertThat(reference.indexOf("## ShieldModel")).isLessThan(reference.indexOf("## ShieldIncident"));
  }

  @Test
  void crdMetadataDoesNotChangeTheReference() {
    CustomResourceDefinition crd = ShieldCrds.read(ShieldCrds.helmDir()
        .resolve("shieldincidents.shield.cybershield.io-v1.yml"));
    String before = CrdReference.render(java.util.List.of(crd));
    crd.getMetadata().setAnnotations(java.util.Map.of("helm.sh/resource-policy", "keep"));
    crd.getMetadata().setLabels(java.util.Map.of("app.kubernetes.io/part-of", "shield"));
    assertThat(CrdReference.render(java.util.List.of(crd))).isEqualTo(before);
  }

  private static int firstDifferentLine(String a, String b) {
    String[] left = a.split("\n", -1);
    String[] right = b.split("\n", -1);
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      if (!left[i].equals(right[i])) {
        return i + 1;
      }
    }
    return Math.min(left.length, right.length) + 1;
  }
}
