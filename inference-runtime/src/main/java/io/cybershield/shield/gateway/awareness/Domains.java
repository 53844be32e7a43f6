package io.cybershield.shield.gateway.awareness;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;

/**
 * Host names as a person reads them: the registrable domain (what someone had to register to send or host this), the
 * label a look-alike imitates, the letters it would be mistaken for. No public-suffix list resolves here, so the
 * registrable domain knows the common two-part suffixes ({@code co.uk}, {@code com.au}, ...); a rarer one makes the
 * registrable domain one label too short, which only makes look-alikes of that suffix harder to see.
 */
final class Domains {

  /** Second-level labels under a country code that are suffixes, not names. */
  private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or",
      "go", "gv", "nic", "ltd", "plc", "me", "mil", "sch", "nhs", "police");
  /** Longest label a host may have; longer text is not a host name and is not compared letter by letter. */
  private static final int MAX_LABEL = 63;

  private Domains() {
  }

  /**
   * The host in lower case, without a trailing dot, port, brackets or credentials; its punycode labels kept as
   * punycode. Null when the text cannot be a host.
   */
  static String normalise(String host) {
    if (host == null) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    int at = h.lastIndexOf('@');
    if (at >= 0) {
      h = h.substring(at + 1);
    }
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close > 0 ? h.substring(1, close) : null;
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
      h = h.substring(0, colon);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty() || h.length() > 253) {
      return null;
    }
    if (!isAscii(h)) {
      try {
        h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException notAHost) {
        return null;
      }
    }
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == ':')) {
        return null;
      }
    }
    return h;
  }

  /** The registrable domain of a normalised host ({@code mail.paypal.co.uk} → {@code paypal.co.uk}). */
  static String registrable(String host) {
    if (host == null || isIp(host)) {
      return host;
    }
    String[] labels = host.split("\\.");
    if (labels.length <= 2) {
      return host;
    }
    String last = labels[labels.length - 1];
    String second = labels[labels.length - 2];
    int keep = last.length() == 2 && SECOND_LEVEL.contains(second) ? 3 : 2;
    StringBuilder out = new StringBuilder();
    for (int i = labels.length - keep; i < labels.length; i++) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(labels[i]);
    }
    return out.toString();
  }

  /** The registrable domain without its suffix ({@code paypal.co.uk} → {@code paypal}). */
  static String name(String registrable) {
    if (registrable == null) {
      return "";
    }
    int dot = registrable.indexOf('.');
    return dot < 0 ? registrable : registrable.substring(0, dot);
  }

  /** The suffix of a registrable domain ({@code paypal.co.uk} → {@code co.uk}). */
  static String suffix(String registrable) {
    int dot = registrable == null ? -1 : registrable.indexOf('.');
    return dot < 0 ? "" : registrable.substring(dot + 1);
  }

  /** Whether {@code host} is {@code domain} or one of its subdomains. */
  static boolean within(String host, String domain) {
    return host != null && domain != null && (host.equals(domain) || host.endsWith("." + domain));
  }

  /**
   * Whether the host is an address rather than a name: dotted IPv4, IPv6, or the forms browsers also accept — one
   * decimal or hex number ({@code http://3232235777/}) or dotted hex/octal.
   */
  static boolean isIp(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (host.indexOf(':') >= 0) {
      return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return false;
    }
    for (String part : parts) {
      if (!numeric(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean numeric(String part) {
    if (part.isEmpty() || part.length() > 12) {
      return false;
    }
    if (part.startsWith("0x")) {
      return part.length() > 2 && part.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
    return part.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Whether a host has a punycode (internationalised) label. */
  static boolean punycode(String host) {
    return host != null && (host.startsWith("xn--") || host.contains(".xn--"));
  }

  /** The host as Unicode (for the message to a person); the host itself when it cannot be decoded. */
  static String unicode(String host) {
    try {
      return IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return host;
    }
  }

  /**
   * The letters a reader would take this label for: look-alike Unicode letters (Cyrillic, Greek, accented, full
   * width) and digits are mapped to the Latin letters they imitate, and {@code rn}, {@code vv}, {@code cl} are read
   * as {@code m}, {@code w}, {@code d}; {@code i} and {@code 1} become {@code l}. Two labels with the same skeleton
   * are confusable.
   */
  static String skeleton(String label) {
    String text = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(latin(text.charAt(i)));
    }
    String s = out.toString();
    return s.replace("rn", "m").replace("vv", "w").replace("cl", "d").replace('i', 'l');
  }

  private static char latin(char c) {
    return switch (c) {
      case '0', 'о', 'ο', 'օ', 'ò', 'ó', 'ô', 'õ', 'ö', 'ø' -> 'o';
      case '1', '!', '|', 'і', 'ӏ', 'ı', 'ì', 'í', 'î', 'ï', 'ι', 'l' -> 'l';
      case '3', 'е', 'є', 'è', 'é', 'ê', 'ë', 'ε' -> 'e';
      case '4', '@', 'а', 'à', 'á', 'â', 'ã', 'ä', 'å', 'α' -> 'a';
      case '5', '$', 'ѕ' -> 's';
      case '7' -> 't';
      case '8' -> 'b';
      case '9' -> 'g';
      case 'р', 'ρ' -> 'p';
      case 'с', 'ç', 'ϲ' -> 'c';
      case 'х', 'χ' -> 'x';
      case 'у', 'ү', 'ý', 'ÿ' -> 'y';
      case 'ԁ' -> 'd';
      case 'ո', 'ņ', 'ñ' -> 'n';
      case 'ѵ', 'ν' -> 'v';
      case 'ԝ', 'ω' -> 'w';
      case 'к', 'κ' -> 'k';
      case 'м' -> 'm';
      case 'т', 'τ' -> 't';
      case 'һ' -> 'h';
      case 'ј' -> 'j';
      case 'ɡ' -> 'g';
      case 'ü', 'ù', 'ú', 'û', 'υ' -> 'u';
      default -> {
        if (c >= '\uFF01' && c <= '\uFF5E') {
          yield Character.toLowerCase((char) (c - 0xFEE0));
        }
        yield c;
      }
    };
  }

  /**
   * The Damerau–Levenshtein (optimal string alignment) distance, or {@code limit + 1} as soon as it must exceed
   * {@code limit}: swapped, missing, extra or changed letters each count one.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    if (a.length() > MAX_LABEL || b.length() > MAX_LABEL) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return Math.min(d[a.length()][b.length()], limit + 1);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
