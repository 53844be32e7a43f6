package io.cybershield.shield.gateway.triage.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import io.cybershield.shield.gateway.triage.rules.YamlTree.Scalar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one YAML document into a {@link Rule} and its compiled {@link Detection}. Everything that can be decided
 * from the rule alone (modifiers, wildcards, regular expressions, networks, the condition) is decided here, once,
 * so that evaluation only compares strings; every problem is a {@link RuleException} naming the rule.
 */
final class RuleCompiler {

  /** A rule ready to run: the record, its detection and the sources it applies to. */
  record Compiled(Rule rule, Detection detection, Set<LogSource> sources, Set<String> windowsEventIds) {
  }

  /** Wildcards inside a compiled glob, as private-use characters so that the literal text stays plain. */
  static final char STAR = '\uE000';
  static final char ONE = '\uE001';

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern TECHNIQUE_TAG = Pattern.compile("(?i)attack\\.(t\\d{4}(?:\\.\\d{3})?)");
  private static final Pattern TACTIC_TAG = Pattern.compile("(?i)attack\\.([a-z][a-z_-]+)");
  private static final Pattern TIMEFRAME = Pattern.compile("(\\d{1,6})([smhdw])");
  private static final Pattern AGGREGATION = Pattern.compile(
      "(?i)\\s*count\\s*\\(\\s*([^()\\s]*)\\s*\\)\\s*(?:by\\s+([^\\s<>=]+)\\s*)?(>=|<=|==|=|>|<)\\s*(\\d{1,9})\\s*");
  private static final Pattern INLINE_IGNORE_CASE = Pattern.compile("\\(\\?[a-zA-Z]*i");
  private static final Set<String> STATUSES = Set.of("stable", "test", "experimental");
  private static final String DASHES = "-/\u2013\u2014\u2015";

  private final String file;
  private String ruleId;

  private RuleCompiler(String file, String ruleId) {
    this.file = file;
    this.ruleId = ruleId;
  }

  static Compiled compile(String file, int position, Object tree) {
    return new RuleCompiler(file, "#" + position).compile(tree);
  }

  private RuleException fail(String problem) {
    return new RuleException(file, ruleId, problem);
  }

