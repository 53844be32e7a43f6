package io.cybershield.shield.operator.model;

import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/** The restricted Pod Security Standard at container level, with a read-only root filesystem: every Shield container. */
public final class RestrictedSecurity {

  private RestrictedSecurity() {
  }

  /** Non-root, no privilege escalation, all capabilities dropped, seccomp RuntimeDefault, read-only root. */
  public static SecurityContext container() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }
}
