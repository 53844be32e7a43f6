package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.ManagedFields.Entry;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Server-side apply and {@code metadata.managedFields} bookkeeping, with the semantics of the apiserver's
 * structured-merge-diff field manager, for JSON objects.
 *
 * <p>Both operations take the stored object (or null on create) and return a new object carrying updated
 * {@code metadata.managedFields}; inputs are never modified. System metadata (name, uid, resourceVersion, ...),
 * validation, defaulting and admission stay with the caller.
 */
public final class FieldManager {

  /** Which endpoint the write came through. */
  public enum Subresource {
    /** The main resource: {@code status} is reset to the stored status and never tracked. */
    NONE,
    /** {@code /status}: only {@code status} is taken from the request and tracked. */
    STATUS
  }

  static final String BEFORE_FIRST_APPLY = "before-first-apply";
  static final String ANCIENT_CHANGES = "ancient-changes";
  /** The apiserver keeps at most this many Update entries; older ones are merged into {@value #ANCIENT_CHANGES}. */
  static final int MAX_UPDATE_MANAGERS = 10;

  private static final PathElement STATUS = PathElement.field("status");
  private static final FieldSet NEVER_TRACKED = FieldSet.of(List.of(
      List.of(PathElement.field("apiVersion")),
      List.of(PathElement.field("kind")),
      List.of(PathElement.field("metadata")),
      meta("name"), meta("namespace"), meta("creationTimestamp"), meta("selfLink"), meta("uid"),
      meta("clusterName"), meta("generation"), meta("managedFields"), meta("resourceVersion")));

  private final Clock clock;