  private Compiled compile(Object tree) {
    if (!(tree instanceof Map<?, ?> rawMap)) {
      throw fail("a rule must be a YAML map (title, id, detection, ...)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) rawMap;
    String id = text(map.get("id"));
    if (id == null || id.isBlank()) {
      throw fail("missing id");
    }
    ruleId = id;
    if (!ID.matcher(id).matches()) {
      throw fail("id '" + id + "' must be lower-case letters, digits and '-'");
    }
    String title = text(map.get("title"));
    if (title == null || title.isBlank()) {
      throw fail("missing title");
    }
    String levelText = text(map.get("level"));
    if (levelText == null || levelText.isBlank()) {
      throw fail("missing level");
    }
    Level level = Level.fromName(levelText)
        .orElseThrow(() -> fail("unknown level '" + levelText + "' (informational, low, medium, high, critical)"));
    String status = text(map.get("status"));
    status = status == null ? "experimental" : status.trim().toLowerCase(Locale.ROOT);
    if (!STATUSES.contains(status)) {
      throw fail("unknown status '" + status + "' (stable, test, experimental)");
    }
    List<String> tags = strings(map.get("tags"), "tags");
    Set<String> techniques = new LinkedHashSet<>();
    Set<String> tactics = new LinkedHashSet<>();
    for (String tag : tags) {
      if (TECHNIQUE_TAG.matcher(tag.trim()).matches()) {
        techniques.add(tag.trim().substring("attack.".length()).toUpperCase(Locale.ROOT));
      } else if (TACTIC_TAG.matcher(tag.trim()).matches()) {
        tactics.add(tag.trim().substring("attack.".length()).toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    LogsourceSpec logsource = logsource(map.get("logsource"));
    Response response = response(map.get("shield"));
    Rule rule = new Rule(id, title.trim(), text(map.get("description")), level, techniques, tactics, logsource,
        strings(map.get("falsepositives"), "falsepositives"), response, status, tags, file);
    Object detection = map.get("detection");
    if (detection == null || detection instanceof Scalar scalar && scalar.isNull()) {
      throw fail("missing detection");
    }
    if (!(detection instanceof Map<?, ?> detectionMap)) {
      throw fail("detection must be a map of selections and a condition");
    }
    @SuppressWarnings("unchecked")
    Detection compiled = detection((Map<String, Object>) detectionMap);
    return new Compiled(rule, compiled, logsource.sources(), logsource.windowsEventIds());
  }

  private LogsourceSpec logsource(Object value) {
    if (value == null) {
      return new LogsourceSpec("", "", "");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw fail("logsource must be a map (product, category, service)");
    }
    return new LogsourceSpec(text(map.get("product")), text(map.get("category")), text(map.get("service")));
  }

  private Response response(Object value) {
    if (value == null) {
      return new Response("", List.of(), "");
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw fail("shield must be a map (recommendation, remediation, category)");
    }
    Response response = new Response(text(map.get("recommendation")),
        strings(map.get("remediation"), "shield.remediation"), text(map.get("category")));
    if (response.category().equalsIgnoreCase("ransomware") && response.remediation().isEmpty()) {
      throw fail("category ransomware needs shield.remediation (the ordered steps)");
    }
    return response;
  }

  private static String text(Object value) {
    return value instanceof Scalar scalar ? scalar.text() : null;
  }

  private List<String> strings(Object value, String what) {
    if (value == null || value instanceof Scalar scalar && scalar.isNull()) {
      return List.of();
    }
    if (value instanceof Scalar scalar) {
      return List.of(scalar.text());
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof Scalar scalar) || scalar.isNull()) {
          throw fail(what + " must be a list of strings");
        }
        strings.add(scalar.text());
      }
      return strings;
    }
    throw fail(what + " must be a list of strings");
  }

  // ---------------------------------------------------------------- detection

  private Detection detection(Map<String, Object> map) {
    Object conditionValue = map.get("condition");
    if (conditionValue == null || conditionValue instanceof Scalar scalar && scalar.isNull()) {
      throw fail("missing condition");
    }
    List<String> conditions = strings(conditionValue, "condition");
    if (conditions.isEmpty() || conditions.stream().allMatch(String::isBlank)) {
      throw fail("missing condition");
    }
    Duration timeframe = null;
    String timeframeText = text(map.get("timeframe"));
    if (timeframeText != null) {
      timeframe = timeframe(timeframeText.trim());
    }
    List<Selection> selections = new ArrayList<>();
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getKey().equals("condition") || entry.getKey().equals("timeframe")) {
        continue;
      }
      byName.put(entry.getKey(), selections.size());
      selections.add(selection(entry.getKey(), entry.getValue()));
    }
    Aggregation aggregation = null;
    List<Condition> parts = new ArrayList<>();
    for (String condition : conditions) {
      int pipe = condition.indexOf('|');
      String expression = pipe < 0 ? condition : condition.substring(0, pipe);
      if (pipe >= 0) {
        if (conditions.size() > 1) {
          throw fail("condition: an aggregation needs a single condition, not a list");
        }
        aggregation = aggregation(condition.substring(pipe + 1), timeframe);
      }
      parts.add(new ConditionParser(expression, byName).parse());
    }
    Condition condition = parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    return new Detection(List.copyOf(selections), condition, aggregation);
  }

