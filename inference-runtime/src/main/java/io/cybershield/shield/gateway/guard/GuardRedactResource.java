package io.cybershield.shield.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.gateway.api.GatewayConfig;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.guard.redact.Finding;
import io.cybershield.shield.gateway.guard.redact.Redaction;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * {@code POST /v1/guard/redact {text}}: the text with its secrets and personal data replaced by
 * {@code [REDACTED:<type>]}, and where each was in the text sent. Texts longer than
 * {@code shield.gateway.max-prompt-chars} are refused with 413, so the endpoint's work stays bounded. Described in
 * the static {@code META-INF/openapi.yaml}.
 */
@Path("/v1/guard/redact")
public class GuardRedactResource {

  private static final Redactor REDACTOR = new Redactor();

  @Inject
  GatewayConfig config;

  /** The answer: the redacted text and the findings, in the original text's offsets. */
  public record RedactResponse(String text, List<Finding> findings) {
  }

  /** Hidden from the scanner: the static document describes the request, the answer and the errors. */
  @POST
  @Operation(hidden = true)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<Object> redact(JsonNode body) {
    JsonNode text = body == null || !body.isObject() ? null : body.get("text");
    if (text == null || text.isNull()) {
      return error(400, "InvalidRequest", "The request needs 'text', a string.");
    }
    if (!text.isTextual()) {
      return error(400, "InvalidRequest", "'text' must be a string.");
    }
    String value = text.textValue();
    if (value.length() > config.maxPromptChars()) {
      return error(413, "TextTooLong", "The text has " + value.length() + " characters; at most "
          + config.maxPromptChars() + " are accepted.");
    }
    Redaction redaction = REDACTOR.redact(value);
    return RestResponse.ResponseBuilder.<Object>ok(new RedactResponse(redaction.text(), redaction.findings()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static RestResponse<Object> error(int status, String code, String message) {
    return RestResponse.ResponseBuilder.<Object>create(status)
        .entity(ErrorBody.of(status, code, message))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
