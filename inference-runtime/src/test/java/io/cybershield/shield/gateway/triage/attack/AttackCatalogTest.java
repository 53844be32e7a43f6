package io.cybershield.shield.gateway.triage.attack;

import io.cybershield.shield.gateway.triage.attack.AttackCatalog.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped ATT&CK catalog: the file it is, the counts of 18.1 and how ids are validated. */
class AttackCatalogTest {

  /** sha256sum of attack/enterprise-attack-18.1.json; change it only together with the catalog (README.md). */
  private static final String PINNED_SHA256 = "c389fbf048ad826876165dcc9b73d76488a4cb40d4928b12bab4cb16cb9f7cf0";

  private static final AttackCatalog CATALOG = AttackCatalog.shipped();
  private static final Tactic EXECUTION = new Tactic("TA0002", "execution", "Execution");

  @Test
  void theShippedResourceIsThePinnedFile() throws IOException, NoSuchAlgorithmException {
    assertThat(CATALOG.resource()).isEqualTo("attack/enterprise-attack-18.1.json");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(CATALOG.resource())) {
      assertThat(in).isNotNull();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertThat(HexFormat.of().formatHex(digest)).isEqualTo(PINNED_SHA256);
    }
  }

  @Test
  void mitresLicenseShipsBesideIt() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("attack/LICENSE.txt")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("The MITRE Corporation").contains("MITRE's copyright designation and this license");
    }
  }

  @Test
  void versionAndCounts() {
    assertThat(CATALOG.version()).isEqualTo("18.1");
    assertThat(CATALOG.liveCount()).isEqualTo(691);
    assertThat(CATALOG.tactics()).hasSize(14);
    assertThat(AttackCatalog.shipped()).isSameAs(CATALOG);
  }

  @Test
  void aLiveSubtechnique() {
    Technique powershell = CATALOG.live("T1059.001").orElseThrow();
    assertThat(powershell.id()).isEqualTo("T1059.001");
    assertThat(powershell.name()).isEqualTo("PowerShell");
    assertThat(powershell.parentId()).isEqualTo("T1059");
    assertThat(powershell.subtechnique()).isTrue();
    assertThat(powershell.tactics()).containsExactly(EXECUTION);
    assertThat(powershell.url()).isEqualTo("https://attack.mitre.org/techniques/T1059/001");
    assertThat(CATALOG.status("T1059.001")).isEqualTo(Status.LIVE);
  }

  @Test
  void aLiveTechniqueIsItsOwnParent() {
    Technique interpreter = CATALOG.live("T1059").orElseThrow();
    assertThat(interpreter.name()).isEqualTo("Command and Scripting Interpreter");
    assertThat(interpreter.parentId()).isEqualTo("T1059");
    assertThat(interpreter.subtechnique()).isFalse();
  }

  @Test
  void idsAreTrimmedAndCaseInsensitive() {
    assertThat(CATALOG.live("  t1059.001 ")).map(Technique::id).contains("T1059.001");
    assertThat(CATALOG.live("t1490")).map(Technique::name).contains("Inhibit System Recovery");
  }

  @Test
  void aTechniqueServingSeveralTactics() {
    assertThat(CATALOG.live("T1078").orElseThrow().tactics()).extracting(Tactic::shortname)
        .containsExactlyInAnyOrder("defense-evasion", "persistence", "privilege-escalation", "initial-access");
  }

  @Test
  void aRevokedTechniqueIsNotLive() {
    assertThat(CATALOG.live("T1002")).isEmpty();
    assertThat(CATALOG.status("T1002")).isEqualTo(Status.REVOKED);
  }

  @Test
  void aDeprecatedTechniqueIsNotLive() {
    assertThat(CATALOG.live("T1064")).isEmpty();
    assertThat(CATALOG.status("T1064")).isEqualTo(Status.DEPRECATED);
    assertThat(CATALOG.status("T1053.004")).isEqualTo(Status.DEPRECATED);
  }

  @Test
  void aWellFormedIdNotInAttackIsUnknown() {
    assertThat(CATALOG.live("T1059.099")).isEmpty();
    assertThat(CATALOG.status("T1059.099")).isEqualTo(Status.UNKNOWN);
    assertThat(CATALOG.status("T9999")).isEqualTo(Status.UNKNOWN);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"T99", "t1059.1", "1059", "", "T1059.0011", "TA0002", "T1059.", "T10590", "T1059 .001",
      "T１０５９"})
  void malformedIds(String id) {
    assertThat(CATALOG.live(id)).isEmpty();
    assertThat(CATALOG.status(id)).isEqualTo(Status.MALFORMED);
  }

  @Test
  void tacticsByIdShortnameOrName() {
    assertThat(CATALOG.tactic("TA0002")).contains(EXECUTION);
    assertThat(CATALOG.tactic("execution")).contains(EXECUTION);
    assertThat(CATALOG.tactic("Execution")).contains(EXECUTION);
    assertThat(CATALOG.tactic("ta0002")).contains(EXECUTION);
    assertThat(CATALOG.tactic("Command and Control")).map(Tactic::id).contains("TA0011");
    assertThat(CATALOG.tactic("command_and_control")).map(Tactic::id).contains("TA0011");
    assertThat(CATALOG.tactic("attack.credential_access")).map(Tactic::id).contains("TA0006");
    assertThat(CATALOG.tactic("exfil")).isEmpty();
    assertThat(CATALOG.tactic(null)).isEmpty();
  }

  @Test
  void theFourteenTacticsInOrder() {
    assertThat(CATALOG.tactics()).extracting(Tactic::id).containsExactly("TA0001", "TA0002", "TA0003", "TA0004",
        "TA0005", "TA0006", "TA0007", "TA0008", "TA0009", "TA0010", "TA0011", "TA0040", "TA0042", "TA0043");
  }

  @Test
  void parseReadsAnyCatalogOfTheSameShape() {
    String json = """
        {"attackVersion": "0.1", "tactics": [{"id": "TA0002", "shortname": "execution", "name": "Execution"}],
         "techniques": [
           {"id": "T1", "name": "bad id kept as data", "tactics": [], "subtechnique": false},
           {"id": "T1059", "name": "Interpreter", "tactics": ["execution"], "subtechnique": false,
            "deprecated": false, "revoked": false, "url": "u"}]}""";
    AttackCatalog catalog = AttackCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(catalog.version()).isEqualTo("0.1");
    assertThat(catalog.liveCount()).isEqualTo(2);
    assertThat(catalog.live("T1059")).contains(new Technique("T1059", "Interpreter", List.of(EXECUTION), false,
        "u"));
  }

  @Test
  void parseRejectsWhatIsNotACatalog() {
    assertThatThrownBy(() -> AttackCatalog.parse(new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attackVersion");
    assertThatThrownBy(() -> AttackCatalog.parse(new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an ATT&CK catalog");
    String unknownTactic = """
        {"attackVersion": "0.1", "tactics": [], "techniques": [{"id": "T1059", "name": "X", "tactics": ["nope"]}]}""";
    assertThatThrownBy(() -> AttackCatalog.parse(new ByteArrayInputStream(
        unknownTactic.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("technique T1059 names an unknown tactic \"nope\"");
  }
}
