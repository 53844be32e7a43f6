package io.cybershield.shield.gateway.security;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.List;
import java.util.Optional;

/**
 * Kubernetes tokens (service accounts' and any user's the API server authenticates), checked with a
 * {@code TokenReview}: the API server says whether the token is valid and whose it is. The gateway needs the
 * {@code system:auth-delegator} ClusterRole for it, which the operator binds to its service account.
 */
final class KubernetesTokenReviews implements TokenAuthenticator {

  private final KubernetesClient client;
  private final List<String> audiences;

  KubernetesTokenReviews(KubernetesClient client, List<String> audiences) {
    this.client = client;
    this.audiences = List.copyOf(audiences);
  }

  @Override
  public Optional<Principal> authenticate(String token) {
    TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token)
        .withAudiences(audiences.isEmpty() ? null : audiences).endSpec().build();
    TokenReview answer;
    try {
      answer = client.authentication().v1().tokenReviews().create(review);
    } catch (KubernetesClientException e) {
      // never the message of the request: it holds the token
      throw new AuthenticatorUnavailable("the TokenReview failed with HTTP " + e.getCode(), null);
    } catch (RuntimeException e) {
      throw new AuthenticatorUnavailable("the TokenReview failed: " + e.getClass().getSimpleName(), null);
    }
    TokenReviewStatus status = answer == null ? null : answer.getStatus();
    if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null
        || status.getUser().getUsername() == null) {
      String error = status == null || status.getError() == null ? "not authenticated" : status.getError();
      throw new Unauthenticated("the API server refused the token: " + error);
    }
    UserInfo user = status.getUser();
    return Optional.of(new Principal(user.getUsername(), user.getUid(), user.getGroups(), "kubernetes",
        TokenExpiry.of(token).orElse(null)));
  }
}
