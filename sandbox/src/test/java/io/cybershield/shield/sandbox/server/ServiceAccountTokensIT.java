package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.cybershield.shield.sandbox.testing.Kubectl.Result;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Service-account tokens as a real kube-apiserver issues and reviews them: {@code kubectl create token} (the
 * TokenRequest API) mints signed JWTs with the server's claims, and the TokenReview API — what the gateway calls
 * through fabric8 — authenticates them, and static user tokens, with the real server's answers and error strings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAccountTokensIT {

  private static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SandboxCluster cluster;
  private KubernetesClient client;
  private Kubectl kubectl;
  private String ns;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = SandboxCluster.start(0);
    client = cluster.client();
    if (Kubectl.requiredOnCi()) {
      Path kubeconfig = cluster.writeKubeconfig(Files.createTempDirectory("sandbox").resolve("kubeconfig"));
      kubectl = new Kubectl(kubeconfig);
    }
  }

  @AfterAll
  void stopCluster() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "t-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    if (ns.length() > 60) {
      ns = ns.substring(0, 60);
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  private void requireKubectl() {
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
  }

  private ServiceAccount serviceAccount(String name) {
    return client.serviceAccounts().inNamespace(ns)
        .resource(new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  private TokenRequest requestToken(String serviceAccount, Long expirationSeconds, String... audiences) {
    return client.serviceAccounts().inNamespace(ns).withName(serviceAccount).tokenRequest(new TokenRequestBuilder()
        .withNewSpec().withAudiences(audiences).withExpirationSeconds(expirationSeconds).endSpec().build());
  }

  private TokenReviewStatus review(String token, String... audiences) {
    TokenReview review = client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
        .withNewSpec().withToken(token).withAudiences(audiences).endSpec().build());
    assertThat(review.getSpec().getToken()).isEqualTo(token);
    return review.getStatus();
  }

  private SignedJWT verified(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.verify(new RSASSAVerifier(cluster.tokens().publicKey()))).as("signed by the sandbox").isTrue();
    return jwt;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TokenRequest

  @Test
  void kubectlCreateTokenMintsASignedJwtWithTheServersClaims() throws Exception {
    requireKubectl();
    kubectl.apply("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: " + ns + "}\n");
    String uid = kubectl.ok("get", "serviceaccount", "robot", "-n", ns, "-o", "jsonpath={.metadata.uid}");
    assertThat(uid).matches("[0-9a-f-]{36}");
    // the issuer's clock (other tests move it forward)
    Instant before = cluster.tokens().now().minusSeconds(1);

    String token = kubectl.ok("create", "token", "robot", "-n", ns).strip();

    SignedJWT jwt = verified(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(cluster.tokens().keyId()).isNotEmpty();
    assertThat(jwt.getHeader().getType()).isNull();
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getSubject()).isEqualTo("system:serviceaccount:" + ns + ":robot");
    assertThat(claims.getAudience()).containsExactly(ISSUER);
    assertThat(claims.getIssueTime()).isAfterOrEqualTo(Date.from(before))
        .isBeforeOrEqualTo(Date.from(cluster.tokens().now()));
    assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000);
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
    assertThat(claims.getJSONObjectClaim("kubernetes.io")).isEqualTo(Map.of("namespace", ns,
        "serviceaccount", Map.of("name", "robot", "uid", uid)));
    // the audience is a JSON array even when there is one, as go-jose writes it
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(JSON.readTree(payload).path("aud").isArray()).isTrue();
  }

  @Test
  void kubectlCreateTokenTakesDurationAndAudience() throws Exception {
    requireKubectl();
    String uid = serviceAccount("robot").getMetadata().getUid();

    String token = kubectl.ok("create", "token", "robot", "-n", ns, "--duration", "20m", "--audience",
        "shield-gateway").strip();
    JWTClaimsSet claims = verified(token).getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly("shield-gateway");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(1_200_000);
    assertThat(claims.getJSONObjectClaim("kubernetes.io").get("serviceaccount"))
        .isEqualTo(Map.of("name", "robot", "uid", uid));

    // the whole TokenRequest as the server answers it
    JsonNode answer = JSON.readTree(kubectl.ok("create", "token", "robot", "-n", ns, "--duration", "20m",
        "--audience", "a", "--audience", "b", "-o", "json"));
    assertThat(answer.path("kind").asText()).isEqualTo("TokenRequest");
    assertThat(answer.path("apiVersion").asText()).isEqualTo("authentication.k8s.io/v1");
    assertThat(answer.path("metadata").path("name").asText()).isEqualTo("robot");
    assertThat(answer.path("metadata").path("namespace").asText()).isEqualTo(ns);
    assertThat(answer.path("spec").toString())
        .isEqualTo("{\"audiences\":[\"a\",\"b\"],\"expirationSeconds\":1200,\"boundObjectRef\":null}");
    Instant issued = Instant.parse(answer.path("metadata").path("creationTimestamp").asText());
    assertThat(Instant.parse(answer.path("status").path("expirationTimestamp").asText()))
        .isEqualTo(issued.plusSeconds(1200));
    assertThat(verified(answer.path("status").path("token").asText()).getJWTClaimsSet().getAudience())
        .containsExactly("a", "b");
  }

  @Test
  void aTokenShorterThanTenMinutesIsRefused() {
    requireKubectl();
    serviceAccount("robot");
    Result result = kubectl.run("create", "token", "robot", "-n", ns, "--duration", "5m");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr().strip()).isEqualTo("error: failed to create token: TokenRequest.authentication.k8s.io "
        + "\"\" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 "
        + "minutes");

    assertThatThrownBy(() -> requestToken("robot", 599L))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
          assertThat(e.getStatus().getDetails().getKind()).isEqualTo("TokenRequest");
          assertThat(e.getStatus().getDetails().getGroup()).isEqualTo("authentication.k8s.io");
          assertThat(e.getStatus().getDetails().getCauses().get(0).getField()).isEqualTo("spec.expirationSeconds");
        });
    // ten minutes is enough
    assertThat(requestToken("robot", 600L).getSpec().getExpirationSeconds()).isEqualTo(600L);
  }

  @Test
  void aMaximumShortensLongerTokensWithAWarning() throws Exception {
    serviceAccount("robot");
    cluster.tokens().maxExpiration(Duration.ofHours(2));
    try {
      TokenRequest answer = requestToken("robot", 86_400L);
      assertThat(answer.getSpec().getExpirationSeconds()).isEqualTo(7200L);
      JWTClaimsSet claims = verified(answer.getStatus().getToken()).getJWTClaimsSet();
      assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(7_200_000);
    } finally {
      cluster.tokens().maxExpiration(null);
    }
    // without one, a day is a day
    assertThat(requestToken("robot", 86_400L).getSpec().getExpirationSeconds()).isEqualTo(86_400L);
  }

  @Test
  void anUnknownServiceAccountIsNotFound() {
    requireKubectl();
    Result result = kubectl.run("create", "token", "ghost", "-n", ns);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr().strip()).isEqualTo("error: failed to create token: serviceaccounts \"ghost\" not found");
    assertThatThrownBy(() -> requestToken("ghost", null))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(404);
          assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
          assertThat(e.getStatus().getMessage()).isEqualTo("serviceaccounts \"ghost\" not found");
        });
  }

  @Test
  void discoveryListsTheTokenSubresourceAndTokenReviews() throws Exception {
    requireKubectl();
    JsonNode core = JSON.readTree(kubectl.ok("get", "--raw", "/api/v1"));
    JsonNode token = null;
    for (JsonNode resource : core.path("resources")) {
      if (resource.path("name").asText().equals("serviceaccounts/token")) {
        token = resource;
      }
    }
    assertThat(token).isNotNull();
    assertThat(token.toString()).isEqualTo("{\"name\":\"serviceaccounts/token\",\"singularName\":\"\","
        + "\"namespaced\":true,\"group\":\"authentication.k8s.io\",\"version\":\"v1\",\"kind\":\"TokenRequest\","
        + "\"verbs\":[\"create\"]}");
    JsonNode group = JSON.readTree(kubectl.ok("get", "--raw", "/apis/authentication.k8s.io/v1"));
    assertThat(group.path("resources").toString()).isEqualTo("[{\"name\":\"tokenreviews\","
        + "\"singularName\":\"tokenreview\",\"namespaced\":false,\"kind\":\"TokenReview\",\"verbs\":[\"create\"]},{\"name\":\"selfsubjectreviews\",\"singularName\":\"selfsubjectreview\","
        + "\"namespaced\":false,\"kind\":\"SelfSubjectReview\",\"verbs\":[\"create\"]}]");
    assertThat(kubectl.ok("api-versions")).contains("authentication.k8s.io/v1");
    assertThat(kubectl.ok("api-resources", "--api-group=authentication.k8s.io", "-o", "wide"))
        .containsPattern("tokenreviews\\s+authentication.k8s.io/v1\\s+false\\s+TokenReview\\s+\\[?create\\b");

    // not stored objects: only create
    Result get = kubectl.run("get", "tokenreviews");
    assertThat(get.exitCode()).isNotZero();
    assertThat(get.stderr().strip()).isEqualTo("Error from server (MethodNotAllowed): the server does not allow this "
        + "method on the requested resource");
  }

  @Test
  void issuerDiscoveryPublishesTheSigningKey() throws Exception {
    requireKubectl();
    JsonNode config = JSON.readTree(kubectl.ok("get", "--raw", "/.well-known/openid-configuration"));
    assertThat(config.path("issuer").asText()).isEqualTo(ISSUER);
    assertThat(config.path("jwks_uri").asText()).isEqualTo(cluster.url() + "/openid/v1/jwks");
    JsonNode jwks = JSON.readTree(kubectl.ok("get", "--raw", "/openid/v1/jwks"));
    RSAPublicKey published = com.nimbusds.jose.jwk.RSAKey.parse(jwks.path("keys").get(0).toString())
        .toRSAPublicKey();
    assertThat(published).isEqualTo(cluster.tokens().publicKey());
    assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(cluster.tokens().keyId());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // TokenReview

  @Test
  void aValidTokenReviewsAsItsServiceAccount() throws Exception {
    String uid = serviceAccount("gateway").getMetadata().getUid();
    String token = requestToken("gateway", null).getStatus().getToken();
    String jti = verified(token).getJWTClaimsSet().getJWTID();

    TokenReviewStatus status = review(token);
    assertThat(status.getAuthenticated()).isTrue();
    assertThat(status.getError()).isNull();
    assertThat(status.getUser().getUsername()).isEqualTo("system:serviceaccount:" + ns + ":gateway");
    assertThat(status.getUser().getUid()).isEqualTo(uid);
    assertThat(status.getUser().getGroups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:" + ns,
        "system:authenticated");
    assertThat(status.getUser().getExtra())
        .isEqualTo(Map.of("authentication.kubernetes.io/credential-id", List.of("JTI=" + jti)));
    assertThat(status.getAudiences()).containsExactly(ISSUER);

    // a token for the gateway's audience reviews for it, with the audiences both name
    String forGateway = requestToken("gateway", null, "shield-gateway", "other").getStatus().getToken();
    TokenReviewStatus gateway = review(forGateway, "shield-gateway", "third");
    assertThat(gateway.getAuthenticated()).isTrue();
    assertThat(gateway.getAudiences()).containsExactly("shield-gateway");
  }

  @Test
  void kubectlCreatesATokenReview() throws Exception {
    requireKubectl();
    serviceAccount("robot");
    String token = requestToken("robot", null).getStatus().getToken();
    String review = "apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n  token: " + token + "\n";
    // without client-side validation, which needs the OpenAPI v2 document the sandbox does not serve
    Result result = kubectl.runWithInput(review, "create", "--validate=false", "-f", "-", "-o", "json");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode answer = JSON.readTree(result.stdout());
    assertThat(answer.path("status").path("authenticated").asBoolean()).isTrue();
    assertThat(answer.path("status").path("user").path("username").asText())
        .isEqualTo("system:serviceaccount:" + ns + ":robot");
  }

  @Test
  void anExpiredTokenIsRefusedAfterTheLeeway() {
    serviceAccount("robot");
    String token = requestToken("robot", 600L).getStatus().getToken();
    assertThat(review(token).getAuthenticated()).isTrue();

    // the authenticator allows a minute of clock skew past exp
    cluster.tokens().advanceClock(Duration.ofSeconds(600 + 59));
    assertThat(review(token).getAuthenticated()).isTrue();

    cluster.tokens().advanceClock(Duration.ofSeconds(2));
    TokenReviewStatus status = review(token);
    assertThat(status.getAuthenticated()).isNull();
    assertThat(status.getError()).isEqualTo("[invalid bearer token, service account token has expired]");
    assertThat(status.getUser().getUsername()).isNull();
    assertThat(status.getAudiences()).isEmpty();
    // a token minted now is valid now
    assertThat(review(requestToken("robot", null).getStatus().getToken()).getAuthenticated()).isTrue();
  }

  @Test
  void forgedTokensAreRefused() throws Exception {
    String uid = serviceAccount("robot").getMetadata().getUid();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var other = generator.generateKeyPair();
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("system:serviceaccount:" + ns + ":robot")
        .audience(ISSUER).issueTime(new Date()).notBeforeTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
        .claim("kubernetes.io", Map.of("namespace", ns, "serviceaccount", Map.of("name", "robot", "uid", uid)))
        .build();

    // signed with another key, named by its own key id
    String otherKid = ServiceAccountTokens.keyIdOf((RSAPublicKey) other.getPublic());
    assertThat(review(sign(claims, (RSAPrivateKey) other.getPrivate(), otherKid)).getError())
        .isEqualTo("[invalid bearer token, invalid signature, no keys found]");
    // signed with another key that claims the sandbox's key id, or with none
    String kid = cluster.tokens().keyId();
    TokenReviewStatus forged = review(sign(claims, (RSAPrivateKey) other.getPrivate(), kid));
    assertThat(forged.getAuthenticated()).isNull();
    assertThat(forged.getError()).isEqualTo("[invalid bearer token, go-jose/go-jose: error in cryptographic primitive]");
    assertThat(review(sign(claims, (RSAPrivateKey) other.getPrivate(), null)).getError())
        .isEqualTo("[invalid bearer token, go-jose/go-jose: error in cryptographic primitive]");
    // a real token whose claims were changed
    String real = requestToken("robot", null).getStatus().getToken();
    String[] parts = real.split("\\.");
    String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    assertThat(review(tampered).getError())
        .isEqualTo("[invalid bearer token, go-jose/go-jose: error in cryptographic primitive]");
    // another issuer's token and garbage are no service-account tokens at all
    JWTClaimsSet elsewhere = new JWTClaimsSet.Builder(claims).issuer("https://issuer.example.com").build();
    assertThat(review(sign(elsewhere, (RSAPrivateKey) other.getPrivate(), otherKid)).getError())
        .isEqualTo("invalid bearer token");
    assertThat(review("not-a-token").getError()).isEqualTo("invalid bearer token");
    assertThat(review("a.b.c").getError()).isEqualTo("invalid bearer token");
  }

  private static String sign(JWTClaimsSet claims, RSAPrivateKey key, String kid) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    serviceAccount("robot");
    String token = requestToken("robot", null).getStatus().getToken();
    TokenReviewStatus status = review(token, "shield-gateway");
    assertThat(status.getAuthenticated()).isNull();
    assertThat(status.getError()).isEqualTo("[invalid bearer token, token audiences "
        + "[\"https://kubernetes.default.svc.cluster.local\"] is invalid for the target audiences "
        + "[\"shield-gateway\"]]");

    String forGateway = requestToken("robot", null, "shield-gateway").getStatus().getToken();
    assertThat(review(forGateway).getError()).isEqualTo("[invalid bearer token, token audiences "
        + "[\"shield-gateway\"] is invalid for the target audiences "
        + "[\"https://kubernetes.default.svc.cluster.local\"]]");
  }

  @Test
  void deletingTheServiceAccountInvalidatesItsTokens() {
    String oldUid = serviceAccount("robot").getMetadata().getUid();
    String token = requestToken("robot", null).getStatus().getToken();
    assertThat(review(token).getAuthenticated()).isTrue();

    client.serviceAccounts().inNamespace(ns).withName("robot").delete();
    TokenReviewStatus deleted = review(token);
    assertThat(deleted.getAuthenticated()).isNull();
    assertThat(deleted.getError()).isEqualTo("[invalid bearer token, serviceaccounts \"robot\" not found]");

    // a new service account of the same name is another one
    String newUid = serviceAccount("robot").getMetadata().getUid();
    assertThat(newUid).isNotEqualTo(oldUid);
    assertThat(review(token).getError()).isEqualTo("[invalid bearer token, service account UID (" + newUid
        + ") does not match claim (" + oldUid + ")]");
    assertThat(review(requestToken("robot", null).getStatus().getToken()).getUser().getUid()).isEqualTo(newUid);
  }

  @Test
  void aPodBoundTokenLivesAsLongAsItsPod() throws Exception {
    requireKubectl();
    serviceAccount("robot");
    String podUid = client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("p1")
        .endMetadata().withNewSpec().withServiceAccountName("robot").addNewContainer().withName("c").withImage("i")
        .endContainer().endSpec().build()).create().getMetadata().getUid();

    String token = kubectl.ok("create", "token", "robot", "-n", ns, "--bound-object-kind", "Pod",
        "--bound-object-name", "p1").strip();
    assertThat(verified(token).getJWTClaimsSet().getJSONObjectClaim("kubernetes.io").get("pod"))
        .isEqualTo(Map.of("name", "p1", "uid", podUid));
    TokenReviewStatus status = review(token);
    assertThat(status.getUser().getExtra()).containsEntry("authentication.kubernetes.io/pod-name", List.of("p1"))
        .containsEntry("authentication.kubernetes.io/pod-uid", List.of(podUid));

    Result other = kubectl.run("create", "token", "default", "-n", ns, "--bound-object-kind", "Pod",
        "--bound-object-name", "p1");
    assertThat(other.stderr().strip()).isEqualTo("error: failed to create token: serviceaccounts \"default\" not "
        + "found");
    serviceAccount("other");
    Result mismatch = kubectl.run("create", "token", "other", "-n", ns, "--bound-object-kind", "Pod",
        "--bound-object-name", "p1");
    assertThat(mismatch.stderr().strip()).isEqualTo("error: failed to create token: cannot bind token for "
        + "serviceaccount \"other\" to pod running with different serviceaccount name.");

    client.pods().inNamespace(ns).withName("p1").withGracePeriod(0).delete();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> client.pods().inNamespace(ns).withName("p1").get() == null);
    assertThat(review(token).getError())
        .isEqualTo("[invalid bearer token, service account token has been invalidated]");
  }

  @Test
  void staticUserTokensReviewWithTheirGroups() {
    cluster.addStaticToken("alice-" + ns, "alice@soc.example", "1001", List.of("soc-analysts", "shield-admins"));

    TokenReviewStatus status = review("alice-" + ns);
    assertThat(status.getAuthenticated()).isTrue();
    assertThat(status.getUser().getUsername()).isEqualTo("alice@soc.example");
    assertThat(status.getUser().getUid()).isEqualTo("1001");
    assertThat(status.getUser().getGroups()).containsExactly("soc-analysts", "shield-admins", "system:authenticated");
    assertThat(status.getUser().getExtra()).isEmpty();
    assertThat(status.getAudiences()).containsExactly(ISSUER);
    // static tokens are for the API's own audience only
    assertThat(review("alice-" + ns, "shield-gateway").getError()).isEqualTo("invalid bearer token");
    assertThat(review("alice-" + ns, "shield-gateway", ISSUER).getAuthenticated()).isTrue();
  }

  @Test
  void aTokenReviewNeedsAToken() {
    assertThatThrownBy(() -> client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
        .withNewSpec().withAudiences("x").endSpec().build()))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(400);
          assertThat(e.getStatus().getReason()).isEqualTo("BadRequest");
          assertThat(e.getStatus().getMessage()).isEqualTo("token is required for TokenReview in authentication");
        });
  }
}
