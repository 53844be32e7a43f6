package io.cybershield.shield.operator.surge;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.cybershield.shield.operator.surge.SurgeFixtures.incident;
import static io.cybershield.shield.operator.surge.SurgeFixtures.selecting;
import static io.cybershield.shield.operator.surge.SurgeFixtures.threatIntel;
import static org.assertj.core.api.Assertions.assertThat;

/** The model is labelled {team: soc, tier: gold} in namespace soc. */
class IncidentSelectionTest {

  private final ShieldModel model = threatIntel();

  private boolean selects(LabelSelector selector) {
    ShieldIncident incident = selecting(incident("inc-1", Severity.HIGH), selector);
    return IncidentSelection.selects(incident, model);
  }

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator)
        .withValues(values).endMatchExpression().build();
  }

  @Test
  void nullOrEmptySelectorSelectsEveryModelOfTheNamespace() {
    assertThat(selects(null)).isTrue();
    assertThat(selects(new LabelSelector())).isTrue();
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of()).build())).isTrue();
  }

  @Test
  void otherNamespaceIsNeverSelected() {
    ShieldIncident incident = incident("inc-1", Severity.CRITICAL);
    incident.getMetadata().setNamespace("finance");

    assertThat(IncidentSelection.selects(incident, model)).isFalse();
  }

  @Test
  void matchLabelsNeedsEveryLabel() {
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of("team", "soc")).build())).isTrue();
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of("team", "soc", "tier", "gold")).build()))
        .isTrue();
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of("team", "soc", "tier", "bronze")).build()))
        .isFalse();
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of("team", "red")).build())).isFalse();
  }

  @Test
  void matchExpressions() {
    assertThat(selects(expression("team", "In", "soc", "red"))).isTrue();
    assertThat(selects(expression("team", "In", "red"))).isFalse();
    assertThat(selects(expression("team", "NotIn", "red"))).isTrue();
    assertThat(selects(expression("team", "NotIn", "soc"))).isFalse();
    assertThat(selects(expression("absent", "NotIn", "x"))).isTrue();
    assertThat(selects(expression("tier", "Exists"))).isTrue();
    assertThat(selects(expression("absent", "Exists"))).isFalse();
    assertThat(selects(expression("absent", "DoesNotExist"))).isTrue();
    assertThat(selects(expression("tier", "DoesNotExist"))).isFalse();
    assertThat(selects(expression("tier", "Gt", "1"))).isFalse();
  }

  @Test
  void matchLabelsAndMatchExpressionsMustBothHold() {
    LabelSelector both = new LabelSelectorBuilder().withMatchLabels(Map.of("team", "soc"))
        .addNewMatchExpression().withKey("tier").withOperator("In").withValues("silver").endMatchExpression()
        .build();
    assertThat(selects(both)).isFalse();
  }

  @Test
  void aModelWithoutLabelsIsSelectedOnlyByEmptyOrNegativeSelectors() {
    model.getMetadata().setLabels(null);

    assertThat(selects(null)).isTrue();
    assertThat(selects(expression("team", "DoesNotExist"))).isTrue();
    assertThat(selects(new LabelSelectorBuilder().withMatchLabels(Map.of("team", "soc")).build())).isFalse();
  }
}