  private Duration timeframe(String text) {
    var matcher = TIMEFRAME.matcher(text);
    if (!matcher.matches()) {
      throw fail("timeframe '" + text + "' is not like 30s, 5m, 1h or 2d");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }

  private Aggregation aggregation(String text, Duration timeframe) {
    var matcher = AGGREGATION.matcher(text);
    if (!matcher.matches()) {
      throw fail("condition: cannot read the aggregation '" + text.trim()
          + "' (only count() or count(field), optional 'by field', then >, >=, <, <= or == and a number)");
    }
    String counted = matcher.group(1).isEmpty() ? null : matcher.group(1);
    String operator = matcher.group(3).equals("=") ? "==" : matcher.group(3);
    return new Aggregation(counted, matcher.group(2), operator, Long.parseLong(matcher.group(4)), timeframe);
  }

  private Selection selection(String name, Object value) {
    if (value == null || value instanceof Scalar scalar && scalar.isNull()) {
      throw fail("selection '" + name + "' is empty");
    }
    List<List<FieldItem>> alternatives = new ArrayList<>();
    if (value instanceof Map<?, ?> map) {
      alternatives.add(fieldItems(name, map));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        throw fail("selection '" + name + "' is empty");
      }
      List<Object> keywords = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof Map<?, ?> map) {
          alternatives.add(fieldItems(name, map));
        } else if (item instanceof Scalar) {
          keywords.add(item);
        } else {
          throw fail("selection '" + name + "': a list holds maps or keyword strings, not nested lists");
        }
      }
      if (!keywords.isEmpty()) {
        alternatives.add(List.of(item(name, "keywords", List.of(), keywords, true)));
      }
    } else {
      alternatives.add(List.of(item(name, "keywords", List.of(), List.of(value), true)));
    }
    return new Selection(name, List.copyOf(alternatives));
  }

  private List<FieldItem> fieldItems(String selection, Map<?, ?> map) {
    if (map.isEmpty()) {
      throw fail("selection '" + selection + "' is empty");
    }
    List<FieldItem> items = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String[] parts = key.split("\\|", -1);
      String field = parts[0].trim();
      if (field.isEmpty()) {
        throw fail("selection '" + selection + "': empty field name in '" + key + "'");
      }
      List<String> modifiers = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        modifiers.add(parts[i].trim().toLowerCase(Locale.ROOT));
      }
      Object value = entry.getValue();
      List<Object> values;
      if (value instanceof List<?> list) {
        if (list.isEmpty()) {
          throw fail("selection '" + selection + "', field '" + field + "': no values");
        }
        values = new ArrayList<>(list);
      } else {
        values = new ArrayList<>();
        values.add(value);
      }
      for (Object one : values) {
        if (!(one instanceof Scalar)) {
          throw fail("selection '" + selection + "', field '" + field
              + "': a value must be a string, a number, null or a list of them");
        }
      }
      items.add(item(selection, field, modifiers, values, field.equals("keywords")));
    }
    return List.copyOf(items);
  }

  // ---------------------------------------------------------------- values and modifiers

  private FieldItem item(String selection, String field, List<String> modifiers, List<Object> values,
      boolean raw) {
    String where = "selection '" + selection + "', field '" + field + "'";
    String matchType = null;
    String encoding = null;
    String charset = null;
    boolean all = false;
    boolean cased = false;
    boolean windash = false;
    StringBuilder regexFlags = new StringBuilder();
    for (String modifier : modifiers) {
      switch (modifier) {
        case "contains", "startswith", "endswith", "re", "cidr", "exists", "gt", "gte", "lt", "lte" -> {
          if (matchType != null) {
            throw fail(where + ": modifiers '" + matchType + "' and '" + modifier + "' cannot be combined");
          }
          matchType = modifier;
        }
        case "all" -> all = true;
        case "cased" -> cased = true;
        case "windash" -> windash = true;
        case "base64", "base64offset" -> {
          if (encoding != null) {
            throw fail(where + ": modifiers '" + encoding + "' and '" + modifier + "' cannot be combined");
          }
          encoding = modifier;
        }
        case "wide", "utf16le", "utf16be", "utf16" -> charset = modifier;
        case "i", "m", "s" -> regexFlags.append(modifier);
        default -> throw fail(where + ": unknown modifier '" + modifier + "'");
      }
    }
    if (regexFlags.length() > 0 && !"re".equals(matchType)) {
      throw fail(where + ": modifier '" + regexFlags.charAt(0) + "' only applies after 're'");
    }
    if (charset != null && encoding == null) {
      throw fail(where + ": modifier '" + charset + "' needs 'base64' or 'base64offset' after it");
    }
    boolean stringMatch = matchType == null || matchType.equals("contains") || matchType.equals("startswith")
        || matchType.equals("endswith");
    if (encoding != null && !stringMatch) {
      throw fail(where + ": modifier '" + encoding + "' cannot be combined with '" + matchType + "'");
    }
    if (windash && !stringMatch) {
      throw fail(where + ": modifier 'windash' cannot be combined with '" + matchType + "'");
    }
    if (raw && matchType != null && !stringMatch && !matchType.equals("re")) {
      throw fail(where + ": keywords cannot use '" + matchType + "'");
    }
    if ("exists".equals(matchType)) {
      if (values.size() != 1 || !(values.get(0) instanceof Scalar scalar) || scalar.isNull()
          || !(scalar.text().equalsIgnoreCase("true") || scalar.text().equalsIgnoreCase("false"))) {
        throw fail(where + ": 'exists' takes true or false");
      }
      return new FieldItem(field, field, List.of(), List.of(), false, false,
          Boolean.parseBoolean(((Scalar) values.get(0)).text().toLowerCase(Locale.ROOT)));
    }
    List<ValueTest> tests = new ArrayList<>();
    List<String> written = new ArrayList<>();
    boolean orNull = false;
    for (Object one : values) {
      Scalar scalar = (Scalar) one;
      if (scalar.isNull()) {
        if (raw || !stringMatch || encoding != null) {
          throw fail(where + ": null cannot be used here");
        }
        orNull = true;
        continue;
      }
      String text = scalar.text();
      written.add(text);
      tests.add(test(where, text, matchType, encoding, charset, cased, windash, regexFlags.toString(), raw));
    }
    if (all && orNull) {
      throw fail(where + ": null cannot be combined with 'all'");
    }
    return new FieldItem(raw ? null : field, raw ? "keywords" : field, List.copyOf(tests), List.copyOf(written),
        all, orNull, null);
  }

  private ValueTest test(String where, String text, String matchType, String encoding, String charset,
      boolean cased, boolean windash, String regexFlags, boolean raw) {
    if ("re".equals(matchType)) {
      try {
        Pattern pattern = Pattern.compile(regexFlags.isEmpty() ? text : "(?" + regexFlags + ")" + text);
        boolean ignoreCase = regexFlags.contains("i") || INLINE_IGNORE_CASE.matcher(text).find();
        String required = RegexLiterals.required(text);
        return new ValueTest.Regex(pattern, required == null ? null
            : ignoreCase ? required.toLowerCase(Locale.ROOT) : required, ignoreCase);
      } catch (PatternSyntaxException bad) {
        throw fail(where + ": bad regular expression '" + text + "': " + bad.getDescription());
      }
    }
    if ("cidr".equals(matchType)) {
      Cidr network = Cidr.parse(text);
      if (network == null) {
        throw fail(where + ": '" + text + "' is not a network (like 10.0.0.0/8 or fd00::/8)");
      }
      return new ValueTest.InNetwork(network);
    }
    if (matchType != null && (matchType.equals("gt") || matchType.equals("gte") || matchType.equals("lt")
        || matchType.equals("lte"))) {
      Double bound = ValueTest.number(text);
      if (bound == null) {
        throw fail(where + ": '" + text + "' is not a number");
      }
      return new ValueTest.Numeric(ValueTest.Comparison.valueOf(matchType.toUpperCase(Locale.ROOT)), bound);
    }
    List<String> globs = new ArrayList<>();
    boolean exact = cased;
    if (encoding != null) {
      exact = true;
      for (String plain : windash ? windash(unescape(text, false)) : List.of(unescape(text, false))) {
        globs.addAll(encode(plain, encoding, charset));
      }
    } else {
      String glob = unescape(text, true);
      globs.addAll(windash ? windash(glob) : List.of(glob));
    }
    String type = matchType == null && raw ? "contains" : matchType;
    List<ValueTest> variants = new ArrayList<>();
    for (String glob : globs) {
      String wrapped = type == null ? glob : switch (type) {
        case "contains" -> STAR + glob + STAR;
        case "startswith" -> glob + STAR;
        default -> STAR + glob;
      };
      ValueTest variant = globTest(wrapped, exact);
      if (!variants.contains(variant)) {
        variants.add(variant);
      }
    }
    return variants.size() == 1 ? variants.get(0) : new ValueTest.AnyOf(List.copyOf(variants));
  }

  /**
   * Sigma's escapes: {@code \*} and {@code \?} are a literal star and question mark, {@code \\} one backslash,
   * any other backslash is itself (so {@code '\vssadmin.exe'} means what it says). With {@code wildcards}, an
   * unescaped {@code *} and {@code ?} become {@link #STAR} and {@link #ONE}.
   */
  static String unescape(String text, boolean wildcards) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '*' || next == '?' || next == '\\') {
          out.append(next);
          i++;
          continue;
        }
      }
      if (wildcards && c == '*') {
        out.append(STAR);
      } else if (wildcards && c == '?') {
        out.append(ONE);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code |windash}: every dash or slash that starts a word ({@code -enc}, {@code /c}) in each of its spellings
   * (hyphen, slash, en dash, em dash, horizontal bar). Up to three positions in every combination; more, the same
   * spelling at all of them (5 variants instead of thousands).
   */
  static List<String> windash(String glob) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < glob.length(); i++) {
      if (DASHES.indexOf(glob.charAt(i)) >= 0 && (i == 0 || !word(glob.charAt(i - 1)))
          && i + 1 < glob.length() && word(glob.charAt(i + 1))) {
        positions.add(i);
      }
    }
    List<String> variants = new ArrayList<>();
    if (positions.isEmpty()) {
      variants.add(glob);
    } else if (positions.size() > 3) {
      for (int d = 0; d < DASHES.length(); d++) {
        char[] chars = glob.toCharArray();
        for (int position : positions) {
          chars[position] = DASHES.charAt(d);
        }
        variants.add(new String(chars));
      }
    } else {
      int combinations = (int) Math.pow(DASHES.length(), positions.size());
      for (int n = 0; n < combinations; n++) {
        char[] chars = glob.toCharArray();
        int rest = n;
        for (int position : positions) {
          chars[position] = DASHES.charAt(rest % DASHES.length());
          rest /= DASHES.length();
        }
        variants.add(new String(chars));
      }
    }
    return variants;
  }

  private static boolean word(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * {@code |base64} (the whole value encoded, with padding) and {@code |base64offset} (the three spellings the
   * value has inside a longer base64 text, depending on its offset modulo 3, cut to the characters that depend on
   * the value alone); UTF-8 unless {@code wide}/{@code utf16le}, {@code utf16be} or {@code utf16} (with its BOM).
   */
  static List<String> encode(String plain, String encoding, String charset) {
    byte[] bytes = bytes(plain, charset);
    Base64.Encoder encoder = Base64.getEncoder();
    if (encoding.equals("base64")) {
      return List.of(encoder.encodeToString(bytes));
    }
    List<String> variants = new ArrayList<>(3);
    int[] cutStart = {0, 2, 3};
    int[] cutEnd = {0, 3, 2};
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[bytes.length + offset];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = encoder.encodeToString(shifted);
      int end = encoded.length() - cutEnd[(bytes.length + offset) % 3];
      if (end > cutStart[offset]) {
        variants.add(encoded.substring(cutStart[offset], end));
      }
    }
    return variants;
  }

  private static byte[] bytes(String plain, String charset) {
    if (charset == null) {
      return plain.getBytes(StandardCharsets.UTF_8);
    }
    return switch (charset) {
      case "utf16be" -> plain.getBytes(StandardCharsets.UTF_16BE);
      case "utf16" -> {
        byte[] body = plain.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(body, 0, withBom, 2, body.length);
        yield withBom;
      }
      default -> plain.getBytes(StandardCharsets.UTF_16LE);
    };
  }

  /** The cheapest test for a glob: a string comparison unless wildcards sit inside it, then a re2j pattern. */
  static ValueTest globTest(String glob, boolean cased) {
    String text = cased ? glob : glob.toLowerCase(Locale.ROOT);
    StringBuilder collapsed = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == STAR && collapsed.length() > 0 && collapsed.charAt(collapsed.length() - 1) == STAR) {
        continue;
      }
      collapsed.append(c);
    }
    text = collapsed.toString();
    if (text.indexOf(ONE) < 0) {
      int first = text.indexOf(STAR);
      if (first < 0) {
        return new ValueTest.Literal(ValueTest.Mode.EXACT, text, cased);
      }
      int last = text.lastIndexOf(STAR);
      if (first == last && first == 0) {
        return new ValueTest.Literal(ValueTest.Mode.SUFFIX, text.substring(1), cased);
      }
      if (first == last && first == text.length() - 1) {
        return new ValueTest.Literal(ValueTest.Mode.PREFIX, text.substring(0, first), cased);
      }
      if (first == 0 && last == text.length() - 1 && text.indexOf(STAR, 1) == last) {
        return new ValueTest.Literal(ValueTest.Mode.CONTAINS, text.substring(1, last), cased);
      }
    }
    if (text.indexOf(ONE) < 0) {
      List<String> segments = new ArrayList<>(List.of(text.split(String.valueOf(STAR), -1)));
      String head = segments.remove(0);
      String tail = segments.remove(segments.size() - 1);
      segments.removeIf(String::isEmpty);
      return new ValueTest.StarGlob(head, List.copyOf(segments), tail, cased);
    }
    StringBuilder regex = new StringBuilder("(?s)");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == STAR) {
        regex.append(".*");
      } else if (c == ONE) {
        regex.append('.');
      } else if (c < 128 && !Character.isLetterOrDigit(c)) {
        regex.append(String.format(Locale.ROOT, "\\x{%x}", (int) c));
      } else {
        regex.append(c);
      }
    }
    return new ValueTest.Glob(Pattern.compile(regex.toString()), cased);
  }

  // ---------------------------------------------------------------- condition

  /** {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*}, {@code all of x*}, {@code them}. */
  private final class ConditionParser {
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Integer> selections;
    private final String text;
    private int at;

    ConditionParser(String text, Map<String, Integer> selections) {
      this.text = text.trim();
      this.selections = selections;
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '(' || c == ')' || Character.isWhitespace(c)) {
          if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
          }
          if (!Character.isWhitespace(c)) {
            tokens.add(String.valueOf(c));
          }
        } else {
          word.append(c);
        }
      }
      if (word.length() > 0) {
        tokens.add(word.toString());
      }
    }

    Condition parse() {
      if (tokens.isEmpty()) {
        throw fail("missing condition");
      }
      Condition condition = or();
      if (at < tokens.size()) {
        throw problem("unexpected '" + tokens.get(at) + "'");
      }
      return condition;
    }

    private RuleException problem(String what) {
      return fail("condition '" + text + "': " + what);
    }

    private boolean keyword(String word) {
      return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
    }

    private Condition or() {
      List<Condition> parts = new ArrayList<>();
      parts.add(and());
      while (keyword("or")) {
        at++;
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.Or(List.copyOf(parts));
    }

    private Condition and() {
      List<Condition> parts = new ArrayList<>();
      parts.add(not());
      while (keyword("and")) {
        at++;
        parts.add(not());
      }
      return parts.size() == 1 ? parts.get(0) : new Condition.And(List.copyOf(parts));
    }

    private Condition not() {
      if (keyword("not")) {
        at++;
        return new Condition.Not(not());
      }
      return primary();
    }

    private Condition primary() {
      if (at >= tokens.size()) {
        throw problem("ends too early");
      }
      String token = tokens.get(at++);
      if (token.equals("(")) {
        Condition inner = or();
        if (!keyword(")")) {
          throw problem("missing ')'");
        }
        at++;
        return inner;
      }
      if (token.equals(")") || token.equalsIgnoreCase("and") || token.equalsIgnoreCase("or")
          || token.equalsIgnoreCase("of")) {
        throw problem("unexpected '" + token + "'");
      }
      if (keyword("of")) {
        at++;
        boolean every;
        if (token.equalsIgnoreCase("all")) {
          every = true;
        } else if (token.equals("1") || token.equalsIgnoreCase("any")) {
          every = false;
        } else {
          throw problem("'" + token + " of' is not supported (use '1 of' or 'all of')");
        }
        if (at >= tokens.size()) {
          throw problem("'of' needs a selection pattern or 'them'");
        }
        String pattern = tokens.get(at++);
        List<Condition> refs = new ArrayList<>();
        boolean them = pattern.equalsIgnoreCase("them");
        Pattern names = them ? null : Pattern.compile(nameGlob(pattern));
        for (Map.Entry<String, Integer> selection : selections.entrySet()) {
          if (them ? !selection.getKey().startsWith("_") : names.matcher(selection.getKey()).matches()) {
            refs.add(new Condition.Ref(selection.getValue()));
          }
        }
        if (refs.isEmpty()) {
          throw problem("'" + token + " of " + pattern + "' matches no selection");
        }
        if (refs.size() == 1) {
          return refs.get(0);
        }
        return every ? new Condition.And(List.copyOf(refs)) : new Condition.Or(List.copyOf(refs));
      }
      Integer selection = selections.get(token);
      if (selection == null) {
        throw problem("names unknown selection '" + token + "'");
      }
      return new Condition.Ref(selection);
    }

    private String nameGlob(String pattern) {
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '*') {
          regex.append(".*");
        } else if (c < 128 && !Character.isLetterOrDigit(c)) {
          regex.append(String.format(Locale.ROOT, "\\x{%x}", (int) c));
        } else {
          regex.append(c);
        }
      }
      return regex.toString();
    }
  }
}
