package io.cybershield.shield.sandbox.server.portforward;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpdyFrameCodecTest {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Two SYN_STREAMs as kubectl opens them for one forwarded connection (error, then data stream), written by
   * Python's zlib with the SPDY/3 dictionary: the second header block continues the first one's zlib stream.
   */
  private static final String ERROR_STREAM = "800300010000003d0000000100000000000078f9e3c6a7c202253a703a2b294a4dcc8516"
      + "25aca9a0808614cb45e01c6061606100a4398b20d198094ade8c0600000000ffff";
  private static final String DATA_STREAM = "800300010000001800000003000000000000c2aa19540e2512d60b000000ffff";

  @Test
  void theDictionaryIsSpdy3s() {
    byte[] dictionary = SpdyDictionary.bytes();
    Adler32 adler = new Adler32();
    adler.update(dictionary);
    assertThat(dictionary).hasSize(1423);
    assertThat(adler.getValue()).isEqualTo(0xe3c6a7c2L);
    // the zlib header of a connection's first block names the dictionary by that checksum (FDICT set)
    byte[] first = new HeaderBlocks.Encoder().encode(Map.of("port", List.of("80")));
    assertThat(first[1] & 0x20).as("FDICT").isEqualTo(0x20);
    assertThat(HEX.formatHex(first, 2, 6)).isEqualTo("e3c6a7c2");
  }

  @Test
  void readsTheStreamsAnotherZlibCompressedInOneContext() {
    List<SpdyFrame> frames = new ArrayList<>();
    SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
    reader.feed(Buffer.buffer(HEX.parseHex(ERROR_STREAM + DATA_STREAM)), frames::add);

    assertThat(frames).hasSize(2);
    SpdyFrame.SynStream error = (SpdyFrame.SynStream) frames.get(0);
    SpdyFrame.SynStream data = (SpdyFrame.SynStream) frames.get(1);
    assertThat(error.streamId()).isEqualTo(1);
    assertThat(error.headers()).containsExactly(Map.entry("streamtype", List.of("error")),
        Map.entry("port", List.of("8080")), Map.entry("requestid", List.of("0")));
    assertThat(data.streamId()).isEqualTo(3);
    assertThat(data.headers()).containsEntry("streamtype", List.of("data")).containsEntry("port", List.of("8080"));
  }

  @Test
  void framesCutAnywhereAreReassembled() {
    List<SpdyFrame> frames = new ArrayList<>();
    SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
    byte[] bytes = HEX.parseHex(ERROR_STREAM + DATA_STREAM + "00000003" + "01000003" + "616263");
    for (byte b : bytes) {
      reader.feed(Buffer.buffer(new byte[] { b }), frames::add);
    }
    assertThat(frames).hasSize(3);
    SpdyFrame.Data data = (SpdyFrame.Data) frames.get(2);
    assertThat(data.streamId()).isEqualTo(3);
    assertThat(data.fin()).isTrue();
    assertThat(new String(data.payload())).isEqualTo("abc");
  }

  @Test
  void fixedSizeFramesHaveTheirWireBytes() {
    SpdyFrameCodec.Writer writer = new SpdyFrameCodec.Writer();
    assertThat(hex(writer, new SpdyFrame.Ping(1))).isEqualTo("800300060000000400000001");
    assertThat(hex(writer, new SpdyFrame.RstStream(5, SpdyFrame.RST_CANCEL)))
        .isEqualTo("80030003000000080000000500000005");
    assertThat(hex(writer, new SpdyFrame.GoAway(3, SpdyFrame.GOAWAY_OK)))
        .isEqualTo("80030007000000080000000300000000");
    assertThat(hex(writer, new SpdyFrame.WindowUpdate(1, 65536))).isEqualTo("80030009000000080000000100010000");
    assertThat(hex(writer, new SpdyFrame.Settings(0, List.of(new SpdyFrame.Setting(0, 7, 65536)))))
        .isEqualTo("800300040000000c000000010000000700010000");
    assertThat(hex(writer, new SpdyFrame.Data(1, SpdyFrame.FLAG_FIN, "hi".getBytes()))).isEqualTo("00000001010000026869");
    assertThat(hex(writer, new SpdyFrame.Data(7, SpdyFrame.FLAG_FIN, new byte[0]))).isEqualTo("0000000701000000");
  }

  @Test
  void everyFrameRoundTrips() {
    SpdyFrameCodec.Writer writer = new SpdyFrameCodec.Writer();
    SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("streamtype", List.of("data"));
    headers.put("x-multi", List.of("a", "b"));
    List<SpdyFrame> sent = List.of(
        new SpdyFrame.SynStream(1, 0, 3, SpdyFrame.FLAG_FIN, headers),
        new SpdyFrame.SynReply(1, 0, Map.of()),
        new SpdyFrame.Headers(1, 0, headers),
        new SpdyFrame.RstStream(1, SpdyFrame.RST_PROTOCOL_ERROR),
        new SpdyFrame.Settings(1, List.of(new SpdyFrame.Setting(1, 4, 100))),
        new SpdyFrame.Ping(9),
        new SpdyFrame.GoAway(7, SpdyFrame.GOAWAY_INTERNAL_ERROR),
        new SpdyFrame.WindowUpdate(3, 1000));
    List<SpdyFrame> received = new ArrayList<>();
    for (SpdyFrame frame : sent) {
      reader.feed(writer.encode(frame), received::add);
    }
    assertThat(received).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(sent);
  }

  @Test
  void laterHeaderBlocksReuseTheConnectionsCompressionContext() {
    SpdyFrameCodec.Writer writer = new SpdyFrameCodec.Writer();
    SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
    Map<String, List<String>> headers = Map.of("streamtype", List.of("error"), "port", List.of("8080"),
        "requestid", List.of("12"));
    Buffer first = writer.encode(new SpdyFrame.SynStream(1, 0, 0, 0, headers));
    Buffer second = writer.encode(new SpdyFrame.SynStream(3, 0, 0, 0, headers));
    assertThat(second.length()).isLessThan(first.length() - 10);

    List<SpdyFrame> frames = new ArrayList<>();
    reader.feed(first, frames::add);
    reader.feed(second, frames::add);
    assertThat(((SpdyFrame.SynStream) frames.get(1)).headers()).isEqualTo(
        ((SpdyFrame.SynStream) frames.get(0)).headers()).containsEntry("requestid", List.of("12"));

    // a reader that missed the first block cannot make sense of the second
    SpdyFrameCodec.Reader late = new SpdyFrameCodec.Reader();
    assertThatThrownBy(() -> late.feed(second, f -> { })).isInstanceOf(SpdyProtocolException.class);
  }

  @Test
  void aMegabyteOfDataInPiecesArrivesWhole() {
    SpdyFrameCodec.Writer writer = new SpdyFrameCodec.Writer();
    byte[] payload = new byte[1 << 20];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    Buffer wire = writer.encode(new SpdyFrame.Data(5, 0, payload));
    List<SpdyFrame> frames = new ArrayList<>();
    SpdyFrameCodec.Reader reader = new SpdyFrameCodec.Reader();
    for (int from = 0; from < wire.length(); from += 1000) {
      reader.feed(wire.getBuffer(from, Math.min(wire.length(), from + 1000)), frames::add);
    }
    assertThat(frames).hasSize(1);
    assertThat(((SpdyFrame.Data) frames.get(0)).payload()).isEqualTo(payload);
  }

  @Test
  void malformedFramesAreProtocolErrors() {
    assertThatThrownBy(() -> new SpdyFrameCodec.Reader().feed(Buffer.buffer(HEX.parseHex("800200060000000400000001")),
        f -> { })).isInstanceOf(SpdyProtocolException.class).hasMessageContaining("version 2");
    assertThatThrownBy(() -> new SpdyFrameCodec.Reader().feed(
        Buffer.buffer(HEX.parseHex("80030006000000080000000100000002")), f -> { }))
        .isInstanceOf(SpdyProtocolException.class).hasMessageContaining("PING");
    List<SpdyFrame> frames = new ArrayList<>();
    // NOOP (type 5) is skipped, the PING after it still read
    new SpdyFrameCodec.Reader().feed(Buffer.buffer(HEX.parseHex("8003000500000000" + "800300060000000400000003")),
        frames::add);
    assertThat(frames).usingRecursiveFieldByFieldElementComparator().containsExactly(new SpdyFrame.Ping(3));
  }

  private static String hex(SpdyFrameCodec.Writer writer, SpdyFrame frame) {
    return HEX.formatHex(writer.encode(frame).getBytes());
  }
}
