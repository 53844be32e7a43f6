package io.cybershield.shield.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.gateway.api.GatewayConfig;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.guard.screen.Screener;
import io.cybershield.shield.gateway.guard.screen.Screening;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code POST /v1/guard/screen {text}}: the prompt-injection screening of one text, as the gateway would screen a
 * prompt — a verdict (allow, flag, block), a score and the reasons. The answer is 200 whatever the verdict; a body
 * without a string {@code text}, or a text longer than the prompts the gateway accepts, is a 400. Described in
 * {@code META-INF/openapi.yaml}.
 */
@Path("/v1/guard/screen")
public class GuardScreenResource {

  private static final Screener SCREENER = new Screener();

  @Inject
  GatewayConfig config;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RestResponse<Object> screen(JsonNode body) {
    JsonNode text = body == null ? null : body.get("text");
    if (text == null || !text.isTextual()) {
      return error(ErrorBody.of(400, "InvalidRequest", "The request body needs 'text', a string."));
    }
    int chars = text.textValue().length();
    if (chars > config.maxPromptChars()) {
      return error(ErrorBody.of(400, "PromptTooLong", "The text has " + chars + " characters; at most "
          + config.maxPromptChars() + " are accepted."));
    }
    Screening screening = SCREENER.screen(text.textValue());
    return RestResponse.ResponseBuilder.<Object>ok(screening, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static RestResponse<Object> error(ErrorBody body) {
    return RestResponse.ResponseBuilder.<Object>create(400).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
