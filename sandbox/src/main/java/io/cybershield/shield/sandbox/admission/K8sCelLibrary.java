package io.cybershield.shield.sandbox.admission;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the Kubernetes CEL libraries ({@code k8s.io/apiserver/pkg/cel/library}) that dev.cel does not ship:
 * lists ({@code isSorted, sum, min, max, indexOf, lastIndexOf}) and regex ({@code find, findAll}). Java regex stands
 * in for RE2.
 */
final class K8sCelLibrary {
  private K8sCelLibrary() {}

  private static final TypeParamType T = TypeParamType.create("T");
  private static final ListType LIST_T = ListType.create(T);
  private static final ListType LIST_STRING = ListType.create(SimpleType.STRING);

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration("isSorted",
            CelOverloadDecl.newMemberOverload("k8s_list_is_sorted", SimpleType.BOOL, LIST_T)),
        CelFunctionDecl.newFunctionDeclaration("sum",
            CelOverloadDecl.newMemberOverload("k8s_list_sum", T, LIST_T)),
        CelFunctionDecl.newFunctionDeclaration("min",
            CelOverloadDecl.newMemberOverload("k8s_list_min", T, LIST_T)),
        CelFunctionDecl.newFunctionDeclaration("max",
            CelOverloadDecl.newMemberOverload("k8s_list_max", T, LIST_T)),
        CelFunctionDecl.newFunctionDeclaration("indexOf",
            CelOverloadDecl.newMemberOverload("k8s_list_index_of", SimpleType.INT, LIST_T, T)),
        CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
            CelOverloadDecl.newMemberOverload("k8s_list_last_index_of", SimpleType.INT, LIST_T, T)),
        CelFunctionDecl.newFunctionDeclaration("find",
            CelOverloadDecl.newMemberOverload("k8s_string_find", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration("findAll",
            CelOverloadDecl.newMemberOverload("k8s_string_find_all", LIST_STRING, SimpleType.STRING, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload("k8s_string_find_all_n", LIST_STRING, SimpleType.STRING,
                SimpleType.STRING, SimpleType.INT)));
  }

  static List<CelFunctionBinding> bindings() {
    return List.of(
        CelFunctionBinding.from("k8s_list_is_sorted", List.class, K8sCelLibrary::isSorted),
        CelFunctionBinding.from("k8s_list_sum", List.class, K8sCelLibrary::sum),
        CelFunctionBinding.from("k8s_list_min", List.class, l -> extreme(l, -1)),
        CelFunctionBinding.from("k8s_list_max", List.class, l -> extreme(l, 1)),
        CelFunctionBinding.from("k8s_list_index_of", List.class, Object.class, (l, x) -> (long) indexOf(l, x, false)),
        CelFunctionBinding.from("k8s_list_last_index_of", List.class, Object.class, (l, x) -> (long) indexOf(l, x, true)),
        CelFunctionBinding.from("k8s_string_find", String.class, String.class, (s, re) -> {
          Matcher m = Pattern.compile(re).matcher(s);
          return m.find() ? m.group() : "";
        }),
        CelFunctionBinding.from("k8s_string_find_all", String.class, String.class, (s, re) -> findAll(s, re, -1)),
        CelFunctionBinding.from("k8s_string_find_all_n", List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) throws CelEvaluationException {
    if (a instanceof Number x && b instanceof Number y) {
      if ((x instanceof Long || x instanceof Integer) && (y instanceof Long || y instanceof Integer)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable ca && a.getClass().equals(b.getClass())) return ca.compareTo(b);
    throw new CelEvaluationException("no such overload");
  }

  private static boolean isSorted(List<?> l) throws CelEvaluationException {
    for (int i = 1; i < l.size(); i++) if (compare(l.get(i - 1), l.get(i)) > 0) return false;
    return true;
  }

  private static Object sum(List<?> l) throws CelEvaluationException {
    if (l.isEmpty()) return 0L;
    boolean dbl = l.stream().anyMatch(x -> x instanceof Double);
    if (dbl) {
      double d = 0;
      for (Object x : l) d += ((Number) x).doubleValue();
      return d;
    }
    long s = 0;
    for (Object x : l) {
      if (!(x instanceof Number n)) throw new CelEvaluationException("no such overload");
      s = Math.addExact(s, n.longValue());
    }
    return s;
  }

  private static Object extreme(List<?> l, int sign) throws CelEvaluationException {
    if (l.isEmpty()) throw new CelEvaluationException((sign < 0 ? "min" : "max") + " called on empty list");
    Object best = l.get(0);
    for (Object x : l) if (compare(x, best) * sign > 0) best = x;
    return best;
  }

  private static int indexOf(List<?> l, Object x, boolean last) {
    int found = -1;
    for (int i = 0; i < l.size(); i++) {
      if (Objects.equals(l.get(i), x)) {
        found = i;
        if (!last) break;
      }
    }
    return found;
  }

  private static List<String> findAll(String s, String re, long n) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(re).matcher(s);
    while ((n < 0 || out.size() < n) && m.find()) out.add(m.group());
    return out;
  }
}
