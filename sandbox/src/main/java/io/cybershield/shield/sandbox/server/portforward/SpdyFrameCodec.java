package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes and reads SPDY/3 frames. A control frame starts with the control bit, the version (3) and its type; a data
 * frame with its stream id; both then carry 8 bits of flags and a 24-bit length (SPDY/3 draft, section 2.2). Each
 * direction of a connection has its own codec, because header blocks share one compression context per direction.
 */
final class SpdyFrameCodec {

  private SpdyFrameCodec() {
  }

  /** Encodes the frames one side sends; the header compression context is this writer's. Not thread-safe. */
  static final class Writer implements AutoCloseable {
    private final HeaderBlocks.Encoder headers = new HeaderBlocks.Encoder();

    Buffer encode(SpdyFrame frame) {
      if (frame instanceof SpdyFrame.Data data) {
        if (data.payload().length > SpdyFrame.MAX_DATA_LENGTH) {
          throw new IllegalArgumentException("a DATA frame carries at most " + SpdyFrame.MAX_DATA_LENGTH + " bytes");
        }
        Buffer out = Buffer.buffer(8 + data.payload().length);
        out.appendInt(data.streamId() & 0x7fffffff);
        out.appendInt((data.flags() & 0xff) << 24 | data.payload().length);
        out.appendBytes(data.payload());
        return out;
      }
      if (frame instanceof SpdyFrame.SynStream syn) {
        byte[] block = headers.encode(syn.headers());
        Buffer out = control(SpdyFrame.TYPE_SYN_STREAM, syn.flags(), 10 + block.length);
        out.appendInt(syn.streamId() & 0x7fffffff);
        out.appendInt(syn.associatedStreamId() & 0x7fffffff);
        out.appendByte((byte) ((syn.priority() & 0x7) << 5));
        out.appendByte((byte) 0);
        return out.appendBytes(block);
      }
      if (frame instanceof SpdyFrame.SynReply reply) {
        byte[] block = headers.encode(reply.headers());
        Buffer out = control(SpdyFrame.TYPE_SYN_REPLY, reply.flags(), 4 + block.length);
        out.appendInt(reply.streamId() & 0x7fffffff);
        return out.appendBytes(block);
      }
      if (frame instanceof SpdyFrame.Headers more) {
        byte[] block = headers.encode(more.headers());
        Buffer out = control(SpdyFrame.TYPE_HEADERS, more.flags(), 4 + block.length);
        out.appendInt(more.streamId() & 0x7fffffff);
        return out.appendBytes(block);
      }
      if (frame instanceof SpdyFrame.RstStream rst) {
        return control(SpdyFrame.TYPE_RST_STREAM, 0, 8).appendInt(rst.streamId() & 0x7fffffff)
            .appendInt(rst.status());
      }
      if (frame instanceof SpdyFrame.Settings settings) {
        Buffer out = control(SpdyFrame.TYPE_SETTINGS, settings.flags(), 4 + 8 * settings.entries().size());
        out.appendInt(settings.entries().size());
        for (SpdyFrame.Setting entry : settings.entries()) {
          out.appendInt((entry.flags() & 0xff) << 24 | (entry.id() & 0xffffff));
          out.appendInt(entry.value());
        }
        return out;
      }
      if (frame instanceof SpdyFrame.Ping ping) {
        return control(SpdyFrame.TYPE_PING, 0, 4).appendInt(ping.id());
      }
      if (frame instanceof SpdyFrame.GoAway goAway) {
        return control(SpdyFrame.TYPE_GOAWAY, 0, 8).appendInt(goAway.lastGoodStreamId() & 0x7fffffff)
            .appendInt(goAway.status());
      }
      if (frame instanceof SpdyFrame.WindowUpdate update) {
        return control(SpdyFrame.TYPE_WINDOW_UPDATE, 0, 8).appendInt(update.streamId() & 0x7fffffff)
            .appendInt(update.deltaWindowSize() & 0x7fffffff);
      }
      throw new IllegalArgumentException("not a SPDY frame: " + frame);
    }

    private static Buffer control(int type, int flags, int length) {
      Buffer out = Buffer.buffer(8 + length);
      out.appendShort((short) (0x8000 | SpdyFrame.VERSION));
      out.appendShort((short) type);
      out.appendInt((flags & 0xff) << 24 | length);
      return out;
    }

    @Override
    public void close() {
      headers.close();
    }
  }

  /**
   * Decodes the byte stream the other side sends, however it is cut into pieces: bytes are kept until a whole frame
   * is there. Not thread-safe.
   */
  static final class Reader implements AutoCloseable {
    /** Larger control frames are refused: a port-forward client only sends a few small headers. */
    private static final int MAX_CONTROL_LENGTH = 1 << 20;

