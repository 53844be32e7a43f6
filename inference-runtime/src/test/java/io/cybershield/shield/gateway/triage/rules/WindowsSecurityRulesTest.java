package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SECURITY;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.times;
import static org.assertj.core.api.Assertions.assertThat;

/** Windows Security log rules on XML, winlogbeat JSON, Splunk key=value and text renderings. */
class WindowsSecurityRulesTest {

  private static final String CLEARED_XML = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
      + "<System><Provider Name='Microsoft-Windows-Eventlog'/><EventID>1102</EventID><Channel>Security</Channel>"
      + "<Computer>DC01.corp.example.com</Computer></System><UserData><LogFileCleared>"
      + "<SubjectUserName>mallory</SubjectUserName></LogFileCleared></UserData></Event>";

  private static String failedLogonJson(String user, String ip) {
    return "{\"@timestamp\":\"2026-11-30T08:00:01.000Z\",\"winlog\":{\"channel\":\"Security\",\"event_id\":4625,"
        + "\"computer_name\":\"WS01\",\"event_data\":{\"TargetUserName\":\"" + user + "\",\"LogonType\":\"3\","
        + "\"IpAddress\":\"" + ip + "\",\"Status\":\"0xc000006d\",\"SubStatus\":\"0xc000006a\"}}}";
  }

  @Test
  void auditLogClearedFiresInXmlAndInPlainText() {
    assertThat(firedAlone(WINDOWS_SECURITY, CLEARED_XML)).contains("shield-winsec-evasion-001");
    assertThat(firedAlone(WINDOWS_SECURITY, "12/01/2026 09:00:00 AM LogName=Security EventCode=1102 "
        + "Message=The audit log was cleared. Subject: Account Name: mallory")).contains("shield-winsec-evasion-001");
  }

  @Test
  void aSingleFailedLogonIsNotFlaggedButFiveFromOneAddressAre() {
    assertThat(firedAlone(WINDOWS_SECURITY, failedLogonJson("alice", "203.0.113.50"))).isEmpty();
    List<Set<String>> burst = fired(WINDOWS_SECURITY, times(5, failedLogonJson("administrator", "203.0.113.50")));
    assertThat(burst).allMatch(ids -> ids.contains("shield-winsec-cred-001"));
  }

  @Test
  void oneAddressFailingForManyUsersIsSpraying() {
    List<Set<String>> spray = fired(WINDOWS_SECURITY, failedLogonJson("alice", "198.51.100.7"),
        failedLogonJson("bob", "198.51.100.7"), failedLogonJson("carol", "198.51.100.7"),
        failedLogonJson("dave", "198.51.100.7"));
    assertThat(spray).allMatch(ids -> ids.contains("shield-winsec-cred-002"));
  }

  @Test
  void kerberoastingRc4TicketForAUserServiceAccount() {
    String splunk = "LogName=Security EventCode=4769 ComputerName=DC01 ServiceName=svc_sql "
        + "TicketEncryptionType=0x17 IpAddress=::ffff:10.1.2.3 TargetUserName=bob@CORP";
    assertThat(firedAlone(WINDOWS_SECURITY, splunk)).contains("shield-winsec-cred-004");
    String machine = "LogName=Security EventCode=4769 ComputerName=DC01 ServiceName=WS01$ "
        + "TicketEncryptionType=0x12 IpAddress=::ffff:10.1.2.3";
    assertThat(firedAlone(WINDOWS_SECURITY, machine)).isEmpty();
  }

  @Test
  void memberAddedToDomainAdmins() {
    String json = "{\"winlog\":{\"channel\":\"Security\",\"event_id\":4728,\"event_data\":{\"TargetUserName\":"
        + "\"Domain Admins\",\"MemberName\":\"CN=eve,OU=Users,DC=corp\",\"SubjectUserName\":\"eve\"}}}";
    assertThat(firedAlone(WINDOWS_SECURITY, json)).contains("shield-winsec-privesc-001");
  }

