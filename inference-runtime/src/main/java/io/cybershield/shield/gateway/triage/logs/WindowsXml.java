package io.cybershield.shield.gateway.triage.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A Windows event rendered as XML ({@code <Event xmlns=...><System>...</System><EventData><Data Name="X">v</Data>
 * ...}), read by a small linear scanner rather than an XML parser: a log line is untrusted, a DOCTYPE must never be
 * resolved, and a truncated event should still give the fields before the cut.
 */
final class WindowsXml {

  private WindowsXml() {
  }

  static boolean looksLike(String text) {
    int event = text.indexOf("<Event");
    return event >= 0 && event < 200 && (text.contains("<System") || text.contains("<EventData")
        || text.contains("<EventID"));
  }

  /** Adds System's elements and attributes, and every {@code Data Name=} of EventData/UserData. */
  static void read(String xml, Fields into) {
    List<String> stack = new ArrayList<>();
    String dataName = null;
    StringBuilder text = new StringBuilder();
    int n = xml.length();
    int i = xml.indexOf('<');
    if (i < 0) {
      return;
    }
    while (i >= 0 && i < n) {
      int close = xml.indexOf('>', i);
      if (close < 0) {
        break;
      }
      String tag = xml.substring(i + 1, close);
      int next = xml.indexOf('<', close + 1);
      String content = next < 0 ? xml.substring(close + 1) : xml.substring(close + 1, next);
      if (tag.startsWith("!--") || tag.startsWith("?") || tag.startsWith("!")) {
        i = next;
        continue;
      }
      if (tag.startsWith("/")) {
        String name = localName(tag.substring(1).trim());
        if (!stack.isEmpty()) {
          String open = stack.remove(stack.size() - 1);
          if (open.equals(name)) {
            finish(name, dataName, text.toString(), stack, into);
          }
        }
        if (name.equals("Data") || name.equals("Binary")) {
          dataName = null;
        }
        text.setLength(0);
        i = next;
        continue;
      }
      boolean selfClosing = tag.endsWith("/");
      String body = selfClosing ? tag.substring(0, tag.length() - 1) : tag;
      int space = indexOfSpace(body);
      String name = localName(space < 0 ? body : body.substring(0, space));
      String attributes = space < 0 ? "" : body.substring(space);
      String nameAttribute = null;
      for (String[] attribute : attributes(attributes)) {
        if (attribute[0].equals("Name")) {
          nameAttribute = attribute[1];
        }
        if (inSystem(stack, name)) {
          String key = switch (attribute[0]) {
            case "Name" -> name.equals("Provider") ? "Provider" : attribute[0];
            case "Guid" -> name.equals("Provider") ? "ProviderGuid" : attribute[0];
            default -> attribute[0];
          };
          into.add(key, attribute[1]);
          if (name.equals("Provider") && attribute[0].equals("EventSourceName")) {
            into.add("EventSourceName", attribute[1]);
          }
        }
      }
      if (name.equals("Data")) {
        dataName = nameAttribute;
      }
      text.setLength(0);
      if (!selfClosing) {
        stack.add(name);
        text.append(unescape(content));
      } else if (name.equals("Data") && nameAttribute != null) {
        into.add(nameAttribute, "");
        dataName = null;
      }
      i = next;
    }
    if (dataName != null && text.length() > 0) {
      into.add(dataName, text.toString());
    }
  }

  private static boolean inSystem(List<String> stack, String name) {
    return !stack.isEmpty() && stack.get(stack.size() - 1).equals("System");
  }

  private static void finish(String name, String dataName, String value, List<String> stack, Fields into) {
    String parent = stack.isEmpty() ? "" : stack.get(stack.size() - 1);
    if (name.equals("Data")) {
      into.add(dataName != null ? dataName : "Data", value);
    } else if (parent.equals("System")) {
      into.add(name, value);
    } else if (parent.equals("RenderingInfo") && name.equals("Message")) {
      into.add("RenderedMessage", value);
    } else if (!value.isBlank() && !name.equals("Event") && !name.equals("EventData")
        && !name.equals("UserData") && !name.equals("System")) {
      into.add(name, value);
    }
  }

  private static int indexOfSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String localName(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  private static List<String[]> attributes(String text) {
    List<String[]> attributes = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = localName(text.substring(i, eq).trim());
      int q = eq + 1;
      while (q < n && Character.isWhitespace(text.charAt(q))) {
        q++;
      }
      if (q >= n || (text.charAt(q) != '"' && text.charAt(q) != '\'')) {
        break;
      }
      char quote = text.charAt(q);
      int end = text.indexOf(quote, q + 1);
      if (end < 0) {
        break;
      }
      if (!key.isEmpty() && !key.startsWith("xmlns") && key.indexOf(' ') < 0) {
        attributes.add(new String[] {key, unescape(text.substring(q + 1, end))});
      }
      i = end + 1;
    }
    return attributes;
  }

  /** XML's five entities and numeric character references; anything else stays as written. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '&') {
        out.append(c);
        continue;
      }
      int semi = text.indexOf(';', i);
      if (semi < 0 || semi - i > 10) {
        out.append(c);
        continue;
      }
      String entity = text.substring(i + 1, semi);
      String replacement = switch (entity) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> numeric(entity);
      };
      if (replacement == null) {
        out.append(c);
      } else {
        out.append(replacement);
        i = semi;
      }
    }
    return out.toString();
  }

  private static String numeric(String entity) {
    try {
      int code;
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        code = Integer.parseInt(entity.substring(2), 16);
      } else if (entity.startsWith("#")) {
        code = Integer.parseInt(entity.substring(1));
      } else {
        return null;
      }
      return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
    } catch (NumberFormatException notNumeric) {
      return null;
    }
  }
}
