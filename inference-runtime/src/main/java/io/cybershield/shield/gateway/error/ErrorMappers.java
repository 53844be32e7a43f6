package io.cybershield.shield.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.djl.DjlException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/**
 * Every failure of a JAX-RS endpoint as the gateway's error shape ({@link ErrorBody}): the framework's own (no
 * such resource, wrong method or media type, a body that is not JSON), the upstream's ({@link DjlException}), the
 * gateway's own refusals ({@link ApiException}), and anything unexpected, which is logged, without its message, and
 * answered with a generic 500.
 */
public class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public RestResponse<ErrorBody> webApplication(WebApplicationException failure) {
    int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
    Throwable cause = failure.getCause();
    if (status == 400 && cause instanceof JsonProcessingException json) {
      return invalidJson(json);
    }
    if (status >= 500) {
      LOG.errorf("A request failed inside the gateway (%d): %s", status, SafeLog.describe(failure));
    }
    return answer(status, HttpErrors.forStatus(status));
  }

  @ServerExceptionMapper
  public RestResponse<ErrorBody> json(JsonProcessingException failure) {
    return invalidJson(failure);
  }

  /** More specific than {@link #json}, so that it wins over Quarkus' own mapper of this exception. */
  @ServerExceptionMapper
  public RestResponse<ErrorBody> mismatch(MismatchedInputException failure) {
    return invalidJson(failure);
  }

  @ServerExceptionMapper
  public RestResponse<ErrorBody> upstream(DjlException failure) {
    LOG.warnf("Upstream failure: %s", failure.getMessage());
    RestResponse.ResponseBuilder<ErrorBody> answer = RestResponse.ResponseBuilder
        .<ErrorBody>create(failure.code().gatewayStatus())
        .entity(ErrorBody.of(failure.code().gatewayStatus(), failure.code().code(), failure.code().publicMessage()))
        .type(MediaType.APPLICATION_JSON_TYPE);
    failure.retryAfter().ifPresent(after ->
        answer.header(HttpHeaders.RETRY_AFTER, Math.max(1, (after.toMillis() + 999) / 1000)));
    return answer.build();
  }

  /** A refusal the gateway's own code decided (a bad field, a limit), with its status, code and message. */
  @ServerExceptionMapper
  public RestResponse<ErrorBody> refused(ApiException failure) {
    RestResponse.ResponseBuilder<ErrorBody> answer = RestResponse.ResponseBuilder
        .<ErrorBody>create(failure.status())
        .entity(ErrorBody.of(failure.status(), failure.code(), failure.getMessage()))
        .type(MediaType.APPLICATION_JSON_TYPE);
    if (failure.retryAfterSeconds() > 0) {
      answer.header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds());
    }
    return answer.build();
  }

  @ServerExceptionMapper
  public RestResponse<ErrorBody> unexpected(Throwable failure) {
    LOG.errorf("A request failed inside the gateway: %s", SafeLog.describe(failure));
    return answer(500, HttpErrors.forStatus(500));
  }

  private static RestResponse<ErrorBody> invalidJson(JsonProcessingException failure) {
    if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return answer(400, ErrorBody.of(400, "InvalidRequest",
          "The request body does not have the expected shape at '" + path(mismatch) + "'."));
    }
    return answer(400, ErrorBody.of(400, "MalformedJson", "The request body is not valid JSON."));
  }

  private static String path(JsonMappingException failure) {
    return failure.getPath().stream()
        .map(reference -> reference.getFieldName() != null
            ? reference.getFieldName()
            : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  static RestResponse<ErrorBody> answer(int status, ErrorBody body) {
    return RestResponse.ResponseBuilder.<ErrorBody>create(status)
        .entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
