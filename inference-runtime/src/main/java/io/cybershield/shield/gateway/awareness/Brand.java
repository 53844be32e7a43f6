package io.cybershield.shield.gateway.awareness;

import java.util.List;

/**
 * An organisation phishing often pretends to be.
 *
 * @param name      how people call it
 * @param keywords  the words in a display name or a text that claim it (lower case, whole words)
 * @param domains   the registrable domains it really sends mail and hosts pages from
 * @param countries whether it also owns its name under country suffixes ({@code amazon.de}, {@code dhl.fr}), so
 *                  {@code <name>.<cc>} is not a look-alike of it
 */
public record Brand(String name, List<String> keywords, List<String> domains, boolean countries) {

  public Brand {
    keywords = List.copyOf(keywords);
    domains = List.copyOf(domains);
  }

  /** Whether a registrable domain is one of the brand's own. */
  boolean owns(String registrable) {
    if (registrable == null) {
      return false;
    }
    for (String domain : domains) {
      if (registrable.equals(domain)) {
        return true;
      }
    }
    if (countries) {
      String suffix = Domains.suffix(registrable);
      String name = Domains.name(registrable);
      boolean country = suffix.length() == 2
          || (suffix.startsWith("co.") || suffix.startsWith("com.")) && suffix.length() - suffix.indexOf('.') == 3;
      return country && domains.stream().anyMatch(domain -> Domains.name(domain).equals(name));
    }
    return false;
  }
}
