package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discovery ({@code /api}, {@code /apis}, per group-version resource lists), {@code /version} and the OpenAPI v3
 * documents {@code kubectl} needs for server-side field validation and {@code explain}, shaped as a real
 * kube-apiserver serves them.
 */
final class ApiDocuments {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> VERBS = List.of("delete", "deletecollection", "get", "list", "patch", "create",
      "update", "watch");

  /** A create-only API (a review): served (POST only) but never stored, so it is no {@link ResourceType}. */
  private record Review(String group, String version, String plural, String singular, String kind,
      String description) {
    String groupVersionPath() {
      return "apis/" + group + "/" + version;
    }
  }

  /** TokenReview ({@link ServiceAccountTokens}) and the self-subject reviews ({@link SelfSubjectReviews}). */
  private static final List<Review> REVIEWS = List.of(
      new Review(ServiceAccountTokens.GROUP, "v1", "tokenreviews", "tokenreview", "TokenReview",
          "TokenReview attempts to authenticate a token to a known user."),
      new Review(ServiceAccountTokens.GROUP, "v1", "selfsubjectreviews", "selfsubjectreview", "SelfSubjectReview",
          "SelfSubjectReview contains the user information that the kube-apiserver has about the user making this "
              + "request."),
      new Review("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "selfsubjectaccessreview",
          "SelfSubjectAccessReview", "SelfSubjectAccessReview checks whether or the current user can perform an "
              + "action."),
      new Review("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "selfsubjectrulesreview",
          "SelfSubjectRulesReview", "SelfSubjectRulesReview enumerates the set of actions the current user can "
              + "perform within a namespace."));
  private static final String REVIEW_GROUP = ServiceAccountTokens.GROUP;

  private final ResourceRegistry registry;

  ApiDocuments(ResourceRegistry registry) {
    this.registry = registry;
  }

  static ObjectNode version() {
    ObjectNode v = JSON.objectNode();
    v.put("major", "1");
    v.put("minor", "32");
    v.put("gitVersion", "v1.32.0-shield-sandbox");
    v.put("gitCommit", "0000000000000000000000000000000000000000");
    v.put("gitTreeState", "clean");
    v.put("buildDate", "2026-01-01T00:00:00Z");
    v.put("goVersion", "go1.23.3");
    v.put("compiler", "gc");
    v.put("platform", "linux/amd64");
    return v;
  }

  ObjectNode coreVersions(String serverAddress) {
    ObjectNode v = JSON.objectNode();
    v.put("kind", "APIVersions");
    v.putArray("versions").add("v1");
    ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return v;
  }

