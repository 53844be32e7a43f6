package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The timestamps the formats carry, as the rules' timeframes read them. */
class LogTimeTest {

  @Test
  void spellings() {
    assertThat(LogTime.parse("2026-03-02T08:14:05.1234567Z")).contains(Instant.parse("2026-03-02T08:14:05.123456700Z"));
    assertThat(LogTime.parse("2026-03-03T10:20:00+01:00")).contains(Instant.parse("2026-03-03T09:20:00Z"));
    assertThat(LogTime.parse("2026-03-02 09:01:44.551")).contains(Instant.parse("2026-03-02T09:01:44.551Z"));
    assertThat(LogTime.parse("03/Mar/2026:14:21:00 +0100")).contains(Instant.parse("2026-03-03T13:21:00Z"));
    assertThat(LogTime.parse("1772539200")).contains(Instant.ofEpochSecond(1772539200L));
    assertThat(LogTime.parse("1772539200123")).contains(Instant.ofEpochMilli(1772539200123L));
    assertThat(LogTime.parse("Mar  3 10:15:02")).contains(Instant.parse("2000-03-03T10:15:02Z"));
    assertThat(LogTime.parse("Mar 13 10:15:02")).contains(Instant.parse("2000-03-13T10:15:02Z"));
  }

  @Test
  void notTimestamps() {
    assertThat(LogTime.parse(null)).isEmpty();
    assertThat(LogTime.parse("")).isEmpty();
    assertThat(LogTime.parse("yesterday")).isEmpty();
    assertThat(LogTime.parse("4625")).isEmpty();
    assertThat(LogTime.parse("2026-13-45T99:00:00Z")).isEmpty();
  }

  @Test
  void fromParsedLines() {
    assertThat(LogTime.of(LogParser.parse(LogSource.AUTO, 0, "Mar  3 10:15:02 h sshd[1]: Failed password for root "
        + "from 203.0.113.4 port 1 ssh2"))).contains(Instant.parse("2000-03-03T10:15:02Z"));
    assertThat(LogTime.of(LogParser.parse(LogSource.AUTO, 0, "{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":"
        + "\"CreateUser\",\"awsRegion\":\"x\",\"eventTime\":\"2026-03-03T09:12:44Z\"}")))
        .contains(Instant.parse("2026-03-03T09:12:44Z"));
    assertThat(LogTime.of(LogParser.parse(LogSource.AUTO, 0, "<Event><System><EventID>4625</EventID>"
        + "<TimeCreated SystemTime='2026-03-02T08:14:05.000Z'/><Channel>Security</Channel></System></Event>")))
        .contains(Instant.parse("2026-03-02T08:14:05Z"));
    assertThat(LogTime.of(LogParser.parse(LogSource.AUTO, 0, "no time here"))).isEmpty();
  }

  @Test
  void applianceSpellingsOfTime() {
    assertThat(LogTime.parse("1767225600123456789")).contains(Instant.parse("2026-01-01T00:00:00.123456789Z"));
    assertThat(LogTime.parse("1767225600123456")).contains(Instant.parse("2026-01-01T00:00:00.123456Z"));
    assertThat(LogTime.parse("2026/01/01 00:00:05")).contains(Instant.parse("2026-01-01T00:00:05Z"));
    assertThat(LogTime.of(LogParser.parse(LogSource.VPN, 0, "date=2026-01-01 time=00:00:07 type=\"event\" "
        + "subtype=\"vpn\" logdesc=\"SSL VPN login fail\" user=\"kim\" remip=198.51.100.2 action=\"ssl-login-fail\"")))
        .contains(Instant.parse("2026-01-01T00:00:07Z"));
  }
}
