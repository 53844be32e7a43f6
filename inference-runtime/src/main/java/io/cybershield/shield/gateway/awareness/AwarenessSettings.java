package io.cybershield.shield.gateway.awareness;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis knows of the place it runs in.
 *
 * @param organisationDomains the organisation's own registrable domains: mail from them is internal, a look-alike of
 *                            them is the strongest sign there is
 * @param brands              the brands to protect ({@link Brands#SHIPPED})
 * @param firstSeen           the sender domains seen so far
 * @param reportTo            where employees report phishing (an address), if the organisation has one
 * @param clock               for the domain-age hints
 */
public record AwarenessSettings(List<String> organisationDomains, List<Brand> brands, FirstSeenDomains firstSeen,
                                Optional<String> reportTo, Clock clock) {

  public AwarenessSettings {
    organisationDomains = organisationDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
        .filter(d -> !d.isEmpty()).map(Domains::normalise).filter(Objects::nonNull).toList();
    brands = List.copyOf(brands);
    reportTo = reportTo.map(String::strip).filter(r -> !r.isEmpty());
  }

  /** The shipped brands, no memory of senders, no report address. */
  public static AwarenessSettings of(List<String> organisationDomains) {
    return new AwarenessSettings(organisationDomains, Brands.SHIPPED, FirstSeenDomains.disabled(), Optional.empty(),
        Clock.systemUTC());
  }

  boolean organisation(String host) {
    return host != null && organisationDomains.stream().anyMatch(domain -> Domains.within(host, domain));
  }
}
