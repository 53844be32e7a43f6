package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transport in memory: what the server wrote, decoded as the client would, and the calls it got. */
final class InMemoryTransport implements Transport {
  private final SpdyFrameCodec.Reader clientReader = new SpdyFrameCodec.Reader();
  private final List<SpdyFrame> written = new ArrayList<>();
  volatile Consumer<Buffer> bytes;
  volatile Runnable ended;
  int pauses;
  int resumes;
  boolean closed;

  /** The frames the server has written so far. */
  synchronized List<SpdyFrame> written() {
    return List.copyOf(written);
  }

  @Override
  public void start(Consumer<Buffer> bytes, Runnable ended) {
    this.bytes = bytes;
    this.ended = ended;
  }

  @Override
  public synchronized void write(Buffer bytes) {
    clientReader.feed(bytes, written::add);
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public void drainHandler(Runnable drained) {
  }

  @Override
  public void pause() {
    pauses++;
  }

  @Override
  public void resume() {
    resumes++;
  }

  @Override
  public void close() {
    closed = true;
  }
}
