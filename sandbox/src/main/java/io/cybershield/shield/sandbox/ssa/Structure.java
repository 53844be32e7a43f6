package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.ssa.ListTypes.ListType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema-aware walks over JSON objects: field sets of applied configurations, comparisons, merges and removals.
 * Paths carry both the {@link PathElement}s and the schema path handed to {@link ListTypes}.
 */
final class Structure {
  private static final String ITEM = "[]";

  private final ListTypes lists;

  Structure(ListTypes lists) {
    this.lists = lists == null ? ListTypes.none() : lists;
  }

  // ---- schema lookups -------------------------------------------------------------------------------------------

  ListType listType(List<String> schemaPath) {
    ListType t = lists.at(schemaPath);
    if (t == null || (t.kind() == ListType.Kind.MAP && t.keys().isEmpty())) {
      return ListType.atomic();
    }
    return t;
  }

  boolean atomicObject(List<String> schemaPath) {
    ListType t = lists.at(schemaPath);
    return t != null && t.kind() == ListType.Kind.ATOMIC;
  }

  boolean granularList(List<String> schemaPath) {
    return listType(schemaPath).kind() != ListType.Kind.ATOMIC;
  }

  /** The path element of a list item: its key for map-lists, its value for sets, else its index. */
  PathElement itemElement(ListType type, JsonNode item, int index) {
    if (type.kind() == ListType.Kind.SET) {
      return PathElement.value(item);
    }
    if (type.kind() == ListType.Kind.MAP && item.isObject()) {
      ObjectNode key = Json.object();
      for (String k : type.keys()) {
        JsonNode v = item.get(k);
        if (v == null || v.isNull()) {
          v = type.keyDefaults().get(k);
        }
        if (v != null) {
          key.set(k, v);
        }
      }
      if (!key.isEmpty()) {
        return PathElement.key(key);
      }
    }
    return PathElement.index(index);
  }

