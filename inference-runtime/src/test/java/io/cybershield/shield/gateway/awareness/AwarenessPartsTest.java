package io.cybershield.shield.gateway.awareness;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts the analyser is built of: domains, addresses, headers, links, authentication results; and no input breaks it. */
class AwarenessPartsTest {

  @Test
  void registrableDomainsKnowTwoPartSuffixes() {
    assertThat(Domains.registrable("mail.paypal.co.uk")).isEqualTo("paypal.co.uk");
    assertThat(Domains.registrable("a.b.amazon.com.au")).isEqualTo("amazon.com.au");
    assertThat(Domains.registrable("na3.docusign.net")).isEqualTo("docusign.net");
    assertThat(Domains.registrable("harbourline.example")).isEqualTo("harbourline.example");
    assertThat(Domains.name("paypal.co.uk")).isEqualTo("paypal");
    assertThat(Domains.suffix("paypal.co.uk")).isEqualTo("co.uk");
  }

  @Test
  void hostsAreNormalised() {
    assertThat(Domains.normalise("User@Mail.Example.COM.")).isEqualTo("mail.example.com");
    assertThat(Domains.normalise("example.com:8443")).isEqualTo("example.com");
    assertThat(Domains.normalise("[2001:db8::1]")).isEqualTo("2001:db8::1");
    assertThat(Domains.normalise("pаypal.com")).isEqualTo("xn--pypal-4ve.com");
    assertThat(Domains.normalise("exa mple.com")).isNull();
    assertThat(Domains.normalise("")).isNull();
  }

  @Test
  void addressesAreIpsInEveryFormABrowserOpens() {
    assertThat(Domains.isIp("185.66.12.9")).isTrue();
    assertThat(Domains.isIp("3232235777")).isTrue();
    assertThat(Domains.isIp("0xC0.0xA8.0x1.0x1")).isTrue();
    assertThat(Domains.isIp("2001:db8::1")).isTrue();
    assertThat(Domains.isIp("example.com")).isFalse();
    assertThat(Domains.isIp("1.2.3.4.5")).isFalse();
  }

  @Test
  void skeletonsMakeLookAlikeLettersEqual() {
    assertThat(Domains.skeleton("paypa1")).isEqualTo(Domains.skeleton("paypal"));
    assertThat(Domains.skeleton("rnicrosoft")).isEqualTo(Domains.skeleton("microsoft"));
    assertThat(Domains.skeleton("linkedln")).isEqualTo(Domains.skeleton("linkedin"));
    assertThat(Domains.skeleton("gооgle")).isEqualTo(Domains.skeleton("google"));
    assertThat(Domains.skeleton("paypal")).isNotEqualTo(Domains.skeleton("paydal"));
  }

  @Test
  void distanceCountsSwapsAsOneAndStopsAtItsLimit() {
    assertThat(Domains.distance("microsoft", "micorsoft", 2)).isEqualTo(1);
    assertThat(Domains.distance("paypal", "paypall", 1)).isEqualTo(1);
    assertThat(Domains.distance("paypal", "amazon", 1)).isEqualTo(2);
    assertThat(Domains.distance("a".repeat(500), "b", 2)).isEqualTo(3);
  }

  @Test
  void addressesKeepTheDisplayNameApart() {
    Address address = Address.parse("\"IT Helpdesk\" <Helpdesk@Mail.Example.com>");
    assertThat(address.display()).isEqualTo("IT Helpdesk");
    assertThat(address.address()).isEqualTo("helpdesk@mail.example.com");
    assertThat(address.host()).isEqualTo("mail.example.com");
    assertThat(address.registrable()).isEqualTo("example.com");
    assertThat(Address.parse("dana@harbourline.example").display()).isEmpty();
    assertThat(Address.parse("Somebody").host()).isNull();
    assertThat(Address.parse(null).host()).isNull();
  }

  @Test
  void aRawHeaderBlockIsUnfoldedAndCaseInsensitive() {
    MailHeaders headers = MailHeaders.parse("Received: from a\n  by b\nAuthentication-Results: mx;\n\tspf=pass\n"
        + "received: from c\n\nbody: not a header");
    assertThat(headers.all("Received")).containsExactly("from a by b", "from c");
    assertThat(headers.first("authentication-results")).isEqualTo("mx; spf=pass");
    assertThat(headers.first("Body")).isNull();
    assertThat(MailHeaders.of(Map.of("X-Domain-Age", List.of("3"))).first("x-domain-age")).isEqualTo("3");
  }

