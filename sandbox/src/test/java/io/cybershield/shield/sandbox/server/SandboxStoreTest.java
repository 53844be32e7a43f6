package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.ObjectMetaPruning;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's verbs without HTTP: metadata pruning for built-in kinds, lists by namespace, garbage collection. */
class SandboxStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceRegistry registry = new ResourceRegistry();
  private final ResourceType namespaces = registry.find("", "v1", "namespaces").orElseThrow();
  private final ResourceType configMaps = registry.find("", "v1", "configmaps").orElseThrow();
  private SandboxStore store;

  @BeforeEach
  void store() {
    store = new SandboxStore(registry, Clock.systemUTC());
    for (String ns : List.of("a", "b")) {
      store.createInternal(namespaces, json("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
          + ns + "\"}}"));
    }
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RequestPath path(String namespace, String name, Map<String, String> query) {
    return new RequestPath("", "v1", namespace, "configmaps", name, null, query);
  }

  private SandboxStore.Reply send(String method, String namespace, String name, String contentType, String body,
      Map<String, String> query) {
    return store.serve(method, path(namespace, name, query), configMaps, contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8), "test/1.0");
  }

  private SandboxStore.Reply create(String namespace, String metadata) {
    return send("POST", namespace, null, "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":" + metadata + "}", Map.of());
  }

  private String uid(String namespace, String name) {
    return get(namespace, name).path("metadata").path("uid").asText();
  }

  private JsonNode get(String namespace, String name) {
    return send("GET", namespace, name, null, null, Map.of()).body();
  }

  private boolean exists(String namespace, String name) {
    return store.objects(configMaps, namespace).stream()
        .anyMatch(o -> o.path("metadata").path("name").asText().equals(name));
  }

  private static String ownedBy(String name, String uid) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"" + name + "\",\"uid\":\"" + uid + "\"}";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Unknown metadata fields

  @Test
  void unknownMetadataOfABuiltInKindIsPrunedWithAWarning() {
    SandboxStore.Reply created = create("a", "{\"name\":\"cm\",\"whatever\":\"x\",\"labels\":{\"app\":\"web\"}}");
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.warnings()).containsExactly("299 - \"unknown field \\\"metadata.whatever\\\"\"");
    assertThat(created.body().path("metadata").has("whatever")).isFalse();
    assertThat(get("a", "cm").path("metadata").has("whatever")).isFalse();
    assertThat(get("a", "cm").path("metadata").path("labels").path("app").asText()).isEqualTo("web");
  }

  @Test
  void unknownMetadataIsIgnoredSilentlyOrRefusedStrictly() {
    SandboxStore.Reply ignored = send("POST", "a", null, "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"quiet\",\"whatever\":1}}",
        Map.of("fieldValidation", "Ignore"));
    assertThat(ignored.warnings()).isEmpty();
    assertThat(ignored.body().path("metadata").has("whatever")).isFalse();
    assertThatThrownBy(() -> send("POST", "a", null, "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"strict\",\"whatever\":1}}",
        Map.of("fieldValidation", "Strict")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.status().path("message").asText()).isEqualTo("ConfigMap in version \"v1\" cannot be handled "
              + "as a ConfigMap: strict decoding error: unknown field \"metadata.whatever\"");
        });
    assertThat(exists("a", "strict")).isFalse();
  }

  @Test
  void aPatchThatAddsUnknownMetadataIsPrunedToo() {
    create("a", "{\"name\":\"patched\"}");
    SandboxStore.Reply patched = send("PATCH", "a", "patched", "application/merge-patch+json",
        "{\"metadata\":{\"whatever\":1,\"labels\":{\"x\":\"y\"}}}", Map.of());
    assertThat(patched.warnings()).containsExactly("299 - \"unknown field \\\"metadata.whatever\\\"\"");
    assertThat(get("a", "patched").path("metadata").has("whatever")).isFalse();
    assertThat(get("a", "patched").path("metadata").path("labels").path("x").asText()).isEqualTo("y");
  }

  @Test
  void objectMetaFieldsAreFabric8s() {
    assertThat(ObjectMetaPruning.OBJECT_META).isEqualTo(jsonProperties(ObjectMeta.class));
    assertThat(ObjectMetaPruning.OWNER_REFERENCE).isEqualTo(jsonProperties(OwnerReference.class));
    assertThat(ObjectMetaPruning.MANAGED_FIELDS_ENTRY).isEqualTo(jsonProperties(ManagedFieldsEntry.class));
  }

  /** The JSON fields fabric8's model class declares. */
  private static Set<String> jsonProperties(Class<?> type) {
    return Set.of(type.getAnnotation(JsonPropertyOrder.class).value());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Lists

  @Test
  void aListOfOneNamespaceHasOnlyItsObjectsAndAllNamespacesComeInOrder() {
    create("b", "{\"name\":\"z\"}");
    create("a", "{\"name\":\"y\"}");
    create("b", "{\"name\":\"x\"}");
    assertThat(names(send("GET", "b", null, null, null, Map.of()).body())).containsExactly("b/x", "b/z");
    assertThat(names(send("GET", null, null, null, null, Map.of()).body())).containsExactly("a/y", "b/x", "b/z");
  }

  private static List<String> names(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.path("items").forEach(item -> out.add(item.path("metadata").path("namespace").asText() + "/"
        + item.path("metadata").path("name").asText()));
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Garbage collection

  @Test
  void deletingAnOwnerDeletesItsDependentsAndTheirs() {
    create("a", "{\"name\":\"owner\"}");
    create("a", "{\"name\":\"child\",\"ownerReferences\":[" + ownedBy("owner", uid("a", "owner")) + "]}");
    create("a", "{\"name\":\"grandchild\",\"ownerReferences\":[" + ownedBy("child", uid("a", "child")) + "]}");
    create("a", "{\"name\":\"unrelated\"}");
    send("DELETE", "a", "owner", null, null, Map.of());
    assertThat(names(send("GET", "a", null, null, null, Map.of()).body())).containsExactly("a/unrelated");
  }

  @Test
  void aDependentWithAnotherLiveOwnerOnlyLosesTheReference() {
    create("a", "{\"name\":\"first\"}");
    create("a", "{\"name\":\"second\"}");
    String first = uid("a", "first");
    String second = uid("a", "second");
    create("a", "{\"name\":\"shared\",\"ownerReferences\":[" + ownedBy("first", first) + ","
        + ownedBy("second", second) + "]}");
    send("DELETE", "a", "first", null, null, Map.of());
    assertThat(get("a", "shared").path("metadata").path("ownerReferences").toString())
        .isEqualTo("[" + ownedBy("second", second) + "]");
    send("DELETE", "a", "second", null, null, Map.of());
    assertThat(exists("a", "shared")).isFalse();
  }

  @Test
  void aReferenceRemovedByAnUpdateNoLongerMakesADependent() {
    create("a", "{\"name\":\"owner\"}");
    create("a", "{\"name\":\"freed\",\"ownerReferences\":[" + ownedBy("owner", uid("a", "owner")) + "]}");
    send("PATCH", "a", "freed", "application/merge-patch+json", "{\"metadata\":{\"ownerReferences\":null}}",
        Map.of());
    send("DELETE", "a", "owner", null, null, Map.of());
    assertThat(exists("a", "freed")).isTrue();
  }

  @Test
  void aDependentWrittenAfterItsOwnerWasDeletedIsCollected() {
    create("a", "{\"name\":\"owner\"}");
    String owner = uid("a", "owner");
    send("DELETE", "a", "owner", null, null, Map.of());
    SandboxStore.Reply late = create("a", "{\"name\":\"late\",\"ownerReferences\":[" + ownedBy("owner", owner) + "]}");
    assertThat(late.code()).isEqualTo(201);
    assertThat(exists("a", "late")).isFalse();
  }

  @Test
  void orphanDeletionKeepsDependentsWithoutTheReference() {
    create("a", "{\"name\":\"owner\"}");
    create("a", "{\"name\":\"kept\",\"ownerReferences\":[" + ownedBy("owner", uid("a", "owner")) + "]}");
    SandboxStore.Reply deleted = send("DELETE", "a", "owner", "application/json",
        "{\"propagationPolicy\":\"Orphan\"}", Map.of());
    assertThat(deleted.body().path("status").asText()).isEqualTo("Success");
    assertThat(exists("a", "owner")).isFalse();
    assertThat(get("a", "kept").path("metadata").has("ownerReferences")).isFalse();
  }

  @Test
  void foregroundDeletionDeletesDependentsThenTheOwner() {
    create("a", "{\"name\":\"owner\"}");
    create("a", "{\"name\":\"child\",\"ownerReferences\":[" + ownedBy("owner", uid("a", "owner")) + "]}");
    send("DELETE", "a", "owner", "application/json", "{\"propagationPolicy\":\"Foreground\"}", Map.of());
    assertThat(exists("a", "owner")).isFalse();
    assertThat(exists("a", "child")).isFalse();
  }

  @Test
  void aDependentWithAFinalizerIsOnlyMarked() {
    create("a", "{\"name\":\"owner\"}");
    create("a", "{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"],\"ownerReferences\":["
        + ownedBy("owner", uid("a", "owner")) + "]}");
    send("DELETE", "a", "owner", null, null, Map.of());
    assertThat(get("a", "held").path("metadata").has("deletionTimestamp")).isTrue();
    send("PATCH", "a", "held", "application/merge-patch+json", "{\"metadata\":{\"finalizers\":null}}", Map.of());
    assertThat(exists("a", "held")).isFalse();
  }

  @Test
  void dependentsInOtherNamespacesAreCollectedAndADeletedNamespaceTakesItsContent() {
    create("a", "{\"name\":\"owner\"}");
    String owner = uid("a", "owner");
    create("b", "{\"name\":\"elsewhere\",\"ownerReferences\":[" + ownedBy("owner", owner) + "]}");
    create("b", "{\"name\":\"bystander\"}");
    send("DELETE", "a", "owner", null, null, Map.of());
    assertThat(exists("b", "elsewhere")).isFalse();
    assertThat(exists("b", "bystander")).isTrue();
    store.serve("DELETE", new RequestPath("", "v1", null, "namespaces", "b", null, Map.of()), namespaces, null, null,
        "test/1.0");
    assertThat(store.objects(configMaps, "b")).isEmpty();
  }
}
