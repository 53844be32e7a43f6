package io.cybershield.shield.gateway.api;

/**
 * A request the gateway answers with an error of its own: a bad request, a routing refusal, a passed deadline.
 * The message is for a person and never quotes the request.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final int retryAfterSeconds;

  public ApiException(int status, String code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message, 0);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
