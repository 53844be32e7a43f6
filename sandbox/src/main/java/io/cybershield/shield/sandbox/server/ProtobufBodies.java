package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few protobuf request bodies the sandbox decodes: since client-go 1.32 typed clients send protobuf, and
 * {@code kubectl create token} posts its TokenRequest that way. A body is the {@code k8s\0} magic and a
 * {@code runtime.Unknown} envelope (typeMeta = 1, raw = 2) around the object's message; this reads the fields the
 * token APIs use (from {@code k8s.io/api/authentication/v1/generated.proto}) into the JSON the rest of the server
 * reads. The other bodies typed clients send ({@code kubectl create <kind>}, the self-subject reviews, DeleteOptions)
 * are read by {@link ProtobufObjects}.
 */
final class ProtobufBodies {

  static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = { 'k', '8', 's', 0 };
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ProtobufBodies() {
  }

  static boolean isProtobuf(String contentType) {
    return contentType != null && contentType.split(";")[0].trim().equals(MEDIA_TYPE);
  }

  /** A TokenRequest: metadata (1: name 1, namespace 3), spec (2: audiences 1, expirationSeconds 4, boundObjectRef 3). */
  static ObjectNode tokenRequest(byte[] body) {
    Envelope envelope = envelope(body, "TokenRequest");
    ObjectNode out = JSON.objectNode();
    out.put("kind", "TokenRequest");
    out.put("apiVersion", envelope.apiVersion().isEmpty() ? ServiceAccountTokens.API_VERSION : envelope.apiVersion());
    ObjectNode meta = out.putObject("metadata");
    ObjectNode spec = out.putObject("spec");
    for (Field field : fields(envelope.raw())) {
      if (field.number() == 1 && field.bytes() != null) {
        metadata(field.bytes(), meta);
      } else if (field.number() == 2 && field.bytes() != null) {
        ArrayNode audiences = JSON.arrayNode();
        for (Field specField : fields(field.bytes())) {
          switch (specField.number()) {
            case 1 -> audiences.add(specField.string());
            case 4 -> spec.put("expirationSeconds", specField.varint());
            case 3 -> {
              if (specField.bytes() != null) {
                ObjectNode ref = spec.putObject("boundObjectRef");
                for (Field refField : fields(specField.bytes())) {
                  String name = switch (refField.number()) {
                    case 1 -> "kind";
                    case 2 -> "apiVersion";
                    case 3 -> "name";
                    case 4 -> "uid";
                    default -> null;
                  };
                  if (name != null && refField.bytes() != null) {
                    ref.put(name, refField.string());
                  }
                }
              }
            }
            default -> {
            }
          }
        }
        if (!audiences.isEmpty()) {
          spec.set("audiences", audiences);
        }
      }
    }
    return out;
  }

  /** A TokenReview: metadata (1), spec (2: token 1, audiences 2). */
  static ObjectNode tokenReview(byte[] body) {
    Envelope envelope = envelope(body, "TokenReview");
    ObjectNode out = JSON.objectNode();
    out.put("kind", "TokenReview");
    out.put("apiVersion", envelope.apiVersion().isEmpty() ? ServiceAccountTokens.API_VERSION : envelope.apiVersion());
    ObjectNode meta = out.putObject("metadata");
    ObjectNode spec = out.putObject("spec");
    for (Field field : fields(envelope.raw())) {
      if (field.number() == 1 && field.bytes() != null) {
        metadata(field.bytes(), meta);
      } else if (field.number() == 2 && field.bytes() != null) {
        ArrayNode audiences = JSON.arrayNode();
        for (Field specField : fields(field.bytes())) {
          if (specField.number() == 1 && specField.bytes() != null) {
            spec.put("token", specField.string());
          } else if (specField.number() == 2 && specField.bytes() != null) {
            audiences.add(specField.string());
          }
        }
        if (!audiences.isEmpty()) {
          spec.set("audiences", audiences);
        }
      }
    }
    return out;
  }

  private static void metadata(byte[] bytes, ObjectNode meta) {
    for (Field field : fields(bytes)) {
      if (field.bytes() == null) {
        continue;
      }
      if (field.number() == 1) {
        meta.put("name", field.string());
      } else if (field.number() == 3) {
        meta.put("namespace", field.string());
      }
    }
  }

  private record Envelope(String apiVersion, String kind, byte[] raw) {
  }

  private static Envelope envelope(byte[] body, String expectedKind) {
    if (body == null || body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw Statuses.badRequest("provided object is not a protobuf " + expectedKind + ": the k8s prefix is missing");
    }
    byte[] unknown = Arrays.copyOfRange(body, MAGIC.length, body.length);
    String apiVersion = "";
    String kind = "";
    byte[] raw = new byte[0];
    for (Field field : fields(unknown)) {
      if (field.number() == 1 && field.bytes() != null) {
        for (Field typeField : fields(field.bytes())) {
          if (typeField.number() == 1 && typeField.bytes() != null) {
            apiVersion = typeField.string();
          } else if (typeField.number() == 2 && typeField.bytes() != null) {
            kind = typeField.string();
          }
        }
      } else if (field.number() == 2 && field.bytes() != null) {
        raw = field.bytes();
      }
    }
    if (!kind.isEmpty() && !kind.equals(expectedKind)) {
      throw Statuses.badRequest("not a " + expectedKind + ": " + kind);
    }
    return new Envelope(apiVersion, kind, raw);
  }

  /** One field of a message: a varint, or length-delimited bytes. */
  private record Field(int number, long varint, byte[] bytes) {
    String string() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static List<Field> fields(byte[] message) {
    List<Field> fields = new ArrayList<>();
    int[] at = { 0 };
    try {
      while (at[0] < message.length) {
        long key = varint(message, at);
        int number = (int) (key >>> 3);
        int wireType = (int) (key & 7);
        switch (wireType) {
          case 0 -> fields.add(new Field(number, varint(message, at), null));
          case 1 -> at[0] += 8;
          case 2 -> {
            int length = (int) varint(message, at);
            if (length < 0 || at[0] + length > message.length) {
              throw new ArrayIndexOutOfBoundsException();
            }
            fields.add(new Field(number, 0, Arrays.copyOfRange(message, at[0], at[0] + length)));
            at[0] += length;
          }
          case 5 -> at[0] += 4;
          default -> throw new ArrayIndexOutOfBoundsException();
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: malformed protobuf");
    }
    return fields;
  }

  private static long varint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ArrayIndexOutOfBoundsException();
  }
}
