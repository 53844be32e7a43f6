package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Field lookup on an event: the exact key first, then any case. */
class LogEventTest {

  @Test
  void exactKeyThenCaseInsensitive() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("CommandLine", List.of("whoami"));
    fields.put("commandline", List.of("other"));
    fields.put("Image", List.of("C:\\a.exe", "C:\\b.exe"));
    LogEvent event = new LogEvent(3, "raw", LogSource.SYSMON, LogFormat.XML, fields);
    assertThat(event.values("CommandLine")).containsExactly("whoami");
    assertThat(event.values("commandline")).containsExactly("other");
    assertThat(event.values("COMMANDLINE")).containsExactly("whoami");
    assertThat(event.values("image")).containsExactly("C:\\a.exe", "C:\\b.exe");
    assertThat(event.first("IMAGE")).contains("C:\\a.exe");
    assertThat(event.values("missing")).isEmpty();
    assertThat(event.values(null)).isEmpty();
    assertThat(event.first("missing")).isEmpty();
  }

  @Test
  void fieldsAreAnUnmodifiableCopy() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    List<String> values = new ArrayList<>(List.of("a"));
    fields.put("k", values);
    LogEvent event = new LogEvent(0, null, null, null, fields);
    values.add("b");
    fields.put("other", List.of("c"));
    assertThat(event.values("k")).containsExactly("a");
    assertThat(event.fields()).containsOnlyKeys("k");
    assertThatThrownBy(() -> event.fields().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.raw()).isEmpty();
    assertThat(event.source()).isEqualTo(LogSource.AUTO);
    assertThat(event.format()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void theParserKeepsTheLineWithoutItsNewlineAndAlwaysAMessage() {
    LogEvent event = LogParser.parse(LogSource.AUTO, 7, "something odd happened\r\n");
    assertThat(event.index()).isEqualTo(7);
    assertThat(event.raw()).isEqualTo("something odd happened");
    assertThat(event.format()).isEqualTo(LogFormat.TEXT);
    assertThat(event.source()).isEqualTo(LogSource.AUTO);
    assertThat(event.values("message")).containsExactly("something odd happened");
    assertThat(LogParser.parse(null, 0, null).values("message")).containsExactly("");
    assertThat(LogParser.parse(LogSource.OKTA, 0, "").source()).isEqualTo(LogSource.OKTA);
  }

  @Test
  void plainKeyValueLines() {
    LogEvent event = LogParser.parse(LogSource.AUTO, 0, "user=alice action=\"file upload\" bytes=512 note='a \\' b'");
    assertThat(event.format()).isEqualTo(LogFormat.KEY_VALUE);
    assertThat(event.values("user")).containsExactly("alice");
    assertThat(event.values("action")).containsExactly("file upload");
    assertThat(event.values("note")).containsExactly("a ' b");
  }

  @Test
  void aDeclaredSourceOfAnotherFamilyGivesWayToTheContent() {
    LogEvent event = LogParser.parse(LogSource.WINDOWS_SECURITY, 0, "{\"eventSource\":\"iam.amazonaws.com\","
        + "\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\"}");
    assertThat(event.source()).isEqualTo(LogSource.CLOUDTRAIL);
    LogEvent sysmon = LogParser.parse(LogSource.SYSMON, 0, "<Event><System><EventID>1</EventID></System>"
        + "<EventData><Data Name='Image'>C:\\x.exe</Data></EventData></Event>");
    assertThat(sysmon.source()).isEqualTo(LogSource.SYSMON);
  }
}
