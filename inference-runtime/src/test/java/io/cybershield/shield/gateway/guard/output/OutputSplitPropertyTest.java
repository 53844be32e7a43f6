package io.cybershield.shield.gateway.guard.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.guard.output.OutputGuard.Checked;
import io.cybershield.shield.gateway.guard.output.OutputGuard.Stream;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.cybershield.shield.gateway.guard.output.OutputGuardTest.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property that makes a stream safe to send: whatever the split, the concatenation of what a stream sends, and
 * its verdict, equal the whole answer's check, as long as no secret or leak is longer than the window. Answers are
 * generated from seeds (jqwik is not a dependency of this module; a failing case names its seed and can be rerun),
 * mixing secrets of every type, look-alikes, copied prompt runs, private keys longer than the window, white space
 * and characters outside the BMP, split at random (a character a piece, a few, a token's worth, many windows' worth).
 */
class OutputSplitPropertyTest {

  private static final Redactor REDACTOR = new Redactor();
  private static final String[] WORDS = ("the alert fired on edge proxy after burst of failed logins from host user "
      + "analyst escalated ticket to tier two and blocked address in firewall rule while reviewing sysmon events "
      + "process powershell spawned encoded command beacon c2 domain resolved at 03:12 utc severity high").split(" ");
  private static final String[] SECRETS = {
      "AKIAQ3EGUXZ7KT4MBR2D", "ASIAQ3EGUXZ7KT4MBR2D",
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKQ",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.Qm9ndXNTaWduYXR1cmVWYWx1ZQ",
      "jdbc:postgresql://ops:S3cure%21pw@10.0.0.5/soc", "redis://:Sup3rS3cret9@10.1.1.5:6379/0",
      "maria.lopez@helio-bank.de", "soc-lead@corp.internal", "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
      "xoxb-2481-93716-Zq8WmN4pLx2Rv7Ks", "4539 1488 0343 6467", "DE89 3704 0044 0532 0130 00",
      "SSN 536-22-8761", "Authorization: Bearer 8f3kQ2xZ7pL1vN9sT4wR6yU0", "DB_PASSWORD=Hunter2-prod!",
      "https://hooks.slack.com/services/T024BE7LD/B8Q1X2Z3Y/Qw3rTy6uIo9pAs2dF4gH", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "call +44 20 7946 0321", "the new password is Kq7-vault22 for now", "NINO AB 12 34 56 C",
      "Authorization: Basic b3BzOlM0bXBsZS1wdw==",
  };
  private static final String[] LOOK_ALIKES = {
      "10.20.4.17:51522", "2001:db8:85a3::8a2e:370:7334", "9fceb02d0ae598e95dc970b74767f19372d61af8",
      "123e4567-e89b-12d3-a456-426614174000", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "${DB_PASSWORD}", "password: <password>", "1762352551123", "v5.15.0-105", "caf\u00e9 \ud83d\udd12 na\u00efve",
      "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
  };

