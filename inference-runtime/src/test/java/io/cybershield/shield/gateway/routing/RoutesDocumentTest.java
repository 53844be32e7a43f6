package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing document as every mode reads it, and refusals that never quote it. */
class RoutesDocumentTest {

  private static final String SOURCE = "the ConfigMap soc/threat-intel-gateway-routes";

  @Test
  void readsTheDocumentAndIgnoresFieldsItDoesNotKnow() {
    GatewayRoutes routes = RoutesDocument.parse("""
        {"schemaVersion": 1, "model": "threat-intel", "dataClassification": "restricted", "somethingNewer": 1,
         "variants": [{"name": "full", "priorities": ["critical"],
                       "pools": [{"pool": "onprem", "podSelector": {"a": "b"}, "port": 8080, "weight": 3}]}]}
        """, SOURCE);

    assertThat(routes.model()).isEqualTo("threat-intel");
    assertThat(routes.dataClassification()).isEqualTo(DataClassification.RESTRICTED);
    assertThat(routes.variants().get(0).pools().get(0).podSelector()).containsEntry("a", "b");
  }

  @Test
  void refusesANewerSchema() {
    assertThatThrownBy(() -> RoutesDocument.parse("{\"schemaVersion\": 2, \"variants\": []}", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the ConfigMap soc/threat-intel-gateway-routes has schema 2; this gateway reads schema 1");
  }

  @Test
  void refusesMalformedJsonWithoutQuotingIt() {
    assertThatThrownBy(() -> RoutesDocument.parse("{\"model\": \"hunter2-secret\"\n \"variants\": []}", SOURCE))
        .hasMessage("the ConfigMap soc/threat-intel-gateway-routes is not valid JSON (line 2, column 2)");
  }

  @Test
  void refusesAWrongTypeWithoutQuotingTheValue() {
    assertThatThrownBy(() -> RoutesDocument.parse(
        "{\"variants\": [{\"name\": \"full\", \"pools\": [{\"port\": \"hunter2\"}]}]}", SOURCE))
        .hasMessage("the ConfigMap soc/threat-intel-gateway-routes is not a routing document: unexpected content at "
            + "variants[0].pools[0].port (line 1, column 51)");
    assertThatThrownBy(() -> RoutesDocument.parse("{\"variants\": [", SOURCE))
        .hasMessageStartingWith("the ConfigMap soc/threat-intel-gateway-routes is not a routing document: "
            + "unexpected content at variants");
  }

  @Test
  void refusesNothing() {
    assertThatThrownBy(() -> RoutesDocument.parse(null, SOURCE))
        .hasMessage("the ConfigMap soc/threat-intel-gateway-routes holds no routing document");
    assertThatThrownBy(() -> RoutesDocument.parse("null", SOURCE))
        .hasMessage("the ConfigMap soc/threat-intel-gateway-routes holds no routing document");
  }

  @Test
  void noneHasNoVariants() {
    assertThat(RoutesDocument.none().variants()).isEmpty();
  }
}
