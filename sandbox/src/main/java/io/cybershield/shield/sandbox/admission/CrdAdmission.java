package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled admission for one CRD ({@code apiextensions.k8s.io/v1} JSON). Thread-safe and immutable; build it once per
 * CRD write with {@link #compile(ObjectNode)}.
 */
public final class CrdAdmission {
  private static final String BLOCKED_CEL_MSG = "some validation rules were not checked because the object was invalid; "
      + "correct the existing errors to complete validation";

  private record VersionAdmission(JsonNode schema, OpenApiValidator validator, CelRules rules) {}

  private final String kind;
  private final String group;
  private final Map<String, VersionAdmission> versions;

  private CrdAdmission(String kind, String group, Map<String, VersionAdmission> versions) {
    this.kind = kind;
    this.group = group;
    this.versions = versions;
  }

  /**
   * Compiles schemas and CEL rules of every version.
   *
   * @throws CrdInvalidException with the field errors a real server would return for the CRD write (422), e.g. a CEL
   *     rule that does not compile
   */
  public static CrdAdmission compile(ObjectNode crd) throws CrdInvalidException {
    JsonNode spec = crd.path("spec");
    JsonNode vs = spec.path("versions");
    List<FieldError> errs = new ArrayList<>();
    // the internal API hoists a schema shared by all versions to spec.validation
    boolean shared = true;
    JsonNode first = vs.size() > 0 ? vs.get(0).path("schema").path("openAPIV3Schema") : null;
    for (JsonNode v : vs) shared &= v.path("schema").path("openAPIV3Schema").equals(first);
    Map<String, VersionAdmission> versions = new LinkedHashMap<>();
    for (int i = 0; i < vs.size(); i++) {
      JsonNode v = vs.get(i);
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      if (!schema.isObject()) schema = JsonNodeFactory.instance.objectNode().put("type", "object")
          .put("x-kubernetes-preserve-unknown-fields", true);
      String crdPath = shared ? "spec.validation.openAPIV3Schema" : "spec.versions[" + i + "].schema.openAPIV3Schema";
      CelRules rules = CelRules.compile(schema, crdPath, errs);
      OpenApiValidator validator;
      try {
        validator = new OpenApiValidator(schema);
      } catch (RuntimeException e) {
        errs.add(FieldError.invalidRaw(crdPath, "\"object\"", "invalid schema: " + e.getMessage()));
        continue;
      }
      versions.put(v.path("name").asText(), new VersionAdmission(schema, validator, rules));
    }
    if (!errs.isEmpty()) throw new CrdInvalidException(dedupe(errs));
    return new CrdAdmission(spec.path("names").path("kind").asText(), spec.path("group").asText(), versions);
  }

  private static List<FieldError> dedupe(List<FieldError> errs) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(errs));
  }

  public String kind() {
    return kind;
  }

  public String group() {
    return group;
  }

  public Set<String> versions() {
    return versions.keySet();
  }

  private VersionAdmission version(String version) {
    VersionAdmission va = versions.get(version);
    if (va == null) throw new IllegalArgumentException("version " + version + " is not served by " + kind + "." + group);
    return va;
  }

  /**
   * Decode-time steps of a create/update/patch/apply of the resource or its {@code /status}, in the real server's
   * order: prune unknown fields (of metadata first, then of the rest), default, prune non-nullable nulls, then validate metadata.name, the OpenAPI schema,
   * embedded resources and list-type invariants, then CEL rules (skipped with an extra {@code <nil>} cause when a
   * blocking schema error exists), transition rules against {@code oldObjectOrNull}. Status writes are validated
   * against the whole schema as the real server does.
   *
   * @param statusSubresource true for writes to {@code /status}; validation is the same whole-object validation
   */
  public AdmissionResult admit(String version, ObjectNode object, ObjectNode oldObjectOrNull, boolean statusSubresource) {
    VersionAdmission va = version(version);
    ObjectNode obj = object.deepCopy();
    List<String> unknown = new ArrayList<>();
    ObjectMetaPruning.prune(obj, "", unknown);
    Structural.prune(obj, va.schema(), "", true, unknown);
    Structural.applyDefaults(obj, va.schema());
    Structural.pruneNulls(obj, va.schema());

    List<FieldError> errs = new ArrayList<>();
    Structural.validateMetadataName(obj, errs);
    errs.addAll(va.validator().validate(obj));
    Structural.validateStructural(obj, va.schema(), "", errs);
    if (!va.rules().isEmpty()) {
      if (errs.stream().anyMatch(FieldError::blocking)) {
        errs.add(FieldError.invalid(FieldError.NIL_FIELD, "null", BLOCKED_CEL_MSG));
      } else {
        JsonNode old = null;
        if (oldObjectOrNull != null) {
          ObjectNode o = oldObjectOrNull.deepCopy();
          Structural.prune(o, va.schema(), "", true, new ArrayList<>());
          Structural.applyDefaults(o, va.schema());
          Structural.pruneNulls(o, va.schema());
          old = o;
        }
        errs.addAll(va.rules().validate(va.schema(), obj, old));
      }
    }
    return new AdmissionResult(obj, unknown, errs);
  }

  /** Read-path coercion: prunes unknown fields and applies defaults to a copy; never written back. */
  public ObjectNode defaultOnRead(String version, ObjectNode stored) {
    VersionAdmission va = version(version);
    ObjectNode obj = stored.deepCopy();
    ObjectMetaPruning.prune(obj, "", new ArrayList<>());
    Structural.prune(obj, va.schema(), "", true, new ArrayList<>());
    Structural.applyDefaults(obj, va.schema());
    Structural.pruneNulls(obj, va.schema());
    return obj;
  }
}
