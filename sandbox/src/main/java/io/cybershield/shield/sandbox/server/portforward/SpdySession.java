package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server end of one SPDY/3.1 connection, as the kubelet's streaming server (moby/spdystream under apimachinery's
 * {@code httpstream/spdy}) keeps it: the client opens every stream; the server answers each SYN_STREAM with a
 * SYN_REPLY, or with RST_STREAM when its {@link StreamHandler} refuses it; echoes the client's PINGs; and ends the
 * whole connection on GOAWAY or when the transport goes.
 *
 * <p>Like spdystream, the session does no SPDY flow control: the client never sends WINDOW_UPDATE and ignores the
 * ones it gets, so honouring SPDY's 64 KiB stream windows would stall every transfer. Backpressure is the
 * transport's: a stream whose consumer cannot keep up pauses reading the connection ({@link #pauseInbound()}), and
 * writers wait for the connection's write queue to drain ({@link SpdyStream#drainHandler}).
 *
 * <p>Everything runs on the connection's event loop; nothing here is thread-safe.
 */
final class SpdySession {

  /** Decides on and takes the streams the client opens. */
  interface StreamHandler {
    /** Why {@code stream} is refused ({@code null} to accept it); called before the SYN_REPLY is sent. */
    String refusal(SpdyStream stream);

    /** A stream that was accepted and replied to. */
    void accepted(SpdyStream stream);

    /** The connection is gone; every stream has been reset. */
    void closed();
  }

  private static final Logger LOG = LoggerFactory.getLogger(SpdySession.class);
  /** DATA frames the server writes carry at most this much; spdystream reads any size, smaller keeps streams fair. */
  static final int DATA_CHUNK = 32 * 1024;

  private final Transport transport;
  private final StreamHandler handler;
  private final SpdyFrameCodec.Writer writer = new SpdyFrameCodec.Writer();
  private final SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
  private final Map<Integer, SpdyStream> streams = new LinkedHashMap<>();
  private final List<Runnable> drainWaiters = new ArrayList<>();
  private int lastStreamId;
  private int pauses;
  private boolean closed;

  SpdySession(Transport transport, StreamHandler handler) {
    this.transport = transport;
    this.handler = handler;
  }

  void start() {
    transport.drainHandler(this::drained);
    transport.start(this::received, this::transportEnded);
  }

  boolean isClosed() {
    return closed;
  }

  /** Ends the connection from the server's side: GOAWAY, then the transport closes. */
  void close() {
    if (!closed) {
      send(new SpdyFrame.GoAway(lastStreamId, SpdyFrame.GOAWAY_OK));
      shutdown();
    }
  }

  /** Stops reading the connection until as many {@link #resumeInbound()} calls have come. */
  void pauseInbound() {
    if (pauses++ == 0 && !closed) {
      transport.pause();
    }
  }

  void resumeInbound() {
    if (pauses > 0 && --pauses == 0 && !closed) {
      transport.resume();
    }
  }

  boolean writeQueueFull() {
    return !closed && transport.writeQueueFull();
  }

  void onDrain(Runnable drained) {
    drainWaiters.add(drained);
  }

  void send(SpdyFrame frame) {
    if (!closed) {
      transport.write(writer.encode(frame));
    }
  }

  void forget(SpdyStream stream) {
    streams.remove(stream.id());
  }

  private void drained() {
    List<Runnable> waiting = new ArrayList<>(drainWaiters);
    drainWaiters.clear();
    waiting.forEach(Runnable::run);
  }

  private void received(Buffer bytes) {
    if (closed) {
      return;
    }
    try {
      reader.feed(bytes, this::dispatch);
    } catch (SpdyProtocolException e) {
      LOG.debug("port-forward connection: {}", e.getMessage());
      if (!closed) {
        send(new SpdyFrame.GoAway(lastStreamId, SpdyFrame.GOAWAY_PROTOCOL_ERROR));
        shutdown();
      }
    }
  }

  private void dispatch(SpdyFrame frame) {
    if (closed) {
      return;
    }
    if (frame instanceof SpdyFrame.Data data) {
      SpdyStream stream = streams.get(data.streamId());
      if (stream != null) {
        stream.received(data);
      }
    } else if (frame instanceof SpdyFrame.SynStream syn) {
      open(syn);
    } else if (frame instanceof SpdyFrame.RstStream rst) {
      SpdyStream stream = streams.remove(rst.streamId());
      if (stream != null) {
        stream.wasReset();
      }
    } else if (frame instanceof SpdyFrame.Ping ping) {
      // odd ids are the client's pings, to be echoed; even ones would answer the server's own, which it never sends
      if ((ping.id() & 1) == 1) {
        send(ping);
      }
    } else if (frame instanceof SpdyFrame.GoAway) {
      shutdown();
    }
    // SETTINGS, WINDOW_UPDATE, HEADERS and SYN_REPLY change nothing for a port-forward server, as in spdystream
  }

  private void open(SpdyFrame.SynStream syn) {
    int id = syn.streamId();
    if (id == 0 || (id & 1) == 0 || id <= lastStreamId) {
      send(new SpdyFrame.RstStream(id == 0 ? 1 : id, SpdyFrame.RST_PROTOCOL_ERROR));
      return;
    }
    lastStreamId = id;
    SpdyStream stream = new SpdyStream(this, id, syn.headers(),
        (syn.flags() & (SpdyFrame.FLAG_FIN | SpdyFrame.FLAG_UNIDIRECTIONAL)) != 0);
    String refusal = handler.refusal(stream);
    if (refusal != null) {
      LOG.debug("port-forward stream {} refused: {}", id, refusal);
      send(new SpdyFrame.RstStream(id, SpdyFrame.RST_CANCEL));
      return;
    }
    streams.put(id, stream);
    send(new SpdyFrame.SynReply(id, 0, Map.of()));
    handler.accepted(stream);
  }

  private void transportEnded() {
    shutdown();
  }

  private void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    List<SpdyStream> open = new ArrayList<>(streams.values());
    streams.clear();
    open.forEach(SpdyStream::wasReset);
    drainWaiters.clear();
    handler.closed();
    transport.close();
    writer.close();
    reader.close();
  }
}
