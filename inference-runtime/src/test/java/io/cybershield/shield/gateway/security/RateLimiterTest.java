package io.cybershield.shield.gateway.security;

import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimit;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimits;
import io.cybershield.shield.api.v1alpha1.model.spec.Role;
import io.cybershield.shield.api.v1alpha1.model.spec.Subject;
import io.cybershield.shield.api.v1alpha1.model.spec.SubjectKind;
import io.cybershield.shield.gateway.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {

  private static final Principal ALICE = new Principal("alice", null, List.of(), "static", null);
  private static final Principal BOB = new Principal("bob", null, List.of(), "static", null);

  private static AccessRole role(RateLimit perPrincipal, RateLimit perRole) {
    return new AccessRole(Role.ANALYST, List.of(Api.GENERATE), List.of(new Subject(SubjectKind.GROUP, "g", null)),
        new RateLimits(perPrincipal, perRole));
  }

  @Test
  void eachPrincipalHasItsOwnBudgetAndTheRoleOneForAll() {
    RateLimiter limiter = new RateLimiter();
    AccessRole role = role(new RateLimit(2, null), new RateLimit(3, null));
    limiter.admitRequest(ALICE, role);
    limiter.admitRequest(ALICE, role);
    ApiException limited = catchThrowableOfType(ApiException.class, () -> limiter.admitRequest(ALICE, role));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.code()).isEqualTo("RateLimited");
    assertThat(limited.retryAfterSeconds()).isBetween(1, 60);
    assertThat(limited.getMessage()).contains("your requests per minute as analyst (2)");
    // bob has his own two, but the role's three are shared: alice used two
    limiter.admitRequest(BOB, role);
    ApiException roleFull = catchThrowableOfType(ApiException.class, () -> limiter.admitRequest(BOB, role));
    assertThat(roleFull.getMessage()).contains("all callers in the role analyst (3)");
  }

  @Test
  void tokensNotGeneratedAreGivenBack() {
    RateLimiter limiter = new RateLimiter();
    AccessRole role = role(new RateLimit(null, 1000), null);
    RateLimiter.Reservation first = limiter.reserveTokens(ALICE, role, 800);
    assertThatThrownBy(() -> limiter.reserveTokens(ALICE, role, 800)).isInstanceOf(ApiException.class);
    first.refund(700);
    limiter.reserveTokens(ALICE, role, 800);
  }

  @Test
  void aRequestLargerThanAMinutesBudgetIsToldSo() {
    RateLimiter limiter = new RateLimiter();
    ApiException tooBig = catchThrowableOfType(ApiException.class,
        () -> limiter.reserveTokens(ALICE, role(new RateLimit(null, 100), null), 101));
    assertThat(tooBig.status()).isEqualTo(429);
    assertThat(tooBig.getMessage()).contains("more than your tokens per minute as analyst (100) allow at all");
  }

  @Test
  void aRoleWithoutLimitsIsNotLimitedAndAFailedDrawTakesNothing() {
    RateLimiter limiter = new RateLimiter();
    AccessRole free = new AccessRole(Role.ANALYST, List.of(Api.GENERATE),
        List.of(new Subject(SubjectKind.GROUP, "g", null)));
    for (int i = 0; i < 1000; i++) {
      limiter.admitRequest(ALICE, free);
    }
    // the principal's bucket has room, the role's does not: the principal's draw is given back
    AccessRole role = role(new RateLimit(5, null), new RateLimit(1, null));
    limiter.admitRequest(ALICE, role);
    // had bob's own bucket of five kept what the refused draws took, the sixth refusal would name it
    for (int i = 0; i < 6; i++) {
      assertThat(catchThrowableOfType(ApiException.class, () -> limiter.admitRequest(BOB, role)).getMessage())
          .contains("all callers in the role analyst (1)");
    }
  }
}
