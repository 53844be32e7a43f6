package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One step of a field path, as structured-merge-diff knows them: an object field, the key of a map-list item,
 * the value of a set item, or the index of an item in a list without keys.
 * Order: fields, then keys, then values, then indexes, which is the order managedFields are written in.
 */
public sealed interface PathElement extends Comparable<PathElement> {

  /** The key used in fieldsV1: {@code f:name}, {@code k:{"name":"x"}}, {@code v:"x"}, {@code i:0}. */
  String fieldsV1Key();

  static PathElement field(String name) {
    return new Field(name);
  }

  /** A map-list key; the fields are sorted by name, as the apiserver writes them. */
  static PathElement key(ObjectNode fields) {
    return new Key(fields);
  }

  static PathElement value(JsonNode value) {
    return new Value(value);
  }

  static PathElement index(int index) {
    return new Index(index);
  }

  static PathElement parseFieldsV1Key(String key) {
    if (key.length() < 2 || key.charAt(1) != ':') {
      throw new IllegalArgumentException("unknown fieldsV1 path element: " + key);
    }
    String rest = key.substring(2);
    switch (key.charAt(0)) {
      case 'f':
        return field(rest);
      case 'k': {
        JsonNode n = Json.parse(rest);
        if (!n.isObject()) {
          throw new IllegalArgumentException("fieldsV1 key is not an object: " + key);
        }
        return key((ObjectNode) n);
      }
      case 'v':
        return value(Json.parse(rest));
      case 'i':
        return index(Integer.parseInt(rest));
      default:
        throw new IllegalArgumentException("unknown fieldsV1 path element: " + key);
    }
  }

  /** The path as the apiserver prints it in conflicts: {@code .spec.ports[port=80,protocol="TCP"].port}. */
  static String toString(List<PathElement> path) {
    StringBuilder b = new StringBuilder();
    for (PathElement pe : path) {
      b.append(pe);
    }
    return b.toString();
  }

  private static int rank(PathElement pe) {
    if (pe instanceof Field) {
      return 0;
    }
    if (pe instanceof Key) {
      return 1;
    }
    if (pe instanceof Value) {
      return 2;
    }
    return 3;
  }

  @Override
  default int compareTo(PathElement o) {
    int r = Integer.compare(rank(this), rank(o));
    if (r != 0) {
      return r;
    }
    if (this instanceof Field a) {
      return a.name().compareTo(((Field) o).name());
    }
    if (this instanceof Key a) {
      return Json.compareValues(a.fields(), ((Key) o).fields());
    }
    if (this instanceof Value a) {
      return Json.compareValues(a.value(), ((Value) o).value());
    }
    return Integer.compare(((Index) this).index(), ((Index) o).index());
  }

  record Field(String name) implements PathElement {
    @Override
    public String fieldsV1Key() {
      return "f:" + name;
    }

    @Override
    public String toString() {
      return "." + name;
    }
  }

  record Key(ObjectNode fields) implements PathElement {
    public Key {
      fields = (ObjectNode) Json.canonical(fields);
    }

    @Override
    public String fieldsV1Key() {
      return "k:" + Json.compact(fields);
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        parts.add(e.getKey() + "=" + Json.display(e.getValue()));
      }
      return "[" + String.join(",", parts) + "]";
    }
  }

  record Value(JsonNode value) implements PathElement {
    public Value {
      value = Json.canonical(value);
    }

    @Override
    public String fieldsV1Key() {
      return "v:" + Json.compact(value);
    }

    @Override
    public String toString() {
      return "[=" + Json.display(value) + "]";
    }
  }

  record Index(int index) implements PathElement {
    @Override
    public String fieldsV1Key() {
      return "i:" + index;
    }

    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }
}
