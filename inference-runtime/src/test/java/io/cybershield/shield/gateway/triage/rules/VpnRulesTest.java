package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.VPN;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.times;
import static org.assertj.core.api.Assertions.assertThat;

/** VPN gateway rules (JSON and vendor exploit paths). */
class VpnRulesTest {

  private static String login(String user, String ip, String country, String outcome, String time) {
    return "{\"timestamp\":\"2026-12-01T" + time + "Z\",\"vendor\":\"vpn-portal\",\"event\":\"login\",\"user\":\""
        + user + "\",\"src_ip\":\"" + ip + "\",\"country\":\"" + country + "\",\"outcome\":\"" + outcome + "\"}";
  }

  @Test
  void bruteForceFromOneAddressButNotOneFailure() {
    assertThat(firedAlone(VPN, login("alice", "203.0.113.5", "DE", "failure", "10:00:00"))).isEmpty();
    assertThat(fired(VPN, times(5, login("alice", "203.0.113.5", "DE", "failure", "10:00:00"))))
        .allMatch(ids -> ids.contains("shield-vpn-cred-001"));
  }

  @Test
  void impossibleTravelAndServiceAccountLogins() {
    List<Set<String>> travel = fired(VPN, login("bob", "81.2.69.160", "GB", "success", "10:00:00"),
        login("bob", "103.75.201.4", "VN", "success", "10:00:10"));
    assertThat(travel).allMatch(ids -> ids.contains("shield-vpn-access-001"));
    assertThat(firedAlone(VPN, login("svc_backup", "45.142.212.61", "NL", "success", "10:01:00")))
        .contains("shield-vpn-access-004");
  }

  @Test
  void fortinetPathTraversalExploit() {
    assertThat(firedAlone(VPN, "date=2026-12-01 time=10:02:00 devname=FG100 type=event subtype=vpn "
        + "msg=\"SSL VPN request\" url=\"/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession\" "
        + "srcip=45.9.148.22")).contains("shield-vpn-initial-001");
  }

  @Test
  void ordinaryLoginsAreNotFlagged() {
    List<Set<String>> benign = fired(VPN, login("carol", "81.2.69.161", "GB", "success", "10:03:00"),
        login("dave", "91.64.12.33", "DE", "success", "10:03:10"),
        login("erin", "90.84.14.2", "FR", "failure", "10:03:20"),
        login("erin", "90.84.14.2", "FR", "success", "10:03:30"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  @Test
  void ivantiSprayOfThreeAccountsFromOneAddress() {
    String[] lines = new String[3];
    String[] users = {"rsingh", "mkowalski", "tnguyen"};
    for (int i = 0; i < 3; i++) {
      lines[i] = "2027-01-05 09:12:4" + i + " - vpn-gw - [198.51.100.61] " + users[i] + "(Staff)[] - AUT24414: Login "
          + "failed using auth server CORP-LDAP (LDAP Server).  Reason: Failed";
    }
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.VPN, lines)).allMatch(ids -> ids.contains("shield-vpn-cred-002"));
  }

  @Test
  void duoPushDenialsForOneUserAreFatigueButOneIsNot() {
    String denial = "Mar 11 17:40:0%d mfa-proxy authproxy: [duoauthproxy.lib.log] Duo authentication returned "
        + "'deny': 'Push request denied' for user 'ptran' [client 10.1.0.5] (RADIUS, src 203.0.113.140)";
    org.assertj.core.api.Assertions.assertThat(ShippedRules.fired(io.cybershield.shield.gateway.triage.logs.LogSource.VPN, String.format(denial, 1), String.format(denial, 3), String.format(denial, 5)))
        .allMatch(ids -> ids.contains("shield-vpn-cred-003"));
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.VPN, String.format(denial, 7))).isEmpty();
  }
}
