package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;

import java.util.function.Consumer;

/**
 * The byte pipe a SPDY session runs on: the raw socket after a {@code 101 Switching Protocols} to {@code SPDY/3.1},
 * or a WebSocket negotiated as {@code SPDY/3.1+portforward.k8s.io} whose binary messages carry the same byte stream
 * (message boundaries mean nothing; client-go's tunneling connection reads them as one stream). Every callback runs on
 * the connection's event loop.
 */
interface Transport {

  /** Starts reading: {@code bytes} gets what arrives; {@code ended} runs once, when the peer or the network goes. */
  void start(Consumer<Buffer> bytes, Runnable ended);

  void write(Buffer bytes);

  boolean writeQueueFull();

  /** Runs {@code drained} once the write queue has room again. */
  void drainHandler(Runnable drained);

  void pause();

  void resume();

  void close();

  /** A socket taken over after {@code 101 Switching Protocols}. */
  static Transport of(NetSocket socket) {
    return new Over(socket, socket) {
      @Override
      public void start(Consumer<Buffer> bytes, Runnable ended) {
        socket.handler(bytes::accept);
        socket.exceptionHandler(e -> socket.close());
        socket.closeHandler(v -> ended.run());
      }

      @Override
      public void write(Buffer bytes) {
        socket.write(bytes);
      }

      @Override
      public void close() {
        socket.close();
      }
    };
  }

  /** A WebSocket tunneling SPDY in binary messages. */
  static Transport of(ServerWebSocket socket) {
    return new Over(socket, socket) {
      @Override
      public void start(Consumer<Buffer> bytes, Runnable ended) {
        socket.binaryMessageHandler(bytes::accept);
        // the tunnel carries binary messages only; client-go treats anything else as a broken tunnel too
        socket.textMessageHandler(text -> socket.close((short) 1003, "text message on a SPDY tunnel"));
        socket.exceptionHandler(e -> socket.close());
        socket.closeHandler(v -> ended.run());
      }

      @Override
      public void write(Buffer bytes) {
        if (!socket.isClosed()) {
          socket.writeBinaryMessage(bytes);
        }
      }

      @Override
      public void close() {
        if (!socket.isClosed()) {
          // a normal closure is what client-go's tunneling connection reads as the end of the stream
          socket.close((short) 1000);
        }
      }
    };
  }

  /** Flow control as both Vert.x sockets have it: the same object, seen as the stream it reads and writes. */
  abstract class Over implements Transport {
    private final ReadStream<Buffer> in;
    private final WriteStream<Buffer> out;

    Over(ReadStream<Buffer> in, WriteStream<Buffer> out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public boolean writeQueueFull() {
      return out.writeQueueFull();
    }

    @Override
    public void drainHandler(Runnable drained) {
      out.drainHandler(v -> drained.run());
    }

    @Override
    public void pause() {
      in.pause();
    }

    @Override
    public void resume() {
      in.resume();
    }
  }
}
