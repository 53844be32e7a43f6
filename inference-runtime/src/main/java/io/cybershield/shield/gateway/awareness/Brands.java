package io.cybershield.shield.gateway.awareness;

import java.util.List;
import java.util.Optional;

/**
 * The brands that phishing imitates most, with the domains they really use. Shipped in code rather than fetched:
 * the gateway must answer offline, and a wrong entry here is a reviewed change. The list leans to what employees of
 * a company receive: office suites, identity providers, e-signature, parcel carriers, payments, cloud storage.
 */
final class Brands {

  static final List<Brand> SHIPPED = List.of(
      new Brand("Microsoft", List.of("microsoft", "office 365", "office365", "microsoft 365", "outlook", "onedrive",
          "sharepoint", "microsoft teams", "azure", "exchange online", "o365"),
          List.of("microsoft.com", "office.com", "office365.com", "outlook.com", "live.com", "microsoftonline.com",
              "sharepoint.com", "onedrive.com", "microsoft365.com", "azure.com", "windows.net", "skype.com",
              "msft.net", "windowsazure.com", "onmicrosoft.com", "azureedge.net", "msn.com", "bing.com"), true),
      new Brand("PayPal", List.of("paypal"), List.of("paypal.com", "paypal.me", "paypalobjects.com",
          "paypal-communication.com"), true),
      new Brand("DocuSign", List.of("docusign"), List.of("docusign.com", "docusign.net"), false),
      new Brand("DHL", List.of("dhl"), List.of("dhl.com", "dhl.de", "dpdhl.com", "dhl.co.uk", "dhlparcel.co.uk",
          "dhl-news.com", "dhl.fr", "dhlexpress.com"), true),
      new Brand("FedEx", List.of("fedex"), List.of("fedex.com"), true),
      new Brand("UPS", List.of("ups"), List.of("ups.com"), true),
      new Brand("USPS", List.of("usps"), List.of("usps.com", "usps.gov"), false),
      new Brand("Royal Mail", List.of("royal mail", "royalmail"), List.of("royalmail.com", "royalmail.co.uk"), false),
      new Brand("Apple", List.of("apple", "icloud", "itunes", "app store", "apple id"), List.of("apple.com",
          "icloud.com", "me.com", "mac.com", "itunes.com", "apple.news"), true),
      new Brand("Google", List.of("google", "gmail", "google workspace", "google drive", "google docs"),
          List.of("google.com", "gmail.com", "googlemail.com", "youtube.com", "googleusercontent.com",
              "withgoogle.com", "goo.gl", "gstatic.com", "googleapis.com", "google.dev"), true),
      new Brand("Amazon", List.of("amazon", "aws", "amazon web services", "prime video", "amazon prime"),
          List.of("amazon.com", "amazon.co.uk", "amazon.de", "amazon.fr", "amazon.es", "amazon.it", "amazon.ca",
              "amazon.com.au", "amazon.co.jp", "amazon.in", "amazonaws.com", "amazonses.com", "aws.com",
              "awsapps.com", "primevideo.com", "amazon.jobs", "a2z.com"), true),
      new Brand("Okta", List.of("okta"), List.of("okta.com", "oktacdn.com", "okta-emea.com", "oktapreview.com"),
          false),
      new Brand("Netflix", List.of("netflix"), List.of("netflix.com", "netflix.net"), true),
      new Brand("LinkedIn", List.of("linkedin"), List.of("linkedin.com", "licdn.com", "lnkd.in"), true),
      new Brand("Dropbox", List.of("dropbox"), List.of("dropbox.com", "dropboxmail.com", "db.tt"), false),
      new Brand("Adobe", List.of("adobe", "adobe sign", "acrobat"), List.of("adobe.com", "adobesign.com",
          "echosign.com", "adobe.io", "acrobat.com"), true),
      new Brand("Zoom", List.of("zoom"), List.of("zoom.us", "zoom.com", "zoomgov.com"), false),
      new Brand("Slack", List.of("slack"), List.of("slack.com", "slack-edge.com", "slackhq.com"), false),
      new Brand("Salesforce", List.of("salesforce"), List.of("salesforce.com", "force.com", "exacttarget.com",
          "salesforceiq.com"), false),
      new Brand("Facebook", List.of("facebook", "meta", "instagram", "whatsapp"), List.of("facebook.com",
          "facebookmail.com", "fb.com", "meta.com", "instagram.com", "whatsapp.com", "fbcdn.net"), false),
      new Brand("Coinbase", List.of("coinbase"), List.of("coinbase.com"), false),
      new Brand("Binance", List.of("binance"), List.of("binance.com"), false),
      new Brand("Chase", List.of("chase", "jpmorgan"), List.of("chase.com", "jpmorgan.com", "jpmchase.com"), false),
      new Brand("Wells Fargo", List.of("wells fargo", "wellsfargo"), List.of("wellsfargo.com"), false),
      new Brand("Bank of America", List.of("bank of america", "bankofamerica"), List.of("bankofamerica.com",
          "bofa.com"), false),
      new Brand("HMRC", List.of("hmrc"), List.of("hmrc.gov.uk", "gov.uk"), false),
      new Brand("IRS", List.of("irs", "internal revenue service"), List.of("irs.gov"), false),
      new Brand("Norton", List.of("norton", "norton lifelock"), List.of("norton.com", "nortonlifelock.com"), false),
      new Brand("McAfee", List.of("mcafee"), List.of("mcafee.com"), false),
      new Brand("Intuit", List.of("intuit", "quickbooks", "turbotax"), List.of("intuit.com", "quickbooks.com",
          "turbotax.com"), false),
      new Brand("Xero", List.of("xero"), List.of("xero.com"), true),
      new Brand("Stripe", List.of("stripe"), List.of("stripe.com"), false),
      new Brand("WeTransfer", List.of("wetransfer"), List.of("wetransfer.com", "we.tl"), false),
      new Brand("Box", List.of("box.com"), List.of("box.com", "boxcdn.net"), false),
      new Brand("GitHub", List.of("github"), List.of("github.com", "githubusercontent.com", "github.io"), false),
      new Brand("Atlassian", List.of("atlassian", "jira", "confluence", "bitbucket"), List.of("atlassian.com",
          "atlassian.net", "bitbucket.org", "trello.com"), false),
      new Brand("Cisco Webex", List.of("webex"), List.of("webex.com", "cisco.com"), false),
      new Brand("Workday", List.of("workday"), List.of("workday.com", "myworkday.com"), false),
      new Brand("ADP", List.of("adp"), List.of("adp.com"), false),
      new Brand("American Express", List.of("american express", "americanexpress", "amex"),
          List.of("americanexpress.com", "aexp.com"), true),
      new Brand("Steam", List.of("steam"), List.of("steampowered.com", "steamcommunity.com"), false),
      new Brand("eBay", List.of("ebay"), List.of("ebay.com", "ebay.co.uk", "ebay.de"), true),
      new Brand("Booking.com", List.of("booking.com"), List.of("booking.com"), false),
      new Brand("Yahoo", List.of("yahoo"), List.of("yahoo.com", "yahoo.net"), true),
      new Brand("Zoho", List.of("zoho"), List.of("zoho.com", "zoho.eu"), false),
      new Brand("ServiceNow", List.of("servicenow"), List.of("servicenow.com", "service-now.com"), false),
      new Brand("SendGrid", List.of("sendgrid"), List.of("sendgrid.com", "sendgrid.net"), false),
      new Brand("Telegram", List.of("telegram"), List.of("telegram.org", "t.me"), false),
      new Brand("Revolut", List.of("revolut"), List.of("revolut.com"), false),
      new Brand("Venmo", List.of("venmo"), List.of("venmo.com"), false),
      new Brand("Zelle", List.of("zelle"), List.of("zellepay.com"), false),
      new Brand("Cash App", List.of("cash app", "cashapp"), List.of("cash.app", "square.com", "squareup.com"), false),
      new Brand("Evri", List.of("evri", "hermes"), List.of("evri.com", "myhermes.co.uk"), false),
      new Brand("DPD", List.of("dpd"), List.of("dpd.com", "dpd.co.uk", "dpd.de"), true),
      new Brand("Canada Post", List.of("canada post", "canadapost", "postes canada"), List.of("canadapost.ca",
          "canadapost-postescanada.ca"), false),
      new Brand("Australia Post", List.of("australia post", "auspost"), List.of("auspost.com.au"), false),
      new Brand("PostNL", List.of("postnl"), List.of("postnl.nl", "postnl.com"), false),
      new Brand("La Poste", List.of("la poste", "colissimo"), List.of("laposte.fr", "laposte.net", "colissimo.fr"),
          false),
      new Brand("Calendly", List.of("calendly"), List.of("calendly.com"), false),
      new Brand("Notion", List.of("notion"), List.of("notion.so", "makenotion.com", "notion.com"), false),
      new Brand("Discord", List.of("discord"), List.of("discord.com", "discordapp.com", "discord.gg"), false),
      new Brand("X (Twitter)", List.of("twitter"), List.of("twitter.com", "x.com", "t.co"), false),
      new Brand("TikTok", List.of("tiktok"), List.of("tiktok.com"), false),
      new Brand("Spotify", List.of("spotify"), List.of("spotify.com"), false),
      new Brand("Walmart", List.of("walmart"), List.of("walmart.com"), false),
      new Brand("Costco", List.of("costco"), List.of("costco.com"), false),
      new Brand("Geek Squad", List.of("geek squad", "geeksquad", "best buy"), List.of("bestbuy.com",
          "geeksquad.com"), false),
      new Brand("Avast", List.of("avast"), List.of("avast.com"), false));

  private Brands() {
  }

  /** The brand that owns a registrable domain, if any. */
  static Optional<Brand> owner(List<Brand> brands, String registrable) {
    return brands.stream().filter(brand -> brand.owns(registrable)).findFirst();
  }
}
