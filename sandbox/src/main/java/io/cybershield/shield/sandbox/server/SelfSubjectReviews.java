package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.FieldError;
import io.cybershield.shield.sandbox.admission.KubeStatus;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reviews a client posts about itself, never stored: SelfSubjectAccessReview and SelfSubjectRulesReview
 * ({@code kubectl auth can-i [--list]}) and SelfSubjectReview ({@code kubectl auth whoami}). The sandbox enforces no
 * RBAC — every request is admitted as a cluster admin's — so every access is allowed and the rules are all
 * ({@code *}). The caller is who its bearer token reviews as (a static token, a service-account token), the user
 * it impersonates, or else the sandbox's admin, the user of the kubeconfig the sandbox writes.
 */
final class SelfSubjectReviews {

  static final String ADMIN = "shield-sandbox-admin";
  static final List<String> ADMIN_GROUPS = List.of("system:masters", "system:authenticated");
  static final String ALLOWED_REASON = "the Shield sandbox enforces no RBAC: every request is allowed";
  private static final String AUTHORIZATION = "authorization.k8s.io";
  private static final String AUTHENTICATION = ServiceAccountTokens.GROUP;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ServiceAccountTokens tokens;

  SelfSubjectReviews(ServiceAccountTokens tokens) {
    this.tokens = tokens;
  }

  /** Whether the path is one of the reviews' (v1). */
  static boolean serves(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        || p.equals("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        || p.equals("/apis/authentication.k8s.io/v1/selfsubjectreviews");
  }

  SandboxStore.Reply review(String path, String contentType, byte[] body, MultiMap headers) {
    ObjectNode request = RequestBodies.object(contentType, body, false);
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String resource = p.substring(p.lastIndexOf('/') + 1);
    return switch (resource) {
      case "selfsubjectaccessreviews" -> accessReview(request);
      case "selfsubjectrulesreviews" -> rulesReview(request);
      default -> selfReview(request, headers);
    };
  }

  private static void checkKind(ObjectNode request, String kind) {
    String actual = request.path("kind").asText("");
    if (!actual.isEmpty() && !actual.equals(kind)) {
      throw Statuses.badRequest("not a " + kind + ": " + actual);
    }
  }

  private static ObjectNode answer(ObjectNode request, String kind, String group) {
    ObjectNode out = JSON.objectNode();
    out.put("kind", kind);
    out.put("apiVersion", group + "/v1");
    ObjectNode meta = request.path("metadata") instanceof ObjectNode m ? m.deepCopy() : JSON.objectNode();
    meta.putNull("creationTimestamp");
    out.set("metadata", meta);
    return out;
  }

  private static SandboxStore.Reply accessReview(ObjectNode request) {
    checkKind(request, "SelfSubjectAccessReview");
    JsonNode spec = request.path("spec");
    boolean resource = spec.path("resourceAttributes").isObject();
    boolean nonResource = spec.path("nonResourceAttributes").isObject();
    if (resource == nonResource) {
      // the real server's validation
      throw new ApiException(KubeStatus.invalid("SelfSubjectAccessReview", AUTHORIZATION, "",
          List.of(FieldError.invalidRaw("spec.resourceAttributes", spec.path("resourceAttributes").isObject()
              ? "{...}" : "null", "exactly one of nonResourceAttributes or resourceAttributes must be specified"))));
    }
    ObjectNode out = answer(request, "SelfSubjectAccessReview", AUTHORIZATION);
    out.set("spec", spec.deepCopy());
    out.putObject("status").put("allowed", true).put("reason", ALLOWED_REASON);
    return SandboxStore.Reply.of(201, out);
  }

  private static SandboxStore.Reply rulesReview(ObjectNode request) {
    checkKind(request, "SelfSubjectRulesReview");
    JsonNode spec = request.path("spec");
    if (spec.path("namespace").asText("").isEmpty()) {
      throw new ApiException(KubeStatus.invalid("SelfSubjectRulesReview", AUTHORIZATION, "",
          List.of(FieldError.required("spec.namespace", ""))));
    }
    ObjectNode out = answer(request, "SelfSubjectRulesReview", AUTHORIZATION);
    out.set("spec", spec.deepCopy());
    ObjectNode status = out.putObject("status");
    ObjectNode rule = status.putArray("resourceRules").addObject();
    rule.putArray("verbs").add("*");
    rule.putArray("apiGroups").add("*");
    rule.putArray("resources").add("*");
    ObjectNode nonResourceRule = status.putArray("nonResourceRules").addObject();
    nonResourceRule.putArray("verbs").add("*");
    nonResourceRule.putArray("nonResourceURLs").add("*");
    status.put("incomplete", false);
    return SandboxStore.Reply.of(201, out);
  }

  private SandboxStore.Reply selfReview(ObjectNode request, MultiMap headers) {
    checkKind(request, "SelfSubjectReview");
    ObjectNode out = answer(request, "SelfSubjectReview", AUTHENTICATION);
    ObjectNode user = out.putObject("status").putObject("userInfo");
    String impersonated = headers.get("Impersonate-User");
    if (impersonated != null && !impersonated.isEmpty()) {
      user.put("username", impersonated);
      String uid = headers.get("Impersonate-Uid");
      if (uid != null && !uid.isEmpty()) {
        user.put("uid", uid);
      }
      List<String> groups = new ArrayList<>(headers.getAll("Impersonate-Group"));
      if (!impersonated.equals("system:anonymous") && !groups.contains("system:authenticated")) {
        groups.add("system:authenticated");
      }
      groups.forEach(user.withArray("groups")::add);
      ObjectNode extra = JSON.objectNode();
      for (Map.Entry<String, String> header : headers.entries()) {
        if (header.getKey().regionMatches(true, 0, "Impersonate-Extra-", 0, 18)) {
          extra.withArray(header.getKey().substring(18).toLowerCase()).add(header.getValue());
        }
      }
      if (!extra.isEmpty()) {
        user.set("extra", extra);
      }
      return SandboxStore.Reply.of(201, out);
    }
    String authorization = headers.get("Authorization");
    ServiceAccountTokens.Review review = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      review = tokens.review(authorization.substring(7).trim(), List.of());
    }
    if (review != null && review.authenticated()) {
      user.put("username", review.username());
      if (review.uid() != null && !review.uid().isEmpty()) {
        user.put("uid", review.uid());
      }
      review.groups().forEach(user.withArray("groups")::add);
      if (review.extra() != null && !review.extra().isEmpty()) {
        ObjectNode extra = user.putObject("extra");
        review.extra().forEach((key, values) -> values.forEach(extra.withArray(key)::add));
      }
    } else {
      user.put("username", ADMIN);
      ADMIN_GROUPS.forEach(user.withArray("groups")::add);
    }
    return SandboxStore.Reply.of(201, out);
  }
}
