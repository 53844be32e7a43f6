package io.cybershield.shield.gateway.awareness;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The language of pressure and of requests a scam needs: each family is one RE2/J pattern of phrases, matched on the
 * subject and the readable body, case-insensitive, with flexible white space. What matched is quoted back in the
 * indicator, so a person sees why.
 */
final class Phrases {

  /** Deadlines, threats and alarms that push a reader to act before thinking. */
  static final Pattern URGENCY = family(
      "urgent(?:ly)?", "immediate(?:ly)?", "right away", "as soon as possible", "asap",
      "within (?:the next )?(?:\\d{1,2}|twenty[- ]four|forty[- ]eight|one|two|24|48) ?(?:hours?|hrs?|h|minutes?)",
      "(?:by )?end of (?:the )?day today", "today only", "expires? (?:today|tonight|soon|in \\d+)",
      "final (?:notice|warning|reminder)", "last (?:warning|chance|notice|reminder)", "act now", "don'?t delay",
      "(?:will|would) be (?:suspended|terminated|deactivated|disabled|closed|locked|deleted|blocked|removed)",
      "(?:account|mailbox|access|password) (?:has been |is |was )?(?:suspended|locked|disabled|on hold|restricted|"
          + "compromised|blocked)",
      "(?:unusual|suspicious|unauthori[sz]ed) (?:sign[- ]?in|login|activity|access|transaction|payment)",
      "action required", "immediate action", "failure to (?:comply|respond|verify|confirm|update|act)",
      "avoid (?:suspension|termination|losing|deactivation|penalt)", "time[- ]sensitive", "respond quickly",
      "overdue", "past due", "legal action", "penalt(?:y|ies)", "limited time", "only today");

  /** Asking for a password, a login, a code or an identity check. */
  static final Pattern CREDENTIALS = family(
      "(?:verify|confirm|validate|update|re-?enter|re-?validate|re-?confirm|secure|unlock|restore|reactivate)"
          + " (?:your |the )?(?:account|identity|password|credentials|login|mailbox|email account|e-?mail|details|"
          + "information|profile|access|payment (?:details|information|method)|billing (?:details|information)|"
          + "card (?:details|information|number)|bank (?:account )?(?:details|information)|account (?:details|"
          + "information|ownership))",
      "(?:enter|type) (?:your )?(?:current |old |new )?"
          + "(?:password|passcode|login details|login credentials|credentials|username and password|pin|"
          + "(?:one[- ]time|verification|security|mfa|2fa|sms) code)",
      "(?:sign|log) ?in (?:here |now |below |immediately )?to (?:verify|confirm|keep|avoid|restore|unlock|"
          + "review|reactivate|retain|continue using|prevent|validate|view|access|download|open|accept)",
      "(?:sign|log) ?in with your (?:e-?mail|work account|work e-?mail|microsoft|office ?365|corporate|company|"
          + "credentials|password|organi[sz]ation|[a-z]+ credentials|[a-z]+ password)",
      "(?:mailbox|storage|quota) (?:is )?(?:full|almost full|exceeded|limit)", "password (?:will )?expires?"
          + " (?:today|soon|in \\d+)", "keep (?:your )?(?:current |same )?password",
      "(?:mfa|2fa|multi-?factor|two-?factor|authenticator) (?:re-?enrol(?:l)?ment|re-?registration|"
          + "re-?enrol(?:l)?|update required|has been reset|needs? to be (?:re-?)?(?:configured|set ?up))",
      "(?:pending|undelivered|held|quarantined|blocked) (?:incoming )?(?:messages|emails|mails)",
      "(?:release|recover|retrieve) (?:your |the )?(?:pending |held |quarantined )?(?:messages|emails|mails)",
      "(?:shared|sent) (?:you )?a (?:secure |protected |encrypted )?(?:document|file|fax|voicemail).{0,40}"
          + "(?:sign in|log ?in|login|credentials|verify)");

