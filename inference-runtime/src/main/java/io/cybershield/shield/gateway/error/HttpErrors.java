package io.cybershield.shield.gateway.error;

/** The code and message of an error the gateway answers by HTTP status alone (no route, wrong method, ...). */
final class HttpErrors {

  private HttpErrors() {
  }

  static ErrorBody forStatus(int status) {
    return switch (status) {
      case 400 -> ErrorBody.of(status, "BadRequest", "The request cannot be read.");
      case 401 -> ErrorBody.of(status, "Unauthorized", "The request needs credentials.");
      case 403 -> ErrorBody.of(status, "Forbidden", "The caller may not do this.");
      case 404 -> ErrorBody.of(status, "NotFound", "There is nothing at this path.");
      case 405 -> ErrorBody.of(status, "MethodNotAllowed", "This path does not accept this method.");
      case 406 -> ErrorBody.of(status, "NotAcceptable", "The gateway cannot answer in the media type asked for.");
      case 408 -> ErrorBody.of(status, "RequestTimeout", "The request did not arrive in time.");
      case 413 -> ErrorBody.of(status, "PayloadTooLarge", "The request body is too large.");
      case 414 -> ErrorBody.of(status, "UriTooLong", "The request URI is too long.");
      case 415 -> ErrorBody.of(status, "UnsupportedMediaType", "The gateway does not accept this media type here.");
      case 431 -> ErrorBody.of(status, "HeadersTooLarge", "The request headers are too large.");
      case 501 -> ErrorBody.of(status, "NotImplemented", "The gateway does not implement this.");
      case 502 -> ErrorBody.of(status, "BadGateway", "The gateway got no usable answer from upstream.");
      case 503 -> ErrorBody.of(status, "ServiceUnavailable", "The gateway cannot serve this now.");
      case 504 -> ErrorBody.of(status, "GatewayTimeout", "The gateway got no answer from upstream in time.");
      default -> status >= 500
          ? ErrorBody.of(status, "InternalError", "The gateway failed to handle the request.")
          : ErrorBody.of(status, "BadRequest", "The request cannot be handled.");
    };
  }
}
