package io.cybershield.shield.gateway.awareness;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the receiving mail server found when it checked the sender: SPF (was the sending server allowed to send for
 * the envelope domain), DKIM (is the message signed by a domain, and by which), DMARC (does a passing check belong
 * to the domain of the From header). Read from the top {@code Authentication-Results} header (RFC 8601) — the one
 * the organisation's own server added; lower ones may have been written by the sender — and from
 * {@code Received-SPF} when there is no SPF result there.
 *
 * @param spf        pass, fail, softfail, neutral, none, permerror, temperror; null when not reported
 * @param dkim       the best DKIM result (pass over fail over none), null when not reported
 * @param dkimDomain the domain of a passing DKIM signature ({@code header.d} or {@code header.i}), null otherwise
 * @param dmarc      pass, fail, none, ...; null when not reported
 * @param dmarcFrom  the From domain DMARC was evaluated for ({@code header.from}), null when not reported
 */
record AuthResults(String spf, String dkim, String dkimDomain, String dmarc, String dmarcFrom) {

  private static final Pattern METHOD = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*([a-z]+)([^;]*)");
  private static final Pattern PROPERTY = Pattern.compile("(?i)\\bheader\\.(d|i|from)\\s*=\\s*@?([a-z0-9.-]+)");
  private static final Pattern RECEIVED_SPF = Pattern.compile("(?i)^\\s*([a-z]+)");

  static final AuthResults NONE = new AuthResults(null, null, null, null, null);

  static AuthResults of(MailHeaders headers) {
    String spf = null;
    String dkim = null;
    String dkimDomain = null;
    String dmarc = null;
    String dmarcFrom = null;
    String top = headers.first("Authentication-Results");
    if (top == null) {
      top = headers.first("ARC-Authentication-Results");
    }
    if (top != null && top.length() < 20_000) {
      Matcher method = METHOD.matcher(top);
      List<String> dkims = new ArrayList<>();
      while (method.find()) {
        String name = method.group(1).toLowerCase(Locale.ROOT);
        String result = method.group(2).toLowerCase(Locale.ROOT);
        String properties = method.group(3);
        switch (name) {
          case "spf" -> spf = spf == null ? result : spf;
          case "dkim" -> {
            dkims.add(result);
            if (result.equals("pass") && dkimDomain == null) {
              dkimDomain = property(properties, "d", "i");
            }
          }
          default -> {
            if (dmarc == null) {
              dmarc = result;
              dmarcFrom = property(properties, "from");
            }
          }
        }
      }
      if (dkims.contains("pass")) {
        dkim = "pass";
      } else if (!dkims.isEmpty()) {
        dkim = dkims.stream().filter(r -> !r.equals("none")).findFirst().orElse("none");
      }
    }
    if (spf == null) {
      String received = headers.first("Received-SPF");
      if (received != null) {
        Matcher m = RECEIVED_SPF.matcher(received);
        if (m.find()) {
          spf = m.group(1).toLowerCase(Locale.ROOT);
        }
      }
    }
    return new AuthResults(spf, dkim, dkimDomain, dmarc, dmarcFrom);
  }

  private static String property(String properties, String... names) {
    Matcher m = PROPERTY.matcher(properties);
    while (m.find()) {
      String key = m.group(1).toLowerCase(Locale.ROOT);
      for (String name : names) {
        if (key.equals(name)) {
          return Domains.normalise(m.group(2));
        }
      }
    }
    return null;
  }

  static boolean failed(String result) {
    return "fail".equals(result) || "softfail".equals(result) || "permerror".equals(result);
  }
}
