package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.fired;
import static io.cybershield.shield.gateway.triage.rules.ShippedRules.firedAlone;
import static org.assertj.core.api.Assertions.assertThat;

/** Windows System log rules: log clearing, service installs, Defender tampering. */
class WindowsSystemRulesTest {

  @Test
  void systemLogClearedInXmlAndText() {
    String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        + "<Provider Name='Microsoft-Windows-Eventlog'/><EventID>104</EventID><Channel>System</Channel>"
        + "<Computer>SRV01</Computer></System><UserData><LogFileCleared><Channel>System</Channel>"
        + "</LogFileCleared></UserData></Event>";
    assertThat(firedAlone(WINDOWS_SYSTEM, xml)).contains("shield-winsys-evasion-001");
    assertThat(firedAlone(WINDOWS_SYSTEM, "LogName=System EventCode=104 SourceName=Microsoft-Windows-Eventlog "
        + "Message=The System log file was cleared.")).isNotEmpty();
  }

  @Test
  void serviceRunningAnEncodedPowerShellCommand() {
    String json = "{\"winlog\":{\"channel\":\"System\",\"event_id\":7045,\"provider_name\":\"Service Control "
        + "Manager\",\"event_data\":{\"ServiceName\":\"WinUpdSvc\",\"ImagePath\":\"%COMSPEC% /c powershell -nop "
        + "-w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=\",\"ServiceType\":\"user mode service\","
        + "\"StartType\":\"auto start\"}}}";
    assertThat(firedAlone(WINDOWS_SYSTEM, json)).contains("shield-winsys-persist-001");
  }

  @Test
  void psexecServiceInstalled() {
    String line = "LogName=System EventCode=7045 SourceName=Service Control Manager Message=A service was "
        + "installed in the system. Service Name: PSEXESVC Service File Name: %SystemRoot%\\PSEXESVC.exe";
    assertThat(firedAlone(WINDOWS_SYSTEM, line)).contains("shield-winsys-exec-001");
  }

  @Test
  void defenderRealTimeProtectionDisabled() {
    String line = "LogName=System EventCode=5001 SourceName=Microsoft-Windows-Windows Defender "
        + "Message=Real-time Protection scanning for malware and other potentially unwanted software was disabled.";
    assertThat(firedAlone(WINDOWS_SYSTEM, line)).contains("shield-winsys-evasion-003");
  }

  @Test
  void routineServiceEventsAreNotFlagged() {
    List<Set<String>> benign = fired(WINDOWS_SYSTEM,
        "LogName=System EventCode=7036 SourceName=Service Control Manager Message=The Windows Update service "
            + "entered the running state.",
        "LogName=System EventCode=6005 SourceName=EventLog Message=The Event log service was started.",
        "{\"winlog\":{\"channel\":\"System\",\"event_id\":7045,\"event_data\":{\"ServiceName\":\"Google Update\","
            + "\"ImagePath\":\"\\\"C:\\\\Program Files (x86)\\\\Google\\\\Update\\\\GoogleUpdate.exe\\\" /svc\","
            + "\"ServiceType\":\"user mode service\"}}}",
        "LogName=System EventCode=7040 SourceName=Service Control Manager Message=The start type of the "
            + "Background Intelligent Transfer Service service was changed from auto start to demand start.");
    assertThat(benign).allMatch(Set::isEmpty);
  }

  // ---------------------------------------------------------------- round 2 (lines written here)

  private static String scm(String id, String data, String message) {
    return "{\"winlog\":{\"channel\":\"System\",\"event_id\":\"" + id + "\",\"provider_name\":"
        + "\"Service Control Manager\",\"event_data\":{" + data + "}},\"message\":\"" + message + "\"}";
  }

