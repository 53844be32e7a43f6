package io.cybershield.shield.gateway.awareness;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/awareness/email {from, subject, body, headers?}}: an employee's "is this email phishing?" answered
 * with a verdict, the indicators behind it and what to do ({@link EmailAnalyser}). 200 whatever the verdict; 400
 * {@code InvalidRequest} for a missing or mistyped field, 413 {@code EmailTooLarge} beyond
 * {@code shield.gateway.awareness.max-body-chars}. The audit line gets the verdict and the indicator kinds, never the
 * email; the counter {@value #VERDICTS}{@code _total{verdict}} counts the verdicts. Described in
 * {@code META-INF/openapi.yaml} and {@code docs/awareness.md}.
 */
@Path("/v1/awareness/email")
public class AwarenessResource {

  /** Micrometer name of the verdict counter; Prometheus adds {@code _total}. */
  public static final String VERDICTS = "shield_gateway_awareness_verdicts";
  private static final Logger LOG = Logger.getLogger(AwarenessResource.class);

  @Inject
  AwarenessConfig config;

  @Inject
  MeterRegistry registry;

  @Inject
  RoutingContext context;

  private EmailAnalyser analyser;
  private final Map<Verdict, Counter> verdicts = new EnumMap<>(Verdict.class);

  @PostConstruct
  void start() {
    analyser = new EmailAnalyser(new AwarenessSettings(config.organisationDomains().orElse(List.of()),
        Brands.SHIPPED, new FirstSeenDomains(config.firstSeenCapacity(), config.firstSeenWarmup()),
        config.reportAddress(), Clock.systemUTC()));
    for (Verdict verdict : Verdict.values()) {
      verdicts.put(verdict, Counter.builder(VERDICTS).description("Emails analysed by POST /v1/awareness/email, "
          + "by verdict").tag("verdict", verdict.label()).register(registry));
    }
  }

  // the schemas are META-INF/openapi.yaml's; without these the scanner would describe a JsonNode and an Object
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponse(responseCode = "200", description = "The verdict, its indicators (strongest first) and the guidance",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "#/components/schemas/AwarenessAssessment")))
  public RestResponse<Object> analyse(@RequestBody(required = true, content = @Content(
      mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/AwarenessEmailRequest")))
      JsonNode body) {
    if (body == null || !body.isObject()) {
      return error(400, "InvalidRequest", "The request body must be a JSON object with 'from', 'subject' and "
          + "'body' (strings) and optionally 'headers'.");
    }
    List<String> problems = new ArrayList<>();
    String from = string(body, "from", problems);
    String subject = string(body, "subject", problems);
    String text = string(body, "body", problems);
    MailHeaders headers = headers(body.get("headers"), problems);
    if (!problems.isEmpty()) {
      return error(400, "InvalidRequest", String.join(" ", problems));
    }
    long chars = (long) from.length() + subject.length() + text.length() + headers.chars();
    if (chars > config.maxBodyChars()) {
      return error(413, "EmailTooLarge", "The email has " + chars + " characters (from, subject, body and headers "
          + "together); at most " + config.maxBodyChars() + " are accepted.");
    }
    Assessment assessment;
    try {
      assessment = analyser.analyse(new Email(from, subject, text, headers));
    } catch (RuntimeException failure) {
      // the analyser is written never to throw; should it, the employee still gets a careful answer, not a 500
      LOG.errorf("the awareness analysis failed: %s", failure.getClass().getName());
      assessment = new Assessment(Verdict.SUSPICIOUS, List.of(Indicator.of("analysis_incomplete", Severity.MEDIUM,
          0, "The analysis could not finish, so this email could not be cleared.")),
          "We could not finish checking this email, so treat it with care: do not click its links or open its "
              + "attachments, and report it with the Report button in your mail app or to your security team.", 0);
    }
    verdicts.get(assessment.verdict()).increment();
    CallRecord call = context == null ? null : context.get(CallRecord.KEY);
    if (call != null) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("verdict", assessment.verdict().label());
      facts.put("indicators", assessment.kinds());
      call.put("awareness", facts);
    }
    return RestResponse.ResponseBuilder.<Object>ok(assessment, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String string(JsonNode body, String field, List<String> problems) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      problems.add("The field '" + field + "' is required: a string.");
      return "";
    }
    if (!value.isTextual()) {
      problems.add("The field '" + field + "' must be a string, not " + type(value) + ".");
      return "";
    }
    return value.textValue();
  }

  private static MailHeaders headers(JsonNode value, List<String> problems) {
    if (value == null || value.isNull()) {
      return MailHeaders.none();
    }
    if (value.isTextual()) {
      return MailHeaders.parse(value.textValue());
    }
    if (!value.isObject()) {
      problems.add("The field 'headers' must be an object (header name to a string or a list of strings) or the "
          + "raw header block as a string, not " + type(value) + ".");
      return MailHeaders.none();
    }
    Map<String, List<String>> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> header = fields.next();
      JsonNode v = header.getValue();
      List<String> values = new ArrayList<>();
      if (v.isTextual()) {
        values.add(v.textValue());
      } else if (v.isArray() && allText(v)) {
        v.forEach(item -> values.add(item.textValue()));
      } else if (!v.isNull()) {
        problems.add("Each value of 'headers' must be a string or a list of strings.");
        continue;
      }
      map.put(header.getKey(), values);
    }
    return MailHeaders.of(map);
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String type(JsonNode value) {
    return switch (value.getNodeType()) {
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static RestResponse<Object> error(int status, String code, String message) {
    return RestResponse.ResponseBuilder.<Object>create(status).entity(ErrorBody.of(status, code, message))
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
