package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpdySessionTest {

  private final InMemoryTransport transport = new InMemoryTransport();
  private final SpdyFrameCodec.Writer client = new SpdyFrameCodec.Writer();
  private final List<SpdyStream> accepted = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final SpdySession session = new SpdySession(transport, new SpdySession.StreamHandler() {
    @Override
    public String refusal(SpdyStream stream) {
      return "refuse".equals(stream.header("streamType")) ? "no" : null;
    }

    @Override
    public void accepted(SpdyStream stream) {
      accepted.add(stream);
    }

    @Override
    public void closed() {
      events.add("closed");
    }
  });

  private void clientSends(SpdyFrame frame) {
    transport.bytes.accept(client.encode(frame));
  }

  @Test
  void acceptedStreamsAreRepliedRefusedOnesReset() {
    session.start();
    clientSends(new SpdyFrame.SynStream(1, 0, 0, 0, Map.of("streamtype", List.of("data"))));
    clientSends(new SpdyFrame.SynStream(3, 0, 0, 0, Map.of("streamtype", List.of("refuse"))));
    assertThat(transport.written()).usingRecursiveFieldByFieldElementComparator().containsExactly(
        new SpdyFrame.SynReply(1, 0, Map.of()), new SpdyFrame.RstStream(3, SpdyFrame.RST_CANCEL));
    assertThat(accepted).extracting(SpdyStream::id).containsExactly(1);
  }

  @Test
  void streamIdsMustBeOddAndGrow() {
    session.start();
    clientSends(new SpdyFrame.SynStream(5, 0, 0, 0, Map.of()));
    clientSends(new SpdyFrame.SynStream(3, 0, 0, 0, Map.of()));
    clientSends(new SpdyFrame.SynStream(8, 0, 0, 0, Map.of()));
    assertThat(transport.written()).usingRecursiveFieldByFieldElementComparator().containsExactly(
        new SpdyFrame.SynReply(5, 0, Map.of()), new SpdyFrame.RstStream(3, SpdyFrame.RST_PROTOCOL_ERROR),
        new SpdyFrame.RstStream(8, SpdyFrame.RST_PROTOCOL_ERROR));
  }

  @Test
  void theClientsPingsAreEchoedOnly() {
    session.start();
    clientSends(new SpdyFrame.Ping(1));
    clientSends(new SpdyFrame.Ping(2));
    clientSends(new SpdyFrame.Ping(7));
    assertThat(transport.written()).usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new SpdyFrame.Ping(1), new SpdyFrame.Ping(7));
  }

  @Test
  void dataBeforeAHandlerIsKeptAndFinEndsTheClientsHalf() {
    session.start();
    clientSends(new SpdyFrame.SynStream(1, 0, 0, 0, Map.of()));
    clientSends(new SpdyFrame.Data(1, 0, "early ".getBytes()));
    clientSends(new SpdyFrame.Data(1, SpdyFrame.FLAG_FIN, "bird".getBytes()));
    SpdyStream stream = accepted.get(0);
    StringBuilder got = new StringBuilder();
    stream.endHandler(() -> events.add("fin"));
    stream.dataHandler(b -> got.append(b.toString()));
    assertThat(got).hasToString("early bird");
    assertThat(events).containsExactly("fin");

    stream.write(Buffer.buffer(new byte[SpdySession.DATA_CHUNK * 2 + 1]));
    stream.end();
    stream.end();
    assertThat(transport.written().subList(1, transport.written().size())).extracting(f -> {
      SpdyFrame.Data data = (SpdyFrame.Data) f;
      return data.payload().length + (data.fin() ? " fin" : "");
    }).containsExactly(SpdySession.DATA_CHUNK + "", SpdySession.DATA_CHUNK + "", "1", "0 fin");
  }

  @Test
  void resetAndGoAwayEndStreamsAndTheSession() {
    session.start();
    clientSends(new SpdyFrame.SynStream(1, 0, 0, 0, Map.of()));
    clientSends(new SpdyFrame.SynStream(3, 0, 0, 0, Map.of()));
    accepted.get(0).resetHandler(() -> events.add("reset 1"));
    accepted.get(1).resetHandler(() -> events.add("reset 3"));
    clientSends(new SpdyFrame.RstStream(1, SpdyFrame.RST_CANCEL));
    assertThat(events).containsExactly("reset 1");
    clientSends(new SpdyFrame.GoAway(3, SpdyFrame.GOAWAY_OK));
    assertThat(events).containsExactly("reset 1", "reset 3", "closed");
    assertThat(transport.closed).isTrue();
  }

  @Test
  void garbageGetsAGoAwayWithProtocolError() {
    session.start();
    transport.bytes.accept(Buffer.buffer(HexFormat.of().parseHex("8001000100000000")));
    assertThat(transport.written()).usingRecursiveFieldByFieldElementComparator()
        .containsExactly(new SpdyFrame.GoAway(0, SpdyFrame.GOAWAY_PROTOCOL_ERROR));
    assertThat(transport.closed).isTrue();
    assertThat(events).containsExactly("closed");
  }

  @Test
  void inboundPausesNestAndTheTransportEndingClosesAll() {
    session.start();
    session.pauseInbound();
    session.pauseInbound();
    session.resumeInbound();
    assertThat(transport.pauses).isEqualTo(1);
    assertThat(transport.resumes).isZero();
    session.resumeInbound();
    session.resumeInbound();
    assertThat(transport.resumes).isEqualTo(1);
    transport.ended.run();
    assertThat(session.isClosed()).isTrue();
    assertThat(events).containsExactly("closed");
  }
}
