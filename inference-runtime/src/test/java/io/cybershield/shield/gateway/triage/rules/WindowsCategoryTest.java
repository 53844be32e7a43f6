package io.cybershield.shield.gateway.triage.rules;

import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Windows category names an event type: a rule of one type does not read another type's events. */
class WindowsCategoryTest {

  private static final RuleSet RULES = RuleSet.parse(Map.of("t.yml", """
      title: LOLBin talks out
      id: t-net-001
      level: high
      logsource: {product: windows, category: network_connection}
      detection:
        selection:
          Image|endswith: '\\notepad.exe'
        filter_private:
          DestinationIp|cidr: 10.0.0.0/8
        condition: selection and not filter_private
      tags: [attack.t1071.001]
      """));

  private static List<Integer> hits(String line) {
    LogEvent event = LogParser.parse(LogSource.SYSMON, 0, line);
    return RULES.evaluate(List.of(event)).stream().map(RuleHit::index).toList();
  }

  @Test
  void aNetworkRuleReadsNetworkEventsOnly() {
    String network = "<Event><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>3</EventID></System>"
        + "<EventData><Data Name='Image'>C:\\Windows\\notepad.exe</Data><Data Name='DestinationIp'>198.51.100.4"
        + "</Data></EventData></Event>";
    String process = "<Event><System><Provider Name='Microsoft-Windows-Sysmon'/><EventID>1</EventID></System>"
        + "<EventData><Data Name='Image'>C:\\Windows\\notepad.exe</Data></EventData></Event>";

    assertThat(hits(network)).containsExactly(0);
    assertThat(hits(process)).isEmpty();
  }

  @Test
  void aLineWithoutAnEventIdIsStillRead() {
    assertThat(hits("Image=C:\\Windows\\notepad.exe DestinationIp=198.51.100.4")).containsExactly(0);
  }
}
