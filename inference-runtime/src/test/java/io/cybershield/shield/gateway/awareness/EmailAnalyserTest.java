package io.cybershield.shield.gateway.awareness;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each indicator of {@link EmailAnalyser}, with an email that shows it and one that must not. */
class EmailAnalyserTest {

  private static final EmailAnalyser ANALYSER = new EmailAnalyser(AwarenessSettings.of(List.of("harbourline.example")));

  private static Assessment analyse(String from, String subject, String body, String... headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.computeIfAbsent(headers[i], ignored -> new java.util.ArrayList<>()).add(headers[i + 1]);
    }
    return ANALYSER.analyse(new Email(from, subject, body, MailHeaders.of(map)));
  }

  private static List<String> kinds(String from, String subject, String body, String... headers) {
    return analyse(from, subject, body, headers).kinds();
  }

  private static Indicator indicator(Assessment assessment, String kind) {
    return assessment.indicators().stream().filter(i -> i.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Nested
  class LookalikeDomains {

    @Test
    void aDigitForALetterInTheSendersDomainIsALookalikeAndSaysWhatItImitates() {
      Assessment a = analyse("PayPal <service@paypa1.com>", "Receipt", "Thanks.");
      Indicator lookalike = indicator(a, "lookalike_domain");
      assertThat(lookalike.severity()).isEqualTo(Severity.HIGH);
      assertThat(lookalike.detail()).contains("paypa1.com").contains("paypal.com").contains("PayPal")
          .contains("digits");
    }

    @Test
    void theRealDomainAndItsSubdomainsAreNot() {
      assertThat(kinds("PayPal <service@mail.paypal.com>", "Receipt", "Thanks.")).doesNotContain("lookalike_domain");
      assertThat(kinds("Amazon <ship@amazon.de>", "Versand", "Ihr Paket.")).doesNotContain("lookalike_domain");
    }

    @Test
    void theOrganisationsDomainWithADoubledLetterOrAnotherEndingIsALookalike() {
      assertThat(indicator(analyse("IT <it@harbourlline.example>", "x", "y"), "lookalike_domain").detail())
          .contains("harbourline.example").contains("your organisation");
      assertThat(indicator(analyse("IT <it@harbourline.com>", "x", "y"), "lookalike_domain").detail())
          .contains("another ending");
      assertThat(kinds("IT <it@servicedesk.harbourline.example>", "x", "y")).doesNotContain("lookalike_domain");
    }

    @Test
    void extraHyphensAndExtraWordsAreLookalikes() {
      assertThat(indicator(analyse("a <a@pay-pal.com>", "x", "y"), "lookalike_domain").detail()).contains("hyphens");
      assertThat(indicator(analyse("a <a@docusign-envelope.net>", "x", "y"), "lookalike_domain").detail())
          .contains("extra words");
    }

    @Test
    void theRealDomainPutInFrontOfAnotherIsALookalike() {
      Indicator lookalike = indicator(analyse("Amazon <a@amazon.com.account-check.co>", "x", "y"), "lookalike_domain");
      assertThat(lookalike.detail()).contains("puts amazon.com in front of its real domain, account-check.co");
    }

    @Test
    void aLinkToALookalikeIsOneToo() {
      assertThat(kinds("Dana <dana@harbourline.example>", "x", "see https://rnicrosoft-login.com/x"))
          .contains("lookalike_domain");
      assertThat(kinds("Dana <dana@harbourline.example>", "x", "see https://www.microsoft.com/security"))
          .doesNotContain("lookalike_domain");
    }

    @Test
    void anUnrelatedDomainIsNot() {
      assertThat(kinds("Ruth <ruth@meridian-av.com>", "Quote", "Attached our quote.")).isEmpty();
    }
  }

  @Nested
  class Punycode {

    @Test
    void punycodeThatSpellsABrandInCyrillicIsALookalike() {
      Indicator lookalike = indicator(analyse("PayPal <a@xn--pypal-4ve.com>", "x", "y"), "lookalike_domain");
      assertThat(lookalike.detail()).contains("another alphabet");
    }

    @Test
    void otherPunycodeIsFlaggedLightly() {
      Assessment a = analyse("Café <info@xn--caf-dma.example>", "Menu", "Our menu.");
      assertThat(indicator(a, "punycode_domain").severity()).isEqualTo(Severity.MEDIUM);
      assertThat(kinds("Cafe <info@cafe.example>", "Menu", "Our menu.")).doesNotContain("punycode_domain");
    }
  }

  @Nested
  class DisplayNames {

    @Test
    void aDisplayNameHoldingAnotherDomainsAddressIsSpoofing() {
      Assessment a = analyse("\"support@harbourline.example\" <alerts@notify-mailer.ru>", "x", "y");
      assertThat(indicator(a, "display_name_spoofing").detail()).contains("support@harbourline.example")
          .contains("notify-mailer.ru");
      assertThat(kinds("\"dana@harbourline.example\" <dana@harbourline.example>", "x", "y"))
          .doesNotContain("display_name_spoofing");
    }

    @Test
    void aBrandInTheNameFromAnotherDomainIsSpoofingButNotFromTheBrand() {
      assertThat(kinds("\"DocuSign\" <dse@esign-mailer.com>", "x", "y")).contains("display_name_spoofing");
      assertThat(kinds("\"Priya via DocuSign\" <dse_na3@docusign.net>", "x", "y")).doesNotContain(
          "display_name_spoofing");
    }

    @Test
    void aPersonCalledChaseIsNotTheBank() {
      assertThat(kinds("\"Chase Miller\" <chase.miller@meridian-av.com>", "Hi", "Lunch?"))
          .doesNotContain("display_name_spoofing");
      assertThat(kinds("\"Chase Fraud Department\" <x@alerts-desk.net>", "Alert", "Call us"))
          .contains("display_name_spoofing");
    }

    @Test
    void itHelpdeskFromOutsideIsSpoofingAndFromInsideIsNot() {
      Indicator spoof = indicator(analyse("\"IT Helpdesk\" <helpdesk.team@gmail.com>", "x", "y"),
          "display_name_spoofing");
      assertThat(spoof.detail()).contains("gmail.com");
      assertThat(kinds("\"IT Helpdesk\" <helpdesk@harbourline.example>", "x", "y"))
          .doesNotContain("display_name_spoofing");
    }

    @Test
    void anExecutiveOnFreeMailWeighsMore() {
      assertThat(indicator(analyse("\"Martin Hale CEO\" <m.hale.ceo@gmail.com>", "x", "y"), "display_name_spoofing")
          .weight()).isEqualTo(5);
      assertThat(kinds("\"Martin Hale\" <m.hale@gmail.com>", "x", "y")).doesNotContain("display_name_spoofing");
    }
  }

  @Nested
  class ReplyPaths {

    @Test
    void aReplyToAtFreeMailIsAMismatch() {
      Assessment a = analyse("Accounts <ar@fernway.com>", "x", "y", "Reply-To", "fernway.ar@outlook.com");
      assertThat(indicator(a, "reply_to_mismatch").severity()).isEqualTo(Severity.HIGH);
      assertThat(indicator(a, "reply_to_mismatch").detail()).contains("outlook.com").contains("fernway.com");
    }

    @Test
    void aReplyToInTheSendersOwnDomainOrBrandIsNot() {
      assertThat(kinds("Sales <a@meridian-av.com>", "x", "y", "Reply-To", "sales@eu.meridian-av.com"))
          .doesNotContain("reply_to_mismatch");
      assertThat(kinds("Microsoft <a@microsoft.com>", "x", "y", "Reply-To", "b@office.com"))
          .doesNotContain("reply_to_mismatch");
    }

    @Test
    void aReturnPathAtAnUnknownDomainIsAMismatchButAMailServicesIsNot() {
      assertThat(kinds("News <n@weekly.example>", "x", "y", "Return-Path", "<b@mailer-x99.ru>"))
          .contains("return_path_mismatch");
      assertThat(kinds("News <n@weekly.example>", "x", "y", "Return-Path", "<bounce-mc.us5_1@mail1.mcsv.net>"))
          .doesNotContain("return_path_mismatch");
    }
  }

  @Nested
  class Authentication {

    @Test
    void dmarcFailWeighsMostWhenTheSenderClaimsTheOrganisation() {
      Assessment a = analyse("HR <hr@harbourline.example>", "x", "y", "Authentication-Results",
          "mx; spf=fail smtp.mailfrom=harbourline.example; dkim=none; dmarc=fail header.from=harbourline.example");
      assertThat(indicator(a, "dmarc_failed").weight()).isEqualTo(5);
      assertThat(indicator(a, "dmarc_failed").detail()).contains("from inside");
      assertThat(a.kinds()).contains("spf_failed").doesNotContain("sender_authenticated");
    }

    @Test
    void softfailAndNoneAreWeaker() {
      assertThat(indicator(analyse("a <a@b-shop.example>", "x", "y", "Received-SPF", "softfail (no)"), "spf_failed")
          .severity()).isEqualTo(Severity.MEDIUM);
      assertThat(indicator(analyse("a <a@b-shop.example>", "x", "y", "Received-SPF", "none"), "spf_failed")
          .severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void aPassingDmarcIgnoresSpfAndDkimFailuresAndVouchesForAKnownSender() {
      Assessment a = analyse("DocuSign <dse@docusign.net>", "x", "y", "Authentication-Results",
          "mx; spf=fail smtp.mailfrom=fwd.example; dkim=fail header.d=x.example; dkim=pass header.d=docusign.net; "
              + "dmarc=pass header.from=docusign.net");
      assertThat(a.kinds()).containsExactly("sender_authenticated");
      Indicator vouched = indicator(a, "sender_authenticated");
      assertThat(vouched.severity()).isEqualTo(Severity.INFO);
      assertThat(vouched.weight()).isEqualTo(-3);
      assertThat(vouched.detail()).contains("DocuSign");
    }

    @Test
    void anAlignedDkimPassVouchesWithoutDmarc() {
      Assessment a = analyse("DocuSign <dse@docusign.net>", "x", "y", "Authentication-Results",
          "mx; dkim=pass header.i=@docusign.net");
      assertThat(a.kinds()).containsExactly("sender_authenticated");
      assertThat(kinds("DocuSign <dse@docusign.net>", "x", "y", "Authentication-Results",
          "mx; dkim=pass header.d=other.example")).doesNotContain("sender_authenticated");
    }

    @Test
    void onlyTheTopAuthenticationResultsCounts() {
      Assessment a = analyse("a <a@shop.example>", "x", "y", "Authentication-Results", "mx; dmarc=fail",
          "Authentication-Results", "forged; dmarc=pass header.from=shop.example");
      assertThat(a.kinds()).contains("dmarc_failed").doesNotContain("sender_authenticated");
    }
  }

  @Nested
  class DomainAge {

    @Test
    void aYoungDomainHintIsNewlyRegistered() {
      Assessment a = analyse("a <a@fresh.example>", "x", "y", "X-Domain-Age", "9");
      assertThat(indicator(a, "newly_registered_domain").severity()).isEqualTo(Severity.HIGH);
      assertThat(indicator(a, "newly_registered_domain").detail()).contains("9 days");
      assertThat(indicator(analyse("a <a@fresh.example>", "x", "y", "X-Domain-Age", "45d"), "newly_registered_domain")
          .severity()).isEqualTo(Severity.MEDIUM);
      assertThat(kinds("a <a@fresh.example>", "x", "y", "X-Domain-Age", "400")).doesNotContain(
          "newly_registered_domain");
      assertThat(kinds("a <a@fresh.example>", "x", "y", "X-Domain-Age", "young")).doesNotContain(
          "newly_registered_domain");
    }

    @Test
    void aCreationDateIsReadAgainstTheClock() {
      Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
      EmailAnalyser analyser = new EmailAnalyser(new AwarenessSettings(List.of(), Brands.SHIPPED,
          FirstSeenDomains.disabled(), Optional.empty(), clock));
      Assessment a = analyser.analyse(new Email("a <a@fresh.example>", "x", "y",
          MailHeaders.parse("X-Domain-Created: 2026-11-30T08:00:00Z")));
      assertThat(indicator(a, "newly_registered_domain").detail()).contains("3 days");
    }

    @Test
    void theFirstSeenStoreCallsADomainNewOnlyOnceWarm() {
      EmailAnalyser analyser = new EmailAnalyser(new AwarenessSettings(List.of("harbourline.example"),
          Brands.SHIPPED, new FirstSeenDomains(100, 2), Optional.empty(), Clock.systemUTC()));
      Email first = new Email("a <a@one.example>", "x", "y", MailHeaders.none());
      assertThat(analyser.analyse(first).kinds()).doesNotContain("new_sender_domain");
      assertThat(analyser.analyse(new Email("b <b@two.example>", "x", "y", MailHeaders.none())).kinds())
          .doesNotContain("new_sender_domain");
      assertThat(analyser.analyse(new Email("c <c@three.example>", "x", "y", MailHeaders.none())).kinds())
          .contains("new_sender_domain");
      assertThat(analyser.analyse(first).kinds()).as("seen before").doesNotContain("new_sender_domain");
      assertThat(analyser.analyse(new Email("d <d@harbourline.example>", "x", "y", MailHeaders.none())).kinds())
          .as("internal").doesNotContain("new_sender_domain");
    }

    @Test
    void theFirstSeenStoreForgetsTheLeastRecentlySeenWhenFull() {
      FirstSeenDomains store = new FirstSeenDomains(2, 0);
      assertThat(store.firstSeen("a.example")).isTrue();
      assertThat(store.firstSeen("b.example")).isTrue();
      assertThat(store.firstSeen("a.example")).isFalse();
      assertThat(store.firstSeen("c.example")).isTrue();
      assertThat(store.size()).isEqualTo(2);
      assertThat(store.firstSeen("b.example")).as("evicted").isTrue();
    }
  }

  @Nested
  class Language {

    @Test
    void urgencyIsQuotedAndGrowsWithMorePhrases() {
      Assessment one = analyse("a <a@shop.example>", "Final notice", "Thanks.");
      assertThat(indicator(one, "urgency_language").severity()).isEqualTo(Severity.LOW);
      assertThat(indicator(one, "urgency_language").detail()).contains("\"final notice\"");
      Assessment two = analyse("a <a@shop.example>", "Act now", "Your account will be suspended within 24 hours.");
      assertThat(indicator(two, "urgency_language").severity()).isEqualTo(Severity.MEDIUM);
      assertThat(kinds("a <a@shop.example>", "Lunch", "Shall we meet on Tuesday?")).isEmpty();
    }

    @Test
    void credentialRequestsAreFoundAndAskingToSendACodeWeighsMost() {
      assertThat(indicator(analyse("a <a@shop.example>", "x", "Please verify your account here."),
          "credential_request").weight()).isEqualTo(4);
      assertThat(indicator(analyse("a <a@shop.example>", "x", "Please log in to confirm your order."),
          "credential_request").detail()).contains("log in to confirm");
      assertThat(indicator(analyse("a <a@shop.example>", "x", "Reply with your username and password."),
          "credential_request").weight()).isEqualTo(5);
      assertThat(kinds("a <a@shop.example>", "x", "You requested a password reset; the link expires in an hour."))
          .doesNotContain("credential_request");
    }

    @Test
    void giftCardsAndBankChangesArePaymentRequests() {
      assertThat(indicator(analyse("a <a@gmail.com>", "x", "Buy 5 Apple gift cards and send me the codes."),
          "payment_request").weight()).isEqualTo(5);
      assertThat(indicator(analyse("a <a@vendor.example>", "x", "Our bank details have changed."),
          "payment_request").detail()).contains("bank details have changed");
      assertThat(kinds("a <a@vendor.example>", "Invoice", "Invoice attached, payment due in 30 days."))
          .doesNotContain("payment_request");
    }

    @Test
    void secrecyIsFlaggedFromOutsideOnly() {
      assertThat(kinds("a <a@gmail.com>", "x", "I'm in a meeting and can't talk. Keep this between us."))
          .contains("secrecy_request");
      assertThat(kinds("a <a@harbourline.example>", "x", "Keep this confidential until the announcement."))
          .doesNotContain("secrecy_request");
    }

    @Test
    void aPasswordFieldInTheEmailIsACredentialForm() {
      assertThat(kinds("a <a@shop.example>", "x", "<form><input type=\"password\" name=\"p\"></form>"))
          .contains("credential_form");
      assertThat(kinds("a <a@shop.example>", "x", "<p>Never type your password into a form in an email.</p>"))
          .doesNotContain("credential_form");
    }

    @Test
    void aBrandAskingForCredentialsFromElsewhereIsImpersonation() {
      assertThat(kinds("Billing <b@invoices-center.example>", "Netflix", "Update your payment information for "
          + "Netflix: https://invoices-center.example/n")).contains("brand_impersonation");
      assertThat(kinds("Billing <b@invoices-center.example>", "Netflix", "Update your payment information at "
          + "https://www.netflix.com/account")).doesNotContain("brand_impersonation");
    }
  }

  @Nested
  class LinksInTheBody {

    @Test
    void anchorTextShowingADomainThatIsNotTheTargetIsAMismatch() {
      Indicator mismatch = indicator(analyse("a <a@shop.example>", "x",
          "<a href=\"http://paypa1-resolution.com/signin\">https://www.paypal.com/signin</a>"), "link_text_mismatch");
      assertThat(mismatch.severity()).isEqualTo(Severity.HIGH);
      assertThat(mismatch.detail()).contains("www.paypal.com").contains("paypa1-resolution.com");
    }

    @Test
    void trackersProtectorsAndSameOwnerLinksAreNot() {
      assertThat(kinds("News <n@weekly.example>", "x",
          "<a href=\"https://weekly.us5.list-manage.com/track/click?u=1\">weekly.example/archive</a>"))
          .doesNotContain("link_text_mismatch");
      assertThat(kinds("Ms <a@microsoft.com>", "x", "<a href=\"https://account.live.com/x\">microsoft.com</a>"))
          .doesNotContain("link_text_mismatch");
      assertThat(kinds("a <a@shop.example>", "x", "<a href=\"https://shop.example/i.pdf\">invoice.pdf</a>"))
          .doesNotContain("link_text_mismatch");
    }

    @Test
    void aSafeLinksWrappedTargetIsJudgedUnwrapped() {
      String wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2F185.66.12.9%2Flogin&data=x";
      assertThat(kinds("a <a@shop.example>", "x", "<a href=\"" + wrapped + "\">Open</a>")).contains("raw_ip_link");
    }

    @Test
    void userinfoBeforeTheHostIsDeceptive() {
      Indicator deceptive = indicator(analyse("a <a@shop.example>", "x", "https://paypal.com@evil.example/login"),
          "deceptive_link");
      assertThat(deceptive.detail()).contains("paypal.com@").contains("evil.example");
    }

    @Test
    void rawIpLinksIncludeDecimalForms() {
      assertThat(kinds("a <a@shop.example>", "x", "http://3232235777/login")).contains("raw_ip_link");
      assertThat(kinds("a <a@shop.example>", "x", "http://10.0.0.7/login")).contains("raw_ip_link");
      assertThat(kinds("a <a@shop.example>", "x", "version 10.0.0.7 is out")).doesNotContain("raw_ip_link");
    }

    @Test
    void shortenersAreFlagged() {
      assertThat(indicator(analyse("a <a@shop.example>", "x", "see https://bit.ly/3abc"), "url_shortener").detail())
          .contains("bit.ly");
      assertThat(kinds("a <a@shop.example>", "x", "see https://shop.example/deal")).doesNotContain("url_shortener");
    }

    @Test
    void aLoginPageOnFreeHostingIsHighAndAnyOtherPageThereLow() {
      assertThat(indicator(analyse("a <a@shop.example>", "x", "https://docs-7781.web.app/login"),
          "free_hosting_login").severity()).isEqualTo(Severity.HIGH);
      assertThat(indicator(analyse("Tom <tom@harbourline.example>", "Survey", "https://forms.gle/8Rk2"),
          "free_hosting_link").severity()).isEqualTo(Severity.LOW);
      assertThat(kinds("a <a@shop.example>", "x", "https://shop.example/login")).doesNotContain(
          "free_hosting_login", "free_hosting_link");
    }
  }

  @Nested
  class Attachments_ {

    @Test
    void programsDiskImagesAndPagesFromTheHeadersAreRisky() {
      for (String name : List.of("Invoice.iso", "VM_0042.html", "label.lnk", "update.js", "tool.exe", "fax.hta")) {
        Assessment a = analyse("a <a@shop.example>", "x", "See attached.", "Content-Disposition",
            "attachment; filename=\"" + name + "\"");
        assertThat(indicator(a, "risky_attachment").detail()).as(name).contains(name);
        assertThat(a.verdict()).as(name).isEqualTo(Verdict.PHISHING);
      }
      assertThat(kinds("a <a@shop.example>", "x", "See attached.", "Content-Disposition",
          "attachment; filename=\"INV-20931.pdf\"")).doesNotContain("risky_attachment");
    }

    @Test
    void aSecondEndingWeighsMost() {
      Indicator double_ = indicator(analyse("a <a@shop.example>", "x", "Scan.", "Content-Type",
          "application/octet-stream; name=\"Scan_0931.pdf.exe\""), "risky_attachment");
      assertThat(double_.weight()).isEqualTo(8);
      assertThat(double_.detail()).contains("second ending");
    }

    @Test
    void macroDocumentsAreMedium() {
      assertThat(indicator(analyse("a <a@shop.example>", "x", "y", "Content-Disposition",
          "attachment; filename=Salary.xlsm"), "risky_attachment").severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anArchiveWithItsPasswordInTheMailIsRisky() {
      assertThat(indicator(analyse("a <a@shop.example>", "x", "Attached contract.zip. The password is: 4471",
          "Content-Disposition", "attachment; filename=contract.zip"), "risky_attachment").detail())
          .contains("password");
      assertThat(kinds("a <a@harbourline.example>", "x", "Attached the logs as logs.zip.", "Content-Disposition",
          "attachment; filename=logs.zip")).doesNotContain("risky_attachment");
    }

    @Test
    void aFileNamedBesideAttachInTheTextCountsAndMimePartLinesToo() {
      assertThat(kinds("a <a@shop.example>", "x", "Please open the attached Invoice_7781.iso today."))
          .contains("risky_attachment");
      assertThat(kinds("a <a@shop.example>", "x",
          "--b\nContent-Type: text/html; name=\"remit.htm\"\nContent-Disposition: attachment; filename=\"remit.htm\"\n"))
          .contains("risky_attachment");
      assertThat(kinds("a <a@shop.example>", "x", "Our site runs on index.html pages.")).doesNotContain(
          "risky_attachment");
    }
  }

  @Nested
  class Verdicts {

    @Test
    void aPlainNoteFromAColleagueIsBenignWithCarefulGuidance() {
      Assessment a = analyse("Sam <sam@harbourline.example>", "lunch?", "free at 12:30?");
      assertThat(a.verdict()).isEqualTo(Verdict.BENIGN);
      assertThat(a.indicators()).isEmpty();
      assertThat(a.guidance()).startsWith("We found no clear signs of phishing").contains("Report button");
    }

    @Test
    void phishingGuidanceSaysWhatToDoAndWhatToDoAfterTheFact() {
      Assessment a = analyse("\"Microsoft 365\" <no-reply@m365-passwordcenter.com>", "Your password expires today",
          "<a href=\"http://m365-passwordcenter.com/keep\">Keep same password</a> within 24 hours",
          "Received-SPF", "softfail");
      assertThat(a.verdict()).isEqualTo(Verdict.PHISHING);
      assertThat(a.guidance()).contains("Do not click").contains("Report button")
          .contains("change that password now").contains("tell IT");
      assertThat(a.guidance()).doesNotContain("lookalike_domain").doesNotContain("DMARC");
    }

    @Test
    void attachmentAndPaymentGuidanceIsTailored() {
      Assessment attachment = analyse("a <a@shop.example>", "Invoice", "See attached.", "Content-Disposition",
          "attachment; filename=Invoice.iso");
      assertThat(attachment.guidance()).contains("If you already opened the attachment");
      Assessment payment = analyse("\"Martin CEO\" <m.ceo@gmail.com>", "favour", "Buy gift cards and send me the "
          + "codes. I'm in a meeting, can't talk.");
      assertThat(payment.guidance()).contains("gift cards").contains("finance");
    }

    @Test
    void suspiciousGuidanceAsksToCheckBeforeActing() {
      Assessment a = analyse("Jake <jake@growthpilot-mail.example>", "quick question",
          "Grab a slot: https://bit.ly/gp-demo", "Reply-To", "jake@growthpilot.example");
      assertThat(a.verdict()).isEqualTo(Verdict.SUSPICIOUS);
      assertThat(a.score()).isEqualTo(4);
      assertThat(a.guidance()).startsWith("Be careful").contains("shortened").contains("Report button")
          .doesNotContain("change that password");
    }

    @Test
    void manyLinksToOneBadHostCountOnce() {
      Assessment a = analyse("a <a@shop.example>", "x", "https://bit.ly/a https://bit.ly/b https://bit.ly/c");
      assertThat(a.indicators()).filteredOn(i -> i.kind().equals("url_shortener")).hasSize(1);
      assertThat(a.score()).isEqualTo(2);
    }

    @Test
    void theReportAddressIsNamedWhenConfigured() {
      EmailAnalyser analyser = new EmailAnalyser(new AwarenessSettings(List.of(), Brands.SHIPPED,
          FirstSeenDomains.disabled(), Optional.of("phish@harbourline.example"), Clock.systemUTC()));
      assertThat(analyser.analyse(new Email("a <a@paypa1.com>", "x", "verify your account", MailHeaders.none()))
          .guidance()).contains("phish@harbourline.example");
    }

    @Test
    void aSenderWithoutADomainIsNoted() {
      assertThat(kinds("Somebody", "x", "y")).containsExactly("sender_unreadable");
    }

    @Test
    void theIndicatorsComeStrongestFirst() {
      Assessment a = analyse("PayPal <a@paypa1.com>", "Act now", "verify your account");
      List<Integer> weights = a.indicators().stream().map(Indicator::weight).toList();
      assertThat(weights).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(a.kinds().get(0)).isEqualTo("lookalike_domain");
    }
  }
}
