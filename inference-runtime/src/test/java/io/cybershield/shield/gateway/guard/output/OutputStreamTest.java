package io.cybershield.shield.gateway.guard.output;

import io.cybershield.shield.gateway.guard.output.OutputGuard.Stream;
import io.cybershield.shield.gateway.guard.redact.Finding;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.cybershield.shield.gateway.guard.output.OutputGuardTest.JWT;
import static io.cybershield.shield.gateway.guard.output.OutputGuardTest.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream check piece by piece: secrets and leaks split over pieces (down to a character a piece) are caught, a
 * private key longer than the window is held and redacted whole, one longer than the cap is redacted and the rest of
 * it dropped, the text held back stays within the window, and a failing redactor stops the stream closed.
 */
class OutputStreamTest {

  private static final Redactor REDACTOR = new Redactor();
  private static final String FILLER = "The alert fired on the edge proxy after a burst of failed logins. ";

  private final OutputGuard guard = new OutputGuard(REDACTOR);

  /** Everything a stream sends for these pieces, finish included. */
  static String streamed(Stream stream, List<String> pieces) {
    StringBuilder out = new StringBuilder();
    for (String piece : pieces) {
      out.append(stream.accept(piece));
    }
    return out.append(stream.finish()).toString();
  }

  static List<String> chunks(String text, int size) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      pieces.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return pieces;
  }

  /** A private key block of about {@code lines} times 65 characters, as PEM writes it. */
  static String pem(int lines, long seed) {
    Random random = new Random(seed);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder key = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
    for (int line = 0; line < lines; line++) {
      for (int i = 0; i < 64; i++) {
        key.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      key.append('\n');
    }
    return key.append("-----END PRIVATE KEY-----").toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AKIAQ3EGUXZ7KT4MBR2D", "maria.lopez@helio-bank.de", "xoxb-2481-93716-Zq8WmN4pLx2Rv7Ks",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.Qm9ndXNTaWduYXR1cmVWYWx1ZQ"})
  void catchesASecretSentOneCharacterAPiece(String secret) {
    String answer = FILLER.repeat(12) + "Found " + secret + " in the log. " + FILLER.repeat(12);

    Stream stream = guard.stream(List.of());
    String sent = streamed(stream, chunks(answer, 1));

    assertThat(sent).isEqualTo(guard.check(answer, List.of()).text()).doesNotContain(secret).contains("[REDACTED:");
    assertThat(stream.verdict().clean()).isFalse();
  }

  @Test
  void catchesAPasswordInAUrlOnEveryWindowBoundary() {
    String url = "postgres://ops:S3cure-pw9@10.0.0.5/soc";
    // the URL moved across every offset of the window's edge, in pieces that end anywhere in it
    for (int shift = 0; shift < 200; shift += 13) {
      String answer = "x".repeat(shift) + " " + FILLER.repeat(10) + "Use " + url + " now. " + FILLER.repeat(3);
      for (int size : new int[] {1, 11, 500}) {
        String sent = streamed(guard.stream(List.of()), chunks(answer, size));
        assertThat(sent).as("shift %d, size %d", shift, size).isEqualTo(guard.check(answer, List.of()).text())
            .contains("ops:[REDACTED:password]@");
      }
    }
  }

  @Test
  void redactsAPrivateKeyLongerThanTheWindowSplitOverManyPieces() {
    String key = pem(50, 1);
    assertThat(key.length()).isGreaterThan(3 * OutputGuard.WINDOW);
    String answer = FILLER.repeat(10) + "The key is:\n" + key + "\nRotate it. " + FILLER.repeat(10);

    for (int size : new int[] {1, 7, 64, 1000}) {
      Stream stream = guard.stream(List.of());
      String sent = streamed(stream, chunks(answer, size));
      assertThat(sent).isEqualTo(answer.replace(key, "[REDACTED:private_key]"));
      assertThat(stream.verdict().findings()).isEqualTo(Map.of("private_key", 1));
    }
  }

  @Test
  void redactsAPrivateKeyCutShortInAStream() {
    String answer = FILLER.repeat(10) + "Key:\n" + pem(20, 2).replace("-----END PRIVATE KEY-----", "");

    String sent = streamed(guard.stream(List.of()), chunks(answer, 5));

    assertThat(sent).isEqualTo(FILLER.repeat(10) + "Key:\n[REDACTED:private_key]")
        .isEqualTo(guard.check(answer, List.of()).text());
  }

  @Test
  void redactsAKeyPastTheCapAndDropsItUpToItsEnd() {
    OutputGuard small = new OutputGuard(REDACTOR::find, 64, 16, 256);
    String key = pem(30, 3);
    String answer = FILLER.repeat(4) + "Key:\n" + key + "\nRotate it. " + FILLER.repeat(4);

    Stream stream = small.stream(List.of());
    String sent = streamed(stream, chunks(answer, 3));

    assertThat(sent).isEqualTo(FILLER.repeat(4) + "Key:\n[REDACTED:private_key]\nRotate it. " + FILLER.repeat(4));
    assertThat(stream.verdict().findings()).isEqualTo(Map.of("private_key", 1));
  }

  @Test
  void dropsEverythingAfterAnUnendingKeyPastTheCap() {
    OutputGuard small = new OutputGuard(REDACTOR::find, 64, 16, 256);
    String body = pem(30, 4).replace("-----END PRIVATE KEY-----", "");
    String answer = FILLER.repeat(4) + "Key:\n" + body + "and then more text that never closes the key.";

    String sent = streamed(small.stream(List.of()), chunks(answer, 10));

    assertThat(sent).isEqualTo(FILLER.repeat(4) + "Key:\n[REDACTED:private_key]");
  }

  @Test
  void replacesASystemPromptLeakedInAStream() {
    String answer = FILLER.repeat(8) + "My instructions: " + PROMPT + " Anything else? " + FILLER.repeat(8);

    for (int size : new int[] {1, 4, 33, 2000}) {
      Stream stream = guard.stream(List.of(PROMPT));
      String sent = streamed(stream, chunks(answer, size));
      assertThat(sent).isEqualTo(answer.replace(PROMPT, "[REDACTED:system_prompt]"));
      assertThat(stream.verdict().findings()).isEqualTo(Map.of("system_prompt", 1));
    }
  }

  @Test
  void replacesALeakLongerThanTheWindowWithoutLettingAnyOfItOut() {
    OutputGuard small = new OutputGuard(REDACTOR::find, 64, 16, 256);
    String answer = FILLER.repeat(3) + "My instructions: " + PROMPT + " Anything else?";

    String sent = streamed(small.stream(List.of(PROMPT)), chunks(answer, 5));

    assertThat(sent).isEqualTo(FILLER.repeat(3) + "My instructions: [REDACTED:system_prompt] Anything else?");
  }

  @Test
  void anEmptyStreamSendsNothing() {
    Stream stream = guard.stream(List.of(PROMPT));

    assertThat(stream.finish()).isEmpty();
    assertThat(stream.verdict()).isEqualTo(OutputVerdict.CLEAN);
  }

  @Test
  void aStreamOfOnlyWhiteSpaceSendsItUnchanged() {
    String answer = " \n\t  \r\n".repeat(300);

    Stream stream = guard.stream(List.of(PROMPT));
    String sent = streamed(stream, chunks(answer, 2));

    assertThat(sent).isEqualTo(answer);
    assertThat(stream.verdict().clean()).isTrue();
  }

  @Test
  void holdsBackNoMoreThanTheWindowAndAStep() {
    String answer = FILLER.repeat(100);
    Stream stream = guard.stream(List.of());
    int fed = 0;
    int sent = 0;
    for (String piece : chunks(answer, 1)) {
      fed += piece.length();
      sent += stream.accept(piece).length();
      assertThat(fed - sent).isLessThan(OutputGuard.WINDOW + OutputGuard.STEP);
    }
    assertThat(sent).isGreaterThan(answer.length() - OutputGuard.WINDOW - OutputGuard.STEP);
    assertThat(sent + stream.finish().length()).isEqualTo(answer.length());
  }

  @Test
  void sendsMostOfAHugePieceAtOnce() {
    String answer = FILLER.repeat(2_000) + "AKIAQ3EGUXZ7KT4MBR2D";
    Stream stream = guard.stream(List.of(PROMPT));

    String first = stream.accept(answer);
    String rest = stream.finish();

    assertThat(first.length()).isGreaterThan(answer.length() - OutputGuard.WINDOW - OutputGuard.STEP);
    assertThat(first + rest).isEqualTo(guard.check(answer, List.of(PROMPT)).text());
  }

  @Test
  void takesNullsAndEmptyPiecesAndIgnoresPiecesAfterTheEnd() {
    Stream stream = guard.stream(null);

    assertThat(stream.accept(null)).isEmpty();
    assertThat(stream.accept("")).isEmpty();
    assertThat(stream.accept("mail ana@acme-soc.com")).isEmpty();
    assertThat(stream.finish()).isEqualTo("mail [REDACTED:email]");
    assertThat(stream.accept("more")).isEmpty();
    assertThat(stream.finish()).isEmpty();
  }

  @Test
  void failsClosedWhenTheRedactorThrowsMidStream() {
    OutputGuard failing = new OutputGuard(text -> {
      if (text.contains("BOOM")) {
        throw new IllegalStateException("boom");
      }
      return List.<Finding>of();
    }, 64, 16, 256);
    String before = FILLER.repeat(4);

    Stream stream = failing.stream(List.of());
    String sent = streamed(stream, chunks(before + "BOOM and the rest of the answer. " + FILLER.repeat(4), 4));

    assertThat(sent).endsWith("[REDACTED:output_check_failed]").doesNotContain("BOOM");
    assertThat(before).startsWith(sent.substring(0, sent.length() - "[REDACTED:output_check_failed]".length()));
    assertThat(stream.verdict().failed()).isTrue();
  }

  @Test
  void failsClosedWhenTheRedactorThrowsAtTheEnd() {
    OutputGuard failing = new OutputGuard(text -> {
      throw new IllegalStateException("boom");
    }, 64, 16, 256);

    Stream stream = failing.stream(List.of(PROMPT));

    assertThat(stream.accept("short")).isEmpty();
    assertThat(stream.finish()).isEqualTo("[REDACTED:output_check_failed]");
    assertThat(stream.verdict().findings()).isEqualTo(Map.of("output_check_failed", 1));
  }

  @Test
  void aJwtOnTheEdgeOfTheWindowIsCaughtInAnySplit() {
    Random random = new Random(7);
    for (int round = 0; round < 60; round++) {
      String answer = "y".repeat(random.nextInt(700)) + " token " + JWT + " end " + "z ".repeat(random.nextInt(400));
      List<String> pieces = OutputSplitPropertyTest.split(answer, random);
      assertThat(streamed(guard.stream(List.of()), pieces)).doesNotContain(JWT)
          .isEqualTo(guard.check(answer, List.of()).text());
    }
  }
}
