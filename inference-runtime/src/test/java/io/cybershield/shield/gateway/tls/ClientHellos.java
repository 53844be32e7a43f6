package io.cybershield.shield.gateway.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A TLS ClientHello as an old client sends it, for the protocol versions the JDK's own client no longer offers: the
 * legacy version field only (no supported_versions extension), ECDHE suites with AES-GCM and AES-CBC, the P-256
 * curve, and SNI.
 */
final class ClientHellos {

  private ClientHellos() {
  }

  static byte[] hello(int version, String serverName) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, version);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    int[] suites = {0xC02C, 0xC02B, 0xC030, 0xC02F, 0xC00A, 0xC009, 0xC014, 0xC013, 0x002F, 0x0035};
    u16(body, suites.length * 2);
    for (int suite : suites) {
      u16(body, suite);
    }
    body.write(1);
    body.write(0); // null compression

    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
    extension(extensions, 0x0000, concat(u16(name.length + 3), new byte[] {0}, u16(name.length), name));
    extension(extensions, 0x000A, concat(u16(4), u16(0x0017), u16(0x0018))); // secp256r1, secp384r1
    extension(extensions, 0x000B, new byte[] {1, 0}); // uncompressed points
    extension(extensions, 0x000D, concat(u16(4), u16(0x0403), u16(0x0503))); // ecdsa sha256, sha384
    byte[] ext = extensions.toByteArray();
    u16(body, ext.length);
    body.writeBytes(ext);

    byte[] hello = body.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    u16(record, 0x0301);
    u16(record, hello.length + 4);
    record.write(1); // ClientHello
    record.write((hello.length >> 16) & 0xFF);
    u16(record, hello.length & 0xFFFF);
    record.writeBytes(hello);
    return record.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    u16(out, type);
    u16(out, data.length);
    out.writeBytes(data);
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write((value >> 8) & 0xFF);
    out.write(value & 0xFF);
  }

  private static byte[] u16(int value) {
    return new byte[] {(byte) ((value >> 8) & 0xFF), (byte) (value & 0xFF)};
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
