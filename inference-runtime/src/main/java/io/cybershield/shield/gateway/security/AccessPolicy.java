package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.Access;
import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Subject;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of the model's access roles a principal holds: a User subject by its exact user name, a Group subject by one
 * of the principal's groups, a ServiceAccount subject by the user name Kubernetes gives a service account
 * ({@code system:serviceaccount:<namespace>:<name>}; the routing document always carries the namespace). Names are
 * compared exactly, as RBAC does. Pure.
 */
public final class AccessPolicy {

  private AccessPolicy() {
  }

  /** The roles of {@code access} that {@code principal} holds; none when there is no access document. */
  public static Grant grant(Access access, Principal principal) {
    if (access == null || access.roles() == null) {
      return new Grant(List.of());
    }
    List<AccessRole> held = new ArrayList<>();
    for (AccessRole role : access.roles()) {
      if (role.subjects() != null && role.subjects().stream().anyMatch(subject -> holds(subject, principal))) {
        held.add(role);
      }
    }
    return new Grant(held);
  }

  static boolean holds(Subject subject, Principal principal) {
    if (subject == null || subject.kind() == null || subject.name() == null) {
      return false;
    }
    return switch (subject.kind()) {
      case USER -> subject.name().equals(principal.name());
      case GROUP -> principal.groups().contains(subject.name());
      case SERVICE_ACCOUNT -> subject.namespace() != null
          && (Principal.SERVICE_ACCOUNT_PREFIX + subject.namespace() + ":" + subject.name()).equals(principal.name());
    };
  }
}