  /** Pieces of a text: the sizes of one split drawn from one of several shapes, as model servers send them. */
  static List<String> split(String text, Random random) {
    int shape = random.nextInt(5);
    List<String> pieces = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int size = switch (shape) {
        case 0 -> 1;
        case 1 -> 1 + random.nextInt(6);
        case 2 -> 1 + random.nextInt(40);
        case 3 -> 1 + random.nextInt(1500);
        default -> random.nextInt(10) == 0 ? 1 + random.nextInt(800) : 1 + random.nextInt(4);
      };
      int end = Math.min(text.length(), at + size);
      pieces.add(text.substring(at, end));
      if (random.nextInt(20) == 0) {
        pieces.add("");
      }
      at = end;
    }
    return pieces;
  }

  /** An answer of {@code parts} parts; prompt runs are at most {@code longest} characters long. */
  static String answer(Random random, int parts, int longest) {
    StringBuilder text = new StringBuilder();
    for (int part = 0; part < parts; part++) {
      int kind = random.nextInt(12);
      if (kind < 5) {
        int words = 1 + random.nextInt(30);
        for (int i = 0; i < words; i++) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
        }
      } else if (kind < 8) {
        text.append(SECRETS[random.nextInt(SECRETS.length)]);
      } else if (kind == 8) {
        text.append(LOOK_ALIKES[random.nextInt(LOOK_ALIKES.length)]);
      } else if (kind == 9) {
        int length = 20 + random.nextInt(Math.min(longest, PROMPT.length()) - 20);
        int start = random.nextInt(PROMPT.length() - length + 1);
        String run = PROMPT.substring(start, start + length);
        text.append(random.nextBoolean() ? run : run.toUpperCase().replace(" ", "  "));
      } else if (kind == 10) {
        text.append(OutputStreamTest.pem(1 + random.nextInt(40), random.nextLong()));
      } else {
        text.append(List.of("\n", "\n\n", "\t", "   ", "\r\n", " \u200b ", "; ").get(random.nextInt(7)));
      }
      text.append(random.nextInt(3) == 0 ? "\n" : " ");
    }
    return text.toString();
  }

  private static void assertStreamEqualsWhole(OutputGuard guard, String text, Random random, String label) {
    Checked whole = guard.check(text, List.of(PROMPT));
    for (int split = 0; split < 2; split++) {
      Stream stream = guard.stream(List.of(PROMPT));
      StringBuilder sent = new StringBuilder();
      for (String piece : split(text, random)) {
        sent.append(stream.accept(piece));
      }
      sent.append(stream.finish());
      assertThat(sent.toString()).as("%s, split %d", label, split).isEqualTo(whole.text());
      assertThat(stream.verdict()).as("%s, split %d", label, split).isEqualTo(whole.verdict());
    }
  }

  @ParameterizedTest(name = "seeds {0}..+25")
  @ValueSource(longs = {0, 1000})
  void aStreamSendsWhatTheWholeCheckReturnsHoweverItIsSplit(long from) {
    OutputGuard guard = new OutputGuard(REDACTOR);
    for (long seed = from; seed < from + 25; seed++) {
      Random random = new Random(seed);
      String text = answer(random, 10 + random.nextInt(70), OutputGuard.WINDOW);
      assertStreamEqualsWhole(guard, text, random, "seed " + seed);
    }
  }

  @ParameterizedTest(name = "seeds {0}..+30")
  @ValueSource(longs = {10_000})
  void soItDoesWithASmallWindow(long from) {
    // a small window slides over the secrets far more often; keys still longer than it are held up to the cap
    OutputGuard guard = new OutputGuard(REDACTOR::find, 128, 32, 4096);
    for (long seed = from; seed < from + 30; seed++) {
      Random random = new Random(seed);
      String text = answer(random, 5 + random.nextInt(60), 120);
      assertStreamEqualsWhole(guard, text, random, "seed " + seed);
    }
  }

  @Test
  void soItDoesOnTheRedactorsCorpus() throws IOException {
    // the redactor's labelled corpus, records joined into long answers; service_account records are left out, as
    // that word anywhere in a text renames its keys (see OutputGuard.Stream)
    List<String> records = new ArrayList<>();
    for (String file : List.of("guard/redact/secrets.jsonl", "guard/redact/clean.jsonl")) {
      records.addAll(read(file));
    }
    assertThat(records).hasSizeGreaterThan(100);
    OutputGuard guard = new OutputGuard(REDACTOR);
    Random random = new Random(42);
    for (int answer = 0; answer < 15; answer++) {
      StringBuilder text = new StringBuilder();
      int count = 3 + random.nextInt(20);
      for (int i = 0; i < count; i++) {
        text.append(records.get(random.nextInt(records.size()))).append(random.nextBoolean() ? "\n" : " ");
      }
      assertStreamEqualsWhole(guard, text.toString(), random, "corpus answer " + answer);
    }
  }

  private static List<String> read(String resource) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (InputStream in = OutputSplitPropertyTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          String text = json.readTree(line).get("text").asText();
          if (!text.contains("service_account")) {
            texts.add(text);
          }
        }
      }
    }
    return texts;
  }
}
