package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API server refuses: carries the {@code Status} body a real kube-apiserver would send. */
public final class ApiException extends RuntimeException {

  private final transient ObjectNode status;

  public ApiException(ObjectNode status) {
    super(status.path("message").asText());
    this.status = status;
  }

  public int code() {
    return status.path("code").asInt(500);
  }

  public ObjectNode status() {
    return status;
  }
}
