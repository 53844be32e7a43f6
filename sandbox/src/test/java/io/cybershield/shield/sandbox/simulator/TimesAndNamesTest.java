package io.cybershield.shield.sandbox.simulator;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesAndNamesTest {

  @Test
  void goDurations() {
    assertThat(Times.parseGoDuration("1s")).isEqualTo(Duration.ofSeconds(1));
    assertThat(Times.parseGoDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Times.parseGoDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Times.parseGoDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Times.parseGoDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Times.parseGoDuration("3")).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> Times.parseGoDuration("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Times.parseGoDuration("1x")).isInstanceOf(IllegalArgumentException.class);
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
