package io.cybershield.shield.gateway.awareness;

import java.util.Set;

/**
 * Hosts whose role in an email is known: free mail providers (anyone can have an address there), URL shorteners
 * (the target is hidden), free hosting and form builders (a login page there is not a company's), the click
 * trackers and link protectors of mail services (a link through them is normal in a newsletter), and the bounce
 * domains of mail services (a Return-Path there is normal).
 */
final class KnownHosts {

  static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
      "hotmail.co.uk", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "aol.com", "icloud.com",
      "me.com", "mac.com", "gmx.com", "gmx.de", "gmx.net", "mail.com", "proton.me", "protonmail.com", "pm.me",
      "yandex.ru", "yandex.com", "zoho.com", "mail.ru", "web.de", "qq.com", "163.com", "126.com", "tutanota.com",
      "tuta.io", "fastmail.com", "inbox.com", "hushmail.com", "t-online.de", "orange.fr", "libero.it");

  static final Set<String> SHORTENERS = Set.of("bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly",
      "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id", "v.gd",
      "bl.ink", "short.io", "tiny.one", "shorte.st", "adf.ly", "qrco.de", "u.to", "clck.ru", "lnkd.in", "surl.li",
      "urlz.fr", "gg.gg", "x.co", "soo.gd", "2no.co", "t1p.de", "shorturl.com");

  /** Registrable domains where anyone can publish a page under a subdomain or a path. */
  static final Set<String> FREE_HOSTING = Set.of("web.app", "firebaseapp.com", "000webhostapp.com", "weebly.com",
      "wixsite.com", "wix.com", "blogspot.com", "github.io", "netlify.app", "vercel.app", "pages.dev",
      "workers.dev", "glitch.me", "herokuapp.com", "azurewebsites.net", "web.core.windows.net",
      "blob.core.windows.net", "windows.net", "googleapis.com", "appspot.com", "r2.dev", "ngrok.io", "ngrok-free.app",
      "repl.co", "replit.app", "square.site", "jimdosite.com", "godaddysites.com", "webflow.io", "typeform.com",
      "jotform.com", "formstack.com", "wordpress.com", "000webhost.com", "sites.google.com", "forms.gle",
      "surge.sh", "fly.dev", "onrender.com", "myftp.org", "duckdns.org", "no-ip.org", "ddns.net", "ipfs.io",
      "dweb.link", "cloudflare-ipfs.com", "mystrikingly.com", "carrd.co", "framer.app", "notion.site",
      "canva.site", "my.canva.site", "yolasite.com", "tilda.ws", "site123.me", "filesusr.com", "zyrosite.com",
      "backblazeb2.com", "digitaloceanspaces.com", "s3.amazonaws.com", "amplifyapp.com", "codeanyapp.com",
      "gitbook.io", "page.link", "formsubmit.co", "getform.io", "pantheonsite.io");

  /** Click trackers and link protectors: a link through them says nothing about where it ends. */
  static final Set<String> TRACKERS = Set.of("list-manage.com", "mailchi.mp", "sendgrid.net", "mandrillapp.com",
      "hubspotlinks.com", "hubspotemail.net", "hs-analytics.net", "mktoweb.com", "mktomail.com", "exct.net",
      "sailthru.com", "mailgun.org", "sparkpostmail.com", "cmail19.com", "cmail20.com", "createsend.com",
      "constantcontact.com", "rs6.net", "klaviyomail.com", "klclick.com", "klclick1.com", "mailjet.com",
      "sendibt3.com", "sendinblue.com", "brevo.com", "r.sendinblue.com", "pstmrk.it", "postmarkapp.com",
      "awstrack.me", "substack.com", "beehiiv.com", "mlsend.com", "convertkit-mail.com", "ck.page",
      "safelinks.protection.outlook.com", "urldefense.com", "urldefense.proofpoint.com", "mimecast.com",
      "mimecastprotect.com", "linkprotect.cudasvc.com", "trk.klclick.com", "email.mg.mailgun.net",
      "salesforce-marketing.com", "pardot.com", "go.pardot.com", "eloqua.com", "en25.com", "marketo.com");

  /** Mail services whose bounce domain stands in the Return-Path of the mail they send for others. */
  static final Set<String> BOUNCE_SERVICES = Set.of("amazonses.com", "sendgrid.net", "mailgun.org", "mailgun.net",
      "mcsv.net", "mcdlv.net", "rsgsv.net", "mandrillapp.com", "sparkpostmail.com", "exacttarget.com",
      "hubspotemail.net", "mktomail.com", "postmarkapp.com", "pm-bounces.com", "mailjet.com", "sendinblue.com",
      "brevo.com", "constantcontact.com", "createsend.com", "cmail19.com", "cmail20.com", "salesforce.com",
      "bounces.google.com", "google.com", "zendesk.com", "freshdesk.com", "docusign.net", "intercom-mail.com",
      "messagebus.com", "smtp.com", "mailchimp.com", "klaviyomail.com", "substack.com", "beehiiv.com",
      "servicenow.com", "service-now.com", "atlassian.net", "bmsend.com", "emsend1.com");

  private KnownHosts() {
  }

  /** Whether the host lies within one of the domains. */
  static boolean within(String host, Set<String> domains) {
    if (host == null) {
      return false;
    }
    String candidate = host;
    while (true) {
      if (domains.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
  }
}
