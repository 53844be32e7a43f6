package io.cybershield.shield.api.crd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.api.v1alpha1.model.spec.Quantization;
import io.cybershield.shield.api.v1alpha1.model.spec.SubjectKind;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The valid fixtures (the API's worked examples among them) read into the Java types and back, losing nothing. */
class RoundTripTest {

  /** Numbers compare by value: the YAML says 0.90 and 2, Java writes 0.9 and 2 as whatever type it holds. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  static Stream<Path> valid() throws IOException, URISyntaxException {
    return FixturesTest.valid();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void readsAndWritesEveryField(Path fixture) throws IOException {
    ObjectNode original = FixturesTest.read(fixture);
    Class<? extends HasMetadata> type = ShieldCrds.TYPES.get(original.at("/kind").asText());
    String yaml = Files.readString(fixture);

    HasMetadata resource = strictMapper().treeToValue(original, type);
    HasMetadata viaFabric8 = Serialization.unmarshal(yaml, type);
    JsonNode written = Serialization.jsonMapper().valueToTree(resource);

    assertThat(viaFabric8).isEqualTo(resource);
    assertThat(written.equals(BY_VALUE, original))
        .as("written back:%n%s%noriginal:%n%s", written.toPrettyString(), original.toPrettyString())
        .isTrue();
  }

  @Test
  void designExamplesMapOntoTheTypes() throws IOException {
    ShieldModel model = Serialization.unmarshal(Files.readString(fixture("shieldmodel-threat-intel.yaml")),
        ShieldModel.class);
    assertThat(model.getSpec().dataClassification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(model.getSpec().variants()).hasSize(2);
    assertThat(model.getSpec().variants().get(0).priorities())
        .containsExactly(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL);
    assertThat(model.getSpec().variants().get(1).quantize()).isEqualTo(Quantization.AWQ);
    assertThat(model.getSpec().variants().get(1).gpu().resource()).isEqualTo("nvidia.com/mig-3g.40gb");
    assertThat(model.getSpec().placement().privateCloud().maxReplicas()).isEqualTo(8);
    assertThat(model.getSpec().placement().privateCloud().tolerations().get(0).getEffect())
        .isEqualTo("NoSchedule");
    assertThat(model.getSpec().autoscaling().incidentSurge().floors().critical()).isEqualTo(6);
    assertThat(model.getSpec().access().roles().get(1).apis()).contains(Api.INCIDENTS);
    assertThat(model.getSpec().access().roles().get(1).subjects().get(0).kind())
        .isEqualTo(SubjectKind.SERVICE_ACCOUNT);
    assertThat(model.getSpec().runtime().options()).containsEntry("max_rolling_batch_size", "64");

    ShieldIncident incident = Serialization.unmarshal(Files.readString(fixture("shieldincident-inc-4711.yaml")),
        ShieldIncident.class);
    assertThat(incident.getSpec().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(incident.getSpec().modelSelector().getMatchLabels()).containsEntry("team", "soc");

    ShieldRetrain retrain = Serialization.unmarshal(
        Files.readString(fixture("shieldretrain-threat-intel-biannual.yaml")), ShieldRetrain.class);
    assertThat(retrain.getSpec().schedule()).isEqualTo("0 2 1 1,7 *");
    assertThat(retrain.getSpec().validation().thresholds().precision()).isEqualTo(0.90);
    assertThat(retrain.getSpec().promotion().policy()).isEqualTo(PromotionPolicy.AUTOMATIC);
    assertThat(retrain.getSpec().trainer().datasets().get(0).classification())
        .isEqualTo(DataClassification.RESTRICTED);
    assertThat(retrain.getSpec().trainer().hyperparameters()).containsEntry("learningRate", "2e-5");
  }

  @Test
  void unknownFieldsAreRefused() {
    ObjectNode model = Serialization.jsonMapper().createObjectNode();
    model.put("apiVersion", "shield.cybershield.io/v1alpha1").put("kind", "ShieldModel");
    model.putObject("spec").put("dataClasification", "restricted");

    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> strictMapper().treeToValue(model, ShieldModel.class)))
        .hasMessageContaining("dataClasification");
  }

  private static ObjectMapper strictMapper() {
    return Serialization.jsonMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static Path fixture(String name) throws IOException {
    try {
      return valid().filter(p -> p.getFileName().toString().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no fixture " + name));
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
