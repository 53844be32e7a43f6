package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's promises on any input: it never throws (nor do its readers underneath the safety net), keeps the line as given, always gives a message, and costs
 * time linear in the line. Inputs are generated from seeds (a failure names its seed): every prefix of sample lines
 * of each format (truncation is what SIEM exports do to long events), random splices of their pieces, random
 * characters including surrogates and controls, and 64 KiB lines built to hurt a backtracking or quadratic reader.
 */
class LogParserFuzzTest {

  private static final List<String> SAMPLES = List.of(
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-"
          + "Security-Auditing'/><EventID>4625</EventID><Channel>Security</Channel></System><EventData><Data "
          + "Name='TargetUserName'>bob</Data><Data Name='IpAddress'>198.51.100.2</Data></EventData></Event>",
      "{\"winlog\":{\"channel\":\"Security\",\"event_id\":4688,\"event_data\":{\"CommandLine\":\"whoami /all\"}}}",
      "LogName=Security EventCode=4625 Message=An account failed to log on. Subject: Account Name: - "
          + "Account For Which Logon Failed: Account Name: bob Network Information: Source Network Address: 10.0.0.1",
      "Mar  3 10:15:02 bastion-1 sshd[24811]: Failed password for invalid user oracle from 203.0.113.45 port 39114",
      "<38>1 2026-03-03T10:15:09Z host sudo 1 - [x a=\"b\\\"c\"] alice : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh",
      "type=PROCTITLE msg=audit(1772539200.101:5521): proctitle=62617368002D69",
      "{\"Records\":[{\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"x\"}]}",
      "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\"create\",\"sourceIPs\":[\"10.0.0.1\"]}",
      "{\"eventType\":\"user.session.start\",\"actor\":{\"alternateId\":\"a@b\"},\"outcome\":{\"result\":\"FAILURE\"},"
          + "\"published\":\"2026-03-03T08:00:01Z\"}",
      "kernel: [1.2] IN=eth0 OUT= SRC=203.0.113.66 DST=10.0.0.5 PROTO=TCP SPT=1 DPT=22",
      "devname=\"FGT\" devid=\"F1\" srcip=10.0.0.1 dstip=10.0.0.2 action=\"deny\" proto=6",
      "CEF:0|Acme|IPS|1|100|Bad|9|src=1.2.3.4 dst=5.6.7.8 msg=a\\=b act=blocked",
      "LEEF:2.0|Acme|Edge|1.0|deny|^|src=1.2.3.4^dst=5.6.7.8",
      "%ASA-6-113005: AAA user authentication Rejected : reason = x : user = bob : user IP = 1.2.3.4",
      "1,2026/03/03 13:40:00,0128,TRAFFIC,end,1,2026/03/03,10.0.0.1,10.0.0.2,,,r,u,,app,v,t,u,e1,e2,f,t,1,1,5,443,0,0,"
          + "0x0,tcp,allow,1,2,3",
      "rule 1/(match): block in on em0: 1.2.3.4.5 > 6.7.8.9.22: Flags [S]",
      "203.0.113.90 - - [03/Mar/2026:14:20:11 +0000] \"GET /a?b=%252e%2 HTTP/1.1\" 200 1 \"-\" \"ua\"");

  private static final String ALPHABET = "<>/=\"' :;,|[]{}()\\%+-.?*&#\t\n\r\u0000\u00e9\u2013\ud83d\ude00\ud800"
      + "aZ09xX";

  private static void check(String line, String seed) {
    LogSource source = LogSource.values()[Math.abs(seed.hashCode() % LogSource.values().length)];
    LogEvent event = LogParser.parse(source, 1, line);
    // the readers themselves must not throw either: the safety net in parse() is for what nobody foresaw
    LogEvent strict = LogParser.parseStrict(source, 1, line);
    assertThat(strict.fields()).as(seed).isEqualTo(event.fields());
    assertThat(event).as(seed).isNotNull();
    String expectedRaw = line.replaceAll("[\\r\\n]+$", "");
    assertThat(event.raw()).as(seed).isEqualTo(expectedRaw);
    assertThat(event.values("message")).as(seed).isNotEmpty();
    assertThat(event.fields().values()).as(seed).allSatisfy(values -> assertThat(values).doesNotContainNull());
  }

