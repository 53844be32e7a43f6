package io.cybershield.shield.sandbox.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchersTest {

  @Test
  void imageRepositoriesLoseTagAndDigestButKeepARegistryPort() {
    assertThat(Launcher.repository("deepjavalibrary/djl-serving:0.36.0-lmi")).isEqualTo("deepjavalibrary/djl-serving");
    assertThat(Launcher.repository("ghcr.io/cybershield/shield-inference-runtime:0.1.0@sha256:abc"))
        .isEqualTo("ghcr.io/cybershield/shield-inference-runtime");
    assertThat(Launcher.repository("localhost:5000/djl-serving")).isEqualTo("localhost:5000/djl-serving");
    assertThat(Launcher.repository("busybox")).isEqualTo("busybox");
  }

  @Test
  void djlServingIsAnyImageWhoseRepositoryNamesIt() {
    DjlServingLauncher djl = new DjlServingLauncher();
    assertThat(djl.handles("deepjavalibrary/djl-serving:0.36.0-lmi")).isTrue();
    assertThat(djl.handles("registry.example.com/mirror/djl-serving:0.30.0")).isTrue();
    assertThat(djl.handles("ghcr.io/cybershield/shield-inference-runtime:0.1.0")).isFalse();
    assertThat(djl.handles("example.com/tools:djl-serving")).as("a tag is not the repository").isFalse();
  }

  @Test
  void theGatewayRunsItsJarWhenItExistsAndSaysHowToBuildItWhenNot(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path jar = dir.resolve("quarkus-run.jar");
    RuntimeConfig config = RuntimeConfig.standard(jar);
    Launcher gateway = config.launcherFor("ghcr.io/cybershield/shield-inference-runtime:0.2.0");
    assertThat(gateway).isInstanceOf(JavaProcessLauncher.class);
    assertThat(gateway.unavailable()).isEqualTo("containers of ghcr.io/cybershield/shield-inference-runtime are "
        + "only simulated: " + jar + " does not exist; build it with mvn -pl inference-runtime -am package "
        + "-DskipTests");
    Files.writeString(jar, "");
    assertThat(gateway.unavailable()).isNull();
    assertThat(config.launcherFor("deepjavalibrary/djl-serving:0.36.0-lmi")).isInstanceOf(DjlServingLauncher.class);
    assertThat(config.launcherFor("example.com/other:1")).isNull();
    assertThat(RuntimeConfig.disabled().enabled()).isFalse();
  }

  @Test
  void downwardApiFieldsComeFromThePod() {
    Pod pod = new PodBuilder().withNewMetadata().withName("gw-1").withNamespace("soc").withUid("u-1")
        .addToLabels("app", "gw").endMetadata()
        .withNewSpec().withNodeName("system-1").endSpec()
        .withNewStatus().withPodIP("127.244.0.9").withHostIP("10.10.0.5").endStatus().build();

    assertThat(ContainerEnvironment.field(pod, "metadata.name")).isEqualTo("gw-1");
    assertThat(ContainerEnvironment.field(pod, "metadata.namespace")).isEqualTo("soc");
    assertThat(ContainerEnvironment.field(pod, "metadata.uid")).isEqualTo("u-1");
    assertThat(ContainerEnvironment.field(pod, "metadata.labels['app']")).isEqualTo("gw");
    assertThat(ContainerEnvironment.field(pod, "spec.nodeName")).isEqualTo("system-1");
    assertThat(ContainerEnvironment.field(pod, "spec.serviceAccountName")).isEqualTo("default");
    assertThat(ContainerEnvironment.field(pod, "status.podIP")).isEqualTo("127.244.0.9");
    assertThat(ContainerEnvironment.field(pod, "status.hostIP")).isEqualTo("10.10.0.5");
    assertThat(ContainerEnvironment.field(pod, "status.podIPs")).isNull();
  }

  @Test
  void referencesToEarlierVariablesAreExpandedAndDoubleDollarEscapes() {
    Map<String, String> defined = new LinkedHashMap<>();
    defined.put("MODEL", "threat-intel");
    assertThat(ContainerEnvironment.expand("m=$(MODEL) u=$(UNDEFINED) lit=$$(MODEL)", defined))
        .isEqualTo("m=threat-intel u=$(UNDEFINED) lit=$(MODEL)");
  }
}
