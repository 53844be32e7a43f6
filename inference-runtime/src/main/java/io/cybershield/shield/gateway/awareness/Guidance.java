package io.cybershield.shield.gateway.awareness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the employee should do, in plain words: the verdict in one sentence, why (one line per kind of sign, the
 * strongest first), then what to do now, and what to do if they already clicked, typed a password, opened a file or
 * paid. No jargon: "the sender's address only looks like paypal.com", not "lookalike domain, edit distance 1".
 */
final class Guidance {

  private Guidance() {
  }

  static String of(Verdict verdict, List<Indicator> indicators, AwarenessSettings settings) {
    Set<String> kinds = new LinkedHashSet<>();
    for (Indicator indicator : indicators) {
      if (indicator.weight() > 0) {
        kinds.add(indicator.kind());
      }
    }
    String report = settings.reportTo()
        .map(address -> "report it with the Report button in your mail app, or forward it as an attachment to "
            + address)
        .orElse("report it with the Report button in your mail app, or forward it as an attachment to your "
            + "security team");
    List<String> out = new ArrayList<>();
    switch (verdict) {
      case PHISHING -> out.add("This email looks like a phishing attempt. Do not click its links, do not open its "
          + "attachments and do not reply to it.");
      case SUSPICIOUS -> out.add("Be careful: parts of this email are unusual. Do not click its links, open its "
          + "attachments or reply until you have checked that it is genuine.");
      default -> out.add("We found no clear signs of phishing in this email.");
    }
    List<String> why = new ArrayList<>();
    for (String kind : kinds) {
      String line = explain(kind);
      if (line != null && !why.contains(line)) {
        why.add(line);
      }
    }
    if (verdict == Verdict.BENIGN) {
      if (!why.isEmpty()) {
        out.add("One thing to keep in mind: " + lowerFirst(why.get(0)));
      }
      out.add("Stay careful all the same: if it asks for your password, money or anything unexpected, check with "
          + "the sender using a phone number or address you already know, and if something feels wrong, "
          + report + ".");
      return String.join(" ", out);
    }
    for (int i = 0; i < Math.min(4, why.size()); i++) {
      out.add(why.get(i));
    }
    out.add("To check it, contact the sender using a phone number or address you already know — never the ones in "
        + "this email — or open the website yourself by typing its address.");
    out.add("Please " + report + ", then delete it.");
    if (kinds.contains("credential_request") || kinds.contains("credential_form")
        || kinds.contains("lookalike_domain") || kinds.contains("free_hosting_login")
        || kinds.contains("brand_impersonation") || kinds.contains("link_text_mismatch")) {
      out.add("If you already entered your password on a page it led you to, change that password now (and "
          + "anywhere else you use it) and tell IT straight away.");
    }
    if (kinds.contains("risky_attachment")) {
      out.add("If you already opened the attachment, disconnect your computer from the network and call IT "
          + "straight away; do not try to fix it yourself.");
    }
    if (kinds.contains("payment_request")) {
      out.add("If you already paid, bought gift cards or changed bank details, tell your manager and the finance "
          + "team now: a payment stopped early can sometimes be recovered.");
    }
    if (!kinds.contains("credential_request") && !kinds.contains("risky_attachment")
        && !kinds.contains("payment_request")) {
      out.add("If you already clicked a link or replied, tell IT — it is never a problem to ask.");
    }
    return String.join(" ", out);
  }

  private static String explain(String kind) {
    return switch (kind) {
      case "lookalike_domain" -> "An address in it only looks like a name you trust: look at the spelling letter by "
          + "letter.";
      case "punycode_domain" -> "An address in it uses letters from another alphabet that can look like ordinary "
          + "ones.";
      case "display_name_spoofing" -> "The sender's name claims to be someone you know or trust, but the address "
          + "behind it belongs to someone else.";
      case "reply_to_mismatch" -> "Your reply would not go to the sender but to a different address.";
      case "return_path_mismatch" -> "It was sent through a mail system that does not belong to the sender.";
      case "dmarc_failed", "spf_failed", "dkim_failed" -> "The checks that prove who sent an email failed or could "
          + "not confirm the sender it claims.";
      case "newly_registered_domain" -> "The sender's domain was created only recently, a common sign of a scam.";
      case "new_sender_domain" -> "Nobody here has received mail from this sender's domain lately.";
      case "urgency_language" -> "It tries to rush you; real organisations give you time.";
      case "credential_request" -> "It asks for your password or a sign-in. Never sign in from a link in an email: "
          + "go to the site yourself or use your bookmark.";
      case "credential_form" -> "It contains a password box. No real service asks for a password inside an email.";
      case "payment_request" -> "It asks for money, gift cards or new bank details. Confirm any such request by "
          + "phone, using a number you already have.";
      case "secrecy_request" -> "It asks you to keep it secret or to avoid the usual way of checking, which is "
          + "what fraudsters ask.";
      case "brand_impersonation" -> "It speaks for a well-known company, but it does not come from that company.";
      case "deceptive_link", "link_text_mismatch" -> "A link shows one address but takes you to another. Hover "
          + "over a link to see where it really goes.";
      case "raw_ip_link" -> "A link goes to a bare number address instead of a company's website.";
      case "url_shortener" -> "A link is shortened, which hides where it really goes.";
      case "free_hosting_login", "free_hosting_link" -> "A link goes to a page anyone can create for free, not to "
          + "the company's own website.";
      case "risky_attachment" -> "It has (or points to) a file of a kind that can install harmful software. Do "
          + "not open it.";
      case "sender_unreadable" -> "The sender's address cannot be read properly.";
      default -> null;
    };
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