  @Test
  void everyPrefixOfEverySample() {
    for (int s = 0; s < SAMPLES.size(); s++) {
      String sample = SAMPLES.get(s);
      for (int end = 0; end <= sample.length(); end++) {
        check(sample.substring(0, end), "sample " + s + " cut at " + end);
      }
    }
  }

  @Test
  void splicesOfSamplesAndRandomCharacters() {
    for (long seed = 1; seed <= 3000; seed++) {
      Random random = new Random(seed);
      StringBuilder line = new StringBuilder();
      int pieces = 1 + random.nextInt(5);
      for (int p = 0; p < pieces; p++) {
        if (random.nextBoolean()) {
          String sample = SAMPLES.get(random.nextInt(SAMPLES.size()));
          int from = random.nextInt(sample.length());
          line.append(sample, from, from + random.nextInt(sample.length() - from + 1));
        } else {
          int length = random.nextInt(40);
          for (int c = 0; c < length; c++) {
            line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
        }
      }
      check(line.toString(), "seed " + seed);
    }
  }

  @Test
  void hostileSixtyFourKibLinesAreLinear() {
    int size = 64 * 1024;
    List<String> lines = new ArrayList<>();
    lines.add("=".repeat(size));
    lines.add("a=".repeat(size / 2));
    lines.add("a=\"" + "x".repeat(size));
    lines.add("<Event><System>" + "<Data Name='a'>".repeat(size / 16));
    lines.add("<Event><EventData>" + "<".repeat(size));
    lines.add("{" + "\"a\":{".repeat(size / 6));
    lines.add("[".repeat(size));
    lines.add("{\"a\":[" + "1,".repeat(size / 2) + "1]}");
    lines.add("CEF:0|a|b|c|d|e|f|" + " k=".repeat(size / 3));
    lines.add("LogName=Security EventCode=4625 Message=" + "Account Name: ".repeat(size / 14));
    lines.add("Mar  3 10:15:02 h sshd[1]: " + "Failed password for ".repeat(size / 20));
    lines.add("Mar  3 10:15:02 h sudo: " + " ; TTY=".repeat(size / 7));
    lines.add("1.2.3.4 - - [" + "x".repeat(60) + "] \"" + "\\\"".repeat(size / 2));
    lines.add("%ASA-6-113005: " + "User <".repeat(size / 6));
    lines.add(",TRAFFIC,".repeat(size / 9));
    lines.add("type=SYSCALL msg=audit(1.1:1): proctitle=" + "41".repeat(size / 2));
    lines.add("%".repeat(size) + "+".repeat(size));
    for (String line : lines) {
      LogParser.parse(LogSource.AUTO, 0, line);
    }
    long slowest = 0;
    for (String line : lines) {
      long start = System.nanoTime();
      check(line, "hostile line starting " + line.substring(0, 12));
      slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
    }
    System.out.println("slowest hostile 64 KiB line: " + slowest + " ms");
    // a quadratic reader needs 64K * 64K steps on one of these: minutes, not the few milliseconds a linear one takes
    assertThat(slowest).isLessThan(5000);
  }

  @Test
  void linesLongerThanTheParsedPartKeepTheirRaw() {
    String line = "Mar  3 10:15:02 bastion-1 sshd[24811]: Failed password for root from 203.0.113.45 port 1 "
        + "x".repeat(200_000);
    LogEvent event = LogParser.parse(LogSource.AUTO, 0, line);
    assertThat(event.raw()).hasSize(line.length());
    assertThat(event.values("src_ip")).containsExactly("203.0.113.45");
  }
}
