package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRDs the Helm chart ships (helm/shield-operator/crds, also what {@code kubectl apply -f} users take) must be
 * the ones generated from the Java types. Run with {@code -Dshield.crds.update=true} to rewrite them.
 */
class CrdDriftTest {

  @Test
  void helmChartShipsTheGeneratedCrds() throws IOException {
    Map<String, CustomResourceDefinition> generated = ShieldCrds.generated();
    Path helmDir = ShieldCrds.helmDir();

    if (Boolean.getBoolean("shield.crds.update")) {
      for (Path stale : ShieldCrds.crdFiles(helmDir)) {
        if (!generated.containsKey(stale.getFileName().toString())) {
          Files.delete(stale);
        }
      }
      generated.forEach((file, crd) -> ShieldCrds.write(crd, helmDir.resolve(file)));
    }

    List<String> problems = new ArrayList<>();
    Set<String> committed = new TreeSet<>();
    for (Path file : ShieldCrds.crdFiles(helmDir)) {
      committed.add(file.getFileName().toString());
    }
    for (Map.Entry<String, CustomResourceDefinition> entry : generated.entrySet()) {
      String file = entry.getKey();
      if (!committed.remove(file)) {
        problems.add(file + " is missing");
        continue;
      }
      JsonNode expected = Serialization.jsonMapper().valueToTree(entry.getValue());
      JsonNode actual = Serialization.jsonMapper().valueToTree(ShieldCrds.read(helmDir.resolve(file)));
      if (!expected.equals(actual)) {
        problems.add(file + " differs from the generated CRD");
      }
    }
    committed.forEach(stale -> problems.add(stale + " is not generated from any Java type"));

    assertThat(problems)
        .as("The CRDs in %s are out of date with the API types in crds/.%nRefresh them with:%n  %s%n"
            + "and commit the result.", helmDir.toAbsolutePath().normalize(), ShieldCrds.UPDATE_COMMAND)
        .isEmpty();
  }
}
