package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogFormat;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cybershield.shield.gateway.triage.rules.RuleTesting.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code | count() by} and {@code | count(field) by} thresholds over one request, with and without timeframe. */
class AggregationTest {

  private static final String FAILED_LOGONS = """
      sel:
        EventID: 4625
      condition: sel | count() by IpAddress >= 5""";

  private static LogEvent failure(int index, String ip, String user, String time) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("EventID", List.of("4625"));
    fields.put("IpAddress", List.of(ip));
    fields.put("TargetUserName", List.of(user));
    if (time != null) {
      fields.put("timestamp", List.of(time));
    }
    return new LogEvent(index, "4625 " + user + " from " + ip, LogSource.WINDOWS_SECURITY, LogFormat.KEY_VALUE,
        fields);
  }

  private static List<Integer> indexes(List<RuleHit> hits) {
    return hits.stream().map(RuleHit::index).toList();
  }

  @Test
  void belowTheThresholdNothingFires() {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(failure(i, "203.0.113.7", "bob", null));
    }
    assertThat(oneRule(FAILED_LOGONS).evaluate(events)).isEmpty();
  }

  @Test
  void atTheThresholdEveryContributingLineIsMarked() {
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(failure(i, "203.0.113.7", "bob", null));
    }
    events.add(failure(5, "198.51.100.2", "alice", null));
    List<RuleHit> hits = oneRule(FAILED_LOGONS).evaluate(events);
    assertThat(indexes(hits)).containsExactly(0, 1, 2, 3, 4);
    assertThat(hits.get(0).evidence()).contains(new Evidence("EventID", "4625"),
        new Evidence("count() by IpAddress", "5 lines with IpAddress=203.0.113.7"));
  }

  @Test
  void greaterThanIsStrict() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        condition: sel | count() by IpAddress > 5""");
    List<LogEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(failure(i, "203.0.113.7", "bob", null));
    }
    assertThat(rules.evaluate(events)).isEmpty();
    events.add(failure(5, "203.0.113.7", "bob", null));
    assertThat(rules.evaluate(events)).hasSize(6);
  }

  @Test
  void countWithoutByCountsTheWholeRequest() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        condition: sel | count() >= 3""");
    List<LogEvent> events = List.of(failure(0, "203.0.113.7", "a", null), failure(1, "198.51.100.2", "b", null),
        failure(2, "192.0.2.1", "c", null));
    assertThat(indexes(rules.evaluate(events))).containsExactly(0, 1, 2);
  }

  @Test
  void countOfAFieldCountsDistinctValues() {
    RuleSet spraying = oneRule("""
        sel:
          EventID: 4625
        condition: sel | count(TargetUserName) by IpAddress >= 3""");
    List<LogEvent> sameUser = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sameUser.add(failure(i, "203.0.113.7", "bob", null));
    }
    assertThat(spraying.evaluate(sameUser)).isEmpty();
    List<LogEvent> sprayed = List.of(failure(0, "203.0.113.7", "bob", null),
        failure(1, "203.0.113.7", "alice", null), failure(2, "203.0.113.7", "bob", null),
        failure(3, "203.0.113.7", "carol", null), failure(4, "198.51.100.2", "dave", null));
    List<RuleHit> hits = spraying.evaluate(sprayed);
    assertThat(indexes(hits)).containsExactly(0, 1, 2, 3);
    assertThat(hits.get(0).evidence()).contains(new Evidence("count(TargetUserName) by IpAddress",
        "3 distinct TargetUserName with IpAddress=203.0.113.7"));
  }

  @Test
  void aTimeframeCountsOnlyLinesCloseEnoughTogether() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        timeframe: 5m
        condition: sel | count() by IpAddress >= 3""");
    List<LogEvent> spread = List.of(failure(0, "203.0.113.7", "bob", "2026-03-01T10:00:00Z"),
        failure(1, "203.0.113.7", "bob", "2026-03-01T10:04:00Z"),
        failure(2, "203.0.113.7", "bob", "2026-03-01T10:09:00Z"),
        failure(3, "203.0.113.7", "bob", "2026-03-01T10:20:00Z"));
    assertThat(rules.evaluate(spread)).isEmpty();
    List<LogEvent> burst = List.of(failure(0, "203.0.113.7", "bob", "2026-03-01T09:00:00Z"),
        failure(1, "203.0.113.7", "bob", "2026-03-01T10:00:00Z"),
        failure(2, "203.0.113.7", "bob", "2026-03-01T10:01:00Z"),
        failure(3, "203.0.113.7", "bob", "2026-03-01T10:02:30Z"),
        failure(4, "203.0.113.7", "bob", "2026-03-01T12:00:00Z"));
    List<RuleHit> hits = rules.evaluate(burst);
    assertThat(indexes(hits)).containsExactly(1, 2, 3);
    assertThat(hits.get(0).evidence()).contains(new Evidence("count() by IpAddress",
        "3 lines with IpAddress=203.0.113.7 within 5m"));
  }

  @Test
  void withoutTimestampsTheTimeframeIsTheWholeRequest() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        timeframe: 1m
        condition: sel | count() by IpAddress >= 3""");
    List<LogEvent> untimed = List.of(failure(0, "203.0.113.7", "bob", null),
        failure(1, "203.0.113.7", "bob", "2026-03-01T10:00:00Z"), failure(2, "203.0.113.7", "bob", null));
    assertThat(indexes(rules.evaluate(untimed))).containsExactly(0, 1, 2);
  }

  @Test
  void aTimeframeOverSyslogTimestamps() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        timeframe: 30s
        condition: sel | count() >= 2""");
    List<LogEvent> events = List.of(failure(0, "203.0.113.7", "bob", "Mar  3 10:00:01"),
        failure(1, "203.0.113.7", "bob", "Mar  3 10:05:01"), failure(2, "203.0.113.7", "bob", "Mar  3 10:05:20"));
    assertThat(indexes(rules.evaluate(events))).containsExactly(1, 2);
  }

  @Test
  void lessThanCountsTheGroup() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
        condition: sel | count() by IpAddress < 2""");
    List<LogEvent> events = List.of(failure(0, "203.0.113.7", "bob", null), failure(1, "203.0.113.7", "bob", null),
        failure(2, "198.51.100.2", "eve", null));
    assertThat(indexes(rules.evaluate(events))).containsExactly(2);
  }
}
