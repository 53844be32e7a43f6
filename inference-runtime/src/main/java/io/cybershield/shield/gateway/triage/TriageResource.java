package io.cybershield.shield.gateway.triage;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.api.JsonBody;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/triage {source?, lines, useModel?, priority?, classification?}}: raw log lines in, findings mapped
 * to MITRE ATT&CK out ({@link TriageService}). The body is read strictly ({@link JsonBody}); {@code lines} must be a
 * non-empty list of strings within {@code shield.gateway.triage.max-lines} and {@code max-line-chars}, and a bad
 * body is a 400 that names the field (never quoting it: log lines may hold secrets). Described in
 * {@code META-INF/openapi.yaml}.
 */
@Path("/v1/triage")
public class TriageResource {

  @Inject
  TriageService triage;

  @Inject
  TriageConfig config;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<TriageApi.Response> triage(byte[] body, RoutingContext context) {
    JsonBody json = JsonBody.parse(body);
    TriageService.Request request = new TriageService.Request(optionalString(json, "source", 128),
        lines(json.get("lines")), !Boolean.FALSE.equals(json.optionalBoolean("useModel")),
        JsonBody.priority("field 'priority'", optionalString(json, "priority", 32)),
        JsonBody.classification("field 'classification'", optionalString(json, "classification", 32)));
    CallRecord call = context.get(CallRecord.KEY);
    if (call == null) {
      throw new IllegalStateException("no audit record: the security handler did not run");
    }
    return triage.triage(request, Caller.of(context), call);
  }

  private List<String> lines(JsonNode value) {
    if (value == null) {
      throw ApiException.badRequest("MissingField", "The field 'lines' is required: a list of log lines (strings).");
    }
    if (!value.isArray()) {
      throw ApiException.badRequest("InvalidField", "The field 'lines' must be a list of log lines (strings).");
    }
    if (value.isEmpty()) {
      throw ApiException.badRequest("InvalidField", "The field 'lines' is empty: send at least one log line.");
    }
    if (value.size() > config.maxLines()) {
      throw ApiException.badRequest("TooManyLines", "The request has " + value.size() + " lines; at most "
          + config.maxLines() + " are triaged at once. Split the batch.");
    }
    List<String> lines = new ArrayList<>(value.size());
    for (int index = 0; index < value.size(); index++) {
      JsonNode line = value.get(index);
      // a JSON event (CloudTrail, Kubernetes audit, Okta) sent as an object rather than its text is read as its text
      if (!line.isTextual() && !line.isObject()) {
        throw ApiException.badRequest("InvalidField", "lines[" + index + "] must be a string: one log line, or a "
            + "JSON event as an object or as its text.");
      }
      String text = line.isTextual() ? line.textValue() : line.toString();
      if (text.length() > config.maxLineChars()) {
        throw ApiException.badRequest("LineTooLong", "lines[" + index + "] has " + text.length()
            + " characters; at most " + config.maxLineChars() + " are accepted per line.");
      }
      lines.add(text);
    }
    return lines;
  }

  private static String optionalString(JsonBody json, String field, int max) {
    JsonNode value = json.get(field);
    if (value == null) {
      return null;
    }
    String text = JsonBody.string(field, value);
    if (text.length() > max) {
      throw ApiException.badRequest("InvalidField", "The field '" + field + "' is longer than " + max
          + " characters.");
    }
    return text;
  }
}
