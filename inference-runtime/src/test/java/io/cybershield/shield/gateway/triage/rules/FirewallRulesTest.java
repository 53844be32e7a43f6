package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Firewall rules on iptables kernel lines and FortiGate key=value. */
class FirewallRulesTest {

  private static String iptables(String src, String dst, int port) {
    return "Dec  1 10:00:00 fw01 kernel: [12345.678] FW-OUT IN=eth1 OUT=eth0 SRC=" + src + " DST=" + dst
        + " LEN=60 TOS=0x00 PROTO=TCP SPT=50123 DPT=" + port + " WINDOW=64240 SYN";
  }

  private static String fortigate(String src, String dst, int port, String action) {
    return "date=2026-12-01 time=10:00:00 devname=FG100 type=traffic subtype=forward srcip=" + src
        + " srcport=50000 dstip=" + dst + " dstport=" + port + " proto=6 action=" + action
        + " policyid=12 service=tcp/" + port + " sentbyte=1200 rcvdbyte=800";
  }

  @Test
  void outboundToAMetasploitDefaultPort() {
    assertThat(firedAlone(FIREWALL, iptables("10.1.2.3", "198.51.100.77", 4444))).contains("shield-fw-c2-001");
    assertThat(firedAlone(FIREWALL, fortigate("10.1.2.3", "198.51.100.77", 4444, "accept")))
        .contains("shield-fw-c2-001");
  }

  @Test
  void torAndMiningPoolPorts() {
    assertThat(firedAlone(FIREWALL, iptables("10.1.2.3", "198.51.100.78", 9001))).contains("shield-fw-c2-002");
    assertThat(firedAlone(FIREWALL, fortigate("10.1.2.4", "198.51.100.79", 3333, "accept")))
        .contains("shield-fw-impact-001");
  }

  @Test
  void portScanFromAnExternalAddressButNotFromTheApprovedScanner() {
    List<String> scan = new ArrayList<>();
    List<String> approved = new ArrayList<>();
    for (int port : new int[] {21, 22, 23, 25, 80, 110, 139, 443, 445, 3306, 3389, 8080}) {
      scan.add(fortigate("203.0.113.66", "192.0.2.10", port, "deny"));
      approved.add(fortigate("10.10.5.20", "10.1.2.3", port, "accept") + " policyname=\"approved-scanner Nessus\"");
    }
    assertThat(fired(FIREWALL, scan.toArray(String[]::new))).allMatch(ids -> ids.contains("shield-fw-disc-001"));
    assertThat(fired(FIREWALL, approved.toArray(String[]::new))).allMatch(ids -> !ids.contains("shield-fw-disc-001"));
  }

  @Test
  void ordinaryWebAndDnsTrafficIsNotFlagged() {
    List<Set<String>> benign = fired(FIREWALL,
        fortigate("10.1.2.3", "142.250.74.110", 443, "accept"),
        iptables("10.1.2.3", "10.0.0.53", 53),
        fortigate("10.1.2.5", "151.101.1.69", 80, "accept"),
        iptables("203.0.113.99", "192.0.2.10", 443));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  @Test
  void shortFilterlogPortProbeIsAScan() {
    int[] ports = {21, 22, 25, 80, 443, 3306};
    String[] lines = new String[ports.length];
    for (int i = 0; i < ports.length; i++) {
      lines[i] = "Jan 14 08:11:0" + i + " gw-a filterlog[4312]: 5,,,1000000103,em0,match,block,in,4,0x0,,52,18020,0,"
          + "DF,6,tcp,60,203.0.113.77,192.0.2.10," + (40000 + i) + "," + ports[i] + ",0,S,1234567,,64240,,mss";
    }
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL, lines)).allMatch(ids -> ids.contains("shield-fw-disc-003"));
  }

  @Test
  void deniedSmbSweepAcrossFourHosts() {
    String[] lines = new String[4];
    for (int i = 0; i < 4; i++) {
      lines[i] = "Jan 14 09:00:1" + i + " asa-1 %ASA-4-106023: Deny tcp src users:10.8.3.4/5100" + i + " dst dc:10.9.0."
          + (20 + i) + "/445 by access-group \"users_in\" [0x0, 0x0]";
    }
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL, lines)).allMatch(ids -> ids.contains("shield-fw-disc-004"));
  }

  @Test
  void oversizedIcmpToTheInternetButNotANormalPing() {
    String tunnel = "Jan 14 09:10:00 edge kernel: [UFW AUDIT] IN=eth1 OUT=eth0 SRC=10.8.3.4 DST=198.51.100.99 LEN=1400 "
        + "TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=77 SEQ=1";
    String ping = "Jan 14 09:10:01 edge kernel: [UFW AUDIT] IN=eth1 OUT=eth0 SRC=10.8.3.4 DST=198.51.100.99 LEN=84 "
        + "TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=78 SEQ=1";
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL, tunnel)).contains("shield-fw-c2-007");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL, ping)).isEmpty();
  }

  @Test
  void twoDeniedPortsAreNotAScan() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.FIREWALL,
        "Jan 14 08:11:02 gw-a filterlog[4312]: 5,,,1000000103,em0,match,block,in,4,0x0,,52,18020,0,DF,6,tcp,60,"
            + "203.0.113.80,192.0.2.10,51515,443,0,S,1,,64240,,mss",
        "Jan 14 08:11:03 gw-a filterlog[4312]: 5,,,1000000103,em0,match,block,in,4,0x0,,52,18021,0,DF,6,tcp,60,"
            + "203.0.113.80,192.0.2.10,51516,80,0,S,1,,64240,,mss")).allMatch(java.util.Set::isEmpty);
  }

  @Test
  void ipsHitsFromAnInternalScannerUnderItsScanPolicyAreNotFlaggedButTheSameFromOutsideAre() {
    String fromScanner = "date=2026-03-08 time=11:00:00 devname=\"FW-EDGE-3\" type=\"utm\" subtype=\"ips\" "
        + "level=\"alert\" srcip=10.60.0.15 dstip=10.60.4.20 dstport=443 action=\"detected\" "
        + "attack=\"Apache.Struts.OGNL.Injection\" severity=\"critical\" policyname=\"Nessus-Weekly-Scan\"";
    assertThat(firedAlone(FIREWALL, fromScanner)).doesNotContain("shield-fw-c2-003", "shield-fw-c2-006");
    String fromOutside = fromScanner.replace("srcip=10.60.0.15", "srcip=198.51.100.99");
    assertThat(firedAlone(FIREWALL, fromOutside)).contains("shield-fw-c2-003");
  }
}
