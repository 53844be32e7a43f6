package io.cybershield.shield.gateway.api;

import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.djl.DjlException;
import io.cybershield.shield.gateway.error.ErrorBody;
import io.cybershield.shield.gateway.metrics.RequestObservation;

/** The error body of a failure of the inference endpoints, before or after their answer began. */
final class ApiErrors {

  private ApiErrors() {
  }

  static ErrorBody body(Throwable failure) {
    if (failure instanceof ApiException api) {
      return ErrorBody.of(api.status(), api.code(), api.getMessage());
    }
    if (failure instanceof DjlException djl) {
      return ErrorBody.of(djl.code().gatewayStatus(), djl.code().code(), djl.code().publicMessage());
    }
    return ErrorBody.of(500, "InternalError", "The gateway failed to handle the request.");
  }

  /** The last line of a stream that failed after it began; the observation counts the request by its code. */
  static ErrorBody midStream(Throwable failure, Deadline deadline, RequestObservation observation) {
    ErrorBody body = body(Dispatcher.afterDeadline(failure, deadline));
    observation.streamFailed(body.error().code());
    return body;
  }
}