  /** Asking to send a password or a one-time code: no real service or colleague does. */
  static final Pattern DISCLOSURE = family(
      "(?:send|reply with|give|tell|forward|text|share with|provide) (?:me |us )?(?:back )?(?:your |the )?(?:current |"
          + "old |new )?(?:password|passcode|username and password|login details|pin|(?:one[- ]time|verification|"
          + "security|mfa|2fa|sms|login|authenticator) code)",
      "(?:reply|respond) (?:to this (?:e-?mail|message) )?with (?:your )?(?:password|username|login|credentials|code)",
      "(?:code|password) you (?:just )?received");

  /** Money moved outside the normal process: gift cards, changed bank details, urgent wires, crypto. */
  static final Pattern GIFT_CARDS = family(
      "gift ?cards?", "itunes cards?", "google play cards?", "apple cards?", "steam (?:wallet )?cards?",
      "amazon cards?", "scratch (?:off )?the (?:back|card)", "(?:send|email|text) me the (?:codes|card numbers|pins)",
      "(?:card|redemption) codes");
  static final Pattern PAYMENT = family(
      "(?:changed?|updated?|new) (?:our |my |the )?(?:bank(?:ing)?|account|payment|remittance) "
          + "(?:details|information|account|instructions)",
      "(?:bank(?:ing)? details|account details|payment details) (?:have|has) (?:changed|been updated)",
      "(?:update|change) (?:my|the) (?:direct deposit|bank account|banking|payroll|salary account)", "changed banks",
      "(?:wire|bank) transfer (?:today|urgently|immediately|now|asap)", "urgent(?:ly)? (?:wire|payment|transfer)",
      "(?:process|make|send|arrange) (?:a |an |the )?(?:urgent |quick |same[- ]day )?(?:wire|payment|transfer)"
          + " (?:today|now|immediately|urgently|before)",
      "(?:bitcoin|btc|crypto(?:currency)?|usdt|ethereum) (?:wallet|address|payment)",
      "(?:pay|send) (?:in |via )?(?:bitcoin|btc|crypto)", "(?:refund|rebate|compensation) (?:of|worth) [$£€]",
      "(?:claim|receive) your (?:refund|rebate|prize|reward|compensation)", "(?:you have|you've) won",
      "(?:customs|delivery|shipping|redelivery|rescheduling|reschedule|release|handling|import) (?:fee|charge|duty)",
      "small fee", "(?:outstanding|unpaid) (?:duty|duties|customs|fee|charge)", "pay (?:the |a )?(?:fee|duty|duties)");
  /** Secrecy and going around the usual channels (the pattern of CEO fraud). */
  static final Pattern SECRECY = family(
      "(?:keep (?:this|it) (?:confidential|between us|quiet|to yourself))", "don'?t (?:tell|mention|discuss)",
      "(?:i'?m|i am) (?:in|stuck in|heading into) (?:a |an )?(?:meeting|conference|board meeting)",
      "(?:can'?t|cannot|unable to) (?:talk|take calls|call|speak)", "are you (?:available|at your desk)",
      "do not (?:call|phone) me", "quick favou?r", "need a favou?r", "personal favou?r",
      "reply (?:only )?by (?:e-?mail|text) only", "reply only (?:to|by) (?:this )?(?:e-?mail|text)");

  private static final int MAX_QUOTED = 3;

  private Phrases() {
  }

  private static Pattern family(String... phrases) {
    StringBuilder alternatives = new StringBuilder("(?i)\\b(?:");
    for (int i = 0; i < phrases.length; i++) {
      if (i > 0) {
        alternatives.append('|');
      }
      // "sign ?in" is "sign in" or "signin"; any other space is any run of white space
      alternatives.append(phrases[i].replace(" ?", "\\s*").replace(" ", "\\s+"));
    }
    return Pattern.compile(alternatives.append(")").toString());
  }

  /** The distinct phrases of a family in the text, as they appear (folded white space, lower case), first few. */
  static List<String> find(Pattern family, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = family.matcher(text);
    int total = 0;
    while (m.find() && total++ < 50) {
      found.add(m.group().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
    }
    return List.copyOf(found);
  }

  /** The first phrases, quoted for a detail: {@code "act now", "within 24 hours"}. */
  static String quote(List<String> phrases) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(MAX_QUOTED, phrases.size()); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append('"').append(phrases.get(i)).append('"');
    }
    return out.toString();
  }
}
