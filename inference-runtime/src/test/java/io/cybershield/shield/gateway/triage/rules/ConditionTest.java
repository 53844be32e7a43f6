package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cybershield.shield.gateway.triage.rules.RuleTesting.event;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.matches;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

/** Every form of the condition grammar, and the evidence a hit carries. */
class ConditionTest {

  private static final String SELECTIONS = """
      sel_a:
        A: 'yes'
      sel_b:
        B: 'yes'
      filter_c:
        C: 'yes'
      """;

  private static RuleSet condition(String condition) {
    return oneRule(SELECTIONS + "condition: " + condition);
  }

  private static boolean on(RuleSet rules, String a, String b, String c) {
    return matches(rules, event("A", a, "B", b, "C", c));
  }

  @Test
  void andOrNot() {
    RuleSet and = condition("sel_a and sel_b");
    assertThat(on(and, "yes", "yes", "no")).isTrue();
    assertThat(on(and, "yes", "no", "no")).isFalse();
    RuleSet or = condition("sel_a or sel_b");
    assertThat(on(or, "no", "yes", "no")).isTrue();
    assertThat(on(or, "no", "no", "no")).isFalse();
    RuleSet not = condition("sel_a and not filter_c");
    assertThat(on(not, "yes", "no", "no")).isTrue();
    assertThat(on(not, "yes", "no", "yes")).isFalse();
  }

  @Test
  void andBindsTighterThanOr() {
    RuleSet rules = condition("sel_a or sel_b and filter_c");
    assertThat(on(rules, "yes", "no", "no")).isTrue();
    assertThat(on(rules, "no", "yes", "no")).isFalse();
    assertThat(on(rules, "no", "yes", "yes")).isTrue();
  }

  @Test
  void parenthesesGroup() {
    RuleSet rules = condition("(sel_a or sel_b) and filter_c");
    assertThat(on(rules, "yes", "no", "no")).isFalse();
    assertThat(on(rules, "yes", "no", "yes")).isTrue();
    RuleSet nested = condition("not (sel_a or (sel_b and not filter_c))");
    assertThat(on(nested, "no", "no", "no")).isTrue();
    assertThat(on(nested, "no", "yes", "no")).isFalse();
    assertThat(on(nested, "no", "yes", "yes")).isTrue();
  }

  @Test
  void keywordsOfTheGrammarIgnoreCase() {
    RuleSet rules = condition("sel_a AND NOT filter_c");
    assertThat(on(rules, "yes", "no", "no")).isTrue();
    assertThat(on(rules, "yes", "no", "yes")).isFalse();
  }

  @Test
  void oneOfAPattern() {
    RuleSet rules = condition("1 of sel_*");
    assertThat(on(rules, "no", "yes", "no")).isTrue();
    assertThat(on(rules, "no", "no", "yes")).isFalse();
  }

  @Test
  void allOfAPattern() {
    RuleSet rules = condition("all of sel_*");
    assertThat(on(rules, "yes", "yes", "no")).isTrue();
    assertThat(on(rules, "yes", "no", "no")).isFalse();
  }

  @Test
  void oneOfThem() {
    RuleSet rules = condition("1 of them");
    assertThat(on(rules, "no", "no", "yes")).isTrue();
    assertThat(on(rules, "no", "no", "no")).isFalse();
  }

  @Test
  void allOfThem() {
    RuleSet rules = condition("all of them");
    assertThat(on(rules, "yes", "yes", "yes")).isTrue();
    assertThat(on(rules, "yes", "yes", "no")).isFalse();
  }

  @Test
  void themLeavesOutUnderscoreSelections() {
    RuleSet rules = oneRule("""
        sel:
          A: 'yes'
        _helper:
          B: 'yes'
        condition: all of them""");
    assertThat(on(rules, "yes", "no", "no")).isTrue();
  }

  @Test
  void notOneOfFilters() {
    RuleSet rules = oneRule("""
        selection:
          A: 'yes'
        filter_one:
          B: 'yes'
        filter_two:
          C: 'yes'
        condition: selection and not 1 of filter_*""");
    assertThat(on(rules, "yes", "no", "no")).isTrue();
    assertThat(on(rules, "yes", "yes", "no")).isFalse();
    assertThat(on(rules, "yes", "no", "yes")).isFalse();
  }

  @Test
  void aListOfConditionsIsAnOr() {
    RuleSet rules = oneRule(SELECTIONS + """
        condition:
          - sel_a and sel_b
          - filter_c""");
    assertThat(on(rules, "yes", "yes", "no")).isTrue();
    assertThat(on(rules, "no", "no", "yes")).isTrue();
    assertThat(on(rules, "yes", "no", "no")).isFalse();
  }

  @Test
  void evidenceNamesTheMatchingFieldsButNotTheFilters() {
    RuleSet rules = oneRule("""
        sel_img:
          Image|endswith: '\\vssadmin.exe'
        sel_cmd:
          CommandLine|contains|all: [delete, shadows]
        filter:
          ParentImage|endswith: '\\veeam.exe'
        condition: sel_img and sel_cmd and not filter""");
    List<RuleHit> hits = rules.evaluate(List.of(event("Image", "C:\\Windows\\System32\\vssadmin.exe",
        "CommandLine", "vssadmin delete shadows /all", "ParentImage", "C:\\Windows\\explorer.exe")));
    assertThat(hits).singleElement().satisfies(hit -> {
      assertThat(hit.rule().id()).isEqualTo("t-1");
      assertThat(hit.evidence()).containsExactly(
          new Evidence("Image", "C:\\Windows\\System32\\vssadmin.exe"),
          new Evidence("CommandLine", "vssadmin delete shadows /all"));
    });
  }

  @Test
  void keywordEvidenceIsTheKeyword() {
    RuleSet rules = oneRule("""
        keywords:
          - 'delete shadows'
        condition: keywords""");
    List<RuleHit> hits = rules.evaluate(List.of(RuleTesting.line("vssadmin Delete Shadows /all")));
    assertThat(hits).singleElement().extracting(RuleHit::evidence)
        .isEqualTo(List.of(new Evidence("keywords", "delete shadows")));
  }

  @Test
  void evidenceIsCutAt200Characters() {
    RuleSet rules = oneRule("""
        sel:
          ScriptBlockText|contains: 'FromBase64String'
        condition: sel""");
    String script = "$a = [Convert]::FromBase64String('" + "A".repeat(500) + "')";
    List<RuleHit> hits = rules.evaluate(List.of(event("ScriptBlockText", script)));
    assertThat(hits.get(0).evidence().get(0).value()).hasSize(200).isEqualTo(script.substring(0, 200));
  }

  @Test
  void hitsCarryTheEventIndexAndComeInLineOrder() {
    RuleSet rules = RuleSet.parse(java.util.Map.of("two.yml",
        RuleTesting.ruleYaml("first-rule", "sel:\n  A: 'yes'\ncondition: sel") + "---\n"
            + RuleTesting.ruleYaml("second-rule", "sel:\n  B: 'yes'\ncondition: sel")));
    var events = List.of(
        new io.cybershield.shield.gateway.triage.logs.LogEvent(7, "", null, null,
            java.util.Map.of("B", List.of("yes"))),
        new io.cybershield.shield.gateway.triage.logs.LogEvent(8, "", null, null,
            java.util.Map.of("A", List.of("yes"), "B", List.of("yes"))));
    assertThat(rules.evaluate(events)).extracting(hit -> hit.index() + ":" + hit.rule().id())
        .containsExactly("7:second-rule", "8:first-rule", "8:second-rule");
  }
}
