package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.api.v1alpha1.model.spec.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a principal holds under the model's access roles: its roles, in the order of the spec, and the APIs they
 * open.
 *
 * @param roles the roles the principal holds
 */
public record Grant(List<AccessRole> roles) {

  public Grant {
    roles = List.copyOf(roles);
  }

  /** The APIs any of the roles opens. */
  public Set<Api> apis() {
    Set<Api> apis = EnumSet.noneOf(Api.class);
    for (AccessRole role : roles) {
      if (role.apis() != null) {
        apis.addAll(role.apis());
      }
    }
    return apis;
  }

  /** The role a call of {@code api} is made in: the first role, in the spec's order, that opens it. */
  public Optional<AccessRole> roleFor(Api api) {
    return roles.stream().filter(role -> role.apis() != null && role.apis().contains(api)).findFirst();
  }

  /** Whether any role is held: a caller with none may call nothing but {@code /v1/whoami}. */
  public boolean any() {
    return !roles.isEmpty();
  }

  /** The names of the roles held. */
  public List<Role> names() {
    return roles.stream().map(AccessRole::name).toList();
  }
}
