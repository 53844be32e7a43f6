package io.cybershield.shield.sandbox.server.portforward;

/** Bytes that are not a well-formed SPDY/3 frame sequence; the session answers with GOAWAY and closes. */
public final class SpdyProtocolException extends RuntimeException {

  public SpdyProtocolException(String message) {
    super(message);
  }

  public SpdyProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
