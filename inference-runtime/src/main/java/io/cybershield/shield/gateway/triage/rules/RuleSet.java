package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogTime;
import io.cybershield.shield.gateway.triage.rules.RuleCompiler.Compiled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The detection rules, compiled, and their evaluation over the lines of one request. Rules are Sigma's format (see
 * {@code docs/triage.md}); every rule is checked and compiled when the set is parsed, so a bad rule fails the build
 * or the start, never a request.
 */
public final class RuleSet {

  /** The classpath directory of the shipped rules and the index listing them. */
  public static final String RESOURCE_DIRECTORY = "triage/rules/";
  public static final String INDEX = RESOURCE_DIRECTORY + "index.txt";

  private final List<Compiled> compiled;
  private final List<Rule> rules;

  private RuleSet(List<Compiled> compiled) {
    this.compiled = List.copyOf(compiled);
    this.rules = compiled.stream().map(Compiled::rule).toList();
  }

  private static final class Shipped {
    static final RuleSet RULES = load();

    private static RuleSet load() {
      String index = resource(INDEX);
      if (index == null) {
        throw new RuleException(INDEX, "-", "the rule index is missing from the classpath");
      }
      return fromIndex(index, name -> resource(RESOURCE_DIRECTORY + name));
    }

    private static String resource(String path) {
      ClassLoader loader = RuleSet.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(path)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException unreadable) {
        throw new UncheckedIOException("cannot read " + path, unreadable);
      }
    }
  }

  /**
   * The rules of the files an index lists (one name a line, {@code #} comments), read by {@code files} (null for a
   * missing file); an index listing nothing gives an empty set.
   */
  static RuleSet fromIndex(String index, java.util.function.Function<String, String> files) {
    Map<String, String> yamlByFile = new LinkedHashMap<>();
    for (String line : index.split("\\R")) {
      int comment = line.indexOf('#');
      String name = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (name.isEmpty()) {
        continue;
      }
      String yaml = files.apply(name);
      if (yaml == null) {
        throw new RuleException(name, "-", "listed in " + INDEX + " but not on the classpath");
      }
      if (yamlByFile.put(name, yaml) != null) {
        throw new RuleException(name, "-", "listed twice in " + INDEX);
      }
    }
    return parse(yamlByFile);
  }

  /** The rules shipped with the gateway ({@value #INDEX} and the files it lists), parsed once. */
  public static RuleSet shipped() {
    return Shipped.RULES;
  }

  /**
   * Parses rule files (file name to multi-document YAML), in the map's order.
   *
   * @throws RuleException on the first bad rule: unknown modifier, a condition naming an unknown selection, a
   *     missing title, id, level or condition, a duplicate id, broken YAML, ...
   */
  public static RuleSet parse(Map<String, String> fileNameToYaml) {
    List<Compiled> compiled = new ArrayList<>();
    Map<String, String> fileById = new HashMap<>();
    for (Map.Entry<String, String> file : fileNameToYaml.entrySet()) {
      List<YamlTree.Document> documents;
      try {
        documents = YamlTree.read(file.getValue() == null ? "" : file.getValue());
      } catch (YamlTree.YamlProblem broken) {
        throw new RuleException(file.getKey(), "-", broken.getMessage()
            + (broken.line > 0 ? " (line " + broken.line + ")" : ""));
      }
      int position = 0;
      for (YamlTree.Document document : documents) {
        position++;
        if (document.tree() == null || document.tree() instanceof YamlTree.Scalar scalar && scalar.isNull()) {
          continue;
        }
        Compiled rule = RuleCompiler.compile(file.getKey(), position, document.tree());
        String previous = fileById.putIfAbsent(rule.rule().id(), file.getKey());
        if (previous != null) {
          throw new RuleException(file.getKey(), rule.rule().id(), "duplicate id (also in " + previous + ")");
        }
        compiled.add(rule);
      }
    }
    return new RuleSet(compiled);
  }

  /** The rules, in file and document order. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Every rule hit on the events of one request, ordered by line, then by rule. A rule applies to the events its
   * logsource covers ({@link LogsourceSpec#sources()}) and, for a Windows category, to the events of that type
   * ({@link LogsourceSpec#windowsEventIds()}); aggregations count over these events only.
   */
  public List<RuleHit> evaluate(List<LogEvent> events) {
    List<EventView> views = new ArrayList<>(events.size());
    for (LogEvent event : events) {
      views.add(new EventView(event));
    }
    List<Ordered> hits = new ArrayList<>();
    for (int r = 0; r < compiled.size(); r++) {
      Compiled rule = compiled.get(r);
      Detection detection = rule.detection();
      List<Integer> matched = new ArrayList<>();
      List<List<Evidence>> evidence = new ArrayList<>();
      Condition.Memo memo = new Condition.Memo(detection.selections());
      for (int position = 0; position < views.size(); position++) {
        EventView view = views.get(position);
        if (!rule.sources().contains(view.event.source()) || !ofItsKind(rule, view.event)) {
          continue;
        }
        if (detection.condition().eval(memo.reset(view))) {
          List<Evidence> found = new ArrayList<>();
          detection.condition().collect(memo, false, found);
          matched.add(position);
          evidence.add(found);
        }
      }
      if (detection.aggregation() == null) {
        for (int m = 0; m < matched.size(); m++) {
          int position = matched.get(m);
          hits.add(new Ordered(position, r, new RuleHit(rule.rule(), views.get(position).event.index(),
              evidence.get(m))));
        }
      } else {
        aggregate(rule.rule(), r, detection.aggregation(), views, matched, evidence, hits);
      }
    }
    hits.sort(Comparator.comparingInt(Ordered::position).thenComparingInt(Ordered::rule));
    return hits.stream().map(Ordered::hit).toList();
  }

  /** Whether a Windows event is of the event type the rule's category names, when the event says its id. */
  private static boolean ofItsKind(RuleCompiler.Compiled rule, LogEvent event) {
    if (rule.windowsEventIds().isEmpty() || !event.source().windows()) {
      return true;
    }
    List<String> ids = event.values("EventID");
    if (ids.isEmpty()) {
      return true;
    }
    for (String id : ids) {
      if (id != null && rule.windowsEventIds().contains(id.strip())) {
        return true;
      }
    }
    return false;
  }

  private record Ordered(int position, int rule, RuleHit hit) {
  }

  /**
   * Groups the matching lines by the {@code by} field and marks every line of a group (or, with a timeframe and
   * timestamps on every line of the group, of a window) where the count reaches the threshold.
   */
  private static void aggregate(Rule rule, int order, Aggregation aggregation, List<EventView> views,
      List<Integer> matched, List<List<Evidence>> evidence, List<Ordered> hits) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int m = 0; m < matched.size(); m++) {
      LogEvent event = views.get(matched.get(m)).event;
      String key = aggregation.byField() == null ? "" : event.first(aggregation.byField()).orElse("");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
    }
    for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
      List<Integer> members = group.getValue();
      boolean[] marked = new boolean[members.size()];
      long reachedCount = window(aggregation, views, matched, members, marked);
      if (reachedCount < 0) {
        continue;
      }
      String summary = reachedCount + (aggregation.countField() == null ? " lines" : " distinct "
          + aggregation.countField()) + (aggregation.byField() == null ? ""
          : " with " + aggregation.byField() + "=" + group.getKey())
          + (aggregation.timeframe() == null ? "" : " within " + aggregation.timeframe().toString().substring(2)
          .toLowerCase(java.util.Locale.ROOT));
      for (int i = 0; i < members.size(); i++) {
        if (!marked[i]) {
          continue;
        }
        int m = members.get(i);
        List<Evidence> found = new ArrayList<>(evidence.get(m));
        found.add(new Evidence(aggregation.describe(), summary));
        hits.add(new Ordered(matched.get(m), order, new RuleHit(rule, views.get(matched.get(m)).event.index(),
            found)));
      }
    }
  }

  /** Marks the members that count; returns the count that reached the threshold, or -1 when none did. */
  private static long window(Aggregation aggregation, List<EventView> views, List<Integer> matched,
      List<Integer> members, boolean[] marked) {
    int n = members.size();
    String[] counted = new String[n];
    Instant[] times = new Instant[n];
    boolean timed = aggregation.timeframe() != null && aggregation.rising();
    for (int i = 0; i < n; i++) {
      LogEvent event = views.get(matched.get(members.get(i))).event;
      if (aggregation.countField() != null) {
        counted[i] = event.first(aggregation.countField()).filter(v -> !v.isEmpty()).orElse(null);
      }
      if (timed) {
        Optional<Instant> time = LogTime.of(event);
        if (time.isEmpty()) {
          timed = false;
        } else {
          times[i] = time.get();
        }
      }
    }
    if (!timed) {
      long count;
      if (aggregation.countField() == null) {
        count = n;
      } else {
        Set<String> distinct = new HashSet<>();
        for (String value : counted) {
          if (value != null) {
            distinct.add(value);
          }
        }
        count = distinct.size();
      }
      if (!aggregation.reached(count)) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        marked[i] = aggregation.countField() == null || counted[i] != null || !aggregation.rising();
      }
      return count;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparing(i -> times[i]));
    long limit = aggregation.timeframe().toMillis();
    Map<String, Integer> inWindow = new HashMap<>();
    int left = 0;
    int markedUpTo = -1;
    long best = -1;
    for (int right = 0; right < n; right++) {
      add(inWindow, counted[order[right]], 1);
      while (times[order[right]].toEpochMilli() - times[order[left]].toEpochMilli() > limit) {
        add(inWindow, counted[order[left]], -1);
        left++;
      }
      long count = aggregation.countField() == null ? right - left + 1 : inWindow.size();
      if (aggregation.reached(count)) {
        for (int k = Math.max(left, markedUpTo + 1); k <= right; k++) {
          int member = order[k];
          marked[member] = aggregation.countField() == null || counted[member] != null;
        }
        markedUpTo = right;
        best = Math.max(best, count);
      }
    }
    return best;
  }

  private static void add(Map<String, Integer> counts, String value, int delta) {
    if (value == null) {
      return;
    }
    int next = counts.getOrDefault(value, 0) + delta;
    if (next <= 0) {
      counts.remove(value);
    } else {
      counts.put(value, next);
    }
  }
}