  /** Group → its versions, in registry order (the first is preferred). */
  private Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ResourceType type : registry.all()) {
      if (type.group().isEmpty()) {
        continue;
      }
      List<String> versions = groups.computeIfAbsent(type.group(), g -> new java.util.ArrayList<>());
      if (!versions.contains(type.version())) {
        versions.add(type.version());
      }
    }
    for (Review review : REVIEWS) {
      List<String> versions = groups.computeIfAbsent(review.group(), g -> new java.util.ArrayList<>());
      if (!versions.contains(review.version())) {
        versions.add(review.version());
      }
    }
    return groups;
  }

  ObjectNode groupList() {
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode items = list.putArray("groups");
    groups().forEach((group, versions) -> items.add(group(group, versions)));
    return list;
  }

  ObjectNode group(String name) {
    List<String> versions = groups().get(name);
    if (versions == null) {
      return null;
    }
    ObjectNode group = group(name, versions);
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    return group;
  }

  private static ObjectNode group(String name, List<String> versions) {
    ObjectNode group = JSON.objectNode();
    group.put("name", name);
    ArrayNode vs = group.putArray("versions");
    for (String version : versions) {
      vs.addObject().put("groupVersion", name + "/" + version).put("version", version);
    }
    group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
        .put("version", versions.get(0));
    return group;
  }

  ObjectNode resourceList(String group, String version) {
    List<ResourceType> types = registry.all().stream()
        .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
    List<Review> reviews = REVIEWS.stream().filter(r -> r.group().equals(group) && r.version().equals(version))
        .toList();
    if (types.isEmpty() && reviews.isEmpty()) {
      return null;
    }
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = list.putArray("resources");
    for (Review review : reviews) {
      ObjectNode r = resources.addObject();
      r.put("name", review.plural());
      r.put("singularName", review.singular());
      r.put("namespaced", false);
      r.put("kind", review.kind());
      r.putArray("verbs").add("create");
    }
    for (ResourceType type : types) {
      ObjectNode r = resources.addObject();
      r.put("name", type.plural());
      r.put("singularName", type.singular());
      r.put("namespaced", type.namespaced());
      r.put("kind", type.kind());
      ArrayNode verbs = r.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!type.shortNames().isEmpty()) {
        ArrayNode shortNames = r.putArray("shortNames");
        type.shortNames().forEach(shortNames::add);
      }
      if (!type.categories().isEmpty()) {
        ArrayNode categories = r.putArray("categories");
        type.categories().forEach(categories::add);
      }
      r.put("storageVersionHash", hash(type.qualifiedResource() + "/" + type.version()).substring(0, 12));
      if (type.statusSubresource()) {
        ObjectNode status = resources.addObject();
        status.put("name", type.plural() + "/status");
        status.put("singularName", "");
        status.put("namespaced", type.namespaced());
        status.put("kind", type.kind());
        status.putArray("verbs").add("get").add("patch").add("update");
      }
      if (type.scaleSubresource()) {
        ObjectNode scale = resources.addObject();
        scale.put("name", type.plural() + "/scale");
        scale.put("singularName", "");
        scale.put("namespaced", type.namespaced());
        scale.put("group", "autoscaling");
        scale.put("version", "v1");
        scale.put("kind", "Scale");
        scale.putArray("verbs").add("get").add("patch").add("update");
      }
      if (type.group().isEmpty() && type.plural().equals("serviceaccounts")) {
        ObjectNode token = resources.addObject();
        token.put("name", "serviceaccounts/token");
        token.put("singularName", "");
        token.put("namespaced", true);
        token.put("group", REVIEW_GROUP);
        token.put("version", "v1");
        token.put("kind", "TokenRequest");
        token.putArray("verbs").add("create");
      }
    }
    return list;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // OpenAPI v3

  ObjectNode openApiIndex() {
    ObjectNode index = JSON.objectNode();
    ObjectNode paths = index.putObject("paths");
    Map<String, Boolean> groupVersions = new TreeMap<>();
    for (ResourceType type : registry.all()) {
      groupVersions.put(type.groupVersionPath().substring(1), true);
    }
    REVIEWS.forEach(review -> groupVersions.put(review.groupVersionPath(), true));
    for (String gv : groupVersions.keySet()) {
      ObjectNode doc = openApi(gv);
      paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash=" + hash(doc.toString()));
    }
    return index;
  }

  /** The OpenAPI v3 document of one group-version ({@code api/v1} or {@code apis/<group>/<version>}). */
  ObjectNode openApi(String groupVersionPath) {
    List<ResourceType> types = registry.all().stream()
        .filter(t -> t.groupVersionPath().substring(1).equals(groupVersionPath)).toList();
    List<Review> reviews = REVIEWS.stream().filter(r -> r.groupVersionPath().equals(groupVersionPath)).toList();
    if (types.isEmpty() && reviews.isEmpty()) {
      return null;
    }
    ObjectNode doc = JSON.objectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    schemas.set("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", objectMetaSchema());
    for (Review review : reviews) {
      // create only, as the real server's document has it
      String groupName = review.group().substring(0, review.group().indexOf('.'));
      String schemaName = "io.k8s.api." + groupName + "." + review.version() + "." + review.kind();
      ObjectNode schema = schemas.putObject(schemaName);
      schema.put("description", review.description());
      schema.put("type", "object");
      schema.put("x-kubernetes-preserve-unknown-fields", true);
      schema.putArray("x-kubernetes-group-version-kind").addObject().put("group", review.group())
          .put("kind", review.kind()).put("version", review.version());
      ObjectNode gvk = JSON.objectNode().put("group", review.group()).put("version", review.version())
          .put("kind", review.kind());
      String operationId = "create" + Character.toUpperCase(groupName.charAt(0)) + groupName.substring(1)
          + "V1" + review.kind();
      paths.putObject("/" + review.groupVersionPath() + "/" + review.plural()).set("post",
          operation(operationId, gvk, "post", schemaName, true));
    }
    for (ResourceType type : types) {
      String schemaName = schemaName(type);
      schemas.set(schemaName, schema(type));
      String base = "/" + groupVersionPath + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
      ObjectNode gvk = JSON.objectNode().put("group", type.group()).put("version", type.version())
          .put("kind", type.kind());
      ObjectNode collection = paths.putObject(base);
      collection.set("get", operation("list" + type.kind(), gvk, "list", schemaName, false));
      collection.set("post", operation("create" + type.kind(), gvk, "post", schemaName, true));
      ObjectNode item = paths.putObject(base + "/{name}");
      item.set("get", operation("read" + type.kind(), gvk, "get", schemaName, false));
      item.set("put", operation("replace" + type.kind(), gvk, "put", schemaName, true));
      item.set("patch", operation("patch" + type.kind(), gvk, "patch", schemaName, true));
      item.set("delete", operation("delete" + type.kind(), gvk, "delete", schemaName, false));
      if (type.statusSubresource()) {
        ObjectNode status = paths.putObject(base + "/{name}/status");
        status.set("get", operation("read" + type.kind() + "Status", gvk, "get", schemaName, false));
        status.set("put", operation("replace" + type.kind() + "Status", gvk, "put", schemaName, true));
        status.set("patch", operation("patch" + type.kind() + "Status", gvk, "patch", schemaName, true));
      }
    }
    return doc;
  }

  private static ObjectNode operation(String id, ObjectNode gvk, String action, String schemaName,
      boolean validates) {
    ObjectNode op = JSON.objectNode();
    op.put("operationId", id);
    ArrayNode params = op.putArray("parameters");
    if (validates) {
      params.addObject().put("name", "dryRun").put("in", "query").put("description",
          "When present, indicates that modifications should not be persisted.").putObject("schema")
          .put("type", "string").put("uniqueItems", true);
      params.addObject().put("name", "fieldManager").put("in", "query").put("description",
          "fieldManager is a name associated with the actor or entity that is making these changes.")
          .putObject("schema").put("type", "string").put("uniqueItems", true);
      params.addObject().put("name", "fieldValidation").put("in", "query").put("description",
          "fieldValidation instructs the server on how to handle objects in the request containing unknown or "
              + "duplicate fields. Valid values are: Ignore, Warn (default), Strict.")
          .putObject("schema").put("type", "string").put("uniqueItems", true);
    }
    if (action.equals("patch")) {
      params.addObject().put("name", "force").put("in", "query").putObject("schema").put("type", "boolean")
          .put("uniqueItems", true);
    }
    ObjectNode ok = op.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ok.putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/" + schemaName);
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk);
    return op;
  }

  static String schemaName(ResourceType type) {
    String group = type.group().isEmpty() ? "core" : type.group();
    String[] parts = group.split("\\.");
    StringBuilder reversed = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      reversed.append(parts[i]).append('.');
    }
    return reversed + type.version() + "." + type.kind();
  }

  private static JsonNode schema(ResourceType type) {
    ObjectNode schema;
    JsonNode crdSchema = null;
    if (type.crd() != null) {
      for (JsonNode version : type.crd().path("spec").path("versions")) {
        if (version.path("name").asText().equals(type.version())) {
          crdSchema = version.path("schema").path("openAPIV3Schema");
        }
      }
    }
    if (crdSchema != null && crdSchema.isObject()) {
      schema = crdSchema.deepCopy();
      ObjectNode properties = schema.with("properties");
      properties.putObject("apiVersion").put("type", "string").put("description",
          "APIVersion defines the versioned schema of this representation of an object.");
      properties.putObject("kind").put("type", "string").put("description",
          "Kind is a string value representing the REST resource this object represents.");
      ObjectNode metadata = properties.putObject("metadata");
      metadata.put("description", "Standard object's metadata. More info: "
          + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata");
      metadata.putArray("allOf").addObject().put("$ref", "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1"
          + ".ObjectMeta");
    } else {
      schema = JSON.objectNode();
      schema.put("description", type.kind() + " (served by the Shield sandbox; schema not published)");
      schema.put("type", "object");
      schema.put("x-kubernetes-preserve-unknown-fields", true);
    }
    ArrayNode gvk = schema.putArray("x-kubernetes-group-version-kind");
    gvk.addObject().put("group", type.group()).put("kind", type.kind()).put("version", type.version());
    return schema;
  }

  private static ObjectNode objectMetaSchema() {
    ObjectNode meta = JSON.objectNode();
    meta.put("description", "ObjectMeta is metadata that all persisted resources must have, which includes all "
        + "objects users must create.");
    meta.put("type", "object");
    ObjectNode props = meta.putObject("properties");
    props.putObject("name").put("type", "string").put("description",
        "Name must be unique within a namespace.");
    props.putObject("namespace").put("type", "string").put("description",
        "Namespace defines the space within which each name must be unique.");
    props.putObject("labels").put("type", "object").put("description",
        "Map of string keys and values that can be used to organize and categorize objects.")
        .putObject("additionalProperties").put("type", "string");
    props.putObject("annotations").put("type", "object").put("description",
        "Annotations is an unstructured key value map stored with a resource.")
        .putObject("additionalProperties").put("type", "string");
    props.putObject("generateName").put("type", "string");
    props.putObject("uid").put("type", "string");
    props.putObject("resourceVersion").put("type", "string");
    props.putObject("generation").put("type", "integer").put("format", "int64");
    props.putObject("creationTimestamp").put("type", "string").put("format", "date-time");
    props.putObject("deletionTimestamp").put("type", "string").put("format", "date-time");
    props.putObject("deletionGracePeriodSeconds").put("type", "integer").put("format", "int64");
    props.putObject("finalizers").put("type", "array").putObject("items").put("type", "string");
    ObjectNode owner = props.putObject("ownerReferences").put("type", "array").putObject("items");
    owner.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    ObjectNode managed = props.putObject("managedFields").put("type", "array").putObject("items");
    managed.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    return meta;
  }

  static String hash(String content) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-512");
      return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8))).toUpperCase();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
