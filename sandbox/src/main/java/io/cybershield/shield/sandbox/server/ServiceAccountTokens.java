package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.cybershield.shield.sandbox.admission.KubeStatus;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API server's service-account token issuer and token authenticator: the {@code serviceaccounts/token}
 * subresource (TokenRequest) mints RS256 JWTs with the claims a real kube-apiserver puts in them, and
 * {@code tokenreviews} (TokenReview) authenticates a bearer token the way its authenticator chain does — the
 * static tokens of a {@code --token-auth-file}, then the service-account JWT authenticator (signature, issuer,
 * audiences, expiry with a minute's leeway, and the service account and bound object still there with the same
 * uid) — with the error strings it aggregates. The signing key is generated in memory the first time it is needed
 * and lives as long as the sandbox. Tokens are not stored objects.
 *
 * <p>Tests move the issuer's clock with {@link #advanceClock(Duration)} to expire tokens without waiting.
 */
public final class ServiceAccountTokens {

  /** The issuer ({@code --service-account-issuer}) and the API's audience, as kubeadm and kind configure them. */
  public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
  public static final List<String> API_AUDIENCES = List.of(ISSUER);
  /** What a TokenRequest gets when it names no expiry. */
  public static final long DEFAULT_EXPIRATION_SECONDS = 3600;
  /** The shortest expiry a TokenRequest may ask for (10 minutes). */
  public static final long MIN_EXPIRATION_SECONDS = 600;
  /** The longest expiry validation lets through (2^32 s); a server maximum may shorten it further. */
  public static final long MAX_EXPIRATION_SECONDS = 1L << 32;

  static final String GROUP = "authentication.k8s.io";
  static final String API_VERSION = GROUP + "/v1";
  private static final Duration LEEWAY = Duration.ofMinutes(1);
  private static final String INVALID_BEARER_TOKEN = "invalid bearer token";
  private static final String CRYPTO_FAILURE = "go-jose/go-jose: error in cryptographic primitive";
  private static final String INVALIDATED = "service account token has been invalidated";
  private static final String EXTRA = "authentication.kubernetes.io/";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = Serialization.jsonMapper();

  /** A user of the static token file. */
  public record StaticUser(String name, String uid, List<String> groups) {
  }

  /** What a review concluded: a user (authenticated) or an error string (not). */
  public record Review(boolean authenticated, String username, String uid, List<String> groups,
      Map<String, List<String>> extra, List<String> audiences, String error) {
  }

  private final SandboxStore store;
  private final Clock clock;
  private volatile Duration skew = Duration.ZERO;
  private volatile long maxExpirationSeconds;
  private final Map<String, StaticUser> staticTokens = new ConcurrentHashMap<>();
  private volatile RSAKey signingKey;

