package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One stream of a {@link SpdySession}, opened by the client. Its two halves end separately: the client's with a
 * FIN flag ({@link #endHandler}), the server's with {@link #end()}; RST_STREAM or the end of the session ends both at
 * once ({@link #resetHandler}). Data that arrives before a {@link #dataHandler} is set is kept for it.
 */
final class SpdyStream {

  private final SpdySession session;
  private final int id;
  private final Map<String, List<String>> headers;
  private final List<Buffer> early = new ArrayList<>();
  private java.util.function.Consumer<Buffer> dataHandler;
  private Runnable endHandler;
  private Runnable resetHandler;
  private boolean remoteEnded;
  private boolean endDelivered;
  private boolean localEnded;
  private boolean reset;

  SpdyStream(SpdySession session, int id, Map<String, List<String>> headers, boolean remoteEnded) {
    this.session = session;
    this.id = id;
    this.headers = headers;
    this.remoteEnded = remoteEnded;
  }

  int id() {
    return id;
  }

  /** A header's first value; names are lower-case on the wire, so the lookup ignores case. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  void dataHandler(java.util.function.Consumer<Buffer> handler) {
    this.dataHandler = handler;
    List<Buffer> kept = new ArrayList<>(early);
    early.clear();
    kept.forEach(handler);
    deliverEnd();
  }

  void endHandler(Runnable handler) {
    this.endHandler = handler;
    deliverEnd();
  }

  void resetHandler(Runnable handler) {
    this.resetHandler = handler;
    if (reset) {
      handler.run();
    }
  }

  /** Sends bytes to the client, in DATA frames of at most {@link SpdySession#DATA_CHUNK} bytes. */
  void write(Buffer bytes) {
    if (localEnded || reset) {
      return;
    }
    for (int from = 0; from < bytes.length(); from += SpdySession.DATA_CHUNK) {
      int to = Math.min(bytes.length(), from + SpdySession.DATA_CHUNK);
      session.send(new SpdyFrame.Data(id, 0, bytes.getBytes(from, to)));
    }
  }

  /** Ends the server's half: an empty DATA frame with FIN, as spdystream's {@code Close} sends. */
  void end() {
    if (localEnded || reset) {
      return;
    }
    localEnded = true;
    session.send(new SpdyFrame.Data(id, SpdyFrame.FLAG_FIN, new byte[0]));
    if (remoteEnded) {
      session.forget(this);
    }
  }

  /** Ends both halves at once. */
  void reset() {
    if (reset) {
      return;
    }
    session.send(new SpdyFrame.RstStream(id, SpdyFrame.RST_CANCEL));
    session.forget(this);
    wasReset();
  }

  boolean writeQueueFull() {
    return session.writeQueueFull();
  }

  /** Runs {@code drained} once the connection can take more writes. */
  void drainHandler(Runnable drained) {
    session.onDrain(drained);
  }

  void received(SpdyFrame.Data data) {
    if (remoteEnded || reset) {
      return;
    }
    if (data.payload().length > 0) {
      Buffer bytes = Buffer.buffer(data.payload());
      if (dataHandler == null) {
        early.add(bytes);
      } else {
        dataHandler.accept(bytes);
      }
    }
    if (data.fin()) {
      remoteEnded = true;
      if (localEnded) {
        session.forget(this);
      }
      deliverEnd();
    }
  }

  void wasReset() {
    if (reset) {
      return;
    }
    reset = true;
    early.clear();
    if (resetHandler != null) {
      resetHandler.run();
    }
  }

  private void deliverEnd() {
    if (remoteEnded && !endDelivered && endHandler != null && (dataHandler != null || early.isEmpty())) {
      endDelivered = true;
      endHandler.run();
    }
  }
}
