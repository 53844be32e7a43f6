package io.cybershield.shield.gateway.awareness;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The links of a body, plain text or HTML, and its readable text. HTML is not parsed into a tree: an email's HTML
 * is often broken, and the regular expressions (RE2/J, linear in the input) find anchors, forms and URLs in any
 * of it.
 */
final class Links {

  private static final Pattern ANCHOR = Pattern.compile(
      "(?is)<a\\b[^>]*?\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))[^>]*>(.*?)</a\\s*>");
  private static final Pattern BARE_URL = Pattern.compile("(?i)\\b((?:https?|ftp)://[^\\s<>\"'()\\[\\]{}]+"
      + "|www\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+[^\\s<>\"'()\\[\\]{}]*)");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SCRIPT_STYLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</(script|style|head)\\s*>");
  private static final Pattern HTML_HINT = Pattern.compile("(?i)<(html|body|div|p|a|table|br|span|td|img|form)\\b");
  private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?[0-9a-fA-F]{1,6});");
  /** Text that reads as a domain or URL, to compare with where an anchor goes. */
  static final Pattern DOMAIN_TEXT = Pattern.compile(
      "(?i)^\\s*(?:https?://)?(?:[^\\s/@]+@)?((?:[a-z0-9\\p{L}](?:[a-z0-9\\p{L}-]{0,61}[a-z0-9\\p{L}])?\\.)+"
          + "[a-z\\p{L}]{2,24})(?::\\d+)?(?:[/?#]\\S*)?\\s*$");
  private static final int MAX_LINKS = 500;

  private Links() {
  }

  static boolean isHtml(String body) {
    return HTML_HINT.matcher(body).find();
  }

  /** The text a reader sees: tags removed, entities decoded, white space folded. */
  static String text(String body) {
    if (!isHtml(body)) {
      return body;
    }
    String stripped = SCRIPT_STYLE.matcher(body).replaceAll(" ");
    stripped = TAG.matcher(stripped).replaceAll(" ");
    return entities(stripped).replaceAll("[ \\t\\x0B\\f\\r]+", " ");
  }

  /** The body's links: its anchors, then the bare URLs of its text not already an anchor's target. */
  static List<Link> of(String body) {
    List<Link> links = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String rest = body;
    if (isHtml(body)) {
      Matcher anchor = ANCHOR.matcher(body);
      StringBuilder outside = new StringBuilder();
      int last = 0;
      while (anchor.find() && links.size() < MAX_LINKS) {
        String href = first(anchor.group(1), anchor.group(2), anchor.group(3));
        String text = entities(TAG.matcher(anchor.group(4)).replaceAll(" ")).replaceAll("\\s+", " ").strip();
        Link link = link(text, entities(href.strip()), true);
        if (link != null) {
          links.add(link);
          seen.add(link.url());
        }
        outside.append(body, last, anchor.start()).append(' ');
        last = anchor.end();
      }
      outside.append(body.substring(last));
      rest = outside.toString();
    }
    Matcher bare = BARE_URL.matcher(rest);
    while (bare.find() && links.size() < MAX_LINKS) {
      String url = entities(bare.group(1)).replaceAll("[.,;:!?]+$", "");
      Link link = link(url, url, false);
      if (link != null && seen.add(link.url())) {
        links.add(link);
      }
    }
    return links;
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return "";
  }

  /** A link to {@code href}, unwrapped; null when it goes nowhere a browser would open (mailto:, #, tel:). */
  static Link link(String text, String href, boolean anchor) {
    String url = href;
    for (int i = 0; i < 3; i++) {
      String unwrapped = unwrap(url);
      if (unwrapped == null || unwrapped.equals(url)) {
        break;
      }
      url = unwrapped;
    }
    String lower = url.toLowerCase(Locale.ROOT);
    String afterScheme;
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://")) {
      afterScheme = url.substring(url.indexOf("//") + 2);
    } else if (lower.startsWith("//")) {
      afterScheme = url.substring(2);
    } else if (lower.startsWith("www.")) {
      afterScheme = url;
    } else {
      return null;
    }
    int end = afterScheme.length();
    for (char stop : new char[] {'/', '?', '#', '\\'}) {
      int at = afterScheme.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String authority = afterScheme.substring(0, end);
    String path = afterScheme.substring(end).toLowerCase(Locale.ROOT);
    String userinfo = "";
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      userinfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
    }
    String host = Domains.normalise(percentDecode(authority));
    return new Link(text, url, host, host == null ? null : Domains.registrable(host), path, userinfo, anchor);
  }

  /**
   * The target of a link protector or redirect (Microsoft Safe Links, Proofpoint URL Defense, Google's redirect),
   * or null when the link is not wrapped.
   */
  static String unwrap(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.contains("safelinks.protection.outlook.com/") || lower.contains("google.com/url?")) {
      String param = lower.contains("safelinks") ? "url" : "q";
      String value = query(url, param);
      return value == null ? null : percentDecode(value);
    }
    int v3 = lower.indexOf("urldefense.com/v3/__");
    if (v3 >= 0) {
      String inner = url.substring(v3 + "urldefense.com/v3/__".length());
      int close = inner.indexOf("__;");
      return close > 0 ? inner.substring(0, close) : inner;
    }
    return null;
  }

  private static String query(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  static String percentDecode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }

  /** Decodes the HTML entities that matter for reading links and words. */
  static String entities(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher numeric = NUMERIC_ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (numeric.find()) {
      String digits = numeric.group(1);
      int code;
      try {
        code = digits.startsWith("x") || digits.startsWith("X")
            ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        code = '?';
      }
      String replacement = Character.isValidCodePoint(code) && code > 0 ? new String(Character.toChars(code)) : "?";
      numeric.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    numeric.appendTail(out);
    return out.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
  }

  /** The domain a link text shows, normalised, or null when the text does not read as a domain or URL. */
  static String shownHost(String text) {
    if (text == null || text.length() > 300) {
      return null;
    }
    Matcher m = DOMAIN_TEXT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    return Domains.normalise(m.group(1));
  }
}
