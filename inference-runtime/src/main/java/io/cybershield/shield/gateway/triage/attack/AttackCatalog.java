package io.cybershield.shield.gateway.triage.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MITRE ATT&CK Enterprise catalog shipped with the gateway ({@value #RESOURCE}, see the README beside it). Every
 * technique id a finding carries, whether from a rule or from the model, goes through {@link #live}: an id that is
 * unknown, malformed, deprecated or revoked is dropped rather than shown, so an analyst never chases a technique that
 * does not exist (a model's invented {@code T1059.099}) or that MITRE has retired.
 */
public final class AttackCatalog {

  /** The classpath resource of the shipped catalog. */
  public static final String RESOURCE = "attack/enterprise-attack-18.1.json";

  /** What an id is in this catalog. */
  public enum Status { LIVE, DEPRECATED, REVOKED, UNKNOWN, MALFORMED }

  private static final Pattern TECHNIQUE_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

  private final String version;
  private final String resource;
  private final List<Tactic> tactics;
  private final Map<String, Tactic> tacticByKey;
  private final Map<String, Technique> techniques;
  private final Map<String, Status> statuses;
  private final int liveCount;

  private AttackCatalog(String version, String resource, List<Tactic> tactics, Map<String, Technique> techniques,
      Map<String, Status> statuses) {
    this.version = version;
    this.resource = resource;
    this.tactics = List.copyOf(tactics);
    Map<String, Tactic> byKey = new HashMap<>();
    for (Tactic tactic : tactics) {
      byKey.put(tactic.id().toLowerCase(Locale.ROOT), tactic);
      byKey.put(tactic.shortname().toLowerCase(Locale.ROOT), tactic);
      byKey.put(tactic.name().toLowerCase(Locale.ROOT), tactic);
    }
    this.tacticByKey = Collections.unmodifiableMap(byKey);
    this.techniques = Collections.unmodifiableMap(techniques);
    this.statuses = Collections.unmodifiableMap(statuses);
    this.liveCount = (int) statuses.values().stream().filter(status -> status == Status.LIVE).count();
  }

  private static final class Shipped {
    static final AttackCatalog CATALOG = load();

    private static AttackCatalog load() {
      try (InputStream in = AttackCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the ATT&CK catalog " + RESOURCE + " is missing from the classpath");
        }
        return parse(in, RESOURCE);
      } catch (IOException unreadable) {
        throw new UncheckedIOException("cannot read " + RESOURCE, unreadable);
      }
    }
  }

  /** The catalog shipped with the gateway, read once. */
  public static AttackCatalog shipped() {
    return Shipped.CATALOG;
  }

  /**
   * Reads a catalog in the shipped JSON shape ({@code attackVersion}, {@code tactics}, {@code techniques} with their
   * {@code deprecated} and {@code revoked} flags).
   *
   * @throws IllegalArgumentException when it is not such a catalog
   */
  public static AttackCatalog parse(InputStream json) {
    return parse(json, "(stream)");
  }

  private static AttackCatalog parse(InputStream json, String resource) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException unreadable) {
      String message = String.valueOf(unreadable.getMessage());
      throw new IllegalArgumentException("not an ATT&CK catalog: " + message.lines().findFirst().orElse(""),
          unreadable);
    }
    if (root == null || !root.path("attackVersion").isTextual() || !root.path("tactics").isArray()
        || !root.path("techniques").isArray()) {
      throw new IllegalArgumentException("not an ATT&CK catalog: attackVersion, tactics and techniques are needed");
    }
    List<Tactic> tactics = new ArrayList<>();
    Map<String, Tactic> byShortname = new HashMap<>();
    for (JsonNode node : root.path("tactics")) {
      Tactic tactic = new Tactic(required(node, "id"), required(node, "shortname"), required(node, "name"));
      tactics.add(tactic);
      byShortname.put(tactic.shortname(), tactic);
    }
    Map<String, Technique> techniques = new LinkedHashMap<>();
    Map<String, Status> statuses = new HashMap<>();
    for (JsonNode node : root.path("techniques")) {
      String id = required(node, "id");
      List<Tactic> served = new ArrayList<>();
      for (JsonNode shortname : node.path("tactics")) {
        Tactic tactic = byShortname.get(shortname.asText());
        if (tactic == null) {
          throw new IllegalArgumentException("technique " + id + " names an unknown tactic " + shortname);
        }
        served.add(tactic);
      }
      techniques.put(id, new Technique(id, required(node, "name"), served, node.path("subtechnique").asBoolean(),
          node.path("url").asText("")));
      statuses.put(id, node.path("revoked").asBoolean() ? Status.REVOKED
          : node.path("deprecated").asBoolean() ? Status.DEPRECATED : Status.LIVE);
    }
    return new AttackCatalog(root.path("attackVersion").asText(), resource, tactics, techniques, statuses);
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("an ATT&CK catalog entry lacks " + field + ": " + node);
    }
    return value.asText();
  }

  /** The ATT&CK version ({@code "18.1"}). */
  public String version() {
    return version;
  }

  /** Where the catalog came from: the classpath resource for the shipped one. */
  public String resource() {
    return resource;
  }

  /**
   * The technique {@code id} names ({@code T1059}, {@code t1059.001}, trimmed, any case), when it is live; empty
   * when it is malformed, unknown, deprecated or revoked.
   */
  public Optional<Technique> live(String id) {
    String normal = normal(id);
    if (normal == null || statuses.get(normal) != Status.LIVE) {
      return Optional.empty();
    }
    return Optional.of(techniques.get(normal));
  }

  /** What {@code id} is here: live, deprecated, revoked, unknown (well-formed, not in ATT&CK) or malformed. */
  public Status status(String id) {
    String normal = normal(id);
    if (normal == null) {
      return Status.MALFORMED;
    }
    return statuses.getOrDefault(normal, Status.UNKNOWN);
  }

  private static String normal(String id) {
    if (id == null) {
      return null;
    }
    String normal = id.trim().toUpperCase(Locale.ROOT);
    return TECHNIQUE_ID.matcher(normal).matches() ? normal : null;
  }

  /**
   * The tactic {@code TA0002}, {@code execution} or {@code Execution} names (any case; {@code _} for {@code -} and
   * {@code attack.} prefixes as in rule tags are accepted too).
   */
  public Optional<Tactic> tactic(String idOrShortnameOrName) {
    if (idOrShortnameOrName == null) {
      return Optional.empty();
    }
    String key = idOrShortnameOrName.trim().toLowerCase(Locale.ROOT);
    if (key.startsWith("attack.")) {
      key = key.substring("attack.".length());
    }
    Tactic tactic = tacticByKey.get(key);
    if (tactic == null) {
      tactic = tacticByKey.get(key.replace('_', '-'));
    }
    return Optional.ofNullable(tactic);
  }

  /** How many techniques and sub-techniques are live (691 in 18.1). */
  public int liveCount() {
    return liveCount;
  }

  /** The tactics, in the catalog's order (14 in Enterprise). */
  public List<Tactic> tactics() {
    return tactics;
  }
}
