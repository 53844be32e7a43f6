package io.cybershield.shield.sandbox.admission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Property names inside CEL are escaped the way the API server escapes them. */
class CelPropertyEscapingTest {

  @Test
  void reservedWordsAreWrappedInDoubleUnderscores() {
    assertThat(CelRules.escapePropertyName("namespace")).isEqualTo("__namespace__");
    assertThat(CelRules.escapePropertyName("if")).isEqualTo("__if__");
  }

  @Test
  void punctuationIsSpelledOut() {
    assertThat(CelRules.escapePropertyName("x-prop")).isEqualTo("x__dash__prop");
    assertThat(CelRules.escapePropertyName("a.b/c")).isEqualTo("a__dot__b__slash__c");
    assertThat(CelRules.escapePropertyName("a__b")).isEqualTo("a__underscores__b");
    assertThat(CelRules.escapePropertyName("plain")).isEqualTo("plain");
  }

  @Test
  void namesThatCannotBeEscapedAreNotAccessible() {
    assertThat(CelRules.escapePropertyName("1abc")).isNull();
    assertThat(CelRules.escapePropertyName("has space")).isNull();
  }
}
