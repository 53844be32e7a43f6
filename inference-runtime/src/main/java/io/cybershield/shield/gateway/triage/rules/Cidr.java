package io.cybershield.shield.gateway.triage.rules;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network for the {@code |cidr} modifier. Addresses are parsed by hand: {@code InetAddress} would
 * resolve a host name found in a log field, and the rules must never cause a DNS query.
 */
final class Cidr {

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /** The network {@code text} ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address); null when not one. */
  static Cidr parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    byte[] address = address(slash < 0 ? value : value.substring(0, slash));
    if (address == null) {
      return null;
    }
    int prefix = address.length * 8;
    if (slash >= 0) {
      String bits = value.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefix = Integer.parseInt(bits);
      if (prefix > address.length * 8) {
        return null;
      }
    }
    return new Cidr(mask(address, prefix), prefix);
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] masked = Arrays.copyOf(address, address.length);
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
    }
    return masked;
  }

  /** True when {@code text} is an address inside this network (an IPv4-mapped IPv6 address counts as IPv4). */
  boolean contains(String text) {
    byte[] address = address(text);
    if (address == null) {
      return false;
    }
    if (address.length == 16 && network.length == 4 && isV4Mapped(address)) {
      address = Arrays.copyOfRange(address, 12, 16);
    }
    if (address.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(address, prefix), network);
  }

  private static boolean isV4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
  }

  /** The bytes of an IPv4 or IPv6 literal (brackets and a zone allowed), else null. */
  static byte[] address(String text) {
    if (text == null) {
      return null;
    }
    String value = text.trim();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    int zone = value.indexOf('%');
    if (zone >= 0) {
      value = value.substring(0, zone);
    }
    if (value.isEmpty() || value.length() > 45) {
      return null;
    }
    return value.indexOf(':') >= 0 ? ipv6(value) : ipv4(value);
  }

  private static byte[] ipv4(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return null;
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }

  private static byte[] ipv6(String value) {
    int gap = value.indexOf("::");
    if (gap >= 0 && value.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? value : value.substring(0, gap);
    String tail = gap < 0 ? "" : value.substring(gap + 2);
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int count = headGroups.length + tailGroups.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < headGroups.length; i++) {
      bytes[2 * i] = (byte) (headGroups[i] >> 8);
      bytes[2 * i + 1] = (byte) headGroups[i];
    }
    for (int i = 0; i < tailGroups.length; i++) {
      int at = 8 - tailGroups.length + i;
      bytes[2 * at] = (byte) (tailGroups[i] >> 8);
      bytes[2 * at + 1] = (byte) tailGroups[i];
    }
    return bytes;
  }

  /** Colon-separated 16-bit groups; a trailing dotted IPv4 counts as two. */
  private static int[] groups(String part) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    int[] groups = new int[pieces.length + 1];
    int n = 0;
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (i == pieces.length - 1 && piece.indexOf('.') >= 0) {
        byte[] v4 = ipv4(piece);
        if (v4 == null) {
          return null;
        }
        groups[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (piece.isEmpty() || piece.length() > 4) {
        return null;
      }
      int group = 0;
      for (int c = 0; c < piece.length(); c++) {
        char ch = piece.charAt(c);
        int digit = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
            : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
        if (digit < 0) {
          return null;
        }
        group = group * 16 + digit;
      }
      groups[n++] = group;
    }
    return Arrays.copyOf(groups, n);
  }
}
