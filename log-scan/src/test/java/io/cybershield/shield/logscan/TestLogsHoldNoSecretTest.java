package io.cybershield.shield.logscan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last step of the build: every log the test suite wrote — each module's test output
 * ({@code target/surefire-reports} and {@code target/failsafe-reports}, {@code *-output.txt}) and every container log of
 * the sandbox's pods ({@code target/container-logs}, the gateways' audit lines among them) — is searched for the
 * secrets the tests sent: the test callers' tokens ({@code inference-runtime/src/test/resources/security/tokens.csv}),
 * the SIEM webhook's test secrets ({@code security/siem-webhook-secrets.txt} beside it: sent in HMAC keys and in
 * webhook paths, which the gateway must never log) and every secret of the redaction corpora ({@code inference-runtime/src/test/resources/guard/redact/*.jsonl}). One
 * found fails the build, naming the file, the line and the secret's type, never the secret. One kind of line is not
 * the system's: RestAssured's dump of a test's own request when an assertion on it fails (Quarkus turns that on),
 * whose header lines carry the test's {@code Authorization}; those header lines are left out, nothing else.
 */
class TestLogsHoldNoSecretTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Shorter values (a 4-digit PIN, a short phone number) would match unrelated text. */
  private static final int SHORTEST = 10;
  /** A header line of RestAssured's dump of the test's own request ("Headers:\t\tAuthorization=Bearer ..."). */
  private static final java.util.regex.Pattern REST_ASSURED_AUTHORIZATION =
      java.util.regex.Pattern.compile("^(Headers:)?\\s+Authorization=Bearer \\S+$");

  @Test
  void noLogOfTheSuiteHoldsASecretTheTestsSent() throws IOException {
    Map<String, String> secrets = secrets();
    assertThat(secrets).as("the secrets the tests send").hasSizeGreaterThan(100);
    List<Path> logs = logs();
    assertThat(logs).as("the logs of the suite (run the whole build: mvn verify)").isNotEmpty();

    List<String> found = new ArrayList<>();
    long lines = 0;
    for (Path log : logs) {
      List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = 0; i < content.size(); i++) {
        lines++;
        String line = content.get(i);
        if (REST_ASSURED_AUTHORIZATION.matcher(line).matches()) {
          continue;
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
          if (line.contains(secret.getKey())) {
            found.add(ROOT.relativize(log) + ":" + (i + 1) + " holds a " + secret.getValue() + " the tests sent");
          }
        }
      }
    }
    System.out.printf("scanned %d lines of %d logs for %d secrets%n", lines, logs.size(), secrets.size());
    assertThat(found).as("secrets in the suite's logs").isEmpty();
  }

  /** Each secret the tests send, with its type. */
  private static Map<String, String> secrets() throws IOException {
    Map<String, String> secrets = new LinkedHashMap<>();
    Path tokens = ROOT.resolve("inference-runtime/src/test/resources/security/tokens.csv");
    for (String line : Files.readAllLines(tokens, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        secrets.put(line.substring(0, line.indexOf(',')).strip(), "test caller's bearer token");
      }
    }
    Path webhook = ROOT.resolve("inference-runtime/src/test/resources/security/siem-webhook-secrets.txt");
    for (String line : Files.readAllLines(webhook, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        secrets.put(line.strip(), "SIEM webhook test secret");
      }
    }
    try (Stream<Path> corpora = Files.list(ROOT.resolve("inference-runtime/src/test/resources/guard/redact"))) {
      for (Path corpus : corpora.filter(path -> path.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode record = JSON.readTree(line);
          for (JsonNode finding : record.path("findings")) {
            String value = finding.path("value").asText("");
            if (value.strip().length() >= SHORTEST) {
              secrets.put(value.strip(), finding.path("type").asText("secret") + " of " + corpus.getFileName());
            }
          }
        }
      }
    }
    return secrets;
  }

  private static List<Path> logs() throws IOException {
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        for (String dir : List.of("target/surefire-reports", "target/failsafe-reports", "target/container-logs")) {
          Path reports = module.resolve(dir);
          if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
              files.filter(file -> file.getFileName().toString().endsWith("-output.txt")
                  || file.getFileName().toString().endsWith(".log")).forEach(logs::add);
            }
          }
        }
      }
    }
    return logs;
  }
}