  public ServiceAccountTokens(SandboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Public API

  /**
   * Adds a token that authenticates as {@code user} (a {@code --token-auth-file} line); its groups get
   * {@code system:authenticated} added when reviewed. A token already known is replaced, as the apiserver's last
   * line wins.
   */
  public void addStaticToken(String token, String user, String uid, List<String> groups) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("a static token must not be empty");
    }
    staticTokens.put(token, new StaticUser(Objects.requireNonNull(user, "user"), uid == null ? "" : uid,
        groups == null ? List.of() : List.copyOf(groups)));
  }

  /**
   * Reads a token file in the kube-apiserver's {@code --token-auth-file} CSV format:
   * {@code token,user,uid,"group1,group2"} (the groups column is optional; lines with an empty token are skipped).
   *
   * @return the number of tokens read
   */
  public int loadTokenAuthFile(Path file) throws IOException {
    int count = 0;
    for (List<String> record : Csv.parse(Files.readString(file, StandardCharsets.UTF_8))) {
      if (record.size() < 3) {
        throw new IllegalArgumentException("token file '" + file + "' must have at least 3 columns (token, user "
            + "name, user uid), found " + record.size());
      }
      if (record.get(0).isEmpty()) {
        continue;
      }
      List<String> groups = record.size() >= 4 && !record.get(3).isEmpty() ? List.of(record.get(3).split(","))
          : List.of();
      addStaticToken(record.get(0), record.get(1), record.get(2), groups);
      count++;
    }
    return count;
  }

  /**
   * Moves the token issuer's and authenticator's clock forward (tokens minted before expire as if that much time
   * had passed); the rest of the sandbox keeps real time.
   */
  public void advanceClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the token clock only moves forward");
    }
    skew = skew.plus(by);
  }

  /** The issuer's time: the sandbox clock plus what {@link #advanceClock} added. */
  public Instant now() {
    return clock.instant().plus(skew);
  }

  /**
   * The longest token a TokenRequest gets ({@code --service-account-max-token-expiration}); longer requests are
   * shortened to it with a warning. {@code null} or zero: no maximum, as a kube-apiserver without the flag.
   */
  public void maxExpiration(Duration max) {
    maxExpirationSeconds = max == null ? 0 : max.toSeconds();
  }

  /** The signing key's id ({@code kid}): base64url of the SHA-256 of its public key's DER, as the apiserver's. */
  public String keyId() {
    return key().getKeyID();
  }

  /** The public half of the signing key, for verifying tokens outside the API. */
  public RSAPublicKey publicKey() {
    try {
      return key().toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Mints a token for a stored service account, as a TokenRequest without a bound object does, but with any
   * expiry (the API's 10-minute minimum and maximum do not apply here).
   *
   * @param audiences empty for the API's audience
   * @throws ApiException NotFound when the service account does not exist
   */
  public String mint(String namespace, String serviceAccount, List<String> audiences, Duration expiration) {
    ObjectNode sa = get("", "v1", "serviceaccounts", namespace, serviceAccount);
    return sign(now(), sa, null, null, null, audiences.isEmpty() ? API_AUDIENCES : audiences,
        expiration.toSeconds());
  }

  /** Reviews a token as a TokenReview does; {@code audiences} empty means the API's audience. */
  public Review review(String token, List<String> audiences) {
    List<String> requested = audiences == null || audiences.isEmpty() ? API_AUDIENCES : audiences;
    List<String> errors = new ArrayList<>();
    // the token union: the static token file first, then the service-account JWTs
    StaticUser user = staticTokens.get(token);
    if (user != null) {
      List<String> auds = intersect(API_AUDIENCES, requested);
      if (!auds.isEmpty()) {
        return new Review(true, user.name(), user.uid(), authenticated(user.groups()), Map.of(), auds, null);
      }
    }
    Review jwt = reviewJwt(token, requested, errors);
    if (jwt != null) {
      return jwt;
    }
    // the bearer-token authenticator's default error, then the loopback token authenticator's in front of it
    List<String> all = new ArrayList<>();
    all.add(INVALID_BEARER_TOKEN);
    all.addAll(errors.isEmpty() ? List.of(INVALID_BEARER_TOKEN) : errors);
    return new Review(false, null, null, null, null, null, aggregate(all));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP: POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token

  SandboxStore.Reply tokenRequest(RequestPath path, String contentType, byte[] body) {
    // kubectl create token posts protobuf (client-go 1.32's typed clients do)
    ObjectNode request = ProtobufBodies.isProtobuf(contentType) ? ProtobufBodies.tokenRequest(body)
        : RequestBodies.object(contentType, body, false);
    String name = path.name();
    String namespace = path.namespace();
    JsonNode meta = request.path("metadata");
    String bodyName = meta.path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(name)) {
      throw invalidTokenRequest(name, FieldError.invalid("metadata.name", bodyName,
          "must match the service account name if specified"));
    }
    String bodyNamespace = meta.path("namespace").asText("");
    if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
      throw invalidTokenRequest(name, FieldError.invalid("metadata.namespace", bodyNamespace,
          "must match the service account namespace if specified"));
    }
    ObjectNode sa = get("", "v1", "serviceaccounts", namespace, name);
    JsonNode spec = request.path("spec");
    List<String> audiences = strings(spec.path("audiences"));
    if (audiences.isEmpty()) {
      audiences = API_AUDIENCES;
    }
    JsonNode requestedSeconds = spec.path("expirationSeconds");
    long seconds = requestedSeconds.isNumber() ? requestedSeconds.asLong() : DEFAULT_EXPIRATION_SECONDS;
    Instant now = now().truncatedTo(ChronoUnit.SECONDS);
    List<FieldError> errors = new ArrayList<>();
    if (seconds < MIN_EXPIRATION_SECONDS) {
      errors.add(FieldError.invalid("spec.expirationSeconds", seconds,
          "may not specify a duration less than 10 minutes"));
    }
    if (seconds > MAX_EXPIRATION_SECONDS) {
      errors.add(FieldError.invalid("spec.expirationSeconds", seconds,
          "may not specify a duration larger than 2^32 seconds"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(KubeStatus.invalid("TokenRequest", GROUP, "", errors));
    }
    ObjectNode pod = null;
    ObjectNode secret = null;
    ObjectNode node = null;
    JsonNode ref = spec.path("boundObjectRef");
    if (ref.isObject()) {
      String apiVersion = ref.path("apiVersion").asText("");
      String kind = ref.path("kind").asText("");
      String refName = ref.path("name").asText("");
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
      ObjectNode bound;
      if (group.isEmpty() && kind.equals("Pod")) {
        pod = get("", "v1", "pods", namespace, refName);
        String podAccount = pod.path("spec").path("serviceAccountName").asText("");
        if (!(podAccount.isEmpty() ? "default" : podAccount).equals(name)) {
          throw Statuses.badRequest("cannot bind token for serviceaccount \"" + name
              + "\" to pod running with different serviceaccount name.");
        }
        String nodeName = pod.path("spec").path("nodeName").asText("");
        if (!nodeName.isEmpty()) {
          node = find("", "v1", "nodes", null, nodeName);
        }
        bound = pod;
      } else if (group.isEmpty() && kind.equals("Node")) {
        node = get("", "v1", "nodes", null, refName);
        bound = node;
      } else if (group.isEmpty() && kind.equals("Secret")) {
        secret = get("", "v1", "secrets", namespace, refName);
        bound = secret;
      } else {
        throw Statuses.badRequest("cannot bind token to object of type " + group + "/" + version + ", Kind="
            + kind);
      }
      String refUid = ref.path("uid").asText("");
      String uid = bound.path("metadata").path("uid").asText("");
      if (!refUid.isEmpty() && !refUid.equals(uid)) {
        throw new ApiException(KubeStatus.conflict(group, kind, refName, "the UID in the bound object reference ("
            + refUid + ") does not match the UID in record. The object might have been deleted and then recreated"));
      }
    }
    List<String> warnings = new ArrayList<>();
    long max = maxExpirationSeconds;
    if (max > 0 && seconds > max) {
      warnings.add("299 - " + quote("requested expiration of " + seconds + " seconds shortened to " + max
          + " seconds"));
      seconds = max;
    }
    String token = sign(now, sa, pod, secret, node, audiences, seconds);

    ObjectNode out = JSON.objectNode();
    out.put("kind", "TokenRequest");
    out.put("apiVersion", API_VERSION);
    ObjectNode outMeta = out.putObject("metadata");
    outMeta.put("name", bodyName.isEmpty() ? name : bodyName);
    outMeta.put("namespace", bodyNamespace.isEmpty() ? namespace : bodyNamespace);
    outMeta.put("creationTimestamp", now.toString());
    ObjectNode outSpec = out.putObject("spec");
    ArrayNode auds = outSpec.putArray("audiences");
    audiences.forEach(auds::add);
    outSpec.put("expirationSeconds", seconds);
    if (ref.isObject()) {
      ObjectNode outRef = outSpec.putObject("boundObjectRef");
      for (String field : List.of("kind", "apiVersion", "name", "uid")) {
        if (!ref.path(field).asText("").isEmpty()) {
          outRef.put(field, ref.path(field).asText());
        }
      }
    } else {
      outSpec.putNull("boundObjectRef");
    }
    ObjectNode status = out.putObject("status");
    status.put("token", token);
    status.put("expirationTimestamp", now.plusSeconds(seconds).toString());
    return new SandboxStore.Reply(201, out, warnings);
  }

  private static ApiException invalidTokenRequest(String name, FieldError error) {
    return new ApiException(KubeStatus.invalid("TokenRequest", GROUP, name, List.of(error)));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP: POST /apis/authentication.k8s.io/v1/tokenreviews

  SandboxStore.Reply tokenReview(String contentType, byte[] body) {
    ObjectNode request = ProtobufBodies.isProtobuf(contentType) ? ProtobufBodies.tokenReview(body)
        : RequestBodies.object(contentType, body, false);
    String kind = request.path("kind").asText("");
    if (!kind.isEmpty() && !kind.equals("TokenReview")) {
      throw Statuses.badRequest("not a TokenReview: " + kind);
    }
    String token = request.path("spec").path("token").asText("");
    if (token.isEmpty()) {
      throw Statuses.badRequest("token is required for TokenReview in authentication");
    }
    List<String> audiences = strings(request.path("spec").path("audiences"));
    Review review = review(token, audiences);

    ObjectNode out = JSON.objectNode();
    out.put("kind", "TokenReview");
    out.put("apiVersion", API_VERSION);
    ObjectNode meta = request.path("metadata").isObject() ? ((ObjectNode) request.path("metadata")).deepCopy()
        : JSON.objectNode();
    if (!meta.has("creationTimestamp")) {
      meta.putNull("creationTimestamp");
    }
    out.set("metadata", meta);
    ObjectNode spec = out.putObject("spec");
    spec.put("token", token);
    if (!audiences.isEmpty()) {
      ArrayNode auds = spec.putArray("audiences");
      audiences.forEach(auds::add);
    }
    ObjectNode status = out.putObject("status");
    if (review.authenticated()) {
      status.put("authenticated", true);
      ObjectNode user = status.putObject("user");
      user.put("username", review.username());
      if (!review.uid().isEmpty()) {
        user.put("uid", review.uid());
      }
      ArrayNode groups = user.putArray("groups");
      review.groups().forEach(groups::add);
      if (!review.extra().isEmpty()) {
        ObjectNode extra = user.putObject("extra");
        review.extra().forEach((k, v) -> {
          ArrayNode values = extra.putArray(k);
          v.forEach(values::add);
        });
      }
      ArrayNode auds = status.putArray("audiences");
      review.audiences().forEach(auds::add);
    } else {
      status.putObject("user");
      status.put("error", review.error());
    }
    return new SandboxStore.Reply(201, out, List.of());
  }

  /** What go-restful answers a method a route does not have (a GET of tokenreviews, of serviceaccounts/token). */
  static ApiException methodNotAllowed() {
    ObjectNode status = JSON.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", "the server does not allow this method on the requested resource");
    status.put("reason", "MethodNotAllowed");
    status.putObject("details");
    status.put("code", 405);
    return new ApiException(status);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Service-account issuer discovery

  /** {@code /.well-known/openid-configuration}. */
  ObjectNode openIdConfiguration(String serverUrl) {
    ObjectNode doc = JSON.objectNode();
    doc.put("issuer", ISSUER);
    doc.put("jwks_uri", serverUrl + "/openid/v1/jwks");
    doc.putArray("response_types_supported").add("id_token");
    doc.putArray("subject_types_supported").add("public");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    return doc;
  }

  /** {@code /openid/v1/jwks}: the public signing key. */
  ObjectNode jwks() {
    RSAKey key = key();
    ObjectNode jwk = JSON.objectNode();
    jwk.put("use", "sig");
    jwk.put("kty", "RSA");
    jwk.put("kid", key.getKeyID());
    jwk.put("alg", "RS256");
    jwk.put("n", key.getModulus().toString());
    jwk.put("e", key.getPublicExponent().toString());
    ObjectNode doc = JSON.objectNode();
    doc.putArray("keys").add(jwk);
    return doc;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Signing

  private String sign(Instant issuedAt, ObjectNode sa, ObjectNode pod, ObjectNode secret, ObjectNode node,
      List<String> audiences, long seconds) {
    long now = issuedAt.getEpochSecond();
    ObjectNode claims = JSON.objectNode();
    // go-jose marshals the merged claims as a map: keys in sorted order
    ArrayNode aud = claims.putArray("aud");
    audiences.forEach(aud::add);
    claims.put("exp", now + seconds);
    claims.put("iat", now);
    claims.put("iss", ISSUER);
    claims.put("jti", UUID.randomUUID().toString());
    ObjectNode k8s = claims.putObject("kubernetes.io");
    k8s.put("namespace", sa.path("metadata").path("namespace").asText());
    if (node != null) {
      k8s.set("node", ref(node));
    }
    if (pod != null) {
      k8s.set("pod", ref(pod));
    }
    if (secret != null) {
      k8s.set("secret", ref(secret));
    }
    k8s.set("serviceaccount", ref(sa));
    claims.put("nbf", now);
    claims.put("sub", "system:serviceaccount:" + sa.path("metadata").path("namespace").asText() + ":"
        + sa.path("metadata").path("name").asText());
    RSAKey key = key();
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
        new Payload(claims.toString()));
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a service account token", e);
    }
    return jws.serialize();
  }

  private static ObjectNode ref(ObjectNode object) {
    ObjectNode ref = JSON.objectNode();
    ref.put("name", object.path("metadata").path("name").asText());
    ref.put("uid", object.path("metadata").path("uid").asText());
    return ref;
  }

  private RSAKey key() {
    RSAKey key = signingKey;
    if (key == null) {
      synchronized (this) {
        key = signingKey;
        if (key == null) {
          key = generateKey();
          signingKey = key;
        }
      }
    }
    return key;
  }

  private static RSAKey generateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
      return new RSAKey.Builder(pub).privateKey((RSAPrivateKey) pair.getPrivate()).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256).keyID(keyIdOf(pub)).build();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The apiserver's {@code keyIDFromPublicKey}: base64url(SHA-256(PKIX DER)) without padding. */
  static String keyIdOf(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The service-account JWT authenticator

  /**
   * A review of a service-account JWT: the authenticated user, or {@code null} with the reason added to
   * {@code errors} (nothing added when the token is not one of this issuer's).
   */
  private Review reviewJwt(String token, List<String> requested, List<String> errors) {
    JsonNode unverified = unverifiedClaims(token);
    if (unverified == null || !ISSUER.equals(unverified.path("iss").asText(null))) {
      return null;
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(token);
    } catch (ParseException e) {
      return null;
    }
    RSAKey key = key();
    String kid = jws.getHeader().getKeyID();
    if (kid != null && !kid.isEmpty() && !kid.equals(key.getKeyID())) {
      errors.add("invalid signature, no keys found");
      return null;
    }
    try {
      if (!JWSAlgorithm.Family.RSA.contains(jws.getHeader().getAlgorithm())
          || !jws.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
        errors.add(CRYPTO_FAILURE);
        return null;
      }
    } catch (JOSEException | IllegalStateException e) {
      errors.add(CRYPTO_FAILURE);
      return null;
    }
    JsonNode claims = unverified;
    List<String> tokenAudiences = claims.path("aud").isTextual() ? List.of(claims.path("aud").asText())
        : strings(claims.path("aud"));
    if (tokenAudiences.isEmpty()) {
      tokenAudiences = API_AUDIENCES;
    }
    List<String> auds = intersect(tokenAudiences, requested);
    if (auds.isEmpty()) {
      errors.add("token audiences " + quoteAll(tokenAudiences) + " is invalid for the target audiences "
          + quoteAll(requested));
      return null;
    }
    // jwt.Claims.Validate with the default leeway: nbf, exp, iat
    Instant now = now();
    if (claims.has("nbf") && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(claims.path("nbf").asLong()))) {
      errors.add("service account token is not valid yet");
      return null;
    }
    if (claims.has("exp") && now.minus(LEEWAY).isAfter(Instant.ofEpochSecond(claims.path("exp").asLong()))) {
      errors.add("service account token has expired");
      return null;
    }
    if (claims.has("iat") && now.plus(LEEWAY).isBefore(Instant.ofEpochSecond(claims.path("iat").asLong()))) {
      errors.add("service account token is issued in the future");
      return null;
    }
    JsonNode private_ = claims.path("kubernetes.io");
    String namespace = private_.path("namespace").asText("");
    String saName = private_.path("serviceaccount").path("name").asText("");
    String saUid = private_.path("serviceaccount").path("uid").asText("");
    Instant deletedBefore = now.minus(LEEWAY);
    ObjectNode sa;
    try {
      sa = get("", "v1", "serviceaccounts", namespace, saName);
    } catch (ApiException e) {
      errors.add(e.getMessage());
      return null;
    }
    String liveUid = sa.path("metadata").path("uid").asText("");
    if (!liveUid.equals(saUid)) {
      errors.add("service account UID (" + liveUid + ") does not match claim (" + saUid + ")");
      return null;
    }
    if (deletedBefore(sa, deletedBefore)) {
      errors.add("service account " + namespace + "/" + saName + " has been deleted");
      return null;
    }
    JsonNode secretRef = private_.path("secret");
    if (secretRef.isObject()) {
      String problem = boundObjectProblem("secrets", namespace, secretRef, "secret UID (%s) does not match "
          + "service account secret ref claim (%s)", deletedBefore);
      if (problem != null) {
        errors.add(problem);
        return null;
      }
    }
    JsonNode podRef = private_.path("pod");
    JsonNode nodeRef = private_.path("node");
    Map<String, List<String>> extra = new java.util.TreeMap<>();
    if (podRef.isObject()) {
      String problem = boundObjectProblem("pods", namespace, podRef, "pod UID (%s) does not match service "
          + "account pod ref claim (%s)", deletedBefore);
      if (problem != null) {
        errors.add(problem);
        return null;
      }
      extra.put(EXTRA + "pod-name", List.of(podRef.path("name").asText()));
      extra.put(EXTRA + "pod-uid", List.of(podRef.path("uid").asText()));
    }
    if (nodeRef.isObject()) {
      if (!podRef.isObject()) {
        String problem = boundObjectProblem("nodes", null, nodeRef, "node UID (%s) does not match service "
            + "account node ref claim (%s)", deletedBefore);
        if (problem != null) {
          errors.add(problem);
          return null;
        }
      }
      extra.put(EXTRA + "node-name", List.of(nodeRef.path("name").asText()));
      if (!nodeRef.path("uid").asText("").isEmpty()) {
        extra.put(EXTRA + "node-uid", List.of(nodeRef.path("uid").asText()));
      }
    }
    String jti = claims.path("jti").asText("");
    if (!jti.isEmpty()) {
      extra.put(EXTRA + "credential-id", List.of("JTI=" + jti));
    }
    List<String> groups = authenticated(List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace));
    return new Review(true, "system:serviceaccount:" + namespace + ":" + saName, saUid, groups, extra, auds, null);
  }

  /** Why a bound pod, secret or node no longer backs a token, or {@code null} when it does. */
  private String boundObjectProblem(String plural, String namespace, JsonNode ref, String uidMismatch,
      Instant deletedBefore) {
    ObjectNode live = find("", "v1", plural, namespace, ref.path("name").asText(""));
    if (live == null) {
      return INVALIDATED;
    }
    String liveUid = live.path("metadata").path("uid").asText("");
    if (!liveUid.equals(ref.path("uid").asText(""))) {
      return String.format(uidMismatch, liveUid, ref.path("uid").asText(""));
    }
    return deletedBefore(live, deletedBefore) ? INVALIDATED : null;
  }

  private static boolean deletedBefore(ObjectNode object, Instant before) {
    String deletion = object.path("metadata").path("deletionTimestamp").asText("");
    return !deletion.isEmpty() && Instant.parse(deletion).isBefore(before);
  }

  /** The payload of a compact JWS read without verifying it, as the issuer check does; {@code null} if none. */
  private static JsonNode unverifiedClaims(String token) {
    if (token.trim().startsWith("{")) {
      return null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims != null && claims.isObject() ? claims : null;
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Helpers

  private ObjectNode get(String group, String version, String plural, String namespace, String name) {
    ResourceType type = store.registry().find(group, version, plural).orElseThrow();
    RequestPath path = new RequestPath(group, version, namespace, plural, name, null, Map.of());
    return (ObjectNode) store.serve("GET", path, type, null, new byte[0], null).body();
  }

  private ObjectNode find(String group, String version, String plural, String namespace, String name) {
    try {
      return get(group, version, plural, namespace, name);
    } catch (ApiException e) {
      return null;
    }
  }

  private static List<String> authenticated(List<String> groups) {
    List<String> out = new ArrayList<>(groups);
    if (!out.contains("system:authenticated")) {
      out.add("system:authenticated");
    }
    return List.copyOf(out);
  }

  /** {@code Audiences.Intersect}: the members of {@code a} that {@code b} has, in {@code a}'s order. */
  private static List<String> intersect(List<String> a, List<String> b) {
    Set<String> in = Set.copyOf(b);
    return a.stream().filter(in::contains).distinct().toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** {@code utilerrors.NewAggregate(...).Error()}: one message as is, several de-duplicated in brackets. */
  static String aggregate(List<String> messages) {
    Set<String> seen = new LinkedHashSet<>(messages);
    return seen.size() == 1 ? seen.iterator().next() : "[" + String.join(", ", seen) + "]";
  }

  /** Go's {@code %q} of a string. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  private static String quoteAll(List<String> values) {
    return "[" + String.join(" ", values.stream().map(ServiceAccountTokens::quote).toList()) + "]";
  }

  /** Go's encoding/csv as the token file reader configures it (leading spaces trimmed, any number of fields). */
  static final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(String text) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      int i = 0;
      int n = text.length();
      boolean lineHasContent = false;
      boolean atFieldStart = true;
      while (i < n) {
        char c = text.charAt(i);
        if (atFieldStart && (c == ' ' || c == '\t')) {
          i++;
          continue;
        }
        if (atFieldStart && c == '"') {
          i++;
          lineHasContent = true;
          while (i < n) {
            char q = text.charAt(i);
            if (q == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            field.append(q);
            i++;
          }
          atFieldStart = false;
          continue;
        }
        if (c == ',') {
          record.add(field.toString());
          field.setLength(0);
          atFieldStart = true;
          lineHasContent = true;
          i++;
          continue;
        }
        if (c == '\r' || c == '\n') {
          if (lineHasContent || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
          }
          record = new ArrayList<>();
          field.setLength(0);
          atFieldStart = true;
          lineHasContent = false;
          i++;
          continue;
        }
        field.append(c);
        lineHasContent = true;
        atFieldStart = false;
        i++;
      }
      if (lineHasContent || field.length() > 0) {
        record.add(field.toString());
        records.add(record);
      }
      return records;
    }
  }
}
