package io.cybershield.shield.gateway.awareness;

/**
 * One mailbox of a header: {@code "IT Helpdesk" <helpdesk@example.com>} or a bare {@code helpdesk@example.com}.
 *
 * @param display     the display name, unquoted; empty when there is none
 * @param address     the address as written, lower case; empty when there is none
 * @param host        its domain, normalised ({@link Domains#normalise}); null when there is no usable domain
 * @param registrable the registrable domain of the host; null with it
 */
record Address(String display, String address, String host, String registrable) {

  /** Reads the first mailbox of a header value; never throws. */
  static Address parse(String value) {
    if (value == null) {
      return new Address("", "", null, null);
    }
    String text = value.strip();
    String display = "";
    String address = text;
    int open = text.lastIndexOf('<');
    int close = text.lastIndexOf('>');
    if (open >= 0 && close > open) {
      address = text.substring(open + 1, close).strip();
      display = text.substring(0, open).strip();
    } else if (text.indexOf('@') < 0) {
      display = text;
      address = "";
    }
    if (display.length() >= 2 && display.startsWith("\"") && display.endsWith("\"")) {
      display = display.substring(1, display.length() - 1).strip();
    }
    if (address.toLowerCase(java.util.Locale.ROOT).startsWith("mailto:")) {
      address = address.substring(7);
    }
    address = address.toLowerCase(java.util.Locale.ROOT);
    int at = address.lastIndexOf('@');
    String host = at > 0 && at < address.length() - 1 ? Domains.normalise(address.substring(at + 1)) : null;
    if (host != null && host.indexOf('.') < 0) {
      host = null;
    }
    return new Address(display, address, host, host == null ? null : Domains.registrable(host));
  }
}