  @Test
  void thirdPartyEdrStoppedAndVssDisabled() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7036", "\"param1\":\"CrowdStrike Falcon Sensor Service\","
        + "\"param2\":\"stopped\"", "The CrowdStrike Falcon Sensor Service service entered the stopped state.")))
        .contains("shield-winsys-evasion-002");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7040", "\"param1\":\"Volume Shadow Copy\",\"param2\":"
        + "\"demand start\",\"param3\":\"disabled\",\"param4\":\"VSS\"",
        "The start type of the Volume Shadow Copy service was changed from demand start to disabled.")))
        .contains("shield-winsys-impact-003");
  }

  @Test
  void ordinaryServiceStopsStayQuiet() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7036", "\"param1\":\"Print Spooler\",\"param2\":\"stopped\"",
        "The Print Spooler service entered the stopped state."))).isEmpty();
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7040", "\"param1\":\"Volume Shadow Copy\",\"param2\":"
        + "\"disabled\",\"param3\":\"demand start\",\"param4\":\"VSS\"",
        "The start type of the Volume Shadow Copy service was changed from disabled to demand start."))).isEmpty();
  }

  @Test
  void driverNamedWithoutAFolderIsTheDefaultDriverFolderButATempDriverIsNot() {
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7045", "\"ServiceName\":\"VendorFlt\",\"ImagePath\":"
        + "\"VendorFlt.sys\",\"ServiceType\":\"kernel mode driver\",\"StartType\":\"boot start\"",
        "A service was installed in the system."))).doesNotContain("shield-winsys-persist-003");
    org.assertj.core.api.Assertions.assertThat(ShippedRules.firedAlone(io.cybershield.shield.gateway.triage.logs.LogSource.WINDOWS_SYSTEM, scm("7045", "\"ServiceName\":\"kdrv\",\"ImagePath\":"
        + "\"C:\\\\Users\\\\kim\\\\AppData\\\\Local\\\\Temp\\\\kdrv.sys\",\"ServiceType\":\"kernel mode driver\","
        + "\"StartType\":\"demand start\"", "A service was installed in the system."))).contains("shield-winsys-persist-003");
  }

  @Test
  void securityServiceDisabledInTheSplunkTextRenderingAndSysmonReinstalledDisabled() {
    assertThat(firedAlone(WINDOWS_SYSTEM, "03/06/2026 01:00:00 AM LogName=System EventCode=7040 EventType=4 "
        + "ComputerName=APP3.corp.example SourceName=Service Control Manager Type=Information Message=The start type "
        + "of the Microsoft Defender Antivirus Service service was changed from auto start to disabled."))
        .contains("shield-winsys-evasion-002");
    assertThat(firedAlone(WINDOWS_SYSTEM, "03/06/2026 01:01:00 AM LogName=System EventCode=7040 EventType=4 "
        + "ComputerName=APP3.corp.example SourceName=Service Control Manager Type=Information Message=The start type "
        + "of the Print Spooler service was changed from auto start to disabled."))
        .doesNotContain("shield-winsys-evasion-002");
    assertThat(firedAlone(WINDOWS_SYSTEM, "03/06/2026 01:02:00 AM LogName=System EventCode=7045 EventType=4 "
        + "ComputerName=APP3.corp.example SourceName=Service Control Manager Type=Information Message=A service was "
        + "installed in the system.  Service Name:  Sysmon  Service File Name:  C:\\Windows\\Sysmon.exe  Service "
        + "Type:  user mode service  Service Start Type:  disabled  Service Account:  LocalSystem "))
        .contains("shield-winsys-evasion-002");
  }

  @Test
  void wormServiceWithTheSecuritySwitch() {
    String line = "03/06/2026 01:03:00 AM LogName=System EventCode=7045 EventType=4 ComputerName=APP3.corp.example "
        + "SourceName=Service Control Manager Type=Information Message=A service was installed in the system.  Service "
        + "Name:  updsvc4  Service File Name:  C:\\WINDOWS\\updsvc.exe -m security  Service Type:  user mode service  "
        + "Service Start Type:  auto start  Service Account:  LocalSystem ";
    assertThat(firedAlone(WINDOWS_SYSTEM, line)).contains("shield-winsys-persist-020");
    assertThat(firedAlone(WINDOWS_SYSTEM, line.replace(" -m security", " -service")))
        .doesNotContain("shield-winsys-persist-020");
  }
}
