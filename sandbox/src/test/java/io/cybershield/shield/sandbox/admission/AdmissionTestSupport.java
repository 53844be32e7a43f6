package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.List;

final class AdmissionTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();

  private AdmissionTestSupport() {}

  static ObjectNode yamlResource(String name) {
    try (InputStream in = AdmissionTestSupport.class.getResourceAsStream("/admission/" + name)) {
      return (ObjectNode) YAML.readTree(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static CrdAdmission compile(String name) {
    try {
      return CrdAdmission.compile(yamlResource(name));
    } catch (CrdInvalidException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A ShieldModel with the given spec (JSON text). */
  static ObjectNode model(String name, String specJson) {
    try {
      ObjectNode o = (ObjectNode) JSON.readTree("{\"apiVersion\":\"example.com/v1\",\"kind\":\"ShieldModel\","
          + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\"},\"spec\":" + specJson + "}");
      return o;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> rendered(AdmissionResult r) {
    return r.errors().stream().map(FieldError::render).toList();
  }
}
