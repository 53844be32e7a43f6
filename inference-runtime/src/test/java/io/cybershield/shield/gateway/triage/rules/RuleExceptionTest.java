package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.cybershield.shield.gateway.triage.rules.RuleTesting.ruleYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each way a rule can be wrong, and the message its author reads: the file, the rule and the problem. */
class RuleExceptionTest {

  private static void rejects(String yaml, String ruleId, String problem) {
    assertThatThrownBy(() -> RuleSet.parse(Map.of("bad.yml", yaml)))
        .isInstanceOfSatisfying(RuleException.class, e -> {
          assertThat(e.file()).isEqualTo("bad.yml");
          assertThat(e.ruleId()).isEqualTo(ruleId);
          assertThat(e.problem()).isEqualTo(problem);
          assertThat(e.getMessage()).isEqualTo("bad.yml: rule " + ruleId + ": " + problem);
        });
  }

  private static void rejectsDetection(String detection, String problem) {
    rejects(ruleYaml("bad-rule", detection), "bad-rule", problem);
  }

  @Test
  void unknownModifier() {
    rejectsDetection("sel:\n  Image|endwith: x.exe\ncondition: sel",
        "selection 'sel', field 'Image': unknown modifier 'endwith'");
  }

  @Test
  void conflictingModifiers() {
    rejectsDetection("sel:\n  Image|contains|endswith: x.exe\ncondition: sel",
        "selection 'sel', field 'Image': modifiers 'contains' and 'endswith' cannot be combined");
  }

  @Test
  void conditionNamingAnUnknownSelection() {
    rejectsDetection("sel:\n  Image: x.exe\ncondition: sel and not filter",
        "condition 'sel and not filter': names unknown selection 'filter'");
  }

  @Test
  void oneOfAPatternMatchingNothing() {
    rejectsDetection("sel:\n  Image: x.exe\ncondition: 1 of filter_*",
        "condition '1 of filter_*': '1 of filter_*' matches no selection");
  }

  @Test
  void brokenConditionSyntax() {
    rejectsDetection("sel:\n  Image: x.exe\ncondition: (sel and", "condition '(sel and': ends too early");
    rejectsDetection("sel:\n  Image: x.exe\ncondition: sel sel", "condition 'sel sel': unexpected 'sel'");
  }

  @Test
  void missingTitle() {
    rejects("id: no-title\nlevel: low\ndetection:\n  sel: {A: b}\n  condition: sel\n", "no-title",
        "missing title");
  }

  @Test
  void missingId() {
    rejects("title: T\nlevel: low\ndetection:\n  sel: {A: b}\n  condition: sel\n", "#1", "missing id");
  }

  @Test
  void missingLevel() {
    rejects("title: T\nid: no-level\ndetection:\n  sel: {A: b}\n  condition: sel\n", "no-level", "missing level");
  }

  @Test
  void unknownLevel() {
    rejects("title: T\nid: bad-level\nlevel: severe\ndetection:\n  sel: {A: b}\n  condition: sel\n", "bad-level",
        "unknown level 'severe' (informational, low, medium, high, critical)");
  }

  @Test
  void missingCondition() {
    rejectsDetection("sel:\n  Image: x.exe", "missing condition");
  }

  @Test
  void missingDetection() {
    rejects("title: T\nid: no-detection\nlevel: low\n", "no-detection", "missing detection");
  }

  @Test
  void idNotLowerCase() {
    rejects(ruleYaml("Shield_Rule", "sel:\n  A: b\ncondition: sel"), "Shield_Rule",
        "id 'Shield_Rule' must be lower-case letters, digits and '-'");
  }

  @Test
  void duplicateIdWithinAFile() {
    String rule = ruleYaml("twice", "sel:\n  A: b\ncondition: sel");
    rejects(rule + "---\n" + rule, "twice", "duplicate id (also in bad.yml)");
  }

  @Test
  void duplicateIdAcrossFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("one.yml", ruleYaml("twice", "sel:\n  A: b\ncondition: sel"));
    files.put("two.yml", ruleYaml("twice", "sel:\n  A: c\ncondition: sel"));
    assertThatThrownBy(() -> RuleSet.parse(files)).isInstanceOf(RuleException.class)
        .hasMessage("two.yml: rule twice: duplicate id (also in one.yml)");
  }

  @Test
  void theSecondRuleOfAFileIsNamedByItsPosition() {
    String good = ruleYaml("good", "sel:\n  A: b\ncondition: sel");
    rejects(good + "---\ntitle: T\nlevel: low\n", "#2", "missing id");
  }

  @Test
  void brokenYaml() {
    assertThatThrownBy(() -> RuleSet.parse(Map.of("bad.yml", "title: [unclosed\nid: x\n")))
        .isInstanceOfSatisfying(RuleException.class, e -> {
          assertThat(e.file()).isEqualTo("bad.yml");
          assertThat(e.problem()).startsWith("not valid YAML");
        });
  }

  @Test
  void duplicateYamlKey() {
    assertThatThrownBy(() -> RuleSet.parse(Map.of("bad.yml",
        ruleYaml("dup-key", "sel:\n  A: b\n  A: c\ncondition: sel"))))
        .isInstanceOf(RuleException.class).hasMessageContaining("duplicate key 'A'");
  }

  @Test
  void badRegularExpression() {
    rejectsDetection("sel:\n  A|re: '(unclosed'\ncondition: sel",
        "selection 'sel', field 'A': bad regular expression '(unclosed': missing closing )");
  }

  @Test
  void badNetwork() {
    rejectsDetection("sel:\n  src_ip|cidr: 10.0.0.0/33\ncondition: sel",
        "selection 'sel', field 'src_ip': '10.0.0.0/33' is not a network (like 10.0.0.0/8 or fd00::/8)");
  }

  @Test
  void existsNeedsABoolean() {
    rejectsDetection("sel:\n  A|exists: maybe\ncondition: sel", "selection 'sel', field 'A': 'exists' takes true or false");
  }

  @Test
  void comparisonsNeedANumber() {
    rejectsDetection("sel:\n  A|gt: many\ncondition: sel", "selection 'sel', field 'A': 'many' is not a number");
  }

  @Test
  void regexFlagsNeedRe() {
    rejectsDetection("sel:\n  A|contains|i: x\ncondition: sel",
        "selection 'sel', field 'A': modifier 'i' only applies after 're'");
  }

  @Test
  void emptySelection() {
    rejectsDetection("sel:\ncondition: sel", "selection 'sel' is empty");
  }

  @Test
  void unreadableAggregation() {
    rejectsDetection("sel:\n  A: b\ncondition: sel | sum(bytes) > 5",
        "condition: cannot read the aggregation 'sum(bytes) > 5' (only count() or count(field), optional "
            + "'by field', then >, >=, <, <= or == and a number)");
  }

  @Test
  void badTimeframe() {
    rejectsDetection("sel:\n  A: b\ntimeframe: soon\ncondition: sel | count() > 5",
        "timeframe 'soon' is not like 30s, 5m, 1h or 2d");
  }

  @Test
  void ransomwareNeedsRemediation() {
    rejects(ruleYaml("ransom", "sel:\n  A: b\ncondition: sel")
            + "shield:\n  recommendation: Isolate the host.\n  category: ransomware\n", "ransom",
        "category ransomware needs shield.remediation (the ordered steps)");
  }

  @Test
  void unknownStatus() {
    rejects(ruleYaml("bad-status", "sel:\n  A: b\ncondition: sel") + "status: done\n", "bad-status",
        "unknown status 'done' (stable, test, experimental)");
  }
}
