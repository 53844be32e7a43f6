package io.cybershield.shield.gateway.djl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One HTTP call to DJL, before it is sent.
 *
 * @param method the method; only GETs are idempotent enough to send again after an I/O error
 * @param uri the path and query
 * @param body the JSON body, or {@code null}
 * @param accept the {@code Accept} header
 * @param answersWhenDone whether DJL answers only once the work is done (a non-streaming generation, a synchronous
 *        registration): then no first-byte timeout applies, only the deadline
 * @param purpose what the call is, in the gateway's words, for messages ("POST /invocations")
 */
record Call(HttpMethod method, String uri, Buffer body, String accept, boolean answersWhenDone, String purpose) {

  static Call get(String uri, String accept) {
    return new Call(HttpMethod.GET, uri, null, accept, false, "GET " + path(uri));
  }

  static Call post(String uri, Buffer body, String accept, boolean answersWhenDone) {
    return new Call(HttpMethod.POST, uri, body, accept, answersWhenDone, "POST " + path(uri));
  }

  static Call of(HttpMethod method, String uri, String accept, boolean answersWhenDone) {
    return new Call(method, uri, null, accept, answersWhenDone, method.name() + " " + path(uri));
  }

  boolean idempotent() {
    return method == HttpMethod.GET;
  }

  /** The path without its query: queries may hold names and URLs that do not belong in a message. */
  String path() {
    return path(uri);
  }

  private static String path(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }
}
