package io.cybershield.shield.sandbox.server;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed API URL: {@code /api/v1/namespaces/ns/pods/x/status?watch=true} and friends.
 *
 * @param group "" for the core group
 * @param resource the plural, or {@code null} for discovery paths
 */
public record RequestPath(
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource,
    Map<String, String> query) {

  /** Parses an API path; returns {@code null} when it is not a resource path (discovery, openapi, …). */
  public static RequestPath parse(String uri, ResourceRegistry registry) {
    URI parsed = URI.create(uri);
    String path = parsed.getRawPath();
    Map<String, String> query = query(parsed.getRawQuery());
    List<String> seg = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
    int i;
    String group;
    String version;
    if (seg.size() >= 3 && seg.get(0).equals("api")) {
      group = "";
      version = seg.get(1);
      i = 2;
    } else if (seg.size() >= 4 && seg.get(0).equals("apis")) {
      group = seg.get(1);
      version = seg.get(2);
      i = 3;
    } else {
      return null;
    }
    String namespace = null;
    List<String> rest = seg.subList(i, seg.size());
    // /namespaces/{ns}/{resource}... unless it addresses the Namespace object itself (or its subresources)
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")
        && !(group.isEmpty() && rest.size() == 3 && (rest.get(2).equals("status") || rest.get(2).equals("finalize")))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    String sub = rest.size() > 2 ? String.join("/", rest.subList(2, rest.size())) : null;
    return new RequestPath(group, version, namespace, resource, name, sub, query);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  public String param(String key) {
    return query.get(key);
  }

  public boolean flag(String key) {
    return isTrue(query.get(key));
  }

  /** A boolean query parameter's value as the API server reads it: {@code true} or {@code 1}. */
  static boolean isTrue(String value) {
    return value != null && (value.equals("true") || value.equals("1"));
  }

  public boolean isWatch() {
    return flag("watch");
  }

  public boolean isStatus() {
    return "status".equals(subresource);
  }
}
