package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesAndNamesTest {

  /** Go's grammar itself is the API's parser's, tested with it; the sandbox adds only bare seconds and leniency. */
  @Test
  void environmentDurationsAreGoDurationsOrBareSeconds() {
    assertThat(Times.environmentDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Times.environmentDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Times.environmentDuration("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(Times.environmentDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Times.environmentDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(Times.environmentDuration(" 2S ")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> Times.environmentDuration("soon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: invalid duration \"soon\"");
    assertThatThrownBy(() -> Times.environmentDuration("1x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: unknown unit \"x\" in duration \"1x\"");
    assertThatThrownBy(() -> Times.environmentDuration("1.")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time: missing unit in duration \"1.\"");
  }

  @Test
  void jobScriptFromEnvironment() {
    var c = new ContainerBuilder().withName("w").withImage("sandbox.local/job:1")
        .addNewEnv().withName("SANDBOX_DURATION").withValue("250ms").endEnv()
        .addNewEnv().withName("SANDBOX_EXIT_CODE").withValue("3").endEnv()
        .addNewEnv().withName("SANDBOX_TERMINATION_MESSAGE").withValue("{\"precision\":0.5}").endEnv()
        .build();
    KubeletController.JobScript s = KubeletController.JobScript.of(c, Duration.ofSeconds(1));
    assertThat(s.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.exitCode()).isEqualTo(3);
    assertThat(s.message()).isEqualTo("{\"precision\":0.5}");
    assertThat(KubeletController.isJobContainer(c)).isTrue();
    var defaults = KubeletController.JobScript.of(new ContainerBuilder().withName("w").withImage("x").build(),
        Duration.ofSeconds(1));
    assertThat(defaults).isEqualTo(new KubeletController.JobScript(Duration.ofSeconds(1), 0, ""));
  }

  @Test
  void templateHashIsStableAndSafe() {
    var t1 = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "a").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("i:1").endContainer().endSpec().build();
    var t2 = new PodTemplateSpecBuilder(t1).build();
    String h = Names.templateHash(t1, null);
    assertThat(h).isEqualTo(Names.templateHash(t2, null)).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
    t2.getSpec().getContainers().get(0).setImage("i:2");
    assertThat(Names.templateHash(t2, null)).isNotEqualTo(h);
    assertThat(Names.templateHash(t1, 1)).isNotEqualTo(h);
    assertThat(Names.withRandomSuffix("job")).matches("job-[bcdfghjklmnpqrstvwxz2456789]{5}");
  }

  @Test
  void imageIdsLookLikeRegistryDigests() {
    assertThat(KubeletController.imageId("nginx:1.27")).startsWith("docker.io/library/nginx@sha256:");
    assertThat(KubeletController.imageId("deepjavalibrary/djl-serving:0.36.0-lmi"))
        .startsWith("docker.io/deepjavalibrary/djl-serving@sha256:");
    assertThat(KubeletController.imageId("registry.example/shield/trainer:1.4"))
        .startsWith("registry.example/shield/trainer@sha256:");
  }

  @Test
  void rollingUpdateParameters() {
    assertThat(DeploymentController.resolve(null, 4, true)).isEqualTo(1);
    assertThat(DeploymentController.resolve(null, 2, true)).isEqualTo(1);
    assertThat(DeploymentController.resolve(null, 2, false)).isZero();
    assertThat(DeploymentController.resolve(new io.fabric8.kubernetes.api.model.IntOrString(3), 10, true))
        .isEqualTo(3);
    assertThat(DeploymentController.resolve(new io.fabric8.kubernetes.api.model.IntOrString("50%"), 3, false))
        .isEqualTo(1);
  }
}
