package io.cybershield.shield.gateway.triage.rules;

import java.util.Locale;
import java.util.Optional;

/** Sigma's rule levels, in rising order: the service turns them into severity and the base of the risk score. */
public enum Level {
  INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

  /** The level a rule file spells {@code name} (any case); empty for anything else. */
  public static Optional<Level> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** The lower-case name, as rule files and answers write it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
