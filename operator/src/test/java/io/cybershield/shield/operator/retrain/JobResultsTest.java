package io.cybershield.shield.operator.retrain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static io.cybershield.shield.operator.retrain.JobResults.RESULT_INVALID_URI;
import static io.cybershield.shield.operator.retrain.JobResults.RESULT_INVALID_VERSION;
import static io.cybershield.shield.operator.retrain.JobResults.RESULT_MALFORMED;
import static io.cybershield.shield.operator.retrain.JobResults.RESULT_MISSING;
import static io.cybershield.shield.operator.retrain.JobResults.RESULT_OUT_OF_RANGE;
import static io.cybershield.shield.operator.retrain.JobResults.RESULT_TOO_LARGE;
import static org.assertj.core.api.Assertions.assertThat;

class JobResultsTest {

  private static final String TRAINING_EXAMPLE = "{\"uri\": \"s3://models/detector/v7\", \"version\": \"v7\"}";
  private static final String VALIDATION_EXAMPLE = "{\"precision\": 0.93, \"samples\": 12000}";

  private static <T> Parsed.Invalid<T> invalid(Parsed<T> parsed) {
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return (Parsed.Invalid<T>) parsed;
  }

  private static Parsed.Invalid<ValidationResult> invalidValidation(String message) {
    return invalid(JobResults.validation(message));
  }

  private static Parsed.Invalid<TrainingResult> invalidTraining(String message) {
    return invalid(JobResults.training(message));
  }

  /** A message fit for a status and an Event: one line, no terminal escapes, a short quote of the input. */
  private static void assertSafe(Parsed.Invalid<?> invalid) {
    assertThat(invalid.message()).doesNotContain("\n", "\r", "\u001b", "\u0000", "\u202e").hasSizeLessThan(400);
  }

  @Nested
  class Training {

