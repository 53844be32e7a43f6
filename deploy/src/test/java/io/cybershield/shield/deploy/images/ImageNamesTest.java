package io.cybershield.shield.deploy.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cybershield.shield.sandbox.testing.Helm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images the build makes (Jib, {@code -Pimages}: the quarkus.container-image.* keys of each application's
 * application.properties) are the images the Helm chart installs by default, and the gateway image the operator
 * deploys when nothing overrides it. A rename on one side only would install an image nobody builds.
 */
class ImageNamesTest {

  private static final Path ROOT = Helm.projectRoot();
  private static final Path CHART = ROOT.resolve("helm/shield-operator");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void quarkusBuildsTheContractsImageNames() throws IOException {
    assertThat(quarkusImage("operator")).isEqualTo("ghcr.io/cybershield/shield-operator:0.1.0");
    assertThat(quarkusImage("inference-runtime")).isEqualTo("ghcr.io/cybershield/shield-inference-runtime:0.1.0");
  }

  @Test
  void operatorsDefaultGatewayImageIsTheBuiltGatewayImage() throws IOException {
    // read from the source: the deploy module does not depend on the operator
    String source = Files.readString(ROOT.resolve(
        "operator/src/main/java/io/cybershield/shield/operator/model/ModelGateway.java"), StandardCharsets.UTF_8);
    Matcher matcher = Pattern.compile("DEFAULT_IMAGE\\s*=\\s*\"([^\"]+)\"").matcher(source);
    assertThat(matcher.find()).as("ModelGateway.Settings.DEFAULT_IMAGE not found").isTrue();
    assertThat(matcher.group(1)).isEqualTo(quarkusImage("inference-runtime"));
  }

  @Test
  void chartDefaultsNameTheBuiltImages() throws IOException {
    Path chartFile = CHART.resolve("Chart.yaml");
    Path valuesFile = CHART.resolve("values.yaml");
    assumeTrue(Files.isRegularFile(chartFile) && Files.isRegularFile(valuesFile),
        "helm/shield-operator/Chart.yaml or values.yaml does not exist yet (the chart's templates and values come "
            + "with the chart's own change); nothing to compare the image names with");
    JsonNode chart = YAML.readTree(chartFile.toFile());
    JsonNode values = YAML.readTree(valuesFile.toFile());
    String appVersion = chart.path("appVersion").asText();
    assertThat(appVersion).as("Chart.yaml appVersion").isEqualTo("0.1.0");

    assertThat(chartImage(values.path("image"), appVersion)).as("values.yaml image.*")
        .isEqualTo(quarkusImage("operator"));
    assertThat(chartImage(values.path("gateway").path("image"), appVersion)).as("values.yaml gateway.image.*")
        .isEqualTo(quarkusImage("inference-runtime"));
  }

  /** registry/repository:tag, the tag defaulting to the chart's appVersion as the templates default it. */
  private static String chartImage(JsonNode image, String appVersion) {
    String tag = image.path("tag").asText("");
    return image.path("registry").asText() + "/" + image.path("repository").asText() + ":"
        + (tag.isEmpty() ? appVersion : tag);
  }

  /** The image Quarkus names from quarkus.container-image.registry, group, name and tag. */
  private static String quarkusImage(String module) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(ROOT.resolve(module).resolve(
        "src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties.getProperty("quarkus.container-image.registry") + "/"
        + properties.getProperty("quarkus.container-image.group") + "/"
        + properties.getProperty("quarkus.container-image.name") + ":"
        + properties.getProperty("quarkus.container-image.tag");
  }
}
