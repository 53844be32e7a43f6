package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A set of field paths, the unit of ownership in managedFields. A path is a member when the node it names is
 * owned; a node can be a member and also have owned descendants (written as {@code ".":{}} in fieldsV1).
 * Instances are immutable once built; the set operations return new sets.
 */
public final class FieldSet {
  private static final FieldSet EMPTY = new FieldSet();

  private final TreeSet<PathElement> members = new TreeSet<>();
  private final TreeMap<PathElement, FieldSet> children = new TreeMap<>();

  private FieldSet() {
  }

  public static FieldSet empty() {
    return EMPTY;
  }

  public static FieldSet of(Collection<List<PathElement>> paths) {
    Builder b = new Builder();
    paths.forEach(b::add);
    return b.build();
  }

  /** Reads a {@code fieldsV1} object such as {@code {"f:spec":{"f:replicas":{}}}}. */
  public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
    FieldSet s = new FieldSet();
    if (fieldsV1 == null || fieldsV1.isNull()) {
      return s;
    }
    if (!fieldsV1.isObject()) {
      throw new IllegalArgumentException("fieldsV1 must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = fieldsV1.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals(".")) {
        continue;
      }
      PathElement pe = PathElement.parseFieldsV1Key(e.getKey());
      JsonNode v = e.getValue();
      if (v == null || !v.isObject() || v.isEmpty()) {
        s.members.add(pe);
        continue;
      }
      if (v.has(".")) {
        s.members.add(pe);
      }
      FieldSet child = fromFieldsV1(v);
      if (!child.isEmpty()) {
        s.children.put(pe, child);
      }
    }
    return s;
  }

  /** Writes the set the way the apiserver does: sorted path elements, {@code ".":{}} first for owned inner nodes. */
  public ObjectNode toFieldsV1() {
    ObjectNode out = Json.object();
    TreeSet<PathElement> all = new TreeSet<>(members);
    all.addAll(children.keySet());
    for (PathElement pe : all) {
      FieldSet child = children.get(pe);
      if (child == null) {
        out.set(pe.fieldsV1Key(), Json.object());
      } else {
        ObjectNode o = Json.object();
        if (members.contains(pe)) {
          o.set(".", Json.object());
        }
        o.setAll(child.toFieldsV1());
        out.set(pe.fieldsV1Key(), o);
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return members.isEmpty() && children.isEmpty();
  }

  public boolean contains(List<PathElement> path) {
    if (path.isEmpty()) {
      return false;
    }
    FieldSet s = this;
    for (int i = 0; i < path.size() - 1; i++) {
      s = s.children.get(path.get(i));
      if (s == null) {
        return false;
      }
    }
    return s.members.contains(path.get(path.size() - 1));
  }

  /** True when some member lies strictly below {@code path}. */
  public boolean hasMembersBelow(List<PathElement> path) {
    FieldSet s = this;
    for (PathElement pe : path) {
      s = s.children.get(pe);
      if (s == null) {
        return false;
      }
    }
    return s != this && !s.isEmpty();
  }

  /** The subset below the path element {@code pe}, relative to it. */
  public FieldSet childAt(PathElement pe) {
    FieldSet c = children.get(pe);
    return c == null ? EMPTY : c;
  }

  /** Every member path: at each level the members first, then the children, all in sorted order. */
  public List<List<PathElement>> paths() {
    List<List<PathElement>> out = new ArrayList<>();
    iterate(new ArrayList<>(), out::add);
    return out;
  }

  private void iterate(List<PathElement> prefix, Consumer<List<PathElement>> f) {
    for (PathElement pe : members) {
      List<PathElement> p = new ArrayList<>(prefix);
      p.add(pe);
      f.accept(List.copyOf(p));
    }
    for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
      prefix.add(e.getKey());
      e.getValue().iterate(prefix, f);
      prefix.remove(prefix.size() - 1);
    }
  }

  public FieldSet union(FieldSet other) {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    out.members.addAll(other.members);
    out.children.putAll(children);
    for (Map.Entry<PathElement, FieldSet> e : other.children.entrySet()) {
      out.children.merge(e.getKey(), e.getValue(), FieldSet::union);
    }
    return out;
  }

  /** Members of this set that are not members of {@code other} (no prefix semantics). */
  public FieldSet difference(FieldSet other) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (!other.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
      FieldSet o = other.children.get(e.getKey());
      FieldSet d = o == null ? e.getValue() : e.getValue().difference(o);
      if (!d.isEmpty()) {
        out.children.put(e.getKey(), d);
      }
    }
    return out;
  }

  public FieldSet intersection(FieldSet other) {
    FieldSet out = new FieldSet();
    for (PathElement pe : members) {
      if (other.members.contains(pe)) {
        out.members.add(pe);
      }
    }
    for (Map.Entry<PathElement, FieldSet> e : children.entrySet()) {
      FieldSet o = other.children.get(e.getKey());
      if (o != null) {
        FieldSet i = e.getValue().intersection(o);
        if (!i.isEmpty()) {
          out.children.put(e.getKey(), i);
        }
      }
    }
    return out;
  }

  /** This set without the top-level element {@code pe} and everything below it. */
  public FieldSet without(PathElement pe) {
    FieldSet out = copy();
    out.members.remove(pe);
    out.children.remove(pe);
    return out;
  }

  /** Only the top-level element {@code pe} and everything below it. */
  public FieldSet only(PathElement pe) {
    FieldSet out = new FieldSet();
    if (members.contains(pe)) {
      out.members.add(pe);
    }
    FieldSet c = children.get(pe);
    if (c != null) {
      out.children.put(pe, c);
    }
    return out;
  }

  private FieldSet copy() {
    FieldSet out = new FieldSet();
    out.members.addAll(members);
    out.children.putAll(children);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSet f && members.equals(f.members) && children.equals(f.children);
  }

  @Override
  public int hashCode() {
    return members.hashCode() * 31 + children.hashCode();
  }

  @Override
  public String toString() {
    return Json.compact(toFieldsV1());
  }

  /** Accumulates paths; package-private because sets are otherwise immutable. */
  static final class Builder {
    private final FieldSet set = new FieldSet();

    Builder add(List<PathElement> path) {
      if (path.isEmpty()) {
        return this;
      }
      FieldSet s = set;
      for (int i = 0; i < path.size() - 1; i++) {
        s = s.children.computeIfAbsent(path.get(i), k -> new FieldSet());
      }
      s.members.add(path.get(path.size() - 1));
      return this;
    }

    FieldSet build() {
      return set;
    }
  }
}
