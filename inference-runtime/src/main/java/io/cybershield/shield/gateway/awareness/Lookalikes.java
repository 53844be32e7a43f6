package io.cybershield.shield.gateway.awareness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a host imitates a domain people trust — the organisation's own or a brand's — without being it: letters
 * swapped for digits or look-alike Unicode letters (often hidden in punycode, {@code xn--}), a letter missing, doubled
 * or swapped, extra hyphens, another suffix ({@code .co} for {@code .com}), the real name with extra words
 * ({@code paypal-secure-login}), or the real domain put in front of another ({@code paypal.com.account-check.ru}).
 */
final class Lookalikes {

  /** Words that phishing adds to a real name to make a domain. */
  private static final Set<String> ADDED_WORDS = Set.of("secure", "security", "login", "logon", "signin", "verify",
      "verification", "account", "accounts", "support", "update", "service", "services", "online", "help", "auth",
      "portal", "id", "billing", "pay", "payment", "docs", "doc", "web", "cloud", "app", "mail", "team", "alert",
      "alerts", "notice", "center", "centre", "desk", "access", "office", "sso", "mfa", "file", "files", "share",
      "delivery", "tracking", "track", "parcel", "customer", "care", "check", "confirm", "user", "my", "hr",
      "payroll", "it", "admin", "group", "corp", "inc", "global", "intl", "net", "sign", "review", "wallet",
      "unlock", "recovery", "reset", "safe", "protect", "notify", "status", "info", "bank", "banking", "fraud",
      "dept", "department", "notices", "invoice", "documents", "document", "deliveries",
      "redelivery", "reschedule", "renewal", "renewals", "subscription", "meetings", "meeting", "invoices", "refund", "claims", "resolution");

  /**
   * Names of real domains that are ordinary words ({@code office.com}, {@code live.com}): another domain with the word
   * in it imitates nothing, so only the other names of their brands are compared.
   */
  private static final Set<String> GENERIC = Set.of("office", "live", "outlook", "windows", "azure", "force", "box",
      "meta", "msn", "bing", "teams", "cloud", "mail", "post", "itunes", "gstatic", "googleapis",
      "withgoogle", "googleusercontent", "aexp", "licdn", "fbcdn", "slackhq", "boxcdn", "a2z", "echosign");

  /** Brand words that are ordinary words or names too: they are not compared as names of their own. */
  private static final Set<String> AMBIGUOUS = Set.of("chase", "meta", "steam", "zoom", "stripe", "slack", "notion",
      "target", "square", "hermes", "apple", "amazon", "outlook", "azure", "acrobat", "exchangeonline", "icloud",
      "itunes", "appstore", "appleid");

  /** A domain imitated. */
  record Imitation(String imitated, String owner, String how) {
  }

  private final List<Target> targets;

  private record Target(String domain, String name, String owner, Brand brand, String skeleton) {

    Target(String domain, String name, String owner, Brand brand) {
      this(domain, name, owner, brand, Domains.skeleton(name));
    }
  }

  Lookalikes(AwarenessSettings settings) {
    List<Target> all = new ArrayList<>();
    for (String domain : settings.organisationDomains()) {
      String registrable = Domains.registrable(domain);
      all.add(new Target(registrable, Domains.name(registrable), "your organisation", null));
    }
    for (Brand brand : settings.brands()) {
      for (String domain : brand.domains()) {
        String name = Domains.name(domain);
        if (!GENERIC.contains(name)) {
          all.add(new Target(domain, name, brand.name(), brand));
        }
      }
      // the brand's one-word names too: amex-secure-notice.com imitates American Express without its domain's name
      for (String keyword : brand.keywords()) {
        String word = keyword.replace(" ", "");
        if (word.length() >= 4 && word.chars().allMatch(Character::isLetter) && !GENERIC.contains(word)
            && !AMBIGUOUS.contains(word) && all.stream().noneMatch(t -> t.name().equals(word))) {
          all.add(new Target(brand.domains().get(0), word, brand.name(), brand));
        }
      }
    }
    this.targets = List.copyOf(all);
  }

