package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.Access;
import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.api.v1alpha1.model.spec.Role;
import io.cybershield.shield.api.v1alpha1.model.spec.Subject;
import io.cybershield.shield.api.v1alpha1.model.spec.SubjectKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

  private static final Access ACCESS = new Access(List.of(
      new AccessRole(Role.ANALYST, List.of(Api.GENERATE, Api.CHAT), List.of(
          new Subject(SubjectKind.GROUP, "soc-analysts", null),
          new Subject(SubjectKind.SERVICE_ACCOUNT, "notebook", "soc"))),
      new AccessRole(Role.RESPONDER, List.of(Api.GENERATE, Api.INCIDENTS), List.of(
          new Subject(SubjectKind.USER, "alice@example.com", null))),
      new AccessRole(Role.ADMIN, List.of(Api.GUARD), List.of(
          new Subject(SubjectKind.USER, "system:serviceaccount:soc:notebook", null)))));

  private static Principal user(String name, String... groups) {
    return new Principal(name, "uid", List.of(groups), "kubernetes", null);
  }

  @Test
  void subjectsMatchExactlyAsRbacDoes() {
    assertThat(AccessPolicy.grant(ACCESS, user("bob", "soc-analysts")).names()).containsExactly(Role.ANALYST);
    assertThat(AccessPolicy.grant(ACCESS, user("alice@example.com")).names()).containsExactly(Role.RESPONDER);
    // a service account by its user name, through a ServiceAccount subject and a User subject alike
    assertThat(AccessPolicy.grant(ACCESS, user("system:serviceaccount:soc:notebook")).names())
        .containsExactly(Role.ANALYST, Role.ADMIN);
    // no prefix, case or namespace games
    assertThat(AccessPolicy.grant(ACCESS, user("Alice@example.com")).any()).isFalse();
    assertThat(AccessPolicy.grant(ACCESS, user("bob", "soc-analysts-2", "SOC-ANALYSTS")).any()).isFalse();
    assertThat(AccessPolicy.grant(ACCESS, user("system:serviceaccount:other:notebook")).any()).isFalse();
    assertThat(AccessPolicy.grant(ACCESS, user("notebook")).any()).isFalse();
  }

  @Test
  void aCallIsMadeInTheFirstRoleThatOpensItsApi() {
    Grant grant = AccessPolicy.grant(ACCESS, user("system:serviceaccount:soc:notebook"));
    assertThat(grant.apis()).containsExactlyInAnyOrder(Api.GENERATE, Api.CHAT, Api.GUARD);
    assertThat(grant.roleFor(Api.GUARD)).hasValueSatisfying(role -> assertThat(role.name()).isEqualTo(Role.ADMIN));
    assertThat(grant.roleFor(Api.GENERATE)).hasValueSatisfying(role ->
        assertThat(role.name()).isEqualTo(Role.ANALYST));
    assertThat(grant.roleFor(Api.INCIDENTS)).isEmpty();
  }

  @Test
  void noAccessDocumentOpensNothing() {
    assertThat(AccessPolicy.grant(null, user("bob", "soc-analysts")).any()).isFalse();
    assertThat(AccessPolicy.grant(new Access(null), user("bob", "soc-analysts")).any()).isFalse();
  }

  @Test
  void aServiceAccountPrincipalKnowsItsNamespaceAndName() {
    assertThat(user("system:serviceaccount:soc:notebook").serviceAccount()).hasValue("soc/notebook");
    assertThat(user("system:serviceaccount:soc").serviceAccount()).isEmpty();
    assertThat(user("alice").serviceAccount()).isEmpty();
  }
}
