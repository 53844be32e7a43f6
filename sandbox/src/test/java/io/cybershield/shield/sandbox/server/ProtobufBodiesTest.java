package io.cybershield.shield.sandbox.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The protobuf bodies of the token APIs, encoded here as client-go encodes them (the {@code k8s\0} magic, a
 * {@code runtime.Unknown} envelope, the object's message); {@code kubectl create token} covers TokenRequest for
 * real in {@link ServiceAccountTokensIT}.
 */
class ProtobufBodiesTest {

  @Test
  void decodesATokenReview() {
    byte[] spec = concat(string(1, "the-token"), string(2, "shield-gateway"), string(2, "api"));
    byte[] review = concat(message(1, new byte[0]), message(2, spec));
    assertThat(ProtobufBodies.tokenReview(envelope("TokenReview", review)).toString()).isEqualTo(
        "{\"kind\":\"TokenReview\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{},\"spec\":{\"token\":"
            + "\"the-token\",\"audiences\":[\"shield-gateway\",\"api\"]}}");
  }

  @Test
  void decodesATokenRequest() {
    byte[] ref = concat(string(1, "Pod"), string(2, "v1"), string(3, "p1"), string(4, "u-1"));
    byte[] spec = concat(string(1, "a"), varint(4, 1200), message(3, ref));
    byte[] request = concat(message(1, concat(string(1, "robot"), string(3, "soc"))), message(2, spec));
    assertThat(ProtobufBodies.tokenRequest(envelope("TokenRequest", request)).toString()).isEqualTo(
        "{\"kind\":\"TokenRequest\",\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{\"name\":\"robot\","
            + "\"namespace\":\"soc\"},\"spec\":{\"expirationSeconds\":1200,\"boundObjectRef\":{\"kind\":\"Pod\","
            + "\"apiVersion\":\"v1\",\"name\":\"p1\",\"uid\":\"u-1\"},\"audiences\":[\"a\"]}}");
  }

  @Test
  void refusesWhatIsNotAProtobufTokenReview() {
    assertThatThrownBy(() -> ProtobufBodies.tokenReview("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(() -> ProtobufBodies.tokenReview(envelope("Pod", new byte[0])))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("not a TokenReview: Pod"));
    byte[] truncated = concat(new byte[] { 'k', '8', 's', 0 }, new byte[] { 0x12, 0x7f, 1 });
    assertThatThrownBy(() -> ProtobufBodies.tokenReview(truncated))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  private static byte[] envelope(String kind, byte[] raw) {
    byte[] typeMeta = concat(string(1, "authentication.k8s.io/v1"), string(2, kind));
    return concat(new byte[] { 'k', '8', 's', 0 }, message(1, typeMeta), message(2, raw));
  }

  private static byte[] string(int field, String value) {
    return message(field, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] message(int field, byte[] bytes) {
    return concat(rawVarint((field << 3) | 2), rawVarint(bytes.length), bytes);
  }

  private static byte[] varint(int field, long value) {
    return concat(rawVarint(field << 3), rawVarint(value));
  }

  private static byte[] rawVarint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
