package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The protobuf bodies kubectl 1.32 sends, recorded from the real {@code kubectl create <kind>} (and
 * {@code kubectl auth can-i|whoami}) in {@code src/test/resources/protobuf/<case>.bin}; each must read into exactly
 * the JSON the same command prints with {@code --dry-run=client -o json} ({@code <case>.json}), which is the Go
 * object kubectl marshalled: the round trip that checks the field numbers.
 */
class ProtobufObjectsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = { "namespace", "serviceaccount", "configmap", "secret-generic", "secret-tls",
      "secret-docker", "role", "clusterrole", "clusterrole-aggregate", "clusterrole-nonresource", "rolebinding",
      "clusterrolebinding", "deployment", "job", "cronjob", "quota", "priorityclass", "pdb", "service",
      "service-nodeport", "service-externalname", "ingress" })
  void readsWhatKubectlCreateSendsAsItsClientSideJson(String name) throws IOException {
    ObjectNode decoded = ProtobufObjects.decode(bytes(name + ".bin"));
    JsonNode expected = withoutNulls(JSON.readTree(bytes(name + ".json")));
    assertThat(decoded).isEqualTo(expected);
  }

  @Test
  void readsSelfSubjectAccessReviews() throws IOException {
    assertThat(ProtobufObjects.decode(bytes("ssar.bin")).toString()).isEqualTo("{\"kind\":\"SelfSubjectAccessReview\","
        + "\"apiVersion\":\"authorization.k8s.io/v1\",\"metadata\":{},\"spec\":{\"resourceAttributes\":{\"namespace\":"
        + "\"default\",\"verb\":\"create\",\"group\":\"apps\",\"resource\":\"deployments\"}},\"status\":{}}");
    // kubectl auth can-i get pods/log: a pod named log
    assertThat(ProtobufObjects.decode(bytes("ssar-named.bin")).path("spec").toString()).isEqualTo(
        "{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"get\",\"resource\":\"pods\",\"name\":\"log\"}}");
    // kubectl auth can-i get pods --subresource=log
    assertThat(ProtobufObjects.decode(bytes("ssar-subresource.bin")).path("spec").toString()).isEqualTo(
        "{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"get\",\"resource\":\"pods\","
            + "\"subresource\":\"log\"}}");
    assertThat(ProtobufObjects.decode(bytes("ssar-nonresource.bin")).path("spec").toString()).isEqualTo(
        "{\"nonResourceAttributes\":{\"path\":\"/healthz\",\"verb\":\"get\"}}");
    assertThat(ProtobufObjects.decode(bytes("ssrr.bin")).toString()).isEqualTo("{\"kind\":\"SelfSubjectRulesReview\","
        + "\"apiVersion\":\"authorization.k8s.io/v1\",\"metadata\":{},\"spec\":{\"namespace\":\"default\"},"
        + "\"status\":{}}");
    assertThat(ProtobufObjects.decode(bytes("ssr.bin")).toString()).isEqualTo("{\"kind\":\"SelfSubjectReview\","
        + "\"apiVersion\":\"authentication.k8s.io/v1\",\"metadata\":{},\"status\":{\"userInfo\":{}}}");
  }

  @Test
  void readsTheDeleteOptionsOfKubectlDrain() throws IOException {
    assertThat(ProtobufObjects.decode(bytes("deleteoptions-drain.bin")).toString())
        .isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}");
    assertThat(ProtobufObjects.decode(bytes("deleteoptions-grace.bin")).toString())
        .isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":7}");
  }

  @Test
  void keepsTheBytesOfSecretsAndBinaryConfigMapData() throws IOException {
    ObjectNode secret = ProtobufObjects.decode(bytes("secret-generic.bin"));
    assertThat(new String(java.util.Base64.getDecoder().decode(secret.path("data").path("password").asText())))
        .isEqualTo("s3cr=t");
    assertThat(secret.path("type").asText()).isEqualTo("Opaque");
    ObjectNode configMap = ProtobufObjects.decode(bytes("configmap.bin"));
    assertThat(java.util.Base64.getDecoder().decode(configMap.path("binaryData").path("blob").asText())).hasSize(64);
    assertThat(configMap.path("data").toString()).isEqualTo("{\"level\":\"3\",\"mode\":\"strict\"}");
  }

  @Test
  void anUnknownKindOrEncodingIsThe415OfAJsonOnlyServer() {
    byte[] pod = envelope("v1", "Pod", new byte[0], "");
    assertThatThrownBy(() -> ProtobufObjects.decode(pod)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(415);
      assertThat(e.status().toString()).isEqualTo(Statuses.unsupportedMediaType("application/json, "
          + "application/yaml").status().toString());
    });
    byte[] gzip = envelope("v1", "Namespace", new byte[0], "gzip");
    assertThatThrownBy(() -> ProtobufObjects.decode(gzip))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
    assertThatThrownBy(() -> ProtobufObjects.decode("{}".getBytes()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void aFieldTheSchemaDoesNotKnowIsRefusedUnlessEmpty() {
    // Namespace field 9 (none), empty: skipped; with a value: refused
    byte[] empty = envelope("v1", "Namespace", new byte[] { 0x4a, 0 }, "");
    assertThat(ProtobufObjects.decode(empty).toString()).isEqualTo("{\"kind\":\"Namespace\",\"apiVersion\":\"v1\"}");
    byte[] set = envelope("v1", "Namespace", new byte[] { 0x4a, 1, 'x' }, "");
    assertThatThrownBy(() -> ProtobufObjects.decode(set)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(415);
      assertThat(e.getMessage()).contains("field 9 of a protobuf Namespace");
    });
  }

  @Test
  void readsTimesQuantitiesAndIntOrStrings() {
    // a PodDisruptionBudget with minAvailable 2 (int) and maxUnavailable "10%", a creationTimestamp
    byte[] time = concat(new byte[] { 0x08 }, rawVarint(1_700_000_000L), new byte[] { 0x10, 0x05 });
    byte[] meta = concat(field(1, "pdb".getBytes()), field(8, time));
    byte[] spec = concat(field(1, new byte[] { 0x08, 0x00, 0x10, 0x02 }),
        field(3, concat(new byte[] { 0x08, 0x01 }, field(3, "10%".getBytes()))));
    byte[] raw = concat(field(1, meta), field(2, spec));
    assertThat(ProtobufObjects.decode(envelope("policy/v1", "PodDisruptionBudget", raw, "")).toString())
        .isEqualTo("{\"kind\":\"PodDisruptionBudget\",\"apiVersion\":\"policy/v1\",\"metadata\":{\"name\":\"pdb\","
            + "\"creationTimestamp\":\"2023-11-14T22:13:20Z\"},\"spec\":{\"minAvailable\":2,\"maxUnavailable\":"
            + "\"10%\"}}");
  }

  private static byte[] envelope(String apiVersion, String kind, byte[] raw, String encoding) {
    byte[] typeMeta = concat(field(1, apiVersion.getBytes()), field(2, kind.getBytes()));
    return concat(new byte[] { 'k', '8', 's', 0 }, field(1, typeMeta), field(2, raw), field(3, encoding.getBytes()),
        field(4, new byte[0]));
  }

  private static byte[] field(int number, byte[] bytes) {
    return concat(rawVarint((number << 3) | 2), rawVarint(bytes.length), bytes);
  }

  private static byte[] rawVarint(long value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** The Go JSON without its nulls (an unset {@code creationTimestamp}, a nil slice without omitempty). */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().isNull()) {
          nulls.add(entry.getKey());
        } else {
          withoutNulls(entry.getValue());
        }
      }
      object.remove(nulls);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ProtobufObjectsTest::withoutNulls);
    }
    return node;
  }

  static byte[] bytes(String resource) throws IOException {
    try (InputStream in = ProtobufObjectsTest.class.getResourceAsStream("/protobuf/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }
}
