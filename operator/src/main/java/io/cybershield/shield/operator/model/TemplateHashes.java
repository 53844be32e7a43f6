package io.cybershield.shield.operator.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cybershield.shield.api.v1alpha1.model.spec.RuntimeSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hashes put on pod templates so that a change of what a pod serves always rolls the pods. */
public final class TemplateHashes {

  /** Canonical JSON: map entries and properties sorted, so that equal specs hash equally whatever their key order. */
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private TemplateHashes() {
  }

  /** Hash of the weights (uri and version) and the runtime settings: 32 hex digits of a SHA-256. */
  public static String modelHash(String uri, String version, RuntimeSpec runtime) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("uri", uri);
    identity.put("version", version);
    identity.put("runtime", runtime);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(CANONICAL.writeValueAsString(identity).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the model settings", e);
    }
  }
}
