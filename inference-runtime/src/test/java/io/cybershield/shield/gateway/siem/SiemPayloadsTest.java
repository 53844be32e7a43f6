package io.cybershield.shield.gateway.siem;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.gateway.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiemPayloadsTest {

  private static JsonNode json(String text) {
    return SiemPayloads.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static SiemAlert alert(String body) {
    return SiemPayloads.normalise(json(body), Optional.empty(), Map.of());
  }

  private static SiemAlert alert(String body, Map<String, String> query) {
    return SiemPayloads.normalise(json(body), Optional.empty(), query);
  }

  private static String refusal(String body, Map<String, String> query) {
    try {
      SiemPayloads.normalise(json(body), Optional.empty(), query);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("InvalidAlert");
      return e.getMessage();
    }
    throw new AssertionError("the alert was accepted: " + body);
  }

  @Test
  void theShapeIsDetected() {
    assertThat(AlertFormat.detect(json("{\"sid\": \"1\"}"))).isEqualTo(AlertFormat.SPLUNK);
    assertThat(AlertFormat.detect(json("{\"search_name\": \"x\", \"result\": {}}"))).isEqualTo(AlertFormat.SPLUNK);
    assertThat(AlertFormat.detect(json("{\"rule\": {}, \"alert\": {}}"))).isEqualTo(AlertFormat.ELASTIC);
    assertThat(AlertFormat.detect(json("{\"rule\": \"x\", \"alert\": {}}"))).isEqualTo(AlertFormat.GENERIC);
    assertThat(AlertFormat.detect(json("{\"system\": \"qradar\"}"))).isEqualTo(AlertFormat.GENERIC);
  }

  @Test
  void aGenericAlertKeepsEveryField() {
    SiemAlert alert = alert("""
        {"system": "qradar", "alertId": 1001, "severity": "Critical", "summary": " Ransomware ",
         "url": "https://qradar.example/o/1001", "modelSelector": {"team": "soc"}, "expiresAfter": "12h",
         "status": "firing", "extra": {"ignored": true}}""");

    assertThat(alert).isEqualTo(new SiemAlert("qradar", "1001", "https://qradar.example/o/1001", Severity.CRITICAL,
        "Ransomware", Map.of("team", "soc"), "12h", false));
  }

  @Test
  void aGenericAlertMayGiveARiskScoreAndAResolvedOneNeedsNoSeverity() {
    assertThat(alert("{\"system\": \"x\", \"alertId\": \"1\", \"severity\": 50}").severity()).isEqualTo(Severity.HIGH);
    SiemAlert resolved = alert("{\"system\": \"x\", \"alertId\": \"1\", \"status\": \"RESOLVED\"}");
    assertThat(resolved.resolved()).isTrue();
    assertThat(resolved.severity()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"alertId\": \"1\", \"severity\": \"high\"}                           | 'system' is required",
      "{\"system\": \"x\", \"severity\": \"high\"}                            | 'alertId' is required",
      "{\"system\": \"x\", \"alertId\": \"1\"}                                | 'severity' is required",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"sev1\"}        | The field 'severity': unknown severity \"sev1\"",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"info\"}        | raises no incident",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": 101}             | 'severity' must be a risk score from 0 to 100",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"status\": \"open\"} | 'status' must be firing or resolved",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"url\": \"ftp://x\"}  | url must be an http or https link",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"expiresAfter\": \"1d\"} | ExpiresAfter must be a duration",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"modelSelector\": [\"soc\"]} | 'modelSelector' must be an object",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"modelSelector\": {\"team\": 1}} | 'modelSelector.team' must be a string",
      "{\"system\": \"x\", \"alertId\": \"1\", \"severity\": \"high\", \"modelSelector\": {\"team\": \"s o c\"}} | not a label value",
      "{\"system\": {\"name\": \"x\"}, \"alertId\": \"1\", \"severity\": \"high\"} | 'system' must be a string" })
  void aBadGenericAlertIsRefusedNamingTheField(String body, String message) {
    assertThat(refusal(body, Map.of())).contains(message);
  }

  @Test
  void aSplunkAlertTakesItsIdSeverityAndResolutionFromTheResult() {
    String body = """
        {"sid": "scheduler__admin__search__RMD5_at_1733280000_42", "search_name": "Brute force then success",
         "app": "search", "owner": "admin", "results_link": "https://splunk.example/app/search/@go?sid=x",
         "result": {"incident_id": "INC-77", "urgency": "critical", "summary": "212 failures then a logon"}}""";
    SiemAlert alert = alert(body);

    assertThat(alert).isEqualTo(new SiemAlert("splunk", "INC-77", "https://splunk.example/app/search/@go?sid=x",
        Severity.CRITICAL, "Brute force then success: 212 failures then a logon", Map.of(), null, false));
    assertThat(alert(body.replace("\"incident_id\": \"INC-77\", ", "")).alertId())
        .as("without an id in the result: the search's sid")
        .isEqualTo("scheduler__admin__search__RMD5_at_1733280000_42");
    assertThat(alert(body.replace("\"urgency\": \"critical\"", "\"status\": \"Closed\"")).resolved()).isTrue();
    assertThat(alert(body.replace("\"urgency\": \"critical\"", "\"shield_action\": \"resolve\"")).resolved()).isTrue();
    assertThat(alert(body.replace("\"urgency\": \"critical\"", "\"status\": \"5\"")).resolved())
        .as("Enterprise Security's status 5, Closed").isTrue();
    assertThat(alert(body.replace("\"urgency\": \"critical\"", "\"status\": \"new\", \"severity\": \"low\"")).resolved())
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource({ "severity,high,HIGH", "urgency,medium,MEDIUM", "priority,low,LOW", "severity,6,CRITICAL",
      "severity,5,HIGH", "severity,4,MEDIUM", "severity,3,LOW" })
  void splunkSeveritiesAreWordsOrItsOneToSixScale(String field, String value, Severity expected) {
    assertThat(alert("{\"sid\": \"s1\", \"result\": {\"" + field + "\": \"" + value + "\"}}").severity())
        .isEqualTo(expected);
  }

  @Test
  void aSplunkAlertWithoutSeverityTakesTheUrlsOrIsToldHowToSetOne() {
    String body = "{\"sid\": \"s1\", \"search_name\": \"x\", \"result\": {\"host\": \"fs-01\"}}";
    assertThat(alert(body, Map.of("severity", "high")).severity()).isEqualTo(Severity.HIGH);
    assertThat(refusal(body, Map.of())).contains("add a severity, urgency or priority field")
        .contains("?severity=critical|high|medium|low");
    assertThat(refusal("{\"sid\": \"s1\", \"result\": {\"severity\": \"2\"}}", Map.of())).contains("'result.severity'")
        .contains("raises no incident");
    assertThat(refusal("{\"sid\": \"s1\", \"result\": {\"urgency\": \"urgent\"}}", Map.of()))
        .contains("'result.urgency'");
    assertThat(refusal("{\"search_name\": \"x\", \"result\": {\"severity\": \"high\"}}", Map.of()))
        .contains("'sid'");
    assertThat(refusal("{\"sid\": \"s1\", \"result\": [1]}", Map.of())).contains("'result' must be an object");
  }

  @Test
  void aSplunkLinkThatIsNoLinkIsDroppedNotTheAlert() {
    assertThat(alert("{\"sid\": \"s1\", \"results_link\": \"splunk.local:8000/x\", \"result\": {\"severity\": \"low\"}}")
        .url()).isNull();
  }

  @Test
  void anElasticAlertTakesItsIdFromTheAlertAndItsSeverityFromTheRule() {
    String body = """
        {"rule": {"id": "r-1", "name": "LSASS access", "url": "https://kibana.example/r/r-1",
                  "tags": "windows, shield:team=soc, shield:tier=gold"},
         "alert": {"id": "host-1", "uuid": "u-123", "actionGroup": "threshold met"},
         "context": {"rule": {"severity": "high", "risk_score": "21"}}}""";
    assertThat(alert(body)).isEqualTo(new SiemAlert("elastic", "u-123", "https://kibana.example/r/r-1",
        Severity.HIGH, "LSASS access", Map.of("team", "soc", "tier", "gold"), null, false));
    assertThat(alert(body.replace("\"severity\": \"high\"", "\"severity\": \"\"")).severity())
        .as("the risk score when no severity word").isEqualTo(Severity.LOW);
    assertThat(alert(body.replace("\"uuid\": \"u-123\", ", "")).alertId()).isEqualTo("host-1");
    SiemAlert recovered = alert(body.replace("threshold met", "recovered").replace("\"severity\": \"high\", ", "")
        .replace("\"risk_score\": \"21\"", "\"risk_score\": \"\""));
    assertThat(recovered.resolved()).isTrue();
    assertThat(recovered.severity()).isNull();
    assertThat(alert(body.replace("\"tags\": \"windows, shield:team=soc, shield:tier=gold\"",
        "\"tags\": [\"shield:team=soc\"]")).modelSelector()).containsExactlyEntriesOf(Map.of("team", "soc"));
  }

  @Test
  void aBadElasticAlertSaysWhatTheTemplateNeeds() {
    assertThat(refusal("{\"rule\": {\"name\": \"x\"}, \"alert\": {\"actionGroup\": \"default\"}}", Map.of()))
        .contains("'alert.uuid' or 'alert.id'");
    assertThat(refusal("{\"rule\": {\"name\": \"x\"}, \"alert\": {\"uuid\": \"u\"}}", Map.of()))
        .contains("context.rule.severity").contains("?severity=");
    assertThat(refusal("{\"rule\": {}, \"alert\": {\"uuid\": \"u\"}, \"context\": {\"rule\": {\"risk_score\": \"high\"}}}",
        Map.of())).contains("'context.rule.risk_score' must be a risk score from 0 to 100");
    assertThatThrownBy(() -> SiemPayloads.normalise(json("{\"system\": \"x\"}"), Optional.of(AlertFormat.ELASTIC),
        Map.of())).hasMessageContaining("needs the object 'rule'");
  }

  @Test
  void theQueryCompletesWhatAFixedPayloadCannotSay() {
    SiemAlert alert = alert("{\"sid\": \"s1\", \"result\": {\"severity\": \"low\"}}",
        Map.of("selector", "team=soc,tier=gold", "expiresAfter", "2h"));
    assertThat(alert.modelSelector()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "soc", "tier", "gold"));
    assertThat(alert.expiresAfter()).isEqualTo("2h");
    assertThat(refusal("{\"sid\": \"s1\", \"result\": {\"severity\": \"low\"}}", Map.of("selector", "soc")))
        .contains("key=value pairs");
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIsMalformed() {
    for (String body : new String[] {"{\"system\": ", "[1, 2]", "{} {}", "\"text\""}) {
      assertThatThrownBy(() -> json(body)).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.code()).isEqualTo("MalformedJson"));
    }
    assertThatThrownBy(() -> SiemPayloads.parse(new byte[] {'{', (byte) 0xC3, '}'}))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("InvalidEncoding"));
    assertThatThrownBy(() -> SiemPayloads.parse(new byte[0]))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("MissingBody"));
  }
}
