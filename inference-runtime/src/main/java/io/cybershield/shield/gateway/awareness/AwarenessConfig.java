package io.cybershield.shield.gateway.awareness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** {@code shield.gateway.awareness.*}: what the phishing analysis knows of the organisation, and its limits. */
@ConfigMapping(prefix = "shield.gateway.awareness")
public interface AwarenessConfig {

  /**
   * The organisation's own mail and web domains ({@code example.com,example.co.uk}): mail from them is internal,
   * and a look-alike of them is the strongest sign of phishing. Empty by default: then only brands are protected.
   */
  Optional<List<String>> organisationDomains();

  /** The most characters of {@code subject}, {@code body} and {@code headers} together; more is answered 413. */
  @WithDefault("200000")
  int maxBodyChars();

  /** Where employees report phishing, named in the guidance; else "your security team". */
  Optional<String> reportAddress();

  /** The sender domains the first-seen memory of this replica holds. */
  @WithDefault("10000")
  int firstSeenCapacity();

  /** The emails this replica analyses before it calls a sender domain new (before, all would be). */
  @WithDefault("500")
  int firstSeenWarmup();
}