  @Test
  void psexecServiceWrittenToAdminShare() {
    String line = "LogName=Security EventCode=5145 ShareName=\\\\*\\ADMIN$ RelativeTargetName=PSEXESVC.exe "
        + "SubjectUserName=eve IpAddress=10.2.3.4";
    assertThat(firedAlone(WINDOWS_SECURITY, line)).contains("shield-winsec-lateral-004");
  }

  @Test
  void processCreationRulesAlsoFireOn4688() {
    String line = "LogName=Security EventCode=4688 Message=A new process has been created. "
        + "New Process Name: C:\\Windows\\System32\\vssadmin.exe "
        + "Process Command Line: vssadmin.exe delete shadows /all /quiet";
    assertThat(firedAlone(WINDOWS_SECURITY, line)).contains("shield-proc-impact-001");
  }

  @Test
  void ordinaryLogonsAndLogoffsAreNotFlagged() {
    List<Set<String>> benign = fired(WINDOWS_SECURITY,
        "{\"winlog\":{\"channel\":\"Security\",\"event_id\":4624,\"event_data\":{\"TargetUserName\":\"alice\","
            + "\"LogonType\":\"2\",\"IpAddress\":\"127.0.0.1\",\"AuthenticationPackageName\":\"Kerberos\"}}}",
        "LogName=Security EventCode=4634 Message=An account was logged off. Account Name: alice Logon Type: 3",
        "LogName=Security EventCode=4672 Message=Special privileges assigned to new logon. Account Name: SYSTEM",
        "LogName=Security EventCode=4688 Message=A new process has been created. New Process Name: "
            + "C:\\Windows\\System32\\whoami.exe Creator Process Name: C:\\Windows\\explorer.exe "
            + "Process Command Line: whoami",
        failedLogonJson("bob", "10.0.0.8"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  @Test
  void remoteServiceControlOverIpcAndGpoScheduledTaskExtension() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SECURITY, "2027-02-02T08:00:00Z FS-2 Microsoft-Windows-Security-Auditing: "
        + "5145: A network share object was checked to see whether client can be granted desired access. Subject: "
        + "Account Name: ops1 Account Domain: EXAMPLE Network Information: Source Address: 10.4.4.9 Share "
        + "Information: Share Name: \\\\*\\IPC$ Relative Target Name: svcctl Access Request Information: Access Mask: 0x3"))
        .contains("shield-winsec-lateral-010");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SECURITY, "2027-02-02T08:01:00Z DC-1 Microsoft-Windows-Security-Auditing: "
        + "5136: A directory service object was modified. Subject: Account Name: ops1 Object: DN: "
        + "CN={6AC1786C-016F-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=example,DC=org Class: groupPolicyContainer "
        + "Attribute: LDAP Display Name: gPCMachineExtensionNames Value: [{00000000-0000-0000-0000-000000000000}"
        + "{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}][{AADCED64-746C-4633-A97C-D61349046527}"
        + "{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}] Operation: Type: Value Added"))
        .contains("shield-winsec-privesc-010");
  }

  @Test
  void ordinaryShareAccessStaysQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SECURITY, "2027-02-02T08:02:00Z FS-2 Microsoft-Windows-Security-Auditing: "
        + "5145: A network share object was checked to see whether client can be granted desired access. Subject: "
        + "Account Name: jdoe Account Domain: EXAMPLE Network Information: Source Address: 10.4.4.10 Share "
        + "Information: Share Name: \\\\*\\Projects Relative Target Name: plan.docx Access Request Information: "
        + "Access Mask: 0x1")).isEmpty();
  }

  private static String kerberosPreauthText(String user, String client) {
    return "03/04/2026 02:10:00 AM LogName=Security EventCode=4771 EventType=0 ComputerName=DC9.corp.example "
        + "Keywords=Audit Failure Message=Kerberos pre-authentication failed.  Account Information: Security ID: "
        + "CORP\\" + user + " Account Name: " + user + "  Service Information: Service Name: krbtgt/CORP.EXAMPLE  "
        + "Network Information: Client Address: ::ffff:" + client + " Client Port: 51000  Additional Information: "
        + "Ticket Options: 0x40810010 Failure Code: 0x18 Pre-Authentication Type: 2 ";
  }

  @Test
  void kerberosPreauthFailuresInTextRenderingCountPerClient() {
    assertThat(firedAlone(WINDOWS_SECURITY, kerberosPreauthText("jlee", "10.9.8.7"))).isEmpty();
    List<Set<String>> spray = fired(WINDOWS_SECURITY, kerberosPreauthText("jlee", "10.9.8.7"),
        kerberosPreauthText("mkim", "10.9.8.7"), kerberosPreauthText("tnguyen", "10.9.8.7"),
        kerberosPreauthText("bcho", "10.9.8.7"), kerberosPreauthText("hpark", "10.9.8.7"));
    assertThat(spray).allMatch(ids -> ids.contains("shield-winsec-cred-003"));
  }

  @Test
  void rc4TicketInTextRenderingWithAFailureCodeAfterIt() {
    String line = "03/04/2026 02:11:00 AM LogName=Security EventCode=4769 EventType=0 ComputerName=DC9.corp.example "
        + "Message=A Kerberos service ticket was requested.  Account Information: Account Name: jlee@CORP.EXAMPLE "
        + "Service Information: Service Name: svc_reports Service ID: CORP\\svc_reports  Network Information: "
        + "Client Address: ::ffff:10.9.8.7 Client Port: 51001  Additional Information: Ticket Options: 0x40810000 "
        + "Ticket Encryption Type: 0x17 Failure Code: 0x0 Transited Services: - ";
    assertThat(firedAlone(WINDOWS_SECURITY, line)).contains("shield-winsec-cred-004");
  }

  @Test
  void ifeoDebuggerOnAnAccessibilityBinaryIsABackdoor() {
    String line = "03/04/2026 02:12:00 AM LogName=Security EventCode=4657 EventType=0 ComputerName=WS12.corp.example "
        + "Message=A registry value was modified.  Subject: Account Name: jlee Account Domain: CORP  Object: Object "
        + "Name: \\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution "
        + "Options\\utilman.exe Object Value Name: Debugger Operation Type: New registry value created  Process "
        + "Information: Process Name: C:\\Windows\\System32\\reg.exe  Change Information: Old Value Type: - Old "
        + "Value: - New Value Type: REG_SZ New Value: C:\\Windows\\System32\\cmd.exe ";
    assertThat(firedAlone(WINDOWS_SECURITY, line)).contains("shield-winsec-persist-020");
    String mitigation = line.replace("utilman.exe Object Value Name: Debugger", "app.exe Object Value Name: MitigationOptions")
        .replace("C:\\Windows\\System32\\cmd.exe", "0x100");
    assertThat(firedAlone(WINDOWS_SECURITY, mitigation)).doesNotContain("shield-winsec-persist-020");
  }

  @Test
  void accountsCreatedByAnIdentityGovernanceEngineAreOnboardingNotPersistence() {
    String byEngine = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider "
        + "Name='Microsoft-Windows-Security-Auditing'/><EventID>4720</EventID><Channel>Security</Channel><Computer>"
        + "DC2.corp.example</Computer></System><EventData><Data Name='TargetUserName'>p.moreau</Data>"
        + "<Data Name='SubjectUserName'>svc-saviynt-connector</Data></EventData></Event>";
    assertThat(firedAlone(WINDOWS_SECURITY, byEngine)).doesNotContain("shield-winsec-persist-003");
    assertThat(firedAlone(WINDOWS_SECURITY, byEngine.replace("svc-saviynt-connector", "jlee")))
        .contains("shield-winsec-persist-003");
  }
}
