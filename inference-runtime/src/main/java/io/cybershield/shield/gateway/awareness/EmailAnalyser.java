package io.cybershield.shield.gateway.awareness;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one email the way a careful security analyst would and says what it makes of it: every sign found is an
 * {@link Indicator} that names what it saw, each weighs a number of points, and the sum decides the verdict —
 * {@value #PHISHING_SCORE} points or more is phishing, {@value #SUSPICIOUS_SCORE} or more suspicious, less benign. A
 * sender the organisation's or a brand's own signature vouches for takes points off. The weights were set on the
 * tuning corpus ({@code src/test/resources/awareness/tuning.jsonl}) and checked on the held-out one. Pure apart from
 * the first-seen store in its settings; thread-safe; never throws on any input.
 */
public final class EmailAnalyser {

  /** The score from which an email is called phishing. */
  public static final int PHISHING_SCORE = 7;
  /** The score from which an email is called suspicious. */
  public static final int SUSPICIOUS_SCORE = 3;

  private static final Pattern EMBEDDED_ADDRESS = Pattern.compile(
      "(?i)[a-z0-9._%+-]{1,64}@((?:[a-z0-9-]{1,63}\\.)+[a-z]{2,24})");
  private static final Pattern ROLE_CLAIM = Pattern.compile("(?i)\\b(?:it|i\\.t\\.|helpdesk|help desk|service desk|"
      + "tech(?:nical)? support|it support|administrator|admin|sysadmin|system admin|security team|security|"
      + "payroll|hr|human resources|ceo|cfo|coo|cto|chief executive|chief financial|president|managing director|"
      + "finance|finance director|accounts payable|accounting|postmaster|webmaster|director|legal|mail(?:box)? (?:admin|administrator|support)|"
      + "e-?mail (?:admin|administrator|support|team)|it department|it team|benefits)\\b");
  private static final Pattern EXECUTIVE = Pattern.compile("(?i)\\b(?:ceo|cfo|coo|cto|chief|president|"
      + "director|vp|vice president|chair(?:man|woman)?|founder|owner|partner)\\b");
  private static final Pattern PASSWORD_FORM = Pattern.compile("(?is)<input\\b[^>]{0,500}type\\s*=\\s*[\"']?password");
  private static final Pattern LOGIN_WORDS = Pattern.compile("(?i)(?:log ?in|sign ?in|logon|verify|verification|"
      + "account|password|passwd|credential|auth|sso|office|owa|outlook|webmail|secure|unlock|validate|"
      + "confirm|wallet|billing|payment|invoice|docusign|onedrive|sharepoint)");
  private static final Pattern DOMAIN_AGE = Pattern.compile("(?i)^\\s*(\\d{1,6})\\s*(d|day|days|h|hour|hours)?\\s*$");
  private static final Set<String> AMBIGUOUS_KEYWORDS = Set.of("chase", "meta", "steam", "outlook", "zoom", "apple",
      "ups", "stripe", "slack", "adp", "amex", "box.com", "security", "it", "admin", "azure", "exchange online");
  private static final Pattern SERVICE_WORDS = Pattern.compile("(?i)\\b(?:team|support|service|services|security|"
      + "account|accounts|billing|notification|notifications|alert|alerts|no-?reply|bank|online|customer|care|help|"
      + "verification|delivery|mail|id|cloud|pay|card|store|center|centre|inc|llc|ltd|corp|official|fraud|department|"
      + "dept|desk|banking|protection)\\b");
  private static final Set<String> FILE_EXTENSIONS = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
      "zip", "rar", "txt", "csv", "jpg", "jpeg", "png", "gif", "html", "htm", "exe", "js", "iso", "img", "msg",
      "eml", "ics", "xml", "json", "mp4", "mov", "wav", "mp3", "svg", "one", "lnk");

  private final AwarenessSettings settings;
  private final Lookalikes lookalikes;

  public EmailAnalyser(AwarenessSettings settings) {
    this.settings = settings;
    this.lookalikes = new Lookalikes(settings);
  }

  /** The verdict on an email, its indicators (strongest first) and the guidance for the employee. */
  public Assessment analyse(Email email) {
    Found found = new Found();
    Address from = Address.parse(email.from());
    MailHeaders headers = email.headers();
    String body = email.body();
    String text = Links.text(body);
    String words = email.subject() + "\n" + text;
    List<Link> links = Links.of(body);
    AuthResults auth = AuthResults.of(headers);
    Optional<Brand> senderBrand = from.registrable() == null || KnownHosts.FREE_MAIL.contains(from.registrable())
        ? Optional.empty() : Brands.owner(settings.brands(), from.registrable());
    boolean internal = settings.organisation(from.host());

    sender(found, from, internal, senderBrand);
    displayName(found, from, internal, senderBrand);
    replyPaths(found, from, headers, auth);
    authentication(found, from, auth, internal, senderBrand);
    age(found, from, headers);
    language(found, words, body, from, internal, senderBrand, links);
    links(found, links, from, internal, senderBrand);
    attachments(found, headers, body, text, internal || senderBrand.isPresent() || found.has("sender_authenticated"));

    List<Indicator> indicators = new ArrayList<>(found.all.values());
    indicators.sort(Comparator.comparingInt(Indicator::weight).reversed());
    int score = indicators.stream().mapToInt(Indicator::weight).sum();
    Verdict verdict = score >= PHISHING_SCORE ? Verdict.PHISHING
        : score >= SUSPICIOUS_SCORE ? Verdict.SUSPICIOUS : Verdict.BENIGN;
    return new Assessment(verdict, indicators, Guidance.of(verdict, indicators, settings), score);
  }

  /** The indicators so far, one per kind and subject (so ten links to one bad domain count once). */
  private static final class Found {
    final Map<String, Indicator> all = new LinkedHashMap<>();
    final Set<String> kinds = new LinkedHashSet<>();

    void add(String subject, Indicator indicator) {
      String key = indicator.kind() + "|" + subject;
      Indicator before = all.get(key);
      if (before == null || before.weight() < indicator.weight()) {
        all.put(key, indicator);
      }
      kinds.add(indicator.kind());
    }

    boolean has(String kind) {
      return kinds.contains(kind);
    }
  }

  private void sender(Found found, Address from, boolean internal, Optional<Brand> senderBrand) {
    if (from.host() == null) {
      found.add("sender", Indicator.of("sender_unreadable", Severity.LOW, 1, "The sender's address has no domain "
          + "that can be checked."));
      return;
    }
    if (internal || senderBrand.isPresent()) {
      return;
    }
    lookalikes.of(from.host(), settings).ifPresentOrElse(
        imitation -> found.add(from.registrable(), Indicator.of("lookalike_domain", Severity.HIGH, 6,
            "The sender's domain " + shown(from.host()) + " looks like " + imitation.imitated() + " ("
                + imitation.owner() + ") but is not it: " + imitation.how() + ".")),
        () -> {
          if (Domains.punycode(from.host())) {
            found.add(from.registrable(), Indicator.of("punycode_domain", Severity.MEDIUM, 2, "The sender's domain "
                + from.host() + " is written in punycode (" + Domains.unicode(from.host()) + "): its letters may "
                + "not be the ones they look like."));
          }
        });
  }

  private void displayName(Found found, Address from, boolean internal, Optional<Brand> senderBrand) {
    String display = from.display();
    if (display.isEmpty() || from.registrable() == null) {
      return;
    }
    Matcher embedded = EMBEDDED_ADDRESS.matcher(display);
    if (embedded.find()) {
      String host = Domains.normalise(embedded.group(1));
      String registrable = Domains.registrable(host);
      if (registrable != null && !registrable.equals(from.registrable())) {
        found.add("display-address", Indicator.of("display_name_spoofing", Severity.HIGH, 5, "The name shown "
            + "contains the "
            + "address " + embedded.group().toLowerCase(Locale.ROOT) + ", but the message really comes from "
            + from.registrable() + "."));
      }
    }
    String lower = display.toLowerCase(Locale.ROOT);
    if (!internal) {
      for (Brand brand : settings.brands()) {
        if (senderBrand.filter(brand::equals).isPresent()) {
          continue;
        }
        for (String keyword : brand.keywords()) {
          if (!wholeWord(lower, keyword)) {
            continue;
          }
          if (AMBIGUOUS_KEYWORDS.contains(keyword) && !SERVICE_WORDS.matcher(display).find()) {
            continue;
          }
          found.add("display", Indicator.of("display_name_spoofing", Severity.HIGH, 4, "The name shown, \""
              + clip(display) + "\", claims to be " + brand.name() + ", but the message comes from "
              + from.registrable() + ", which is not " + article(brand.name()) + " " + brand.name() + " domain."));
          if (!found.has("lookalike_domain")) {
            lookalikes.holdsName(from.host(), brand).ifPresent(imitation -> found.add(from.registrable(),
                Indicator.of("lookalike_domain", Severity.HIGH, 6, "The sender's domain " + from.registrable()
                    + " looks like it belongs to " + brand.name() + " but does not: " + imitation.how() + ".")));
          }
          return;
        }
      }
    }
    Matcher role = ROLE_CLAIM.matcher(display);
    if (!internal && role.find()) {
      boolean claimsOrganisation = !settings.organisationDomains().isEmpty();
      boolean freeMail = KnownHosts.FREE_MAIL.contains(from.registrable());
      String organisationName = settings.organisationDomains().stream()
          .map(d -> Domains.name(Domains.registrable(d))).filter(n -> n.length() >= 4 && lower.contains(n))
          .findFirst().orElse(null);
      if (organisationName != null || freeMail || claimsOrganisation && senderBrand.isEmpty()
          && Set.of("it", "helpdesk", "help desk", "service desk", "payroll", "hr", "human resources", "ceo",
          "cfo", "chief executive", "chief financial", "it support", "it department", "it team", "president",
          "managing director", "accounts payable").contains(role.group().toLowerCase(Locale.ROOT))) {
        boolean executive = EXECUTIVE.matcher(display).find();
        found.add("display", Indicator.of("display_name_spoofing", Severity.HIGH,
            freeMail ? (executive ? 5 : 4) : 3,
            "The name shown, \"" + clip(display) + "\", suggests it comes from " + (organisationName != null
                || claimsOrganisation ? "your organisation's " : "the ") + role.group() + ", but it comes from "
                + "outside, from " + from.registrable() + "."));
      }
    }
  }

  private void replyPaths(Found found, Address from, MailHeaders headers, AuthResults auth) {
    if (from.registrable() == null) {
      return;
    }
    Address replyTo = Address.parse(headers.first("Reply-To"));
    if (replyTo.registrable() != null && !sameParty(replyTo.registrable(), from.registrable())) {
      boolean free = KnownHosts.FREE_MAIL.contains(replyTo.registrable())
          && !KnownHosts.FREE_MAIL.contains(from.registrable());
      found.add("reply-to", Indicator.of("reply_to_mismatch", free ? Severity.HIGH : Severity.MEDIUM, free ? 3 : 2,
          "Replies would go to " + replyTo.registrable() + ", not to the sender's domain " + from.registrable()
              + (free ? " — a free mail address anyone can open." : ".")));
    }
    Address returnPath = Address.parse(headers.first("Return-Path"));
    if (returnPath.registrable() != null && !sameParty(returnPath.registrable(), from.registrable())
        && !KnownHosts.within(returnPath.host(), KnownHosts.BOUNCE_SERVICES) && !"pass".equals(auth.dmarc())) {
      found.add("return-path", Indicator.of("return_path_mismatch", Severity.LOW, 1, "Bounces go to "
          + returnPath.registrable() + ", not to the sender's domain " + from.registrable() + "."));
    }
  }

  /**
   * Whether two registrable domains belong to one party: the same, both the organisation's, or both one brand's —
   * for mail addresses not when either is a free mail domain (anyone has an outlook.com address; only Microsoft has
   * its links).
   */
  private boolean sameParty(String a, String b) {
    return sameParty(a, b, true);
  }

  private boolean sameParty(String a, String b, boolean addresses) {
    if (a.equals(b)) {
      return true;
    }
    if (settings.organisation(a) && settings.organisation(b)) {
      return true;
    }
    Optional<Brand> owner = Brands.owner(settings.brands(), a);
    return owner.isPresent() && owner.get().owns(b)
        && (!addresses || !KnownHosts.FREE_MAIL.contains(a) && !KnownHosts.FREE_MAIL.contains(b));
  }

  private void authentication(Found found, Address from, AuthResults auth, boolean internal,
      Optional<Brand> senderBrand) {
    boolean known = internal || senderBrand.isPresent();
    String claimed = from.registrable() == null ? "the sender's domain" : from.registrable();
    if (auth.dmarc() != null && AuthResults.failed(auth.dmarc())) {
      found.add("dmarc", Indicator.of("dmarc_failed", Severity.HIGH, known ? 5 : 4, "DMARC failed: the message "
          + "claims to be from " + claimed + ", but " + claimed + "'s own policy does not vouch for it"
          + (internal ? " — an outsider pretending to write from inside." : ".")));
    }
    boolean dmarcPassed = "pass".equals(auth.dmarc());
    if (!dmarcPassed) {
      if ("fail".equals(auth.spf()) || "permerror".equals(auth.spf())) {
        found.add("spf", Indicator.of("spf_failed", Severity.HIGH, 3, "SPF " + auth.spf() + ": the server that "
            + "sent it is not allowed to send mail for the domain it used."));
      } else if ("softfail".equals(auth.spf())) {
        found.add("spf", Indicator.of("spf_failed", Severity.MEDIUM, 2, "SPF softfail: the domain it used does "
            + "not list the server that sent it."));
      } else if ("none".equals(auth.spf()) && !"pass".equals(auth.dkim())) {
        found.add("spf", Indicator.of("spf_failed", Severity.LOW, 1, "SPF none: the domain it used publishes no "
            + "list of its mail servers, so its origin cannot be checked."));
      }
      if (auth.dkim() != null && AuthResults.failed(auth.dkim())) {
        found.add("dkim", Indicator.of("dkim_failed", Severity.MEDIUM, 2, "DKIM failed: the message's signature "
            + "does not match, so it may have been altered or forged."));
      }
    }
    boolean aligned = from.registrable() != null && (dmarcPassed && (auth.dmarcFrom() == null
        || from.registrable().equals(Domains.registrable(auth.dmarcFrom())))
        || "pass".equals(auth.dkim()) && auth.dkimDomain() != null
        && from.registrable().equals(Domains.registrable(auth.dkimDomain())));
    if (aligned && !found.has("lookalike_domain") && !found.has("display_name_spoofing")) {
      found.add("authenticated", Indicator.of("sender_authenticated", Severity.INFO, known ? -3 : -1,
          (dmarcPassed ? "DMARC passed" : "DKIM passed") + ": the message really was sent by "
              + from.registrable() + (senderBrand.isPresent() ? ", a domain of " + senderBrand.get().name()
              : internal ? ", your organisation's own domain" : "") + "."));
    }
  }

  private void age(Found found, Address from, MailHeaders headers) {
    if (from.registrable() == null) {
      return;
    }
    Long days = hintedAge(headers);
    if (days != null && days < 90) {
      found.add("age", Indicator.of("newly_registered_domain", days < 30 ? Severity.HIGH : Severity.MEDIUM,
          days < 30 ? 4 : 2, "The sender's domain " + from.registrable() + " was registered only " + days
              + (days == 1 ? " day" : " days") + " ago (according to the mail server's X-Domain-Age check)."));
    }
    if (!settings.organisation(from.host()) && settings.firstSeen().firstSeen(from.registrable())) {
      found.add("new", Indicator.of("new_sender_domain", Severity.LOW, 1, "This gateway has not seen mail from "
          + from.registrable() + " before."));
    }
  }

  private Long hintedAge(MailHeaders headers) {
    String age = headers.first("X-Domain-Age");
    if (age != null) {
      Matcher m = DOMAIN_AGE.matcher(age);
      if (m.matches()) {
        long value = Long.parseLong(m.group(1));
        return m.group(2) != null && m.group(2).toLowerCase(Locale.ROOT).startsWith("h") ? value / 24 : value;
      }
    }
    for (String name : List.of("X-Domain-Created", "X-Domain-Registered")) {
      String created = headers.first(name);
      if (created != null && created.strip().length() >= 10) {
        try {
          LocalDate date = LocalDate.parse(created.strip().substring(0, 10));
          return Math.max(0, ChronoUnit.DAYS.between(date, LocalDate.now(settings.clock().withZone(ZoneOffset.UTC))));
        } catch (DateTimeParseException ignored) {
          // not a date: no hint
        }
      }
    }
    return null;
  }

  private void language(Found found, String words, String body, Address from, boolean internal,
      Optional<Brand> senderBrand, List<Link> links) {
    List<String> urgency = Phrases.find(Phrases.URGENCY, words);
    if (!urgency.isEmpty()) {
      found.add("urgency", Indicator.of("urgency_language", urgency.size() >= 2 ? Severity.MEDIUM : Severity.LOW,
          urgency.size() >= 2 ? 2 : 1, "It pushes you to act fast: " + Phrases.quote(urgency) + "."));
    }
    List<String> disclosure = Phrases.find(Phrases.DISCLOSURE, words);
    List<String> credentials = Phrases.find(Phrases.CREDENTIALS, words);
    if (!disclosure.isEmpty()) {
      found.add("credentials", Indicator.of("credential_request", Severity.HIGH, 5, "It asks you to send a "
          + "password or a code: " + Phrases.quote(disclosure) + ". No real service or colleague ever asks for "
          + "these."));
    } else if (!credentials.isEmpty()) {
      // from a sender nothing vouches for, a request to sign in weighs more than from one the checks confirmed
      boolean vouched = internal || senderBrand.isPresent() || found.has("sender_authenticated");
      found.add("credentials", Indicator.of("credential_request", Severity.HIGH, vouched ? 3 : 4, "It asks you to "
          + "sign in or give account details: " + Phrases.quote(credentials) + "."));
    }
    List<String> giftCards = Phrases.find(Phrases.GIFT_CARDS, words);
    List<String> payment = Phrases.find(Phrases.PAYMENT, words);
    if (!giftCards.isEmpty()) {
      found.add("payment", Indicator.of("payment_request", Severity.HIGH, internal ? 3 : 5, "It talks of gift "
          + "cards: "
          + Phrases.quote(giftCards) + ". No real colleague or company asks to be paid in gift cards."));
    } else if (!payment.isEmpty()) {
      found.add("payment", Indicator.of("payment_request", Severity.HIGH, internal ? 2 : 4, "It asks for money "
          + "or for changed payment details: " + Phrases.quote(payment) + "."));
    }
    List<String> secrecy = Phrases.find(Phrases.SECRECY, words);
    if (!secrecy.isEmpty() && !internal) {
      found.add("secrecy", Indicator.of("secrecy_request", Severity.MEDIUM, 2, "It asks for discretion or to "
          + "avoid the usual channels: " + Phrases.quote(secrecy) + "."));
    }
    if (PASSWORD_FORM.matcher(body).find()) {
      found.add("form", Indicator.of("credential_form", Severity.HIGH, 5, "The email itself contains a password "
          + "field: real services never ask for a password inside an email."));
    }
    if (internal || credentials.isEmpty() && disclosure.isEmpty() && (payment.isEmpty() || !giftCards.isEmpty())) {
      return;
    }
    String lower = words.toLowerCase(Locale.ROOT);
    for (Brand brand : settings.brands()) {
      if (senderBrand.filter(brand::equals).isPresent()) {
        continue;
      }
      boolean named = brand.keywords().stream().filter(k -> !AMBIGUOUS_KEYWORDS.contains(k))
          .anyMatch(keyword -> wholeWord(lower, keyword));
      boolean linksToBrand = links.stream().anyMatch(link -> brand.owns(link.registrable()));
      if (named && !linksToBrand) {
        found.add("brand", Indicator.of("brand_impersonation", Severity.HIGH, 3, "It speaks for " + brand.name()
            + " and asks for account or payment details, but it is sent from " + from.registrable()
            + " and its links do not go to " + brand.name() + "."));
        return;
      }
    }
  }

  private void links(Found found, List<Link> links, Address from, boolean internal, Optional<Brand> senderBrand) {
    boolean trustedSender = internal || senderBrand.isPresent();
    Set<String> judged = new java.util.HashSet<>();
    for (Link link : links) {
      String host = link.host();
      // each (text, host) once: a newsletter's hundred identical links cost what one does
      if (host == null || !judged.add(link.text() + '\u0000' + link.userinfo() + '\u0000' + host)) {
        continue;
      }
      if (link.userinfo().contains(".")) {
        found.add(host, Indicator.of("deceptive_link", Severity.HIGH, 4, "A link starts with \""
            + clip(link.userinfo()) + "@\", which makes it look like it goes there, but it goes to " + host + "."));
      }
      if (Domains.isIp(host)) {
        found.add(host, Indicator.of("raw_ip_link", Severity.HIGH, 5, "A link goes to a bare internet address ("
            + host + ") instead of a named website."));
        continue;
      }
      if (KnownHosts.within(host, KnownHosts.SHORTENERS)) {
        found.add(host, Indicator.of("url_shortener", Severity.MEDIUM, 2, "A link goes through the URL shortener "
            + Domains.registrable(host) + ", which hides where it really leads."));
        continue;
      }
      boolean tracker = KnownHosts.within(host, KnownHosts.TRACKERS);
      String shown = link.anchor() ? Links.shownHost(link.text()) : null;
      if (shown != null && !tracker && !FILE_EXTENSIONS.contains(Domains.suffix(shown))) {
        String shownRegistrable = Domains.registrable(shown);
        if (!shownRegistrable.equals(link.registrable()) && !sameParty(shownRegistrable, link.registrable(), false)) {
          boolean trustedShown = settings.organisation(shown)
              || Brands.owner(settings.brands(), shownRegistrable).isPresent();
          found.add(host, Indicator.of("link_text_mismatch", trustedShown ? Severity.HIGH : Severity.MEDIUM,
              trustedShown ? 4 : 3, "A link shows " + shown + " but really goes to " + host + "."));
        }
      }
      if (tracker || settings.organisation(host)) {
        continue;
      }
      if (KnownHosts.within(host, KnownHosts.FREE_HOSTING)
          && !(senderBrand.isPresent() && senderBrand.get().owns(link.registrable()))) {
        boolean login = LOGIN_WORDS.matcher(link.path()).find() || LOGIN_WORDS.matcher(host).find()
            || LOGIN_WORDS.matcher(link.text()).find() || found.has("credential_request");
        if (login && !trustedSender) {
          found.add(host, Indicator.of("free_hosting_login", Severity.HIGH, 5, "A link to a sign-in or document "
              + "page is hosted on " + hostingOf(host) + ", where anyone can publish a page; real companies "
              + "host their sign-in pages on their own domains."));
        } else {
          found.add(host, Indicator.of("free_hosting_link", Severity.LOW, 1, "A link goes to a page on "
              + hostingOf(host) + ", where anyone can publish."));
        }
        continue;
      }
      if (Brands.owner(settings.brands(), link.registrable()).isPresent()) {
        continue;
      }
      lookalikes.of(host, settings).ifPresentOrElse(
          imitation -> found.add(link.registrable(), Indicator.of("lookalike_domain", Severity.HIGH, 6, "A link "
              + "goes to " + shown(host) + ", which looks like " + imitation.imitated() + " (" + imitation.owner()
              + ") but is not it: " + imitation.how() + ".")),
          () -> {
            if (Domains.punycode(host)) {
              found.add(link.registrable(), Indicator.of("punycode_domain", Severity.MEDIUM, 2, "A link goes to "
                  + host + ", written in punycode (" + Domains.unicode(host) + "): its letters may not be the "
                  + "ones they look like."));
            }
          });
    }
  }

  private static String hostingOf(String host) {
    for (String domain : KnownHosts.FREE_HOSTING) {
      if (Domains.within(host, domain)) {
        return domain;
      }
    }
    return Domains.registrable(host);
  }

  private void attachments(Found found, MailHeaders headers, String body, String text, boolean trusted) {
    Set<String> declared = Attachments.declared(headers, body);
    Set<String> mentioned = Attachments.mentioned(text);
    mentioned.removeAll(declared);
    boolean password = Attachments.archivePassword(text);
    for (String name : declared) {
      attachment(found, name, password, true, trusted);
    }
    for (String name : mentioned) {
      attachment(found, name, password, false, trusted);
    }
  }

  private static void attachment(Found found, String name, boolean password, boolean attached, boolean trusted) {
    String extension = Attachments.extension(name);
    String what = attached ? "The attachment " : "The email points you to the file ";
    String quoted = "\"" + clip(name) + "\"";
    if (Attachments.doubleExtension(name)) {
      found.add(name, Indicator.of("risky_attachment", Severity.HIGH, attached ? 8 : 6, what + quoted
          + " hides its real type behind a second ending: it is " + Attachments.risk(extension) + "."));
      return;
    }
    String risk = Attachments.risk(extension);
    if (risk != null) {
      boolean macro = Attachments.MACRO.contains(extension);
      // an executable, disk image or HTML page attached to an email is almost never business mail
      int weight = (macro ? 4 : 7) - (attached ? 0 : 2);
      found.add(name, Indicator.of("risky_attachment", macro ? Severity.MEDIUM : Severity.HIGH, weight,
          what + quoted + " is " + risk + "."));
    } else if (Attachments.ARCHIVE.contains(extension) && password) {
      found.add(name, Indicator.of("risky_attachment", Severity.HIGH, attached ? 7 : 5, what + quoted
          + " is an archive whose "
          + "password is given in the email: the password keeps virus scanners from looking inside."));
    } else if (Attachments.ARCHIVE.contains(extension) && attached && !trusted) {
      found.add(name, Indicator.of("risky_attachment", Severity.MEDIUM, 2, what + quoted + " is an archive from "
          + "an unknown sender: archives can hide programs from your mail's scanner."));
    }
  }

  private static String article(String name) {
    return !name.isEmpty() && "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
  }

  private static boolean wholeWord(String text, String word) {
    int from = 0;
    while (true) {
      int at = text.indexOf(word, from);
      if (at < 0) {
        return false;
      }
      int end = at + word.length();
      boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean after = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (before && after) {
        return true;
      }
      from = at + 1;
    }
  }

  private static String shown(String host) {
    return Domains.punycode(host) ? host + " (shown as " + Domains.unicode(host) + ")" : host;
  }

  private static String clip(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
