package io.cybershield.shield.sandbox.server.portforward;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * SPDY/3 name/value header blocks: a count, then length-prefixed lower-case names and values (several values of one
 * name joined by NUL), all 32-bit big-endian, compressed with zlib and the {@link SpdyDictionary}. A connection has
 * one compression context per direction that lives as long as the connection: every block continues the same zlib
 * stream and ends with a sync flush, so an {@link Encoder} and a {@link Decoder} must each see every block of their
 * direction, in order.
 */
final class HeaderBlocks {

  private HeaderBlocks() {
  }

  /** Compresses the header blocks one side sends. Not thread-safe. */
  static final class Encoder implements AutoCloseable {
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final byte[] chunk = new byte[4096];

    Encoder() {
      deflater.setDictionary(SpdyDictionary.bytes());
    }

    byte[] encode(Map<String, List<String>> headers) {
      deflater.setInput(plain(headers));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int n;
      do {
        n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
        out.write(chunk, 0, n);
      } while (n == chunk.length);
      return out.toByteArray();
    }

    @Override
    public void close() {
      deflater.end();
    }
  }

  /** Inflates the header blocks the other side sent. Not thread-safe. */
  static final class Decoder implements AutoCloseable {
    private final Inflater inflater = new Inflater();
    private final byte[] chunk = new byte[4096];

    Map<String, List<String>> decode(byte[] compressed) {
      inflater.setInput(compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        while (true) {
          int n = inflater.inflate(chunk);
          if (n > 0) {
            out.write(chunk, 0, n);
            continue;
          }
          if (inflater.needsDictionary()) {
            inflater.setDictionary(SpdyDictionary.bytes());
            continue;
          }
          if (inflater.needsInput() || inflater.finished()) {
            break;
          }
        }
      } catch (DataFormatException | IllegalArgumentException e) {
        throw new SpdyProtocolException("a header block could not be inflated: " + e.getMessage(), e);
      }
      return parse(out.toByteArray());
    }

    @Override
    public void close() {
      inflater.end();
    }
  }

  /** The uncompressed block: names lower-cased, as SPDY/3 requires. */
  static byte[] plain(Map<String, List<String>> headers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeInt(out, headers.size());
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      byte[] name = header.getKey().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
      byte[] value = String.join("\0", header.getValue()).getBytes(StandardCharsets.UTF_8);
      writeInt(out, name.length);
      out.writeBytes(name);
      writeInt(out, value.length);
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  static Map<String, List<String>> parse(byte[] block) {
    ByteBuffer in = ByteBuffer.wrap(block);
    try {
      int count = in.getInt();
      if (count < 0 || count > block.length) {
        throw new SpdyProtocolException("a header block claims " + Integer.toUnsignedString(count) + " headers");
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = string(in).toLowerCase(Locale.ROOT);
        String value = string(in);
        headers.computeIfAbsent(name, k -> new ArrayList<>()).addAll(Arrays.asList(value.split("\0", -1)));
      }
      return headers;
    } catch (java.nio.BufferUnderflowException e) {
      throw new SpdyProtocolException("a header block ends in the middle of a header", e);
    }
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new SpdyProtocolException("a header name or value is longer than its block");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
