package io.cybershield.shield.sandbox.server.portforward;

import java.util.List;
import java.util.Map;

/**
 * The SPDY/3 frames a port-forward session exchanges (SPDY/3 draft, section 2.2 and 2.6). Stream ids are 31-bit;
 * client-initiated streams are odd. {@code flags} carry {@link #FLAG_FIN} (the sender's half of the stream ends) and,
 * on SYN_STREAM, {@link #FLAG_UNIDIRECTIONAL}.
 */
public sealed interface SpdyFrame {

  int VERSION = 3;
  int FLAG_FIN = 0x01;
  int FLAG_UNIDIRECTIONAL = 0x02;

  int TYPE_SYN_STREAM = 1;
  int TYPE_SYN_REPLY = 2;
  int TYPE_RST_STREAM = 3;
  int TYPE_SETTINGS = 4;
  int TYPE_PING = 6;
  int TYPE_GOAWAY = 7;
  int TYPE_HEADERS = 8;
  int TYPE_WINDOW_UPDATE = 9;

  /** RST_STREAM status codes. */
  int RST_PROTOCOL_ERROR = 1;
  int RST_INVALID_STREAM = 2;
  int RST_REFUSED_STREAM = 3;
  int RST_CANCEL = 5;
  int RST_INTERNAL_ERROR = 6;

  /** GOAWAY status codes. */
  int GOAWAY_OK = 0;
  int GOAWAY_PROTOCOL_ERROR = 1;
  int GOAWAY_INTERNAL_ERROR = 2;

  /** The largest DATA payload a frame can carry (24-bit length). */
  int MAX_DATA_LENGTH = (1 << 24) - 1;

  /** Opens a stream. */
  record SynStream(int streamId, int associatedStreamId, int priority, int flags, Map<String, List<String>> headers)
      implements SpdyFrame {
  }

  /** Accepts a stream the other side opened. */
  record SynReply(int streamId, int flags, Map<String, List<String>> headers) implements SpdyFrame {
  }

  /** Ends a stream abnormally, both halves at once. */
  record RstStream(int streamId, int status) implements SpdyFrame {
  }

  /** Connection settings; {@code entries} keep each entry's 8-bit flags and 24-bit id as one int, then its value. */
  record Settings(int flags, List<Setting> entries) implements SpdyFrame {
  }

  /** One SETTINGS entry. */
  record Setting(int flags, int id, int value) {
  }

  /** A liveness probe; the receiver echoes a ping the other side started (odd ids come from the client). */
  record Ping(int id) implements SpdyFrame {
  }

  /** The sender takes no new streams after {@code lastGoodStreamId}. */
  record GoAway(int lastGoodStreamId, int status) implements SpdyFrame {
  }

  /** More headers for an open stream. */
  record Headers(int streamId, int flags, Map<String, List<String>> headers) implements SpdyFrame {
  }

  /** Flow-control credit for a stream. */
  record WindowUpdate(int streamId, int deltaWindowSize) implements SpdyFrame {
  }

  /** Stream payload. */
  record Data(int streamId, int flags, byte[] payload) implements SpdyFrame {
    public boolean fin() {
      return (flags & FLAG_FIN) != 0;
    }
  }
}
