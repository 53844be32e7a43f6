package io.cybershield.shield.deploy.chart;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The restricted-profile checker itself: it must fail the pods Pod Security admission refuses. */
class RestrictedPodSecurityTest {

  @Test
  void aPodWithNoSecurityContextFailsEveryRestrictedCheck() {
    PodSpec pod = new PodSpecBuilder().addNewContainer().withName("app").withImage("app").endContainer().build();

    assertThat(RestrictedPodSecurity.violations(pod)).containsExactly(
        "container app: allowPrivilegeEscalation must be false",
        "container app: runAsNonRoot must be true (on the container or the pod)",
        "container app: seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod)",
        "container app: capabilities.drop must contain ALL");
  }

  @Test
  void baselineViolationsAreFound() {
    PodSpec pod = new PodSpecBuilder().withHostNetwork(true)
        .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(0L).withNewSeccompProfile()
        .withType("Unconfined").endSeccompProfile().endSecurityContext()
        .addNewVolume().withName("host").withNewHostPath().withPath("/").endHostPath().endVolume()
        .addNewContainer().withName("app").withNewSecurityContext().withPrivileged(true)
        .withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL").addToAdd("SYS_ADMIN")
        .endCapabilities().endSecurityContext().addNewPort().withContainerPort(80).withHostPort(80).endPort()
        .endContainer().build();

    assertThat(RestrictedPodSecurity.violations(pod)).containsExactly(
        "host namespaces: hostNetwork, hostPID and hostIPC must be unset or false",
        "volume host: type hostPath is not allowed",
        "pod: runAsUser must not be 0",
        "pod: seccompProfile.type must be RuntimeDefault or Localhost",
        "container app: privileged must not be true",
        "container app: hostPort 80 is not allowed",
        "container app: seccompProfile.type must be RuntimeDefault or Localhost (on the container or the pod)",
        "container app: capability SYS_ADMIN must not be added");
  }

  @Test
  void aRestrictedPodPasses() {
    PodSpec pod = new PodSpecBuilder()
        .withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault")
        .endSeccompProfile().endSecurityContext()
        .addNewContainer().withName("app").withNewSecurityContext().withAllowPrivilegeEscalation(false)
        .withNewCapabilities().addToDrop("ALL").addToAdd("NET_BIND_SERVICE").endCapabilities().endSecurityContext()
        .endContainer().build();

    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
  }
}