    @Test
    void minimal() {
      assertThat(JobResults.training("{\"uri\": \"s3://models/detector/v7\"}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("s3://models/detector/v7", null)));
    }

    @Test
    void full() {
      assertThat(JobResults.training("{\"uri\": \"pvc://weights/detector/v7\", \"version\": \"2026.07.1\"}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("pvc://weights/detector/v7", "2026.07.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "s3://models/detector/v7", "s3://models", "pvc://weights/a/b", "hf://cybershield/detector",
        "hf://cybershield", "oci://registry.example.com/models/detector:v7" })
    void everyStorageScheme(String uri) {
      assertThat(JobResults.training("{\"uri\": \"" + uri + "\"}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult(uri, null)));
    }

    @Test
    void unknownFieldsAndNestedJunkAreIgnored() {
      assertThat(JobResults.training("{\"uri\": \"s3://models/v7\", \"loss\": [0.3, {\"epoch\": [1, [2, {\"x\": null}]]}], "
          + "\"notes\": \"fine\"}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("s3://models/v7", null)));
    }

    @Test
    void aNullVersionIsNoVersion() {
      assertThat(JobResults.training("{\"uri\": \"s3://models/v7\", \"version\": null}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("s3://models/v7", null)));
    }

    @Test
    void surroundingWhitespaceIsAccepted() {
      assertThat(JobResults.training("\n  {\"uri\": \"s3://models/v7\"}\n"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("s3://models/v7", null)));
    }

    @Test
    void missingUri() {
      assertThat(invalidTraining("{\"version\": \"v7\"}")).isEqualTo(new Parsed.Invalid<>(RESULT_MALFORMED,
          "the training Job did not report uri, where it wrote the new weights"));
    }

    @Test
    void nullUri() {
      assertThat(invalidTraining("{\"uri\": null}").reason()).isEqualTo(RESULT_MALFORMED);
    }

    @Test
    void aUriThatIsNotAString() {
      assertThat(invalidTraining("{\"uri\": 7}")).isEqualTo(new Parsed.Invalid<>(RESULT_MALFORMED,
          "the training Job reported uri as a number, not a string; it must be where it wrote the new weights"));
    }

    @Test
    void anUnknownScheme() {
      assertThat(invalidTraining("{\"uri\": \"https://example.com/v7\"}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_INVALID_URI, "the training Job reported uri \"https://example.com/v7\", which is not a storage "
          + "location: it must be s3://<bucket>/<key>, pvc://<claim>/<path>, hf://<organisation>/<model> or "
          + "oci://<reference>"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "s3://Models/v7", "pvc://weights", "pvc:///v7", "hf://a/b/c", "oci://", "s3:/m/v7" })
    void malformedLocations(String uri) {
      assertThat(invalidTraining("{\"uri\": \"" + uri + "\"}").reason()).isEqualTo(RESULT_INVALID_URI);
    }

    @Test
    void anEmptyUri() {
      assertThat(invalidTraining("{\"uri\": \"\"}")).isEqualTo(new Parsed.Invalid<>(RESULT_INVALID_URI,
          "the training Job reported an empty uri; it must be where it wrote the new weights, s3://<bucket>/<key>, "
              + "pvc://<claim>/<path>, hf://<organisation>/<model> or oci://<reference>"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "s3://models/v7\\nInjected: yes", "s3://m/v\\t7", "oci://r/m\\u0000", "s3://m/v\\u00a07",
        "s3://m/v\\u202e7", "s3://m/v\\u001b[2J7" })
    void whitespaceAndControlCharactersInAUri(String escapedUri) {
      Parsed.Invalid<TrainingResult> invalid = invalidTraining("{\"uri\": \"" + escapedUri + "\"}");

      assertThat(invalid.reason()).isEqualTo(RESULT_INVALID_URI);
      assertThat(invalid.message()).endsWith(", which contains whitespace or control characters");
      assertSafe(invalid);
    }

    @Test
    void aNewlineInAUriIsEscapedInTheMessage() {
      assertThat(invalidTraining("{\"uri\": \"s3://models/v7\\nInjected: yes\"}").message()).isEqualTo(
          "the training Job reported uri \"s3://models/v7\\nInjected: yes\", which contains whitespace or control "
              + "characters");
    }

    @Test
    void aUriLongerThanTheApiAllows() {
      String uri = "s3://models/" + "k".repeat(1013);

      assertThat(invalidTraining("{\"uri\": \"" + uri + "\"}")).isEqualTo(new Parsed.Invalid<>(RESULT_INVALID_URI,
          "the training Job reported a uri of 1025 characters, more than 1024"));
    }

    @Test
    void aUriOfExactlyTheLongestLength() {
      String uri = "s3://models/" + "k".repeat(1012);

      assertThat(JobResults.training("{\"uri\": \"" + uri + "\"}")).isEqualTo(new Parsed.Ok<>(new TrainingResult(uri,
          null)));
    }

    @Test
    void aVersionWithSpaces() {
      assertThat(invalidTraining("{\"uri\": \"s3://models/v7\", \"version\": \"v 7\"}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_INVALID_VERSION, "the training Job reported version \"v 7\", which is not a valid label value: at "
          + "most 63 letters, digits, '-', '_' and '.', beginning and ending with a letter or digit, such as v7 or "
          + "2026.07.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-v7", "v7-", "v7.", "v/7", "v\\u00e97", "v7\\n" })
    void versionsThatCannotBeLabels(String escapedVersion) {
      Parsed.Invalid<TrainingResult> invalid =
          invalidTraining("{\"uri\": \"s3://models/v7\", \"version\": \"" + escapedVersion + "\"}");

      assertThat(invalid.reason()).isEqualTo(RESULT_INVALID_VERSION);
      assertSafe(invalid);
    }

    @Test
    void aVersionOfSixtyThreeCharactersIsALabel() {
      String version = "v" + "7".repeat(62);

      assertThat(JobResults.training("{\"uri\": \"s3://models/v7\", \"version\": \"" + version + "\"}"))
          .isEqualTo(new Parsed.Ok<>(new TrainingResult("s3://models/v7", version)));
    }

    @Test
    void aVersionOfSixtyFourCharactersIsNot() {
      String version = "v" + "7".repeat(63);

      assertThat(invalidTraining("{\"uri\": \"s3://models/v7\", \"version\": \"" + version + "\"}").message())
          .startsWith("the training Job reported version \"v" + "7".repeat(59) + "\u2026\", which is not a valid "
              + "label value");
    }

    @Test
    void aVersionThatIsNotAString() {
      assertThat(invalidTraining("{\"uri\": \"s3://models/v7\", \"version\": 7}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_MALFORMED, "the training Job reported version as a number, not a string; it must be the version "
          + "of the new weights"));
    }
  }

  @Nested
  class Validation {

    @Test
    void minimal() {
      assertThat(JobResults.validation("{\"samples\": 12000}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 12000L, null)));
    }

    @Test
    void full() {
      assertThat(JobResults.validation("{\"precision\": 0.93, \"recall\": 0.84, \"f1\": 0.88, "
          + "\"attackSuccessRate\": 0.02, \"samples\": 12000}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(0.93, 0.84, 0.88, 12000L, 0.02)));
    }

    @Test
    void theBoundsOfZeroToOneAreIncluded() {
      assertThat(JobResults.validation("{\"precision\": 1, \"recall\": 0, \"f1\": 1.0, \"attackSuccessRate\": 0.0, "
          + "\"samples\": 1}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(1.0, 0.0, 1.0, 1L, 0.0)));
    }

    @Test
    void negativeZeroIsZero() {
      Parsed<ValidationResult> parsed = JobResults.validation("{\"precision\": -0.0, \"recall\": -0, \"samples\": 5}");

      assertThat(parsed).isEqualTo(new Parsed.Ok<>(new ValidationResult(0.0, 0.0, null, 5L, null)));
      ValidationResult result = ((Parsed.Ok<ValidationResult>) parsed).value();
      assertThat(Double.doubleToRawLongBits(result.precision())).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void aTinyNumberIsZero() {
      assertThat(JobResults.validation("{\"precision\": 1e-400, \"samples\": 5}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(0.0, null, null, 5L, null)));
    }

    @Test
    void wholeNumbersWrittenWithADecimalPointAreSamples() {
      assertThat(JobResults.validation("{\"samples\": 12000.0}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 12000L, null)));
      assertThat(JobResults.validation("{\"samples\": 1.2e4}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 12000L, null)));
    }

    @Test
    void nullMetricsAreNotReported() {
      assertThat(JobResults.validation("{\"precision\": null, \"samples\": 3}"))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 3L, null)));
    }

    @Test
    void theMetricsAsTheStatusRecordsThem() {
      assertThat(new ValidationResult(0.93, 0.84, 0.88, 12000L, 0.02).toRunMetrics())
          .isEqualTo(new io.cybershield.shield.api.v1alpha1.retrain.status.RunMetrics(0.93, 0.84, 0.88, 0.02,
              12000L));
    }

    @Test
    void precisionAboveOne() {
      assertThat(invalidValidation("{\"precision\": 1.7, \"samples\": 12000}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported precision 1.7, outside 0..1"));
    }

    @Test
    void aNegativeRecall() {
      assertThat(invalidValidation("{\"recall\": -0.01, \"samples\": 12000}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported recall -0.01, outside 0..1"));
    }

    @Test
    void anAttackSuccessRateAsAPercentage() {
      assertThat(invalidValidation("{\"attackSuccessRate\": 2, \"samples\": 12000}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported attackSuccessRate 2, outside 0..1"));
    }

    @Test
    void aHugeNumberIsOutOfRangeNotInfinite() {
      assertThat(invalidValidation("{\"f1\": 1e400, \"samples\": 12000}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported f1 1E+400, outside 0..1"));
    }

    @Test
    void aLongNumberIsShortenedInTheMessage() {
      Parsed.Invalid<ValidationResult> invalid =
          invalidValidation("{\"f1\": 1." + "1".repeat(500) + ", \"samples\": 12000}");

      assertThat(invalid.reason()).isEqualTo(RESULT_OUT_OF_RANGE);
      assertThat(invalid.message()).isEqualTo("the validation Job reported f1 1." + "1".repeat(58) + "\u2026, "
          + "outside 0..1");
    }

    @Test
    void aNumberWithAnEnormousExponent() {
      assertThat(invalidValidation("{\"precision\": 1e9999999999, \"samples\": 12000}")).isEqualTo(
          new Parsed.Invalid<>(RESULT_MALFORMED, "the validation Job's result has a number that cannot be read; "
              + "write exactly one JSON object, such as " + VALIDATION_EXAMPLE));
    }

    @Test
    void aMetricAsAString() {
      assertThat(invalidValidation("{\"precision\": \"0.9\", \"samples\": 12000}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_MALFORMED, "the validation Job reported precision as a string \"0.9\", not a number; write it as a "
          + "JSON number, such as 0.93"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "true", "[0.9]", "{\"value\": 0.9}" })
    void metricsOfOtherTypes(String value) {
      assertThat(invalidValidation("{\"recall\": " + value + ", \"samples\": 12000}").reason())
          .isEqualTo(RESULT_MALFORMED);
    }

    @Test
    void missingSamples() {
      assertThat(invalidValidation("{\"precision\": 0.93}")).isEqualTo(new Parsed.Invalid<>(RESULT_MALFORMED,
          "the validation Job did not report samples, how many held-out samples it measured the metrics on"));
    }

    @Test
    void fractionalSamples() {
      assertThat(invalidValidation("{\"samples\": 1.5}")).isEqualTo(new Parsed.Invalid<>(RESULT_MALFORMED,
          "the validation Job reported samples 1.5, which is not a whole number"));
    }

    @Test
    void samplesAsAString() {
      assertThat(invalidValidation("{\"samples\": \"12000\"}")).isEqualTo(new Parsed.Invalid<>(RESULT_MALFORMED,
          "the validation Job reported samples as a string \"12000\", not a number; write it as a JSON number, such "
              + "as 12000"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-3", "0.0", "-0" })
    void noSamples(String samples) {
      assertThat(invalidValidation("{\"samples\": " + samples + "}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported samples " + (samples.equals("-3") ? "-3" : "0")
          + "; it must be at least 1"));
    }

    @Test
    void moreSamplesThanALongHolds() {
      assertThat(invalidValidation("{\"samples\": 99999999999999999999}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported samples 99999999999999999999, more than "
          + "9223372036854775807"));
    }

    @Test
    void enormousSamplesAreRefusedWithoutExpandingThem() {
      assertThat(invalidValidation("{\"samples\": 1e999999999}")).isEqualTo(new Parsed.Invalid<>(
          RESULT_OUT_OF_RANGE, "the validation Job reported samples 1E+999999999, more than 9223372036854775807"));
    }

    @Test
    void theFirstProblemInFieldOrderIsReported() {
      assertThat(invalidValidation("{\"samples\": 0, \"recall\": 3, \"precision\": \"x\"}").message())
          .startsWith("the validation Job reported precision as a string");
    }
  }

  @Nested
  class Missing {

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "\n\t " })
    void blank(String message) {
      assertThat(invalidValidation(message)).isEqualTo(new Parsed.Invalid<>(RESULT_MISSING, "the validation Job "
          + "wrote no result: its container must write one JSON object, such as " + VALIDATION_EXAMPLE + ", to its "
          + "termination message (/dev/termination-log)"));
    }

    @Test
    void none() {
      assertThat(invalidTraining(null)).isEqualTo(new Parsed.Invalid<>(RESULT_MISSING, "the training Job wrote no "
          + "result: its container must write one JSON object, such as " + TRAINING_EXAMPLE + ", to its termination "
          + "message (/dev/termination-log)"));
    }
  }

  @Nested
  class TooLarge {

    @Test
    void fiveThousandBytes() {
      String message = "{\"samples\": 12000, \"log\": \"" + "x".repeat(5000 - 29) + "\"}";
      assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(5000);

      assertThat(invalidValidation(message)).isEqualTo(new Parsed.Invalid<>(RESULT_TOO_LARGE, "the validation Job's "
          + "result is 5000 bytes, more than the 4096 bytes Kubernetes keeps of a termination message; write only "
          + "the JSON object, such as " + VALIDATION_EXAMPLE));
    }

    @Test
    void exactlyTheLimitIsRead() {
      String message = "{\"samples\": 12000, \"log\": \"" + "x".repeat(4096 - 29) + "\"}";
      assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(JobResults.MAX_BYTES);

      assertThat(JobResults.validation(message))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 12000L, null)));
    }

    @Test
    void multibyteCharactersCountInBytesNotCharacters() {
      // 'é' is two bytes and '🛡' four in UTF-8: 29 + 2 * 2032 + 4 = 4097 bytes in 2065 characters
      String over = "{\"samples\": 12000, \"log\": \"" + "\u00e9".repeat(2032) + "\ud83d\udee1\"}";
      String at = "{\"samples\": 12000, \"log\": \"" + "\u00e9".repeat(2031) + "\ud83d\udee1\"}";
      assertThat(over.getBytes(StandardCharsets.UTF_8)).hasSize(4097);
      assertThat(at.getBytes(StandardCharsets.UTF_8)).hasSize(4095);

      assertThat(invalidValidation(over).reason()).isEqualTo(RESULT_TOO_LARGE);
      assertThat(invalidValidation(over).message()).startsWith("the validation Job's result is 4097 bytes");
      assertThat(JobResults.validation(at))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 12000L, null)));
    }
  }

  @Nested
  class Malformed {

    private static String malformed(String message) {
      Parsed.Invalid<ValidationResult> invalid = invalidValidation(message);
      assertThat(invalid.reason()).isEqualTo(RESULT_MALFORMED);
      assertSafe(invalid);
      return invalid.message();
    }

    @Test
    void truncated() {
      assertThat(malformed("{\"precision\": 0.93, \"samples\": 120")).isEqualTo("the validation Job's result ends "
          + "before its JSON is complete; write exactly one JSON object, such as " + VALIDATION_EXAMPLE);
    }

    @Test
    void truncatedAtTheLimitSaysWhy() {
      String message = "{\"samples\": 12000, \"log\": \"" + "x".repeat(4096 - 27);
      assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSize(JobResults.MAX_BYTES);

      assertThat(malformed(message)).isEqualTo("the validation Job's result ends before its JSON is complete "
          + "(Kubernetes keeps only the first 4096 bytes of a termination message); write exactly one JSON object, "
          + "such as " + VALIDATION_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{", "{\"precision", "{\"precision\":", "{\"precision\": 0.9," })
    void truncatedAnywhere(String message) {
      assertThat(malformed(message)).startsWith("the validation Job's result ends before its JSON is complete");
    }

    @Test
    void anArray() {
      assertThat(malformed("[{\"samples\": 12000}]")).isEqualTo("the validation Job's result is a JSON array, not "
          + "one JSON object; write exactly one JSON object, such as " + VALIDATION_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"done\"", "0.93", "true", "null" })
    void otherJsonValues(String message) {
      assertThat(malformed(message)).contains(", not one JSON object");
    }

    @Test
    void twoObjects() {
      assertThat(malformed("{\"samples\": 1} {\"samples\": 2}")).isEqualTo("the validation Job's result has more "
          + "after its JSON object, at line 1, column 16 (near \"es\\\": 1} {\\\"samples\\\": \u2026\"); write "
          + "exactly one JSON object, such as " + VALIDATION_EXAMPLE);
    }

    @Test
    void trailingGarbage() {
      assertThat(malformed("{\"samples\": 1}\nDone.")).isEqualTo("the validation Job's result is not valid JSON, at "
          + "line 2, column 1 (near \"es\\\": 1}\\nDone.\"); write exactly one JSON object, such as "
          + VALIDATION_EXAMPLE);
    }

    @Test
    void aDuplicateKey() {
      assertThat(malformed("{\"precision\": 0.95, \"samples\": 1, \"precision\": 0.5}")).isEqualTo("the validation "
          + "Job's result has the field \"precision\" twice; write exactly one JSON object, such as "
          + VALIDATION_EXAMPLE);
    }

    @Test
    void aDuplicateKeyInsideAnUnknownField() {
      assertThat(malformed("{\"samples\": 1, \"extra\": {\"a\": 1, \"a\": 2}}"))
          .startsWith("the validation Job's result has the field \"a\" twice");
    }

    @ParameterizedTest
    @ValueSource(strings = { "NaN", "Infinity", "-Infinity" })
    void nonNumbers(String value) {
      assertThat(malformed("{\"precision\": " + value + ", \"samples\": 1}")).isEqualTo("the validation Job's "
          + "result has NaN or Infinity for \"precision\", which JSON does not allow; write exactly one JSON object, "
          + "such as " + VALIDATION_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{'samples': 1}", "{samples: 1}", "{\"samples\": 1,}", "{\"samples\": 01}",
        "{\"samples\": +1}", "{\"samples\": .5}", "// result\n{\"samples\": 1}", "\ufeff{\"samples\": 1}",
        "precision=0.93 samples=12000" })
    void notJson(String message) {
      assertThat(malformed(message)).startsWith("the validation Job's result is not valid JSON, at line ");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
      String message = "{\"samples\": 1, \"x\": " + "[".repeat(2000) + "]".repeat(2000) + "}";

      assertThat(malformed(message)).isEqualTo("the validation Job's result nests arrays and objects deeper than 32 "
          + "levels; write exactly one JSON object, such as " + VALIDATION_EXAMPLE);
    }

    @Test
    void nestingUpToTheLimitIsRead() {
      // the result object is level 1, so 31 levels fit inside it
      String message = "{\"samples\": 1, \"x\": " + "[".repeat(31) + "]".repeat(31) + "}";

      assertThat(JobResults.validation(message))
          .isEqualTo(new Parsed.Ok<>(new ValidationResult(null, null, null, 1L, null)));
    }
  }

  @Nested
  class HostileInput {

    @Test
    void ansiEscapesAndNewlinesInAStringAreEscapedInTheMessage() {
      Parsed.Invalid<ValidationResult> invalid =
          invalidValidation("{\"precision\": \"\\u001b[2J\\u001b[31mPASSED\\nreason: GatePassed\", \"samples\": 1}");

      assertThat(invalid.message()).isEqualTo("the validation Job reported precision as a string "
          + "\"\\u001b[2J\\u001b[31mPASSED\\nreason: GatePassed\", not a number; write it as a JSON number, such as "
          + "0.93");
      assertSafe(invalid);
    }

    @Test
    void aRawNewlineInAStringIsNotJson() {
      String message = malformedMessage("{\"samples\": 1, \"log\": \"line one\nline two\"}");

      assertThat(message).startsWith("the validation Job's result is not valid JSON, at line 1, column ");
    }

    @Test
    void aLongHostileValueIsQuotedShort() {
      String value = "\\u001b[31m" + "A".repeat(3000);
      Parsed.Invalid<TrainingResult> invalid = invalidTraining("{\"uri\": \"s3://models/" + value + "\"}");

      assertThat(invalid.reason()).isEqualTo(RESULT_INVALID_URI);
      assertThat(invalid.message()).isEqualTo("the training Job reported uri \"s3://models/\\u001b[31m" + "A".repeat(43)
          + "\u2026\", which contains whitespace or control characters");
      assertSafe(invalid);
    }

    @Test
    void aDuplicateKeyWithControlCharactersIsEscaped() {
      Parsed.Invalid<ValidationResult> invalid =
          invalidValidation("{\"samples\": 1, \"\\u001b[31m\\n\": 1, \"\\u001b[31m\\n\": 2}");

      assertThat(invalid.message()).startsWith("the validation Job's result has the field \"\\u001b[31m\\n\" twice");
      assertSafe(invalid);
    }

    @Test
    void garbageIsQuotedShortAndEscaped() {
      String message = "\u001b[2J" + "\u202e".repeat(10) + "x".repeat(3000);
      Parsed.Invalid<ValidationResult> invalid = invalidValidation(message);

      assertThat(invalid.reason()).isEqualTo(RESULT_MALFORMED);
      assertThat(invalid.message()).isEqualTo("the validation Job's result is not valid JSON, at line 1, column 2 "
          + "(near \"\\u001b[2J" + "\\u202e".repeat(10) + "xxxxxx\u2026\"); write exactly one JSON object, such as "
          + VALIDATION_EXAMPLE);
      assertSafe(invalid);
    }

    @Test
    void bidirectionalOverridesInAVersionAreEscaped() {
      Parsed.Invalid<TrainingResult> invalid =
          invalidTraining("{\"uri\": \"s3://models/v7\", \"version\": \"v7\\u202egnp.exe\"}");

      assertThat(invalid.message()).startsWith("the training Job reported version \"v7\\u202egnp.exe\",");
      assertSafe(invalid);
    }

    private static String malformedMessage(String message) {
      Parsed.Invalid<ValidationResult> invalid = invalidValidation(message);
      assertThat(invalid.reason()).isEqualTo(RESULT_MALFORMED);
      assertSafe(invalid);
      return invalid.message();
    }
  }
}
