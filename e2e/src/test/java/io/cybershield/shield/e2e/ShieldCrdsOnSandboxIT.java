package io.cybershield.shield.e2e;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A user's first steps, with the real {@code kubectl} against the sandbox: install the Shield CRDs the Helm chart
 * ships, apply valid objects, and see each invalid one refused with the message of the rule it breaks — the same
 * message a real API server gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShieldCrdsOnSandboxIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path CRDS = ROOT.resolve("helm/shield-operator/crds");
  private static final Path FIXTURES = ROOT.resolve("crds/src/test/resources/fixtures");

  private SandboxCluster cluster;
  private Kubectl kubectl;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Kubectl.requiredOnCi(), "kubectl is not on the PATH");
    cluster = SandboxCluster.start(0);
    kubectl = new Kubectl(cluster.writeKubeconfig(Files.createTempDirectory("e2e").resolve("kubeconfig")));
    String applied = kubectl.ok("apply", "-f", CRDS.toString());
    assertThat(applied).contains("shieldmodels.shield.cybershield.io")
        .contains("shieldincidents.shield.cybershield.io").contains("shieldretrains.shield.cybershield.io");
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyValidFixtureIsAccepted() throws IOException {
    return yamlFiles(FIXTURES.resolve("valid")).stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> {
          Result result = kubectl.run("apply", "-f", file.toString());
          assertThat(result.exitCode()).as(result.toString()).isZero();
          assertThat(result.stdout()).containsAnyOf("created", "configured", "unchanged");
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidFixtureIsRefusedWithItsRulesMessage() throws IOException {
    return yamlFiles(FIXTURES.resolve("invalid")).stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString(), () -> {
          String first = Files.readAllLines(file).get(0);
          assertThat(first).as("first line of " + file).startsWith("# expect: ");
          String expected = first.substring("# expect: ".length()).trim();
          Result result = kubectl.run("apply", "-f", file.toString());
          assertThat(result.exitCode()).as(result.toString()).isNotZero();
          assertThat(result.stderr()).as(result.toString()).contains("is invalid").contains(expected);
        }));
  }

  @Test
  void getShieldListsEveryKindWithPrinterColumns() {
    kubectl.ok("apply", "-f", FIXTURES.resolve("valid").toString());
    String all = kubectl.ok("get", "shield", "-A");
    assertThat(all).contains("shieldmodel.shield.cybershield.io/").contains("shieldincident.shield.cybershield.io/")
        .contains("shieldretrain.shield.cybershield.io/");
    String models = kubectl.ok("get", "shieldmodels", "-A");
    assertThat(models.lines().findFirst().orElseThrow()).contains("READY").contains("AGE");
  }

  @Test
  void explainShowsTheApiDocumentation() {
    Result explain = kubectl.run("explain", "shieldmodel.spec.placement");
    assertThat(explain.exitCode()).as(explain.toString()).isZero();
    assertThat(explain.stdout()).contains("onPrem").contains("privateCloud");
  }
}
