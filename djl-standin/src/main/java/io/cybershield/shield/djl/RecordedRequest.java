package io.cybershield.shield.djl;

import java.util.List;
import java.util.Map;

/**
 * A request as the stand-in received it, recorded once its body has arrived.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query string, {@code ""} when there is none
 * @param headers the headers by name; the map's look-ups ignore case
 * @param body the body as UTF-8 text, {@code ""} when there is none
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body) {

  /** The first value of a header, {@code null} when it is absent; the name's case does not matter. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
