package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServicesTest {

  @Test
  void oneClusterIpServicePerVariantOverBothPools() {
    List<Service> services = ModelServices.desired(ModelFixtures.threatIntel());

    assertThat(services).extracting(s -> s.getMetadata().getName())
        .containsExactly("threat-intel-full", "threat-intel-lite");
    Service full = services.get(0);
    assertThat(full.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(full.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(full.getSpec().getSelector())
        .isEqualTo(Map.of(
            "shield.cybershield.io/model", "threat-intel",
            "shield.cybershield.io/variant", "full",
            "shield.cybershield.io/component", "model-server"));
    assertThat(full.getSpec().getPorts()).singleElement().satisfies(port -> {
      assertThat(port.getName()).isEqualTo("http");
      assertThat(port.getPort()).isEqualTo(8080);
      assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
      assertThat(port.getProtocol()).isEqualTo("TCP");
    });
    assertThat(full.getMetadata().getLabels())
        .containsAllEntriesOf(ModelMetadata.modelServerSelector(ModelFixtures.threatIntel()))
        .containsEntry(ShieldNames.VARIANT_LABEL, "full");
  }

  @Test
  void restrictedModelStillHasItsService() {
    assertThat(ModelServices.desired(ModelFixtures.restricted())).extracting(s -> s.getMetadata().getName())
        .containsExactly("forensics-full");
  }
}
