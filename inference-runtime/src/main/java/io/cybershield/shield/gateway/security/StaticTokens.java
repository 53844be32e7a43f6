package io.cybershield.shield.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens from a file in the kube-apiserver's {@code --token-auth-file} format — {@code token,user,uid,"group1,group2"}
 * per line — for a gateway run stand-alone (no cluster to ask). Only the tokens' SHA-256 digests are kept; a token
 * is found by its digest, so no comparison leaks how much of a token matched.
 */
final class StaticTokens implements TokenAuthenticator {

  private final Map<String, Principal> byDigest;

  private StaticTokens(Map<String, Principal> byDigest) {
    this.byDigest = byDigest;
  }

  static StaticTokens read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token file " + file, e);
    }
    return parse(lines, file.toString());
  }

  static StaticTokens parse(List<String> lines, String source) {
    Map<String, Principal> byDigest = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() < 3 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected token,user,uid[,\"groups\"]");
      }
      List<String> groups = new ArrayList<>();
      if (fields.size() > 3) {
        for (String group : fields.get(3).split(",")) {
          if (!group.isBlank()) {
            groups.add(group.strip());
          }
        }
      }
      groups.add("system:authenticated");
      byDigest.put(digest(fields.get(0)), new Principal(fields.get(1), fields.get(2), groups, "static", null));
    }
    return new StaticTokens(Map.copyOf(byDigest));
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    return Optional.ofNullable(byDigest.get(digest(token)));
  }

  int size() {
    return byDigest.size();
  }

  /** CSV fields; a field in double quotes may hold commas. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return fields;
  }

  static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
