package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletion and owner-reference garbage collection, done at once where a real cluster's garbage collector does it
 * moments later. An object with finalizers is only marked; a Foreground or Orphan delete adds the
 * {@code foregroundDeletion} or {@code orphan} finalizer, whose work (deleting or orphaning the dependents) is done
 * at once too. When an object is removed, its dependents go with it (Background), except those that still have
 * another live owner: they only lose the reference. A dependent written when none of its owners exists any more
 * is collected too.
 *
 * <p>Dependents are indexed by owner UID on every write and removal the store makes, so finding an owner's
 * dependents costs the number of its dependents, not a scan of the store.
 */
final class GarbageCollector implements ObjectStore.Listener {

  private static final String FOREGROUND = "foregroundDeletion";
  private static final String ORPHAN = "orphan";

  private final ObjectStore objects;
  private final WriteRules rules;
  private final Writes writes;
  /** Owner UID → the objects whose ownerReferences name it, in the order they first did. */
  private final Map<String, Set<ObjectStore.Key>> dependentsByOwner = new HashMap<>();

  GarbageCollector(ObjectStore objects, WriteRules rules, Writes writes) {
    this.objects = objects;
    this.rules = rules;
    this.writes = writes;
  }

  @Override
  public void changed(ObjectStore.Key key, ObjectNode before, ObjectNode after) {
    Set<String> previous = ownerUids(before);
    Set<String> current = ownerUids(after);
    for (String uid : previous) {
      if (!current.contains(uid)) {
        Set<ObjectStore.Key> dependents = dependentsByOwner.get(uid);
        if (dependents != null && dependents.remove(key) && dependents.isEmpty()) {
          dependentsByOwner.remove(uid);
        }
      }
    }
    for (String uid : current) {
      if (!previous.contains(uid)) {
        dependentsByOwner.computeIfAbsent(uid, u -> new LinkedHashSet<>()).add(key);
      }
    }
  }

  /** The objects that name {@code ownerUid} as an owner. */
  List<ObjectStore.Key> dependentsOf(String ownerUid) {
    Set<ObjectStore.Key> dependents = dependentsByOwner.get(ownerUid);
    return dependents == null ? List.of() : new ArrayList<>(dependents);
  }

  /**
   * Deletes an object the way the registry store does: objects with finalizers (or a Foreground/Orphan policy)
   * are only marked; the rest go at once and their dependents are collected.
   *
   * @param live the object as read
   * @return the object as it remains, or {@code null} when it is gone
   */
  ObjectNode delete(ResourceType type, ObjectNode live, String policy) {
    ObjectNode object = live.deepCopy();
    Set<String> finalizers = WriteRules.strings(object.path("metadata").path("finalizers"));
    boolean marking = !object.path("metadata").has("deletionTimestamp");
    if (marking && "Foreground".equals(policy)) {
      finalizers.add(FOREGROUND);
    } else if (marking && "Orphan".equals(policy)) {
      finalizers.add(ORPHAN);
    }
    if (finalizers.isEmpty()) {
      writes.remove(type, object);
      return null;
    }
    if (!marking) {
      return live;
    }
    rules.markDeleting(type, object, finalizers);
    return runFinalizers(type, writes.store(type, object));
  }

  /** The garbage collector's part of foreground and orphan deletion: dependents deleted or orphaned, then the finalizer goes. */
  private ObjectNode runFinalizers(ResourceType type, ObjectNode object) {
    Set<String> finalizers = WriteRules.strings(object.path("metadata").path("finalizers"));
    boolean orphan = finalizers.contains(ORPHAN);
    if (!orphan && !finalizers.contains(FOREGROUND)) {
      return object;
    }
    String uid = uid(object);
    for (ObjectStore.Key key : dependentsOf(uid)) {
      ObjectStore.Stored dependent = writes.read(key);
      if (dependent == null) {
        continue;
      }
      if (orphan) {
        ObjectNode orphaned = dependent.object();
        removeOwnerReference(orphaned, uid);
        writes.store(dependent.type(), orphaned);
      } else {
        delete(dependent.type(), dependent.object(), "Background");
      }
    }
    ObjectNode after = object.deepCopy();
    finalizers.remove(ORPHAN);
    finalizers.remove(FOREGROUND);
    if (finalizers.isEmpty()) {
      after.with("metadata").remove("finalizers");
      writes.remove(type, after);
      return null;
    }
    ArrayNode remaining = after.with("metadata").putArray("finalizers");
    finalizers.forEach(remaining::add);
    return writes.store(type, after);
  }

  /** After an object is removed: its dependents go too (Background), or lose the reference if another owner lives. */
  void collect(ObjectNode gone) {
    String uid = uid(gone);
    for (ObjectStore.Key key : dependentsOf(uid)) {
      ObjectStore.Stored dependent = writes.read(key);
      if (dependent == null) {
        continue;
      }
      if (hasLiveOwnerOtherThan(dependent.object(), uid)) {
        ObjectNode trimmed = dependent.object();
        removeOwnerReference(trimmed, uid);
        writes.store(dependent.type(), trimmed);
      } else {
        delete(dependent.type(), dependent.object(), "Background");
      }
    }
  }

  /**
   * After an object is stored: if it names owners and none of them exists (a client wrote it without having seen
   * its owner's deletion, say a controller reconciling from its cache), it is collected as the real garbage
   * collector does when it finds such a dependent.
   */
  void collectIfOwnersGone(ResourceType type, ObjectNode stored) {
    Set<String> owners = ownerUids(stored);
    if (owners.isEmpty() || owners.stream().anyMatch(objects::containsUid)) {
      return;
    }
    ObjectStore.Stored current = writes.read(ObjectStore.keyOf(type, stored));
    if (current != null) {
      delete(current.type(), current.object(), "Background");
    }
  }

  private boolean hasLiveOwnerOtherThan(ObjectNode object, String goneUid) {
    for (String owner : ownerUids(object)) {
      if (!owner.equals(goneUid) && objects.containsUid(owner)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> ownerUids(ObjectNode object) {
    if (object == null) {
      return Set.of();
    }
    JsonNode refs = object.path("metadata").path("ownerReferences");
    if (refs.isEmpty()) {
      return Set.of();
    }
    Set<String> uids = new LinkedHashSet<>();
    refs.forEach(ref -> uids.add(ref.path("uid").asText()));
    return uids;
  }

  private static void removeOwnerReference(ObjectNode object, String uid) {
    ArrayNode kept = JsonNodeFactory.instance.arrayNode();
    for (JsonNode ref : object.path("metadata").path("ownerReferences")) {
      if (!uid.equals(ref.path("uid").asText())) {
        kept.add(ref);
      }
    }
    if (kept.isEmpty()) {
      object.with("metadata").remove("ownerReferences");
    } else {
      object.with("metadata").set("ownerReferences", kept);
    }
  }

  private static String uid(JsonNode object) {
    return object.path("metadata").path("uid").asText();
  }
}
