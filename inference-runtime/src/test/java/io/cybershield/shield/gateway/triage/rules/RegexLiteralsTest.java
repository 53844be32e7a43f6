package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal prefilter of {@code |re}: only text every match must contain, never a guess. */
class RegexLiteralsTest {

  @Test
  void theLongestRequiredRunOutsideGroupsAndClasses() {
    assertThat(RegexLiterals.required("x12[a-z]+y")).isEqualTo("x12");
    assertThat(RegexLiterals.required("\\\\AppData\\\\Roaming\\\\[^\\\\]+\\.exe")).isEqualTo("\\AppData\\Roaming\\");
    assertThat(RegexLiterals.required("(?i)invoke-(mimikatz|kerberoast)")).isNull();
    assertThat(RegexLiterals.required("(?i)invoke-mimikatz")).isEqualTo("invoke-mimikatz");
    assertThat(RegexLiterals.required("-enc(odedcommand)? [A-Za-z0-9+/=]{20,}")).isEqualTo("-enc");
  }

  @Test
  void optionalCharactersEndTheRun() {
    assertThat(RegexLiterals.required("powershel?l")).isEqualTo("powershe");
    assertThat(RegexLiterals.required("ab*cdef")).isEqualTo("cdef");
    assertThat(RegexLiterals.required("abc{0,2}de")).isEqualTo("ab");
    assertThat(RegexLiterals.required("ab+cd")).isEqualTo("ab");
  }

  @Test
  void escapesThatAreNotLiteralsEndTheRun() {
    assertThat(RegexLiterals.required("net\\s+user\\d")).isEqualTo("user");
    assertThat(RegexLiterals.required("a\\x41bc")).isEqualTo("bc");
    assertThat(RegexLiterals.required("(a)\\1")).isNull();
    assertThat(RegexLiterals.required("\\Qa.b\\E")).isNull();
    assertThat(RegexLiterals.required("(?x) a b c")).isNull();
    assertThat(RegexLiterals.required("[abc]")).isNull();
  }
}
