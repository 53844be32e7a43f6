package io.cybershield.shield.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShieldCrdResourcesTest {

  @Test
  void everyCrdIsOnTheClasspath() throws IOException {
    List<String> kinds = new ArrayList<>();
    for (String resource : ShieldCrdResources.ALL) {
      try (InputStream in = ShieldCrdResourcesTest.class.getClassLoader().getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        kinds.add(Serialization.unmarshal(in, CustomResourceDefinition.class).getSpec().getNames().getKind());
      }
    }

    assertThat(kinds).containsExactly("ShieldModel", "ShieldIncident", "ShieldRetrain");
  }
}
