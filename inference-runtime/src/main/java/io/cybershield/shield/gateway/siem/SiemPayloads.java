package io.cybershield.shield.gateway.siem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.google.re2j.Pattern;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.gateway.api.ApiException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SIEM's alert body as a {@link SiemAlert}: the generic shape, Splunk's webhook alert action and a Kibana webhook
 * connector's body (the template of docs/siem.md). Pure. Every refusal is a 400 {@code InvalidAlert} whose message
 * names the field and says what it may be (and, where the SIEM cannot send a field, how to give it another way); a
 * body that is not one JSON object is {@code MalformedJson}. Values are trimmed, and an empty string counts as absent
 * — a Mustache template renders a variable the alert lacks as nothing.
 * <p>
 * Three query parameters of the webhook URL complete what a SIEM's fixed payload cannot say: {@code severity} (used
 * when the body has none), {@code selector} ({@code key=value,key=value}: labels of the ShieldModels that surge) and
 * {@code expiresAfter}.
 */
public final class SiemPayloads {

  /** The code of a refused alert. */
  public static final String INVALID_ALERT = "InvalidAlert";
  private static final ObjectReader READER = new ObjectMapper().reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** A label key: an optional DNS-subdomain prefix and a name of at most 63 characters. */
  private static final Pattern LABEL_KEY = Pattern.compile(
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final Pattern URL = Pattern.compile("^https?://[^ ]+$");
  /** Words of a Splunk result's status or shield_action that end the incident. */
  private static final Set<String> RESOLVING = Set.of("resolved", "closed", "resolve", "close");
  /** Splunk Enterprise Security's notable statuses 4 (Resolved) and 5 (Closed). */
  private static final Set<String> ES_RESOLVED_STATUSES = Set.of("4", "5");
  /** A Kibana rule tag that selects models: {@code shield:<label>=<value>}. */
  private static final String TAG_PREFIX = "shield:";

  private SiemPayloads() {
  }

  /** The body as one JSON object: UTF-8 only, nothing after it. */
  public static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw ApiException.badRequest("MissingBody", "The request needs a JSON object as its body: the alert.");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      throw ApiException.badRequest("InvalidEncoding", "The request body is not valid UTF-8.");
    }
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException malformed) {
      throw ApiException.badRequest("MalformedJson", "The request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("MalformedJson", "The request body must be a JSON object: the alert.");
    }
    return node;
  }

  /**
   * The alert of {@code body} in the format {@code forced}, or the one {@link AlertFormat#detect} finds.
   *
   * @param query the webhook URL's query parameters (first value of each)
   */
  public static SiemAlert normalise(JsonNode body, Optional<AlertFormat> forced, Map<String, String> query) {
    AlertFormat format = forced.orElseGet(() -> AlertFormat.detect(body));
    Map<String, String> selector = selector(query.get("selector"));
    String expiresAfter = blankToNull(query.get("expiresAfter"));
    try {
      return switch (format) {
        case GENERIC -> generic(body, query, selector, expiresAfter);
        case SPLUNK -> splunk(body, query, selector, expiresAfter);
        case ELASTIC -> elastic(body, query, selector, expiresAfter);
      };
    } catch (IllegalArgumentException refused) {
      // SiemAlert's own checks (lengths, link, duration), whose messages name the field
      throw invalid(capitalise(refused.getMessage()) + ".");
    }
  }

  private static SiemAlert generic(JsonNode body, Map<String, String> query, Map<String, String> selector,
      String expiresAfter) {
    String system = required(body, "system", "the name of the SIEM, such as splunk or qradar");
    String alertId = required(body, "alertId", "the SIEM's id of the alert, the same on every delivery");
    String status = text(body, "status");
    boolean resolved = false;
    if (status != null) {
      switch (status.toLowerCase(Locale.ROOT)) {
        case "firing" -> resolved = false;
        case "resolved" -> resolved = true;
        default -> throw invalid("The field 'status' must be firing or resolved, got \"" + cut(status) + "\".");
      }
    }
    Severity severity = null;
    JsonNode severityNode = present(body, "severity");
    if (severityNode != null && severityNode.isNumber()) {
      severity = riskScore("severity", severityNode.asText());
    } else if (severityNode != null) {
      severity = severity("severity", text(body, "severity"));
    } else if (blankToNull(query.get("severity")) != null) {
      severity = severity("the query parameter severity", query.get("severity"));
    } else if (!resolved) {
      throw invalid("The field 'severity' is required: critical, high, medium or low.");
    }
    Map<String, String> labels = new LinkedHashMap<>(selector);
    JsonNode modelSelector = present(body, "modelSelector");
    if (modelSelector != null) {
      if (!modelSelector.isObject()) {
        throw invalid("The field 'modelSelector' must be an object of label names to values, such as "
            + "{\"team\": \"soc\"}.");
      }
      modelSelector.fields().forEachRemaining(entry -> {
        if (!entry.getValue().isTextual()) {
          throw invalid("The field 'modelSelector." + cut(entry.getKey()) + "' must be a string (a label value).");
        }
        labels.put(entry.getKey(), entry.getValue().textValue());
      });
      checkLabels("modelSelector", labels);
    }
    String bodyExpiry = text(body, "expiresAfter");
    return new SiemAlert(system, alertId, text(body, "url"), severity, text(body, "summary"), labels,
        bodyExpiry != null ? bodyExpiry : expiresAfter, resolved);
  }

  private static SiemAlert splunk(JsonNode body, Map<String, String> query, Map<String, String> selector,
      String expiresAfter) {
    JsonNode result = present(body, "result");
    if (result != null && !result.isObject()) {
      throw invalid("The field 'result' must be an object: the first result row of the search.");
    }
    if (result == null) {
      result = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    String alertId = firstText(result, "result.", "alert_id", "incident_id");
    if (alertId == null) {
      alertId = text(body, "sid");
    }
    if (alertId == null) {
      throw invalid("A Splunk alert needs an id: the field 'sid' (Splunk sends it), or 'result.alert_id' or "
          + "'result.incident_id' from the search's results.");
    }
    String action = firstText(result, "result.", "status", "shield_action");
    boolean resolved = action != null && (RESOLVING.contains(action.toLowerCase(Locale.ROOT))
        || ES_RESOLVED_STATUSES.contains(action));
    Severity severity = null;
    String field = null;
    for (String name : new String[] {"severity", "urgency", "priority"}) {
      if (present(result, name) != null) {
        field = name;
        break;
      }
    }
    if (field != null) {
      severity = splunkSeverity("result." + field, text(result, field, "result." + field));
    } else if (blankToNull(query.get("severity")) != null) {
      severity = severity("the query parameter severity", query.get("severity"));
    } else if (!resolved) {
      throw invalid("A Splunk alert needs a severity: add a severity, urgency or priority field to the search's "
          + "results (for example | eval severity=\"high\"), or put ?severity=critical|high|medium|low on the "
          + "webhook URL.");
    }
    String searchName = text(body, "search_name");
    String detail = firstText(result, "result.", "summary", "description");
    String summary = searchName == null ? detail : detail == null ? searchName : searchName + ": " + detail;
    return new SiemAlert("splunk", alertId, link(text(body, "results_link")), severity, summary, selector,
        expiresAfter, resolved);
  }

  private static SiemAlert elastic(JsonNode body, Map<String, String> query, Map<String, String> selector,
      String expiresAfter) {
    JsonNode rule = present(body, "rule");
    JsonNode alert = present(body, "alert");
    if (rule == null || !rule.isObject()) {
      throw invalid("An Elastic alert needs the object 'rule' ({{rule.id}}, {{rule.name}}, {{rule.url}}, "
          + "{{rule.tags}}): use the body template of docs/siem.md.");
    }
    if (alert == null || !alert.isObject()) {
      throw invalid("An Elastic alert needs the object 'alert' ({{alert.id}}, {{alert.uuid}}, "
          + "{{alert.actionGroup}}): use the body template of docs/siem.md.");
    }
    String alertId = firstText(alert, "alert.", "uuid", "id");
    if (alertId == null) {
      throw invalid("An Elastic alert needs 'alert.uuid' or 'alert.id' ({{alert.uuid}} in the body template).");
    }
    String actionGroup = text(alert, "actionGroup");
    boolean resolved = actionGroup != null && actionGroup.equalsIgnoreCase("recovered");
    JsonNode context = present(body, "context");
    JsonNode contextRule = context != null && context.isObject() ? present(context, "rule") : null;
    String word = contextRule != null && contextRule.isObject() ? text(contextRule, "severity") : null;
    String score = contextRule != null && contextRule.isObject() && present(contextRule, "risk_score") != null
        ? present(contextRule, "risk_score").asText().trim() : null;
    Severity severity = null;
    if (word != null) {
      severity = severity("context.rule.severity", word);
    } else if (score != null && !score.isEmpty()) {
      severity = riskScore("context.rule.risk_score", score);
    } else if (blankToNull(query.get("severity")) != null) {
      severity = severity("the query parameter severity", query.get("severity"));
    } else if (!resolved) {
      throw invalid("An Elastic alert needs a severity: 'context.rule.severity' or 'context.rule.risk_score' "
          + "(detection rules have them), or ?severity=critical|high|medium|low on the connector's URL.");
    }
    Map<String, String> labels = new LinkedHashMap<>(selector);
    JsonNode tags = present(rule, "tags");
    if (tags != null) {
      Iterable<String> values = tags.isArray() ? () -> java.util.stream.StreamSupport.stream(tags.spliterator(),
          false).map(JsonNode::asText).iterator() : java.util.List.of(tags.asText().split(","));
      for (String tag : values) {
        String trimmed = tag.trim();
        int equals = trimmed.indexOf('=');
        if (trimmed.startsWith(TAG_PREFIX) && equals > TAG_PREFIX.length()) {
          labels.put(trimmed.substring(TAG_PREFIX.length(), equals).trim(), trimmed.substring(equals + 1).trim());
        }
      }
      checkLabels("rule.tags", labels);
    }
    return new SiemAlert("elastic", alertId, link(text(rule, "url")), severity, text(rule, "name"), labels,
        expiresAfter, resolved);
  }

  /** Splunk's words, or its alert severities 1–6 (6 critical, 5 high, 4 medium, 3 low; 1 and 2 raise nothing). */
  private static Severity splunkSeverity(String field, String value) {
    return switch (value) {
      case "6" -> Severity.CRITICAL;
      case "5" -> Severity.HIGH;
      case "4" -> Severity.MEDIUM;
      case "3" -> Severity.LOW;
      case "1", "2" -> throw invalid("The field '" + field + "' is " + value + " (debug or info): an informational "
          + "alert raises no incident.");
      default -> severity(field, value);
    };
  }

  private static Severity severity(String field, String word) {
    try {
      return SiemAlert.severity(word);
    } catch (IllegalArgumentException e) {
      throw invalid(where(field) + ": " + e.getMessage() + ".");
    }
  }

  private static Severity riskScore(String field, String score) {
    double value;
    try {
      value = Double.parseDouble(score);
    } catch (NumberFormatException e) {
      throw invalid(where(field) + " must be a risk score from 0 to 100, got \"" + cut(score) + "\".");
    }
    if (!(value >= 0 && value <= 100)) {
      throw invalid(where(field) + " must be a risk score from 0 to 100, got " + cut(score) + ".");
    }
    return SiemAlert.severity((int) Math.floor(value));
  }

  private static String where(String field) {
    return field.startsWith("the ") ? capitalise(field) : "The field '" + field + "'";
  }

  /** {@code key=value,key=value} of the {@code selector} query parameter. */
  static Map<String, String> selector(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (blankToNull(text) == null) {
      return labels;
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw invalid("The query parameter selector must be key=value pairs separated by commas, such as "
            + "selector=team=soc, got \"" + cut(text) + "\".");
      }
      labels.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    checkLabels("the query parameter selector", labels);
    return labels;
  }

  private static void checkLabels(String field, Map<String, String> labels) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String key = label.getKey();
      String name = key.substring(key.indexOf('/') + 1);
      if (key.length() > 316 || name.length() > 63 || !LABEL_KEY.matcher(key).matches()) {
        throw invalid(where(field) + " has \"" + cut(key) + "\", which is not a label name.");
      }
      if (label.getValue().length() > 63 || !LABEL_VALUE.matcher(label.getValue()).matches()) {
        throw invalid(where(field) + " has the value \"" + cut(label.getValue()) + "\" for " + cut(key)
            + ", which is not a label value (at most 63 letters, digits, '-', '_' or '.').");
      }
    }
  }

  /** A SIEM's link to the alert, kept only when it is one: a vendor's misconfigured base URL loses no alert. */
  private static String link(String url) {
    return url != null && url.length() <= 2048 && URL.matcher(url).matches() ? url : null;
  }

  private static String required(JsonNode body, String field, String what) {
    String value = text(body, field);
    if (value == null) {
      throw invalid("The field '" + field + "' is required: " + what + ".");
    }
    return value;
  }

  private static String firstText(JsonNode object, String prefix, String... fields) {
    for (String field : fields) {
      String value = text(object, field, prefix + field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(JsonNode object, String field) {
    return text(object, field, field);
  }

  /** A string (or number) member, trimmed; null when absent, null or empty. */
  private static String text(JsonNode object, String field, String path) {
    JsonNode value = present(object, field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      throw invalid("The field '" + path + "' must be a string.");
    }
    return blankToNull(value.asText());
  }

  private static JsonNode present(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull() || value.isTextual() && value.textValue().isBlank()) {
      return null;
    }
    return value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static ApiException invalid(String message) {
    return ApiException.badRequest(INVALID_ALERT, message);
  }
}