    private final HeaderBlocks.Decoder headers = new HeaderBlocks.Decoder();
    private Buffer pending = Buffer.buffer();
    private int position;

    /** Adds bytes and passes on every frame they complete, in order. */
    void feed(Buffer bytes, Consumer<SpdyFrame> frames) {
      pending.appendBuffer(bytes);
      while (pending.length() - position >= 8) {
        int first = pending.getInt(position);
        int second = pending.getInt(position + 4);
        int flags = second >>> 24;
        int length = second & 0xffffff;
        boolean control = (first & 0x80000000) != 0;
        if (control && length > MAX_CONTROL_LENGTH) {
          throw new SpdyProtocolException("a control frame of " + length + " bytes");
        }
        if (pending.length() - position < 8 + length) {
          break;
        }
        Buffer body = pending.getBuffer(position + 8, position + 8 + length);
        position += 8 + length;
        SpdyFrame frame = control ? control(first, flags, length, body)
            : new SpdyFrame.Data(first & 0x7fffffff, flags, body.getBytes());
        if (frame != null) {
          frames.accept(frame);
        }
      }
      if (position == pending.length()) {
        pending = Buffer.buffer();
        position = 0;
      } else if (position > 64 * 1024) {
        pending = pending.getBuffer(position, pending.length());
        position = 0;
      }
    }

    /** A control frame, or {@code null} for a type SPDY/3 defines but a port-forward session never uses. */
    private SpdyFrame control(int first, int flags, int length, Buffer body) {
      int version = (first >>> 16) & 0x7fff;
      int type = first & 0xffff;
      if (version != SpdyFrame.VERSION) {
        throw new SpdyProtocolException("SPDY version " + version + ", not 3");
      }
      switch (type) {
        case SpdyFrame.TYPE_SYN_STREAM:
          need(length, 10, "SYN_STREAM");
          return new SpdyFrame.SynStream(body.getInt(0) & 0x7fffffff, body.getInt(4) & 0x7fffffff,
              (body.getUnsignedByte(8) >>> 5) & 0x7, flags, headers.decode(body.getBytes(10, length)));
        case SpdyFrame.TYPE_SYN_REPLY:
          need(length, 4, "SYN_REPLY");
          return new SpdyFrame.SynReply(body.getInt(0) & 0x7fffffff, flags, headers.decode(body.getBytes(4, length)));
        case SpdyFrame.TYPE_HEADERS:
          need(length, 4, "HEADERS");
          return new SpdyFrame.Headers(body.getInt(0) & 0x7fffffff, flags, headers.decode(body.getBytes(4, length)));
        case SpdyFrame.TYPE_RST_STREAM:
          exactly(length, 8, "RST_STREAM");
          return new SpdyFrame.RstStream(body.getInt(0) & 0x7fffffff, body.getInt(4));
        case SpdyFrame.TYPE_SETTINGS: {
          need(length, 4, "SETTINGS");
          int count = body.getInt(0);
          if (count < 0 || length != 4 + 8L * count) {
            throw new SpdyProtocolException("a SETTINGS frame of " + length + " bytes claims " + count + " entries");
          }
          List<SpdyFrame.Setting> entries = new java.util.ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            int flagsAndId = body.getInt(4 + 8 * i);
            entries.add(new SpdyFrame.Setting(flagsAndId >>> 24, flagsAndId & 0xffffff, body.getInt(8 + 8 * i)));
          }
          return new SpdyFrame.Settings(flags, List.copyOf(entries));
        }
        case SpdyFrame.TYPE_PING:
          exactly(length, 4, "PING");
          return new SpdyFrame.Ping(body.getInt(0));
        case SpdyFrame.TYPE_GOAWAY:
          exactly(length, 8, "GOAWAY");
          return new SpdyFrame.GoAway(body.getInt(0) & 0x7fffffff, body.getInt(4));
        case SpdyFrame.TYPE_WINDOW_UPDATE:
          exactly(length, 8, "WINDOW_UPDATE");
          return new SpdyFrame.WindowUpdate(body.getInt(0) & 0x7fffffff, body.getInt(4) & 0x7fffffff);
        default:
          // NOOP (5) and CREDENTIAL (10) or anything newer: SPDY says to ignore control frames one does not know
          return null;
      }
    }

    private static void need(int length, int minimum, String type) {
      if (length < minimum) {
        throw new SpdyProtocolException("a " + type + " frame of " + length + " bytes");
      }
    }

    private static void exactly(int length, int expected, String type) {
      if (length != expected) {
        throw new SpdyProtocolException("a " + type + " frame of " + length + " bytes, not " + expected);
      }
    }

    @Override
    public void close() {
      headers.close();
    }
  }
}
