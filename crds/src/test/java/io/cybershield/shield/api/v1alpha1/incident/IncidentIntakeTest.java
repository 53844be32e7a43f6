package io.cybershield.shield.api.v1alpha1.incident;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentIntakeTest {

  private static SiemAlert alert(String system, String alertId) {
    return new SiemAlert(system, alertId, "https://siem.example/alerts/" + alertId, Severity.CRITICAL,
        "Ransomware behaviour on finance file servers", Map.of("team", "soc"), "12h");
  }

  @Test
  void anAlertBecomesAnIncidentNamedAfterItsSystemAndId() {
    ShieldIncident incident = IncidentIntake.incident("soc", alert("splunk", "4711"));

    assertThat(incident.getMetadata().getName()).isEqualTo("inc-splunk-4711");
    assertThat(incident.getMetadata().getNamespace()).isEqualTo("soc");
    assertThat(incident.getMetadata().getLabels()).containsEntry(ShieldNames.SIEM_LABEL, "splunk");
    assertThat(incident.getSpec().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(incident.getSpec().source().alertId()).isEqualTo("4711");
    assertThat(incident.getSpec().source().url()).isEqualTo("https://siem.example/alerts/4711");
    assertThat(incident.getSpec().modelSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("team", "soc"));
    assertThat(incident.getSpec().expiresAfter()).isEqualTo("12h");
  }

  @Test
  void theSameAlertAlwaysGetsTheSameNameAndLookAlikeAlertsDoNot() {
    String upper = ShieldNames.incident("Splunk", "A/1");
    String lower = ShieldNames.incident("splunk", "a-1");

    assertThat(upper).isEqualTo(ShieldNames.incident("Splunk", "A/1")).startsWith("inc-splunk-a-1-").hasSize(23);
    assertThat(lower).isEqualTo("inc-splunk-a-1");
    assertThat(upper).isNotEqualTo(lower);
  }

  @Test
  void longAlertIdsStayWithinTheNameLimitAndStayDistinct() {
    String a = ShieldNames.incident("elastic", "x".repeat(200) + "1");
    String b = ShieldNames.incident("elastic", "x".repeat(200) + "2");

    assertThat(a).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void anAlertWithoutIdGetsAGeneratedName() {
    ShieldIncident incident = IncidentIntake.incident("soc", new SiemAlert("qradar", null, null, Severity.HIGH, null,
        null, null));

    assertThat(incident.getMetadata().getName()).isNull();
    assertThat(incident.getMetadata().getGenerateName()).isEqualTo("inc-qradar-alert-");
    assertThat(incident.getSpec().modelSelector()).as("no selector: every model of the namespace").isNull();
  }

  @Test
  void badAlertsAreRefusedWithAMessageSayingWhatToChange() {
    assertThatThrownBy(() -> new SiemAlert(" ", "1", null, Severity.LOW, null, null, null))
        .hasMessageContaining("system");
    assertThatThrownBy(() -> new SiemAlert("splunk", "1", "ftp://x", Severity.LOW, null, null, null))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> new SiemAlert("splunk", "1", null, null, null, null, null))
        .hasMessageContaining("critical, high, medium or low");
    assertThatThrownBy(() -> new SiemAlert("splunk", "1", null, Severity.LOW, null, null, "tomorrow"))
        .hasMessageContaining("30m, 12h or 1h30m");
    assertThat(new SiemAlert("splunk", "1", null, Severity.LOW, "x".repeat(5000), null, null).summary())
        .hasSize(SiemAlert.MAX_SUMMARY).endsWith("…");
  }

  @Test
  void siemSeveritiesMapToShieldSeverities() {
    assertThat(SiemAlert.severity("Critical")).isEqualTo(Severity.CRITICAL);
    assertThat(SiemAlert.severity(" high ")).isEqualTo(Severity.HIGH);
    assertThat(SiemAlert.severity(73)).isEqualTo(Severity.HIGH);
    assertThat(SiemAlert.severity(74)).isEqualTo(Severity.CRITICAL);
    assertThat(SiemAlert.severity(21)).isEqualTo(Severity.LOW);
    assertThat(SiemAlert.severity(22)).isEqualTo(Severity.MEDIUM);
    assertThatThrownBy(() -> SiemAlert.severity("informational")).hasMessageContaining("raises no incident");
    assertThatThrownBy(() -> SiemAlert.severity("sev1")).hasMessageContaining("unknown severity \"sev1\"");
    assertThatThrownBy(() -> SiemAlert.severity(101)).hasMessageContaining("between 0 and 100");
  }

  @Test
  void aResolvingAlertNeedsItsAlertIdButNoSeverity() {
    SiemAlert resolving = new SiemAlert("splunk", "4711", null, null, null, null, null, true);

    assertThat(resolving.resolved()).isTrue();
    assertThat(IncidentIntake.incident("soc", resolving).getMetadata().getName())
        .as("it names the incident the firing alert raised").isEqualTo("inc-splunk-4711");
    assertThatThrownBy(() -> new SiemAlert("splunk", null, null, null, null, null, null, true))
        .hasMessage("a resolving alert needs the alert id of the alert it resolves");
    assertThat(new SiemAlert("splunk", "1", null, Severity.LOW, null, null, null).resolved())
        .as("an alert fires unless it says otherwise").isFalse();
  }
}
