package io.cybershield.shield.sandbox.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether the kubectl tests run, skip, or fail the build. */
class KubectlTest {

  @Test
  void withKubectlTheTestsRunOnCiAndElsewhere() {
    assertThat(Kubectl.shouldRun("true", true)).isTrue();
    assertThat(Kubectl.shouldRun(null, true)).isTrue();
  }

  @Test
  void withoutKubectlOutsideCiTheTestsAreSkipped() {
    assertThat(Kubectl.shouldRun(null, false)).isFalse();
    assertThat(Kubectl.shouldRun("", false)).isFalse();
    assertThat(Kubectl.shouldRun("false", false)).isFalse();
  }

  @Test
  void withoutKubectlOnCiTheBuildFails() {
    assertThatThrownBy(() -> Kubectl.shouldRun("true", false)).isInstanceOf(AssertionError.class)
        .hasMessage("kubectl is not on the PATH, and CI=true: the tests that run the real kubectl must not be "
            + "skipped on CI. Install kubectl (a 1.30 to 1.34 client) on the build machine.");
    assertThatThrownBy(() -> Kubectl.shouldRun("TRUE", false)).isInstanceOf(AssertionError.class);
  }
}
