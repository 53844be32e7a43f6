package io.cybershield.shield.gateway.djl;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A complete answer of DJL: status, headers and the whole body. */
record Answer(int status, MultiMap headers, Buffer body) {

  String requestId() {
    return headers.get("x-request-id");
  }

  boolean success() {
    return status >= 200 && status < 300;
  }
}