  public FieldManager(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static List<PathElement> meta(String field) {
    return List.of(PathElement.field("metadata"), PathElement.field(field));
  }

  /**
   * Server-side apply ({@code PATCH application/apply-patch+yaml}).
   *
   * @param live    the stored object, or null when the apply creates it
   * @param applied the applied configuration
   * @param force   {@code force=true}: take conflicting fields from their managers instead of failing
   * @return the new object, with {@code metadata.managedFields} updated
   * @throws ApplyConflictException when the apply changes fields other managers own and {@code force} is false
   */
  public ObjectNode apply(ObjectNode live, ObjectNode applied, String manager, boolean force, ListTypes lists,
      Subresource sub) throws ApplyConflictException {
    Objects.requireNonNull(applied, "applied");
    requireManager(manager);
    Subresource scope = sub == null ? Subresource.NONE : sub;
    Structure st = new Structure(lists);
    String now = now();
    String apiVersion = firstText(applied, live, "apiVersion");

    ObjectNode liveView = live == null ? Json.object() : withoutManagedFields(live);
    LinkedHashMap<ManagerId, Entry> managers = ManagedFields.read(live);
    if (live != null && !ManagedFields.hasManagedFields(live)) {
      // objects written before any field was tracked: everything already there belongs to a placeholder updater
      FieldSet.Builder b = new FieldSet.Builder();
      st.allPaths(liveView, List.of(), List.of(), b);
      ManagerId before = ManagerId.update(BEFORE_FIRST_APPLY, firstText(live, applied, "apiVersion"), null);
      managers.put(before, new Entry(before, before.apiVersion(), now, tracked(b.build())));
    }

    ObjectNode config = scopedConfig(applied, scope);
    ObjectNode merged = st.merge(liveView, config);

    ManagerId me = ManagerId.apply(manager, scope == Subresource.STATUS ? "status" : null);
    Entry previous = managers.get(me);
    FieldSet appliedSet = scoped(tracked(st.appliedFields(config)), scope);
    managers.put(me, new Entry(me, apiVersion, previous == null ? null : previous.time(), appliedSet));
    if (previous != null) {
      prune(st, merged, managers, scoped(previous.fields(), scope));
    }

    Structure.Comparison cmp = st.compare(liveView, merged);
    FieldSet changed = cmp.changed();
    Map<ManagerId, FieldSet> conflicts = new TreeMap<>(Comparator.comparing(ManagerId::identifier));
    for (Entry e : managers.values()) {
      if (!e.id().equals(me)) {
        FieldSet c = e.fields().intersection(changed);
        if (!c.isEmpty()) {
          conflicts.put(e.id(), c);
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      throw new ApplyConflictException(conflicts);
    }
    for (Map.Entry<ManagerId, Entry> e : managers.entrySet()) {
      if (!e.getKey().equals(me)) {
        FieldSet c = conflicts.getOrDefault(e.getKey(), FieldSet.empty());
        e.setValue(e.getValue().withFields(e.getValue().fields().difference(c).difference(cmp.removed())));
      }
    }
    // the apiserver stamps the applier's time only when the object changed
    String time = previous == null || previous.time() == null || !cmp.isSame() ? now : previous.time();
    managers.put(me, new Entry(me, apiVersion, time, appliedSet));

    ManagedFields.write(merged, managers);
    return merged;
  }

  /**
   * Any non-apply write (POST, PUT, merge/strategic/JSON patch): the manager takes every field the write added or
   * changed (operation {@code Update}), other managers lose them, fields the write removed are dropped from every
   * manager, and entries left without fields disappear. A write that changes nothing leaves managedFields as they
   * were. As in the apiserver, an existing object without managedFields, or a write that sends
   * {@code managedFields: [{}]}, leaves the object untracked (no managedFields) until the next apply.
   *
   * @param liveOrNull the stored object, or null for a create
   * @param updated    the object as the write would store it
   */
  public ObjectNode update(ObjectNode liveOrNull, ObjectNode updated, String manager, ListTypes lists,
      Subresource sub) {
    Objects.requireNonNull(updated, "updated");
    requireManager(manager);
    Subresource scope = sub == null ? Subresource.NONE : sub;
    Structure st = new Structure(lists);

    ObjectNode oldView = liveOrNull == null ? Json.object() : withoutManagedFields(liveOrNull);
    ObjectNode newObj;
    if (scope == Subresource.STATUS) {
      newObj = oldView.deepCopy();
      setOrRemove(newObj, "status", updated.get("status"));
    } else {
      newObj = withoutManagedFields(updated);
      setOrRemove(newObj, "status", oldView.get("status"));
    }
    LinkedHashMap<ManagerId, Entry> managers = baseManagers(liveOrNull, updated, scope);
    if (liveOrNull != null && managers.isEmpty()) {
      // like the apiserver, an existing object without managedFields (never tracked, or reset with [{}]) stays
      // untracked until the next server-side apply
      ManagedFields.write(newObj, managers);
      return newObj;
    }

    Structure.Comparison cmp = st.compare(oldView, newObj);
    if (cmp.isSame()) {
      ManagedFields.write(newObj, managers);
      return newObj;
    }
    String apiVersion = firstText(newObj, liveOrNull, "apiVersion");
    ManagerId me = ManagerId.update(manager, apiVersion, scope == Subresource.STATUS ? "status" : null);
    FieldSet taken = cmp.changed().union(cmp.removed());
    for (Map.Entry<ManagerId, Entry> e : managers.entrySet()) {
      e.setValue(e.getValue().withFields(e.getValue().fields().difference(taken)));
    }
    Entry previous = managers.get(me);
    FieldSet mine = scoped(tracked(cmp.changed()), scope);
    if (previous != null) {
      mine = previous.fields().union(mine);
    }
    managers.remove(me);
    managers.put(me, new Entry(me, apiVersion, now(), mine));
    capUpdateManagers(managers);
    ManagedFields.write(newObj, managers);
    return newObj;
  }

  /**
   * Like the apiserver: a main-resource write may replace managedFields (a client that sends back what it read
   * changes nothing) or reset them with {@code [{}]}; one that sends none keeps the stored ones. Subresource writes
   * always keep the stored ones.
   */
  private static LinkedHashMap<ManagerId, Entry> baseManagers(ObjectNode live, ObjectNode updated, Subresource sub) {
    JsonNode sent = updated.path("metadata").get("managedFields");
    if (sub == Subresource.NONE && sent != null && sent.isArray() && !sent.isEmpty()) {
      if (sent.size() == 1 && sent.get(0).isObject() && sent.get(0).isEmpty()) {
        return new LinkedHashMap<>();
      }
      try {
        LinkedHashMap<ManagerId, Entry> fromRequest = ManagedFields.read(updated);
        if (!fromRequest.isEmpty()) {
          return fromRequest;
        }
      } catch (IllegalArgumentException invalid) {
        // the apiserver falls back to the stored entries when the sent ones do not decode
      }
    }
    return ManagedFields.read(live);
  }

  /**
   * Fields the applier owned last time and owns no longer are deleted, unless some manager (the applier included)
   * still owns them or something below them. Key fields of list items that stay are kept.
   */
  private void prune(Structure st, ObjectNode merged, Map<ManagerId, Entry> managers, FieldSet lastSet) {
    FieldSet owned = FieldSet.empty();
    for (Entry e : managers.values()) {
      owned = owned.union(e.fields());
    }
    for (List<PathElement> p : lastSet.difference(owned).paths()) {
      if (owned.hasMembersBelow(p) || isKeyField(p)) {
        continue;
      }
      if (st.remove(merged, p)) {
        removeEmptiedParents(st, merged, p, owned);
      }
    }
  }

  private static boolean isKeyField(List<PathElement> p) {
    return p.size() >= 2 && p.get(p.size() - 1) instanceof PathElement.Field f
        && p.get(p.size() - 2) instanceof PathElement.Key k && k.fields().has(f.name());
  }

  /** A map that pruning left empty goes too (labels: {} is written as no labels), unless someone owns it. */
  private static void removeEmptiedParents(Structure st, ObjectNode merged, List<PathElement> removed,
      FieldSet owned) {
    List<PathElement> q = removed.subList(0, removed.size() - 1);
    while (q.size() >= 2 && q.get(q.size() - 1) instanceof PathElement.Field) {
      JsonNode node = st.find(merged, q);
      if (node == null || !node.isContainerNode() || !node.isEmpty() || owned.contains(q)) {
        return;
      }
      st.remove(merged, q);
      q = q.subList(0, q.size() - 1);
    }
  }

  /** Like the apiserver, merge the oldest Update entries into one once there are too many. */
  private void capUpdateManagers(LinkedHashMap<ManagerId, Entry> managers) {
    List<Entry> updates = new ArrayList<>();
    for (Entry e : managers.values()) {
      if (!e.id().isApply() && !e.fields().isEmpty()) {
        updates.add(e);
      }
    }
    if (updates.size() <= MAX_UPDATE_MANAGERS) {
      return;
    }
    updates.sort(Comparator.comparingLong(Entry::seconds).thenComparing(e -> e.id().identifier()));
    int excess = updates.size() - MAX_UPDATE_MANAGERS + 1;
    ManagerId ancient = null;
    FieldSet fields = FieldSet.empty();
    String time = null;
    String apiVersion = null;
    for (Entry e : updates.subList(0, excess)) {
      managers.remove(e.id());
      fields = fields.union(e.fields());
      time = e.time();
      apiVersion = e.apiVersion();
      ancient = ManagerId.update(ANCIENT_CHANGES, apiVersion, null);
    }
    Entry existing = managers.remove(ancient);
    if (existing != null) {
      fields = fields.union(existing.fields());
    }
    managers.put(ancient, new Entry(ancient, apiVersion, time, fields));
  }

  private static FieldSet tracked(FieldSet s) {
    return s.difference(NEVER_TRACKED);
  }

  private static FieldSet scoped(FieldSet s, Subresource sub) {
    return sub == Subresource.STATUS ? s.only(STATUS) : s.without(STATUS);
  }

  /** The part of an applied configuration the endpoint takes: everything but status, or status only. */
  private static ObjectNode scopedConfig(ObjectNode applied, Subresource sub) {
    ObjectNode config;
    if (sub == Subresource.STATUS) {
      config = Json.object();
      JsonNode status = applied.get("status");
      if (status != null) {
        config.set("status", status.deepCopy());
      }
    } else {
      config = withoutManagedFields(applied);
      config.remove("status");
    }
    return config;
  }

  private static ObjectNode withoutManagedFields(ObjectNode obj) {
    ObjectNode copy = obj.deepCopy();
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("managedFields");
    }
    return copy;
  }

  private static void setOrRemove(ObjectNode obj, String field, JsonNode value) {
    if (value == null) {
      obj.remove(field);
    } else {
      obj.set(field, value.deepCopy());
    }
  }

  private static String firstText(ObjectNode a, ObjectNode b, String field) {
    for (ObjectNode o : new ObjectNode[] {a, b}) {
      if (o != null && o.hasNonNull(field) && !o.get(field).asText().isEmpty()) {
        return o.get(field).asText();
      }
    }
    return null;
  }

  private static void requireManager(String manager) {
    if (manager == null || manager.isEmpty()) {
      throw new IllegalArgumentException("fieldManager: Required value");
    }
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