  /** Items by path element, first occurrence wins (the apiserver rejects duplicates in applied lists). */
  LinkedHashMap<PathElement, JsonNode> items(ListType type, JsonNode list) {
    LinkedHashMap<PathElement, JsonNode> out = new LinkedHashMap<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      out.putIfAbsent(itemElement(type, list.get(i), i), list.get(i));
    }
    return out;
  }

  static List<String> schemaPath(List<PathElement> path) {
    List<String> out = new ArrayList<>(path.size());
    for (PathElement pe : path) {
      out.add(pe instanceof PathElement.Field f ? f.name() : ITEM);
    }
    return out;
  }

  private static <T> List<T> plus(List<T> l, T e) {
    List<T> out = new ArrayList<>(l.size() + 1);
    out.addAll(l);
    out.add(e);
    return out;
  }

  // ---- field set of an applied configuration --------------------------------------------------------------------

  /**
   * The fields an applied configuration sets: leaves (scalars, atomic lists and maps, empty objects, nulls) and
   * every item of a map-list or set; inner objects are not members themselves.
   */
  FieldSet appliedFields(ObjectNode config) {
    FieldSet.Builder b = new FieldSet.Builder();
    appliedObject(config, List.of(), List.of(), b);
    return b.build();
  }

  private void appliedObject(JsonNode obj, List<PathElement> path, List<String> sp, FieldSet.Builder b) {
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<PathElement> p = plus(path, PathElement.field(e.getKey()));
      List<String> s = plus(sp, e.getKey());
      JsonNode v = e.getValue();
      if (v.isNull() || (v.isObject() && v.isEmpty())) {
        b.add(p);
      } else {
        appliedValue(v, p, s, b);
      }
    }
  }

  private void appliedValue(JsonNode v, List<PathElement> p, List<String> s, FieldSet.Builder b) {
    if (v.isObject()) {
      if (atomicObject(s)) {
        b.add(p);
      } else {
        appliedObject(v, p, s, b);
      }
    } else if (v.isArray()) {
      ListType t = listType(s);
      if (t.kind() == ListType.Kind.ATOMIC) {
        b.add(p);
        return;
      }
      List<String> is = plus(s, ITEM);
      for (Map.Entry<PathElement, JsonNode> item : items(t, v).entrySet()) {
        List<PathElement> ip = plus(p, item.getKey());
        b.add(ip);
        if (t.kind() == ListType.Kind.MAP && item.getValue().isObject()) {
          appliedObject(item.getValue(), ip, is, b);
        }
      }
    } else {
      b.add(p);
    }
  }

  // ---- every node of a value (what an Update that creates it owns) ----------------------------------------------

  void allPaths(JsonNode v, List<PathElement> p, List<String> s, FieldSet.Builder b) {
    if (!p.isEmpty()) {
      b.add(p);
    }
    if (v.isObject()) {
      if (!p.isEmpty() && atomicObject(s)) {
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        allPaths(e.getValue(), plus(p, PathElement.field(e.getKey())), plus(s, e.getKey()), b);
      }
    } else if (v.isArray()) {
      ListType t = listType(s);
      if (t.kind() == ListType.Kind.ATOMIC) {
        return;
      }
      for (Map.Entry<PathElement, JsonNode> item : items(t, v).entrySet()) {
        allPaths(item.getValue(), plus(p, item.getKey()), plus(s, ITEM), b);
      }
    }
  }

  // ---- comparison ----------------------------------------------------------------------------------------------

  record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
    boolean isSame() {
      return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    FieldSet changed() {
      return added.union(modified);
    }
  }

  Comparison compare(ObjectNode oldObj, ObjectNode newObj) {
    FieldSet.Builder added = new FieldSet.Builder();
    FieldSet.Builder modified = new FieldSet.Builder();
    FieldSet.Builder removed = new FieldSet.Builder();
    compareNode(oldObj, newObj, List.of(), List.of(), added, modified, removed);
    return new Comparison(added.build(), modified.build(), removed.build());
  }

  private void compareNode(JsonNode o, JsonNode n, List<PathElement> p, List<String> s,
      FieldSet.Builder added, FieldSet.Builder modified, FieldSet.Builder removed) {
    if (o == null && n == null) {
      return;
    }
    if (o == null) {
      allPaths(n, p, s, added);
      return;
    }
    if (n == null) {
      allPaths(o, p, s, removed);
      return;
    }
    if (o.isObject() && n.isObject() && (p.isEmpty() || !atomicObject(s))) {
      Set<String> names = new LinkedHashSet<>();
      o.fieldNames().forEachRemaining(names::add);
      n.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        compareNode(o.get(name), n.get(name), plus(p, PathElement.field(name)), plus(s, name),
            added, modified, removed);
      }
      return;
    }
    if (o.isArray() && n.isArray() && granularList(s)) {
      ListType t = listType(s);
      LinkedHashMap<PathElement, JsonNode> oi = items(t, o);
      LinkedHashMap<PathElement, JsonNode> ni = items(t, n);
      Set<PathElement> all = new LinkedHashSet<>(oi.keySet());
      all.addAll(ni.keySet());
      for (PathElement pe : all) {
        compareNode(oi.get(pe), ni.get(pe), plus(p, pe), plus(s, ITEM), added, modified, removed);
      }
      return;
    }
    if (!Json.semanticEquals(o, n)) {
      modified.add(p);
      if (o.getNodeType() != n.getNodeType()) {
        // an object turned into a scalar (or back): what was below is gone, what is below now is new
        descendants(o, p, s, removed);
        descendants(n, p, s, added);
      }
    }
  }

  private void descendants(JsonNode v, List<PathElement> p, List<String> s, FieldSet.Builder b) {
    FieldSet.Builder all = new FieldSet.Builder();
    allPaths(v, p, s, all);
    for (List<PathElement> path : all.build().paths()) {
      if (path.size() > p.size()) {
        b.add(path);
      }
    }
  }

  // ---- merge of an applied configuration into the live object ----------------------------------------------------

  ObjectNode merge(ObjectNode live, ObjectNode config) {
    return (ObjectNode) mergeValue(live, config, List.of(), true);
  }

  private JsonNode mergeValue(JsonNode lhs, JsonNode rhs, List<String> s, boolean root) {
    if (lhs == null) {
      return stripNulls(rhs);
    }
    if (lhs.isObject() && rhs.isObject() && (root || !atomicObject(s))) {
      ObjectNode out = ((ObjectNode) lhs).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = rhs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          out.remove(e.getKey());
          continue;
        }
        out.set(e.getKey(), mergeValue(out.get(e.getKey()), e.getValue(), plus(s, e.getKey()), false));
      }
      return out;
    }
    if (lhs.isArray() && rhs.isArray() && granularList(s)) {
      return mergeList((ArrayNode) lhs, (ArrayNode) rhs, s);
    }
    return stripNulls(rhs);
  }

  /**
   * Map-lists and sets. Walking the live list: a live-only item is emitted where it stands; a shared item is emitted
   * (with the applied items that precede it) when it is the next shared item in the applied order, otherwise it waits
   * for its turn. Applied items not emitted by then follow at the end. So the applied order wins among the items the
   * configuration names, and live-only items keep their place relative to their live neighbours.
   */
  private JsonNode mergeList(ArrayNode lhs, ArrayNode rhs, List<String> s) {
    ListType t = listType(s);
    List<String> is = plus(s, ITEM);
    LinkedHashMap<PathElement, JsonNode> li = items(t, lhs);
    LinkedHashMap<PathElement, JsonNode> ri = items(t, rhs);
    List<PathElement> rhsOrder = new ArrayList<>(ri.keySet());
    List<PathElement> sharedInRhsOrder = new ArrayList<>();
    for (PathElement pe : rhsOrder) {
      if (li.containsKey(pe)) {
        sharedInRhsOrder.add(pe);
      }
    }
    ArrayNode out = Json.NODES.arrayNode();
    int nextRhs = 0;
    int nextShared = 0;
    for (Map.Entry<PathElement, JsonNode> e : li.entrySet()) {
      PathElement pe = e.getKey();
      if (!ri.containsKey(pe)) {
        out.add(e.getValue().deepCopy());
        continue;
      }
      if (nextShared < sharedInRhsOrder.size() && sharedInRhsOrder.get(nextShared).equals(pe)) {
        int upTo = rhsOrder.indexOf(pe);
        for (; nextRhs <= upTo; nextRhs++) {
          PathElement r = rhsOrder.get(nextRhs);
          out.add(mergeItem(t, li.get(r), ri.get(r), is));
        }
        nextShared++;
        while (nextShared < sharedInRhsOrder.size()
            && rhsOrder.indexOf(sharedInRhsOrder.get(nextShared)) < nextRhs) {
          nextShared++;
        }
      }
    }
    for (; nextRhs < rhsOrder.size(); nextRhs++) {
      PathElement r = rhsOrder.get(nextRhs);
      out.add(mergeItem(t, li.get(r), ri.get(r), is));
    }
    return out;
  }

  private JsonNode mergeItem(ListType t, JsonNode live, JsonNode applied, List<String> itemSchemaPath) {
    return t.kind() == ListType.Kind.SET ? stripNulls(applied) : mergeValue(live, applied, itemSchemaPath, false);
  }

  private static JsonNode stripNulls(JsonNode v) {
    if (v.isObject()) {
      ObjectNode out = Json.object();
      v.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), stripNulls(e.getValue()));
        }
      });
      return out;
    }
    if (v.isArray()) {
      ArrayNode out = Json.NODES.arrayNode();
      v.forEach(e -> out.add(stripNulls(e)));
      return out;
    }
    if (v.isFloatingPointNumber()) {
      // the apiserver decodes whole numbers as integers
      return Json.canonical(v);
    }
    return v.deepCopy();
  }

  // ---- navigation and removal ----------------------------------------------------------------------------------

  /** The node at {@code path}, or null. */
  JsonNode find(JsonNode root, List<PathElement> path) {
    JsonNode cur = root;
    List<String> s = new ArrayList<>();
    for (PathElement pe : path) {
      if (cur == null) {
        return null;
      }
      cur = child(cur, pe, s);
      s.add(pe instanceof PathElement.Field f ? f.name() : ITEM);
    }
    return cur;
  }

  private JsonNode child(JsonNode parent, PathElement pe, List<String> parentSchemaPath) {
    if (pe instanceof PathElement.Field f) {
      return parent.isObject() ? parent.get(f.name()) : null;
    }
    if (!parent.isArray()) {
      return null;
    }
    int i = indexOf((ArrayNode) parent, pe, parentSchemaPath);
    return i < 0 ? null : parent.get(i);
  }

  private int indexOf(ArrayNode list, PathElement pe, List<String> schemaPath) {
    if (pe instanceof PathElement.Index idx) {
      return idx.index() < list.size() ? idx.index() : -1;
    }
    ListType t = listType(schemaPath);
    for (int i = 0; i < list.size(); i++) {
      if (itemElement(t, list.get(i), i).equals(pe)) {
        return i;
      }
    }
    return -1;
  }

  /** Removes the node at {@code path}; returns whether something was removed. */
  boolean remove(JsonNode root, List<PathElement> path) {
    JsonNode parent = find(root, path.subList(0, path.size() - 1));
    if (parent == null) {
      return false;
    }
    PathElement last = path.get(path.size() - 1);
    if (last instanceof PathElement.Field f) {
      return parent.isObject() && ((ObjectNode) parent).remove(f.name()) != null;
    }
    if (!parent.isArray()) {
      return false;
    }
    int i = indexOf((ArrayNode) parent, last, schemaPath(path.subList(0, path.size() - 1)));
    if (i < 0) {
      return false;
    }
    ((ArrayNode) parent).remove(i);
    return true;
  }
}
