package io.cybershield.shield.sandbox.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelReference;
import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code x-kubernetes-validations}: compiled once per CRD version, evaluated at every object node whose schema carries
 * rules (apiextensions-apiserver {@code pkg/apiserver/schema/cel/validation.go}).
 *
 * <p>{@code self} and {@code oldSelf} are declared {@code dyn}; values are converted from Jackson according to the
 * schema (integer → Long, number → Double, string, bool, list, map; absent fields stay absent).
 */
final class CelRules {
  /** {@code PerCallLimit}: approximated by the number of evaluated AST steps (including comprehension iterations). */
  static final long PER_CALL_LIMIT = 1_000_000L;
  /** {@code RuntimeCELCostBudget} for all rules on one object, same approximation. */
  static final long RUNTIME_BUDGET = 10_000_000L;

  static final CelOptions OPTIONS = CelOptions.current()
      .enableHeterogeneousNumericComparisons(true)
      .enableOptionalSyntax(true)
      .evaluateCanonicalTypesToNativeValues(true)
      .build();

  static final Cel CEL = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS), CelExtensions.lists(),
          CelExtensions.sets(OPTIONS), CelExtensions.regex(), CelExtensions.encoders(OPTIONS), CelOptionalLibrary.INSTANCE)
      .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS), CelExtensions.lists(),
          CelExtensions.sets(OPTIONS), CelExtensions.regex(), CelExtensions.encoders(OPTIONS), CelOptionalLibrary.INSTANCE)
      .addFunctionDeclarations(K8sCelLibrary.declarations())
      .addFunctionBindings(K8sCelLibrary.bindings())
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .build();

  record Rule(String rule, String message, CelRuntime.Program program, CelRuntime.Program messageProgram,
              String reason, String fieldPath, boolean usesOldSelf, boolean optionalOldSelf) {}

  private final IdentityHashMap<JsonNode, List<Rule>> rules;

  private CelRules(IdentityHashMap<JsonNode, List<Rule>> rules) {
    this.rules = rules;
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  // ------------------------------------------------------------------ compile
  /** Compiles every rule below {@code schema}; CRD field errors go to {@code errs} with paths below {@code crdPath}. */
  static CelRules compile(JsonNode schema, String crdPath, List<FieldError> errs) {
    IdentityHashMap<JsonNode, List<Rule>> map = new IdentityHashMap<>();
    compileNode(schema, crdPath, map, errs);
    return new CelRules(map);
  }

  private static void compileNode(JsonNode s, String path, IdentityHashMap<JsonNode, List<Rule>> map, List<FieldError> errs) {
    if (s == null || !s.isObject()) return;
    JsonNode xv = s.get("x-kubernetes-validations");
    if (xv != null && xv.isArray()) {
      List<Rule> list = new ArrayList<>();
      for (int i = 0; i < xv.size(); i++) {
        JsonNode r = xv.get(i);
        String rulePath = path + ".x-kubernetes-validations[" + i + "]";
        String rule = r.path("rule").asText("");
        String message = r.path("message").asText("");
        String messageExpression = r.path("messageExpression").asText("");
        String reason = r.path("reason").asText("");
        String fieldPath = r.path("fieldPath").asText("");
        boolean optionalOldSelf = r.path("optionalOldSelf").asBoolean(false);
        String ruleValue = goRule(rule, message, messageExpression, r.get("reason"), fieldPath, r.get("optionalOldSelf"));
        if (rule.trim().isEmpty()) {
          errs.add(FieldError.required(rulePath + ".rule", ""));
          continue;
        }
        CelRuntime.Program program;
        boolean usesOldSelf;
        try {
          CelAbstractSyntaxTree ast = CEL.compile(rule).getAst();
          CelType result = ast.getResultType();
          if (!result.equals(SimpleType.BOOL) && !result.equals(SimpleType.DYN)) {
            errs.add(FieldError.invalidRaw(rulePath + ".rule", ruleValue,
                "compilation failed: cel expression must evaluate to a bool"));
            continue;
          }
          usesOldSelf = references(ast, "oldSelf");
          program = CEL.createProgram(ast);
        } catch (CelValidationException e) {
          errs.add(FieldError.invalidRaw(rulePath + ".rule", ruleValue, "compilation failed: " + issues(e)));
          continue;
        } catch (CelEvaluationException e) {
          errs.add(FieldError.invalidRaw(rulePath + ".rule", ruleValue, "compilation failed: " + e.getMessage()));
          continue;
        }
        CelRuntime.Program msgProgram = null;
        if (!messageExpression.isEmpty()) {
          try {
            msgProgram = CEL.createProgram(CEL.compile(messageExpression).getAst());
          } catch (CelValidationException | CelEvaluationException e) {
            errs.add(FieldError.invalidRaw(rulePath + ".messageExpression", ruleValue,
                "messageExpression compilation failed: " + (e instanceof CelValidationException v ? issues(v) : e.getMessage())));
            continue;
          }
        }
        if (!fieldPath.isEmpty()) {
          try {
            fieldPath = normalizeFieldPath(s, fieldPath);
          } catch (IllegalArgumentException e) {
            errs.add(FieldError.invalid(rulePath + ".fieldPath", r.path("fieldPath").asText(),
                "fieldPath must be a valid path: " + e.getMessage()));
            continue;
          }
        }
        if (optionalOldSelf && !usesOldSelf) {
          errs.add(FieldError.invalid(rulePath + ".optionalOldSelf", true,
              "may not be set to true for non-transition rules"));
        }
        list.add(new Rule(rule, message.trim(), program, msgProgram, reason, fieldPath, usesOldSelf, optionalOldSelf));
      }
      if (!list.isEmpty()) map.put(s, list);
    }
    JsonNode props = Structural.props(s);
    if (props != null) {
      props.fields().forEachRemaining(e -> compileNode(e.getValue(), path + ".properties[" + e.getKey() + "]", map, errs));
    }
    compileNode(Structural.items(s), path + ".items", map, errs);
    compileNode(Structural.additionalProperties(s), path + ".additionalProperties", map, errs);
  }

  /**
   * {@code ValidFieldPath}: {@code .a.b}, {@code ['a']} for properties and map keys; returns the normalised suffix,
   * e.g. {@code .labels[k]}.
   */
  static String normalizeFieldPath(JsonNode schema, String fp) {
    StringBuilder out = new StringBuilder();
    JsonNode cur = schema;
    int i = 0;
    if (fp.isEmpty()) throw new IllegalArgumentException("unexpected end of JSON path");
    while (i < fp.length()) {
      char c = fp.charAt(i);
      String name;
      if (c == '.') {
        int j = i + 1;
        while (j < fp.length() && fp.charAt(j) != '.' && fp.charAt(j) != '[') j++;
        if (j == i + 1) throw new IllegalArgumentException("unexpected end of JSON path");
        name = fp.substring(i + 1, j);
        i = j;
      } else if (c == '[') {
        if (i + 1 >= fp.length() || fp.charAt(i + 1) != '\'') {
          throw new IllegalArgumentException("expected single quoted string but got " + fp.substring(i + 1));
        }
        int j = i + 2;
        StringBuilder lit = new StringBuilder();
        while (j < fp.length() && fp.charAt(j) != '\'') {
          if (fp.charAt(j) == '\\' && j + 1 < fp.length()) j++;
          lit.append(fp.charAt(j++));
        }
        if (j + 1 >= fp.length() || fp.charAt(j + 1) != ']') throw new IllegalArgumentException("unexpected end of JSON path");
        name = lit.toString();
        i = j + 2;
      } else {
        throw new IllegalArgumentException("expected [ or . but got: " + fp.substring(i));
      }
      JsonNode props = Structural.props(cur);
      JsonNode addl = Structural.additionalProperties(cur);
      if (props != null) {
        if (!props.has(name)) throw new IllegalArgumentException("does not refer to a valid field");
        out.append('.').append(name);
        cur = props.get(name);
      } else if (addl != null) {
        out.append('[').append(name).append(']');
        cur = addl;
      } else {
        throw new IllegalArgumentException("does not refer to a valid field");
      }
    }
    return out.toString();
  }

  private static final Pattern SYNTAX = Pattern.compile(
      "(ERROR: <input>:\\d+:\\d+: )(mismatched input|extraneous input|no viable alternative|missing |token recognition error)");

  /** cel-go's issue text: parser errors carry a {@code Syntax error: } prefix. */
  private static String issues(CelValidationException e) {
    return SYNTAX.matcher(e.getMessage()).replaceAll("$1Syntax error: $2");
  }

  private static boolean references(CelAbstractSyntaxTree ast, String name) {
    for (CelReference ref : ast.getReferenceMap().values()) {
      if (name.equals(ref.name())) return true;
    }
    return false;
  }

  /** Go {@code %#v} of {@code apiextensions.ValidationRule}, the bad value of a rule compilation error. */
  private static String goRule(String rule, String message, String messageExpression, JsonNode reason,
                               String fieldPath, JsonNode optionalOldSelf) {
    return "apiextensions.ValidationRule{Rule:" + GoFmt.quote(rule) + ", Message:" + GoFmt.quote(message)
        + ", MessageExpression:" + GoFmt.quote(messageExpression)
        + ", Reason:(*apiextensions.FieldValueErrorReason)(" + (reason == null ? "nil" : "0xc000000000") + ")"
        + ", FieldPath:" + GoFmt.quote(fieldPath)
        + ", OptionalOldSelf:(*bool)(" + (optionalOldSelf == null ? "nil" : "0xc000000001") + ")}";
  }

  // ------------------------------------------------------------------ evaluate
  private static final class Budget {
    long remaining = RUNTIME_BUDGET;
    boolean exhausted;
  }

  private static final class CostExceeded extends RuntimeException {
    CostExceeded() {
      super("operation cancelled: actual cost limit exceeded", null, false, false);
    }
  }

  /** Evaluates all rules. {@code old} may be null (create). Root rules report field {@code <nil>}. */
  List<FieldError> validate(JsonNode schema, JsonNode object, JsonNode old) {
    List<FieldError> errs = new ArrayList<>();
    if (!rules.isEmpty()) walk(schema, object, old, "", true, new Budget(), errs);
    return errs;
  }

  private void walk(JsonNode s, JsonNode node, JsonNode old, String path, boolean rootOrEmbedded,
                    Budget budget, List<FieldError> errs) {
    if (s == null || node == null || node.isNull() || node.isMissingNode() || budget.exhausted) return;
    List<Rule> here = rules.get(s);
    if (here != null) {
      Object self = toCel(node, s, rootOrEmbedded);
      Object oldSelf = old == null || old.isNull() || old.isMissingNode() ? null : toCel(old, s, rootOrEmbedded);
      for (Rule r : here) {
        if (budget.exhausted) return;
        evalRule(r, s, self, oldSelf, path, budget, errs);
      }
    }
    if (node.isObject()) {
      JsonNode props = Structural.props(s);
      JsonNode addl = Structural.additionalProperties(s);
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        if (path.isEmpty() && "metadata".equals(k)) continue;
        JsonNode oldChild = old == null || !old.isObject() ? null : old.get(k);
        if (props != null && props.has(k)) {
          JsonNode cs = props.get(k);
          walk(cs, e.getValue(), oldChild, Structural.child(path, k), Structural.embedded(cs), budget, errs);
        } else if (addl != null) {
          walk(addl, e.getValue(), oldChild, path + "[" + k + "]", Structural.embedded(addl), budget, errs);
        }
      }
    } else if (node.isArray()) {
      JsonNode is = Structural.items(s);
      if (is == null) return;
      String lt = s.path("x-kubernetes-list-type").asText("");
      List<String> keys = new ArrayList<>();
      s.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        JsonNode oldItem = null;
        if (old != null && old.isArray()) {
          if ("map".equals(lt)) oldItem = findByKeys(old, item, keys);
          else if ("set".equals(lt)) for (JsonNode o : old) if (o.equals(item)) oldItem = o;
        }
        walk(is, item, oldItem, Structural.index(path, i), Structural.embedded(is), budget, errs);
      }
    }
  }

  private static JsonNode findByKeys(JsonNode oldList, JsonNode item, List<String> keys) {
    for (JsonNode o : oldList) {
      boolean match = o.isObject() && item.isObject();
      for (String k : keys) {
        if (!match) break;
        match = o.path(k).equals(item.path(k));
      }
      if (match) return o;
    }
    return null;
  }

  private void evalRule(Rule r, JsonNode s, Object self, Object oldSelf, String path, Budget budget, List<FieldError> errs) {
    if (r.usesOldSelf() && oldSelf == null && !r.optionalOldSelf()) return;
    Map<String, Object> vars = new HashMap<>();
    vars.put("self", self);
    if (r.usesOldSelf()) vars.put("oldSelf", r.optionalOldSelf() ? Optional.ofNullable(oldSelf) : oldSelf);
    String type = schemaType(s);
    String fieldPath = path.isEmpty() ? FieldError.NIL_FIELD : path;
    Object result;
    try {
      result = trace(r.program(), vars, budget);
    } catch (CostExceeded e) {
      if (budget.exhausted) {
        errs.add(FieldError.invalid(fieldPath, type,
            "validation failed due to running out of cost budget, no further validation rules will be run"));
      } else {
        errs.add(FieldError.invalid(fieldPath, type, "'" + e.getMessage()
            + "': no further validation rules will be run due to call cost exceeds limit for rule: " + ruleErrorString(r)));
        budget.exhausted = true;
      }
      return;
    } catch (CelEvaluationException | RuntimeException e) {
      String err = evalError(e);
      if (err.startsWith("no such overload")) {
        errs.add(FieldError.invalid(fieldPath, type, "'" + err
            + "': call arguments did not match a supported operator, function or macro signature for rule: "
            + ruleErrorString(r)));
      } else {
        errs.add(FieldError.invalid(fieldPath, type, err + " evaluating rule: " + ruleErrorString(r)));
      }
      return;
    }
    if (Boolean.TRUE.equals(result)) return;
    if (!(result instanceof Boolean)) {
      errs.add(FieldError.invalid(fieldPath, type, "rule did not evaluate to a bool evaluating rule: " + ruleErrorString(r)));
      return;
    }
    String msg = messageOrDefault(r);
    if (r.messageProgram() != null) {
      try {
        Object m = trace(r.messageProgram(), vars, budget);
        if (m instanceof String ms && !ms.trim().isEmpty() && !ms.contains("\n") && ms.length() <= 5 * 1024) {
          msg = ms.trim();
        }
      } catch (CostExceeded e) {
        if (budget.exhausted) {
          errs.add(FieldError.invalid(fieldPath, type,
              "validation failed due to running out of cost budget, no further validation rules will be run"));
          return;
        }
      } catch (CelEvaluationException | RuntimeException e) {
        // falls back to message / default text, as the real server does
      }
    }
    String errPath = fieldPath;
    if (!r.fieldPath().isEmpty()) {
      String fp = r.fieldPath();
      errPath = path.isEmpty() ? (fp.startsWith(".") ? fp.substring(1) : fp) : path + fp;
      if (errPath.isEmpty()) errPath = FieldError.NIL_FIELD;
    }
    switch (r.reason()) {
      case "FieldValueForbidden" -> errs.add(FieldError.forbidden(errPath, msg));
      case "FieldValueRequired" -> errs.add(FieldError.required(errPath, msg));
      case "FieldValueDuplicate" -> errs.add(FieldError.duplicate(errPath, type));
      default -> errs.add(FieldError.invalid(errPath, type, msg));
    }
  }

  private static Object trace(CelRuntime.Program p, Map<String, Object> vars, Budget budget) throws CelEvaluationException {
    long[] cost = {0};
    try {
      return p.trace(vars, (expr, res) -> {
        cost[0]++;
        if (cost[0] > PER_CALL_LIMIT) throw new CostExceeded();
        if (cost[0] > budget.remaining) {
          budget.exhausted = true;
          throw new CostExceeded();
        }
      });
    } catch (CelEvaluationException e) {
      if (findCause(e, CostExceeded.class) != null) throw (CostExceeded) findCause(e, CostExceeded.class);
      throw e;
    } finally {
      budget.remaining -= cost[0];
    }
  }

  private static Throwable findCause(Throwable t, Class<?> c) {
    for (Throwable x = t; x != null; x = x.getCause()) if (c.isInstance(x)) return x;
    return null;
  }

  private static final Pattern KEY_NOT_PRESENT = Pattern.compile("key '(.*)' is not present in map\\.?");

  /** Runtime error text in cel-go wording where the kind is recognisable. */
  private static String evalError(Exception e) {
    Throwable cause = findCause(e, CelAttributeNotFoundException.class);
    if (cause != null) {
      Matcher m = KEY_NOT_PRESENT.matcher(cause.getMessage());
      return m.find() ? "no such key: " + m.group(1) : cause.getMessage();
    }
    Throwable root = findCause(e, dev.cel.common.exceptions.CelRuntimeException.class);
    if (root == null) {
      root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    }
    String name = root.getClass().getSimpleName();
    if (name.equals("CelDivideByZeroException")) return "division by zero";
    if (name.equals("CelNumericOverflowException")) return "integer overflow";
    if (name.equals("CelOverloadNotFoundException")) return "no such overload";
    String text = root.getMessage() != null ? root.getMessage() : String.valueOf(e.getMessage());
    if (text.contains("No matching overload")) return "no such overload";
    if (name.equals("CelIndexOutOfBoundsException") && root.getMessage() != null) {
      Matcher m = Pattern.compile("(-?\\d+)").matcher(root.getMessage());
      if (m.find()) return "index out of bounds: " + m.group(1);
    }
    String msg = root.getMessage() != null ? root.getMessage() : e.getMessage();
    return msg == null ? name : msg.replaceFirst("^evaluation error at <input>:\\d+: ", "");
  }

  private static String messageOrDefault(Rule r) {
    return r.message().isEmpty() ? "failed rule: " + r.rule().trim() : r.message();
  }

  /** {@code ruleErrorString}: the trimmed message if set, else the trimmed rule. */
  private static String ruleErrorString(Rule r) {
    return r.message().isEmpty() ? r.rule().trim() : r.message();
  }

  /** {@code sts.Type}: the declared schema type, the bad value of CEL errors ("" for int-or-string / untyped). */
  static String schemaType(JsonNode s) {
    return Structural.type(s);
  }

  // ------------------------------------------------------------------ conversion
  /** Jackson → CEL value guided by the schema. Root/embedded metadata only exposes name and generateName. */
  static Object toCel(JsonNode n, JsonNode s, boolean rootOrEmbedded) {
    if (n == null || n.isNull() || n.isMissingNode()) return NullValue.NULL_VALUE;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isTextual()) return n.textValue();
    if (n.isNumber()) {
      String t = Structural.type(s);
      if ("number".equals(t)) return n.doubleValue();
      if (n.isIntegralNumber()) return n.longValue();
      double d = n.doubleValue();
      return "integer".equals(t) && d == Math.rint(d) && Math.abs(d) < 9.2e18 ? (Object) (long) d : (Object) d;
    }
    if (n.isArray()) {
      JsonNode is = Structural.items(s);
      List<Object> l = new ArrayList<>(n.size());
      for (JsonNode x : n) l.add(toCel(x, is, Structural.embedded(is)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    JsonNode props = Structural.props(s);
    JsonNode addl = Structural.additionalProperties(s);
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (rootOrEmbedded && "metadata".equals(k) && e.getValue().isObject()) {
        Map<String, Object> md = new LinkedHashMap<>();
        for (String f : List.of("name", "generateName")) {
          if (e.getValue().hasNonNull(f)) md.put(f, e.getValue().get(f).asText());
        }
        m.put(k, md);
        continue;
      }
      boolean declared = props != null && props.has(k);
      JsonNode cs = declared ? props.get(k) : addl;
      String celName = declared ? escapePropertyName(k) : k;
      if (celName != null) {
        m.put(celName, toCel(e.getValue(), cs, cs != null && Structural.embedded(cs)));
      }
    }
    return m;
  }

  private static final java.util.Set<String> CEL_RESERVED = java.util.Set.of("true", "false", "null", "in", "as",
      "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
      "namespace", "return", "var", "void", "while");
  private static final java.util.regex.Pattern ESCAPABLE = java.util.regex.Pattern.compile(
      "^[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*$");

  /**
   * How the API server names a declared property inside CEL: reserved words become {@code __word__}, and
   * {@code __ . - /} are spelled out; a name that cannot be escaped is not accessible ({@code null}).
   */
  static String escapePropertyName(String name) {
    if (CEL_RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    if (!ESCAPABLE.matcher(name).matches()) {
      return null;
    }
    return name.replace("__", "__underscores__").replace(".", "__dot__").replace("-", "__dash__")
        .replace("/", "__slash__");
  }
}
