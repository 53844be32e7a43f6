package io.cybershield.shield.api.crd;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code x-kubernetes-validations} rule of the generated CRDs compiles, twice: with {@code self} of type dyn
 * (what any CEL environment accepts), and with {@code self} typed from the schema the way the API server types it,
 * so that a misspelt field name or a comparison of mismatched types fails the build rather than the
 * {@code kubectl apply} of the CRD.
 */
class CelRulesCompileTest {

  static List<SchemaNodes.Rule> rules() {
    return SchemaNodes.rules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void compilesWithDynamicSelf(SchemaNodes.Rule rule) throws CelValidationException {
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("self", SimpleType.DYN)
        .addVar("oldSelf", SimpleType.DYN)
        .build();

    CelAbstractSyntaxTree ast = cel.compile(rule.rule().getRule()).getAst();

    assertThat(ast.getResultType()).isIn(SimpleType.BOOL, SimpleType.DYN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void compilesWithSelfTypedFromTheSchema(SchemaNodes.Rule rule) throws CelValidationException {
    SchemaTypes types = new SchemaTypes();
    CelType self = types.typeOf(rule.node().kind() + (rule.node().path().isEmpty() ? "" : "." + rule.node().path()),
        rule.node().schema(), rule.node().path().isEmpty());
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types)
        .addVar("self", self)
        .addVar("oldSelf", self)
        .build();

    var result = cel.compile(rule.rule().getRule());

    assertThat(result.hasError()).as("CEL errors:%n%s", result.getErrorString()).isFalse();
    assertThat(result.getAst().getResultType()).as("result type").isEqualTo(SimpleType.BOOL);
    assertThat(rule.rule().getMessage()).as("every rule explains itself with a message").isNotBlank();
  }

  @Test
  void typedCompilationCatchesMisspeltFields() {
    SchemaTypes types = new SchemaTypes();
    CelType spec = types.typeOf("ShieldModel.spec", SchemaNodes.at("ShieldModel", "spec"), false);
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types)
        .addVar("self", spec)
        .build();

    assertThat(cel.compile("self.placement.privateCloud.maxReplicas >= 0").hasError()).isFalse();
    assertThat(cel.compile("self.placement.privateCloud.maxReplica >= 0").getErrorString())
        .contains("undefined field 'maxReplica'");
    assertThat(cel.compile("self.dataClassification == 1").hasError()).isTrue();
  }

  @Test
  void typedCompilationSeesReservedWordsEscaped() {
    SchemaTypes types = new SchemaTypes();
    CelType subject = types.typeOf("ShieldModel.spec.access.roles._items.subjects._items",
        SchemaNodes.at("ShieldModel", "spec.access.roles[*].subjects[*]"), false);
    Cel cel = CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(types)
        .addVar("self", subject)
        .build();

    assertThat(cel.compile("has(self.__namespace__)").hasError()).isFalse();
    assertThat(cel.compile("has(self.namespace)").hasError()).isTrue();
  }

  /** CEL types of schema nodes, as the API server derives them: objects with properties are structs. */
  static final class SchemaTypes implements CelTypeProvider {

    private final Map<String, CelType> structs = new LinkedHashMap<>();

    CelType typeOf(String name, JSONSchemaProps schema, boolean root) {
      if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
        return SimpleType.DYN;
      }
      String type = schema.getType() == null ? "" : schema.getType();
      switch (type) {
        case "string":
          return SimpleType.STRING;
        case "integer":
          return SimpleType.INT;
        case "number":
          return SimpleType.DOUBLE;
        case "boolean":
          return SimpleType.BOOL;
        case "array":
          return ListType.create(typeOf(name + "._items", schema.getItems().getSchema(), false));
        case "object":
          if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
            return MapType.create(SimpleType.STRING,
                typeOf(name + "._values", schema.getAdditionalProperties().getSchema(), false));
          }
          if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return SimpleType.DYN;
          }
          return struct(name, schema, root);
        default:
          return SimpleType.DYN;
      }
    }

    private CelType struct(String name, JSONSchemaProps schema, boolean root) {
      Map<String, CelType> fields = new HashMap<>();
      schema.getProperties().forEach((field, fieldSchema) -> CelNames.escape(field).ifPresent(celName ->
          fields.put(celName, typeOf(name + "." + field, fieldSchema, false))));
      if (root) {
        // the API server exposes apiVersion, kind, metadata.name and metadata.generateName to root rules
        fields.put("apiVersion", SimpleType.STRING);
        fields.put("kind", SimpleType.STRING);
        Map<String, CelType> metadata = Map.of("name", SimpleType.STRING, "generateName", SimpleType.STRING);
        StructType metadataType = StructType.create(name + ".metadata", ImmutableSet.copyOf(metadata.keySet()),
            field -> Optional.ofNullable(metadata.get(field)));
        structs.put(metadataType.name(), metadataType);
        fields.put("metadata", metadataType);
      }
      StructType struct = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
          field -> Optional.ofNullable(fields.get(field)));
      structs.put(name, struct);
      return struct;
    }

    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(structs.get(typeName));
    }
  }
}
