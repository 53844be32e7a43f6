package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixtures the sandbox's admission tests apply: every valid one is admitted, every invalid one is refused with
 * exactly the message its first line promises ({@code # expect: ...}) and nothing else.
 */
class FixturesTest {

  static final String EXPECT = "# expect: ";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Path> valid() throws IOException, URISyntaxException {
    return fixtures("valid");
  }

  static Stream<Path> invalid() throws IOException, URISyntaxException {
    return fixtures("invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validFixtureIsAdmitted(Path fixture) throws IOException {
    ObjectNode object = read(fixture);

    AdmissionCheck.Result result = AdmissionCheck.check(schemaOf(object), object);

    assertThat(result.unknownFields()).as("fields the schema does not know (would be pruned)").isEmpty();
    assertThat(result.errors()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidFixtureIsRefusedWithItsMessage(Path fixture) throws IOException {
    String firstLine = Files.readAllLines(fixture, StandardCharsets.UTF_8).get(0);
    assertThat(firstLine).as("first line of %s", fixture.getFileName()).startsWith(EXPECT);
    String expected = firstLine.substring(EXPECT.length());
    ObjectNode object = read(fixture);

    AdmissionCheck.Result result = AdmissionCheck.check(schemaOf(object), object);

    assertThat(result.unknownFields()).as("fields the schema does not know (would be pruned)").isEmpty();
    List<String> errors = new ArrayList<>(result.errors());
    errors.remove(AdmissionCheck.NOT_CHECKED);
    assertThat(errors).as("exactly one rule fires").hasSize(1);
    assertThat(errors.get(0)).contains(expected);
  }

  @Test
  void fixturesAreInNamespaceDefaultWithUniqueNames() throws IOException, URISyntaxException {
    Set<String> names = new HashSet<>();
    List<Path> all = Stream.concat(valid(), invalid()).toList();
    for (Path fixture : all) {
      ObjectNode object = read(fixture);
      assertThat(object.at("/metadata/namespace").asText()).as("namespace of %s", fixture).isEqualTo("default");
      assertThat(names.add(object.at("/kind").asText() + "/" + object.at("/metadata/name").asText()))
          .as("unique name of %s", fixture).isTrue();
    }
    assertThat(all).hasSizeGreaterThan(40);
  }

  @Test
  void everyCelRuleHasAnInvalidFixture() throws IOException, URISyntaxException {
    List<String> expectations = new ArrayList<>();
    for (Path fixture : invalid().toList()) {
      String kind = read(fixture).at("/kind").asText();
      expectations.add(kind + " " + Files.readAllLines(fixture, StandardCharsets.UTF_8).get(0)
          .substring(EXPECT.length()));
    }

    List<String> uncovered = SchemaNodes.rules().stream()
        .filter(rule -> !rule.rule().getRule().contains("oldSelf")) // transition rules need an update, not a create
        .filter(rule -> expectations.stream().noneMatch(expectation -> covers(expectation, rule)))
        .map(SchemaNodes.Rule::toString)
        .toList();

    assertThat(uncovered).as("CEL rules without an invalid fixture").isEmpty();
  }

  /** Whether an expectation ({@code <kind> <field>: Invalid value: "<type>": <message>}) is the message of a rule. */
  private static boolean covers(String expectation, SchemaNodes.Rule rule) {
    String path = rule.node().path();
    if (rule.rule().getFieldPath() != null) {
      path = path + rule.rule().getFieldPath();
    }
    String field = path.isEmpty() ? "<nil>" : path;
    String prefix = rule.node().kind() + " " + Pattern.quote(field).replace("[*]", "\\E\\[[0-9]+\\]\\Q")
        + Pattern.quote(": Invalid value: \"" + rule.node().schema().getType() + "\": ");
    java.util.regex.Matcher matcher = Pattern.compile("^" + prefix + "(.+)$").matcher(expectation);
    return matcher.matches() && rule.rule().getMessage().startsWith(matcher.group(1));
  }

  static ObjectNode read(Path fixture) throws IOException {
    return (ObjectNode) YAML.readTree(fixture.toFile());
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps schemaOf(ObjectNode object) {
    assertThat(object.at("/apiVersion").asText()).isEqualTo("shield.cybershield.io/v1alpha1");
    return ShieldCrds.schema(object.at("/kind").asText());
  }

  private static Stream<Path> fixtures(String kind) throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(FixturesTest.class.getResource("/fixtures/" + kind)).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }
}
