package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.gateway.TestCallers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Kubernetes service-account tokens at the gateway in cluster mode, against the sandbox API server's TokenRequest and
 * TokenReview: a valid token of a service account the access roles name is served, one the roles do not name is
 * refused 403, and an expired, forged or revoked (service account deleted) token is 401; a change of the roles in
 * the routing ConfigMap applies to the next request; the role's rate limit answers 429 with Retry-After.
 */
@QuarkusTest
@TestProfile(KubernetesUpstreamsIT.ClusterMode.class)
@TestCallers.Anonymous
class GatewayAuthIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NS = ModelOnSandbox.NAMESPACE;

  ModelOnSandbox.Model model;

  @BeforeEach
  void analystBotIsAnAnalyst() {
    for (String name : List.of("analyst-bot", "intruder", "short-lived")) {
      if (model.client.serviceAccounts().inNamespace(NS).withName(name).get() == null) {
        model.client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata()
            .withName(name).endMetadata().build()).create();
      }
    }
    applyRoles("""
        {"name": "analyst", "apis": ["generate", "guard"],
         "subjects": [{"kind": "ServiceAccount", "name": "analyst-bot", "namespace": "%s"}]}""".formatted(NS), 2L);
  }

  @Test
  void aServiceAccountsTokenIsServedInItsRoleAndRefusedOutsideIt() {
    String token = model.cluster.tokens().mint(NS, "analyst-bot", List.of(), Duration.ofHours(1));
    given().header("Authorization", "Bearer " + token).when().get("/v1/whoami").then()
        .statusCode(200)
        .body("user", equalTo("system:serviceaccount:" + NS + ":analyst-bot"))
        .body("authenticator", equalTo("kubernetes"))
        .body("groups", hasItems("system:serviceaccounts", "system:serviceaccounts:" + NS, "system:authenticated"))
        .body("roles", equalTo(List.of("analyst")));
    screen(token).then().statusCode(200).body("verdict", equalTo("allow"));
    // another service account of the same namespace holds no role
    String intruder = model.cluster.tokens().mint(NS, "intruder", List.of(), Duration.ofHours(1));
    screen(intruder).then().statusCode(403).body("error.code", equalTo("Forbidden"))
        .body("error.message", equalTo("You may not call the guard API of this model."));
  }

  @Test
  void expiredForgedAndRevokedTokensAreUnauthenticated() {
    // forged: the sandbox's claims, signed with another key
    String genuine = model.cluster.tokens().mint(NS, "analyst-bot", List.of(), Duration.ofHours(1));
    String[] parts = genuine.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    screen(forged).then().statusCode(401).body("error.code", equalTo("Unauthenticated"));
    // revoked: the service account is deleted before its token is first used
    String revoked = model.cluster.tokens().mint(NS, "short-lived", List.of(), Duration.ofHours(1));
    model.client.serviceAccounts().inNamespace(NS).withName("short-lived").delete();
    await().atMost(PATIENCE).until(() -> model.client.serviceAccounts().inNamespace(NS).withName("short-lived")
        .get() == null);
    screen(revoked).then().statusCode(401);
    // expired: minted for ten minutes, then the API server's clock passes its expiry (and the leeway)
    String expiring = model.cluster.tokens().mint(NS, "analyst-bot", List.of(), Duration.ofMinutes(10));
    model.cluster.tokens().advanceClock(Duration.ofMinutes(12));
    screen(expiring).then().statusCode(401);
  }

  @Test
  void aChangeOfTheRolesAppliesToTheNextRequest() {
    String token = model.cluster.tokens().mint(NS, "analyst-bot", List.of(), Duration.ofHours(1));
    screen(token).then().statusCode(200);
    applyRoles("""
        {"name": "awareness", "apis": ["awareness"],
         "subjects": [{"kind": "ServiceAccount", "name": "analyst-bot", "namespace": "%s"}]}""".formatted(NS), 3L);
    await().atMost(PATIENCE).untilAsserted(() -> screen(token).then().statusCode(403));
    applyRoles("""
        {"name": "analyst", "apis": ["guard"],
         "subjects": [{"kind": "Group", "name": "system:serviceaccounts:%s"}]}""".formatted(NS), 4L);
    await().atMost(PATIENCE).untilAsserted(() -> screen(token).then().statusCode(200));
  }

  @Test
  void aRolesRateLimitAnswersTooManyRequestsWithRetryAfter() {
    applyRoles("""
        {"name": "analyst", "apis": ["guard"],
         "subjects": [{"kind": "ServiceAccount", "name": "analyst-bot", "namespace": "%s"}],
         "rateLimits": {"perPrincipal": {"requestsPerMinute": 3}}}""".formatted(NS), 5L);
    String token = model.cluster.tokens().mint(NS, "analyst-bot", List.of(), Duration.ofHours(1));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(model.client.configMaps().inNamespace(NS)
        .withName(ModelOnSandbox.ROUTES).get().getData().get(GatewayRoutes.KEY)).contains("rateLimits"));
    // the new limit is in force once a request is refused; then a minute's budget of 3 holds
    await().atMost(PATIENCE).until(() -> screen(token).statusCode() == 429);
    Response limited = screen(token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.jsonPath().getString("error.code")).isEqualTo("RateLimited");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
  }

  private static Response screen(String token) {
    return given().header("Authorization", "Bearer " + token).contentType("application/json")
        .body("{\"text\": \"what does this PowerShell do\"}").when().post("/v1/guard/screen");
  }

  /** The routing ConfigMap of generation {@code generation} with {@code role} as its only access role. */
  private void applyRoles(String role, long generation) {
    ConfigMap routes = model.document(model.routes(generation, "confidential", List.of("critical", "high", "normal"),
        List.of("low")).getData().get(GatewayRoutes.KEY).replaceFirst("(?s)\"access\":.*\\}\\s*$",
        "\"access\": {\"roles\": [" + java.util.regex.Matcher.quoteReplacement(role) + "]}}"));
    model.client.resource(routes).forceConflicts().serverSideApply();
  }
}
