package io.cybershield.shield.gateway.triage.logs;

import org.assertj.core.api.AbstractAssert;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on parsed lines: {@code parsed(source, line).has("Field", "value")}. */
final class ParsedLines extends AbstractAssert<ParsedLines, LogEvent> {

  private ParsedLines(LogEvent event) {
    super(event, ParsedLines.class);
  }

  static ParsedLines parsed(LogSource source, String line) {
    return new ParsedLines(LogParser.parse(source, 0, line));
  }

  ParsedLines has(String field, String... values) {
    assertThat(actual.values(field)).as("%s of %s", field, actual.fields()).containsExactly(values);
    return this;
  }

  ParsedLines hasFirst(String field, String value) {
    assertThat(actual.first(field)).as("%s of %s", field, actual.fields()).contains(value);
    return this;
  }

  ParsedLines lacks(String field) {
    assertThat(actual.values(field)).as("%s of %s", field, actual.fields()).isEmpty();
    return this;
  }

  ParsedLines is(LogSource source, LogFormat format) {
    assertThat(actual.source()).as("source").isEqualTo(source);
    assertThat(actual.format()).as("format").isEqualTo(format);
    return this;
  }

  List<String> values(String field) {
    return actual.values(field);
  }
}
