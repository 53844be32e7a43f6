package io.cybershield.shield.djl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a plain socket, for what {@code java.net.http} hides: chunk boundaries, a stream that
 * ends without its last chunk, and whether the server closed the connection.
 */
final class RawConnection implements AutoCloseable {

  /** An answer as it came off the wire. */
  record Response(int status, String reason, Map<String, String> headers, List<String> chunks, String body,
                  boolean complete) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String host;

  RawConnection(DjlStandIn standIn) throws IOException {
    this(standIn.host(), standIn.port(), 0);
  }

  RawConnection(String host, int port, int receiveBuffer) throws IOException {
    this.host = host;
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  RawConnection send(String method, String path, String body, String... headers) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
    return this;
  }

  RawConnection post(String path, String body, String... headers) throws IOException {
    return send("POST", path, body, headers);
  }

  /** Reads one answer; a chunked one that the server cut off comes back with {@code complete == false}. */
  Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the server closed the connection without an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    int status = Integer.parseInt(parts[1]);
    String reason = parts.length > 2 ? parts[2] : "";
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    List<String> chunks = new ArrayList<>();
    boolean complete = true;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      complete = false;
      while (true) {
        String size = line();
        if (size == null) {
          break;
        }
        int length = Integer.parseInt(size.trim(), 16);
        if (length == 0) {
          line();
          complete = true;
          break;
        }
        byte[] chunk = in.readNBytes(length);
        if (chunk.length < length) {
          break;
        }
        line();
        chunks.add(new String(chunk, StandardCharsets.UTF_8));
        body.write(chunk);
      }
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      byte[] bytes = in.readNBytes(length);
      complete = bytes.length == length;
      body.write(bytes);
    }
    return new Response(status, reason, headers, chunks, body.toString(StandardCharsets.UTF_8), complete);
  }

  /** Whether the server closes the connection within {@code timeout}; returns as soon as it does. */
  boolean closedByServer(Duration timeout) throws IOException {
    int previous = socket.getSoTimeout();
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      // a reset is a close too
      return true;
    } finally {
      socket.setSoTimeout(previous);
    }
  }

  /** Whether the server closed the connection without sending a single byte. */
  boolean closedWithoutAnswer() throws IOException {
    try {
      return in.read() == -1;
    } catch (IOException e) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      line.write(c);
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