  @Test
  void authenticationResultsAreReadFromTheTopHeader() {
    AuthResults results = AuthResults.of(MailHeaders.parse("Authentication-Results: mx.example; spf=softfail "
        + "smtp.mailfrom=x.example; dkim=fail header.d=x.example; dkim=pass header.d=docusign.net header.s=s1; "
        + "dmarc=pass (p=REJECT) header.from=docusign.net"));
    assertThat(results.spf()).isEqualTo("softfail");
    assertThat(results.dkim()).isEqualTo("pass");
    assertThat(results.dkimDomain()).isEqualTo("docusign.net");
    assertThat(results.dmarc()).isEqualTo("pass");
    assertThat(results.dmarcFrom()).isEqualTo("docusign.net");
    assertThat(AuthResults.of(MailHeaders.parse("Received-SPF: Fail (sender not permitted)")).spf())
        .isEqualTo("fail");
    assertThat(AuthResults.of(MailHeaders.none())).isEqualTo(AuthResults.NONE);
  }

  @Test
  void linksComeFromAnchorsAndBareUrlsOnce() {
    List<Link> links = Links.of("<p>Go <a href=\"https://a.example/x\">here</a> or to https://b.example/y. "
        + "Also <a href='https://a.example/x'>again</a> and www.c.example</p>");
    assertThat(links).extracting(Link::host).containsExactly("a.example", "a.example", "b.example", "www.c.example");
    assertThat(links.get(0).text()).isEqualTo("here");
    assertThat(links.get(0).anchor()).isTrue();
    assertThat(links.get(2).anchor()).isFalse();
    assertThat(Links.of("mail me: <a href=\"mailto:a@b.example\">a@b.example</a>")).isEmpty();
  }

  @Test
  void linkProtectorsAndRedirectsAreUnwrapped() {
    assertThat(Links.link("x", "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2F"
        + "login&data=1", true).host()).isEqualTo("evil.example");
    assertThat(Links.link("x", "https://urldefense.com/v3/__https://evil.example/a__;!!abc$", true).host())
        .isEqualTo("evil.example");
    assertThat(Links.link("x", "https://www.google.com/url?q=https://evil.example/&sa=D", true).host())
        .isEqualTo("evil.example");
  }

  @Test
  void htmlTextDropsTagsAndDecodesEntities() {
    String text = Links.text("<html><head><style>p{}</style></head><body><p>Verify&nbsp;your&#32;account"
        + "</p><script>var x='verify your password';</script></body></html>");
    assertThat(text).contains("Verify your account").doesNotContain("<p>").doesNotContain("var x");
    assertThat(Links.text("plain <3 text")).isEqualTo("plain <3 text");
  }

  @Test
  void aShownHostIsReadOnlyFromTextThatLooksLikeADomain() {
    assertThat(Links.shownHost("https://www.paypal.com/signin")).isEqualTo("www.paypal.com");
    assertThat(Links.shownHost("paypal.com")).isEqualTo("paypal.com");
    assertThat(Links.shownHost("Click here")).isNull();
    assertThat(Links.shownHost("Open the paypal.com page")).isNull();
  }

  @Test
  void theShippedBrandsOwnTheirDomainsAndCountryDomains() {
    Brand amazon = Brands.owner(Brands.SHIPPED, "amazon.com").orElseThrow();
    assertThat(amazon.name()).isEqualTo("Amazon");
    assertThat(amazon.owns("amazon.fr")).isTrue();
    assertThat(amazon.owns("amazon.co.za")).isTrue();
    assertThat(amazon.owns("amazon-orders.com")).isFalse();
    assertThat(Brands.owner(Brands.SHIPPED, "docusign.net").orElseThrow().name()).isEqualTo("DocuSign");
    assertThat(Brands.owner(Brands.SHIPPED, "docusign.co")).isEmpty();
    assertThat(Brands.SHIPPED).extracting(Brand::name).contains("Microsoft", "PayPal", "DocuSign", "DHL", "Apple",
        "Google", "Amazon", "Okta");
  }

  @Test
  void noInputBreaksTheAnalyserOrTakesLong() {
    EmailAnalyser analyser = new EmailAnalyser(AwarenessSettings.of(List.of("harbourline.example")));
    Random random = new Random(20261203);
    String alphabet = "<>\"'=/:.@-_ \n\t&#;%abcxyzAZ019аоıΑ\u200b\uFFFD\\[](){}*+?|^$hrefinputpasswordhttp://www.";
    for (int i = 0; i < 400; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(3000);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      Assessment a = analyser.analyse(new Email(s, s.substring(0, Math.min(80, s.length())), s,
          random.nextBoolean() ? MailHeaders.parse(s) : MailHeaders.none()));
      assertThat(a.verdict()).isNotNull();
      assertThat(a.guidance()).isNotBlank();
    }
    // pathological shapes, each well under a second: long runs that backtracking engines choke on
    long start = System.nanoTime();
    for (String s : List.of("<a href=\"" + "a".repeat(150_000), "<" + "x".repeat(150_000),
        "http://" + "a.".repeat(60_000), "attach " + "a.".repeat(60_000) + "exe", "@".repeat(100_000),
        "verify " .repeat(20_000), "xn--" + "a".repeat(100_000) + ".com")) {
      analyser.analyse(new Email("x <x@" + s.substring(0, 100) + ">", s, s, MailHeaders.parse(s)));
    }
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for the pathological inputs")
        .isLessThan(20_000);
  }
}