  /** What the host imitates, if anything; empty for the real domains themselves and for hosts unlike any. */
  Optional<Imitation> of(String host, AwarenessSettings settings) {
    if (host == null || Domains.isIp(host)) {
      return Optional.empty();
    }
    String registrable = Domains.registrable(host);
    if (settings.organisation(host) || Brands.owner(settings.brands(), registrable).isPresent()) {
      return Optional.empty();
    }
    if (KnownHosts.within(host, KnownHosts.TRACKERS) || KnownHosts.within(host, KnownHosts.BOUNCE_SERVICES)) {
      return Optional.empty();
    }
    String unicode = Domains.punycode(host) ? Domains.unicode(host) : host;
    String unicodeRegistrable = Domains.registrable(unicode);
    String name = Domains.name(unicodeRegistrable);
    String skeleton = Domains.skeleton(name);
    String prefix = host.length() > registrable.length() ? host.substring(0, host.length() - registrable.length())
        : "";
    for (Target target : targets) {
      if (target.name().length() < 3) {
        continue;
      }
      if (!prefix.isEmpty() && (prefix.contains(target.domain() + ".") || prefix.contains(target.domain() + "-"))) {
        return found(target, "it puts " + target.domain() + " in front of its real domain, " + registrable);
      }
      if (target.brand() != null && target.name().length() >= 5 && !prefix.isEmpty()
          && List.of(prefix.split("[.]")).contains(target.name())) {
        return found(target, "it uses " + target.name() + " as a subdomain of its real domain, " + registrable);
      }
    }
    for (Target target : targets) {
      String targetName = target.name();
      if (targetName.length() < 3) {
        continue;
      }
      String targetSkeleton = target.skeleton();
      if (name.equals(targetName)) {
        if (!Domains.suffix(unicodeRegistrable).equals(Domains.suffix(target.domain()))) {
          return found(target, "it has the same name under another ending (." + Domains.suffix(registrable)
              + " instead of ." + Domains.suffix(target.domain()) + ")");
        }
        continue;
      }
      if (name.indexOf('-') >= 0 && name.replace("-", "").equals(targetName)) {
        return found(target, "it adds hyphens to the real name");
      }
      if (skeleton.equals(targetSkeleton)) {
        return found(target, Domains.punycode(host)
            ? "it uses look-alike letters from another alphabet (" + Domains.unicode(registrable) + ")"
            : name.chars().anyMatch(Character::isDigit) ? "it swaps letters for look-alike digits"
            : "it swaps letters for look-alike letters");
      }
      if (targetName.length() >= 5) {
        int limit = targetName.length() >= 10 ? 2 : 1;
        if (Domains.distance(skeleton, targetSkeleton, limit) <= limit && !name.contains(targetName)) {
          return found(target, "it differs from the real name by " + (limit == 1 ? "one letter" : "a letter or two"));
        }
      }
      for (String token : name.split("-")) {
        if (!token.equals(name) && token.equals(targetName)) {
          return found(target, "it is the real name with extra words (" + registrable + ")");
        }
        if (!token.equals(name) && Domains.skeleton(token).equals(targetSkeleton)) {
          return found(target, "it spells the real name with look-alike characters (" + token + ") and adds words");
        }
      }
      if (targetName.length() >= 5 && name.length() > targetName.length() && name.contains(targetName)) {
        String rest = name.replace(targetName, "");
        boolean added = true;
        for (String word : rest.split("-")) {
          added &= word.isEmpty() || ADDED_WORDS.contains(word) || word.length() <= 2;
        }
        if (added) {
          return found(target, "it is the real name with \"" + rest + "\" added");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the host's registrable name holds one of the brand's names (four letters or more) — for a sender whose
   * display name claims that brand, that alone makes it a look-alike ({@code "Dropbox Sign" <x@dropboxsign-docs.com>}).
   */
  Optional<Imitation> holdsName(String host, Brand brand) {
    if (host == null || brand.owns(Domains.registrable(host))) {
      return Optional.empty();
    }
    String name = Domains.name(Domains.registrable(host));
    for (Target target : targets) {
      if (target.brand() == brand && target.name().length() >= 4 && name.contains(target.name())) {
        return found(target, "it holds the name " + target.name() + " in a domain " + brand.name() + " does not own");
      }
    }
    return Optional.empty();
  }

  private static Optional<Imitation> found(Target target, String how) {
    return Optional.of(new Imitation(target.domain(), target.owner(), how));
  }
}
