package io.cybershield.shield.operator.retrain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.cybershield.shield.api.v1alpha1.common.ApiValidation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the result a training or validation Job reports: the single JSON object its container writes to its
 * termination message ({@code /dev/termination-log}), which the operator finds in the Pod's
 * {@code status.containerStatuses[].state.terminated.message}.
 * <p>
 * The JSON is read strictly: exactly one object with nothing after it, no field twice, no {@code NaN} or
 * {@code Infinity}, numbers as JSON numbers (not strings), at most {@value #MAX_NESTING_DEPTH} levels deep.
 * Fields the operator does not know are ignored, so a Job may report more. A result that fails any check is
 * {@link Parsed.Invalid} with a reason and a message for the Job's author that quotes at most a short, escaped
 * excerpt of what the Job wrote, since the message ends up in a status and in Events.
 */
public final class JobResults {

  /** Longest termination message, in UTF-8 bytes: what Kubernetes keeps of one. */
  public static final int MAX_BYTES = 4096;

  /** Deepest nesting of arrays and objects read, so that no message can exhaust the stack. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** The Job wrote no termination message, or only whitespace. */
  public static final String RESULT_MISSING = "ResultMissing";

  /** The termination message is longer than {@link #MAX_BYTES}. */
  public static final String RESULT_TOO_LARGE = "ResultTooLarge";

  /**
   * The termination message is not one JSON object, repeats a field, has a value of the wrong type or lacks a
   * required field.
   */
  public static final String RESULT_MALFORMED = "ResultMalformed";

  /** A number is outside what it measures: a metric outside 0..1, or fewer than one sample. */
  public static final String RESULT_OUT_OF_RANGE = "ResultOutOfRange";

  /** The training Job's {@code uri} is not a storage location the operator can serve from. */
  public static final String RESULT_INVALID_URI = "ResultInvalidUri";

  /** The training Job's {@code version} cannot be a label value. */
  public static final String RESULT_INVALID_VERSION = "ResultInvalidVersion";

  /** Longest label value, which a version becomes. */
  private static final int MAX_VERSION_LENGTH = 63;

  /** Characters of a message shown around the place where its JSON breaks, and how many of them before it. */
  private static final int EXCERPT_CHARACTERS = 20;
  private static final int EXCERPT_LEAD = 8;

  private static final Pattern STORAGE_URI = Pattern.compile(ApiValidation.STORAGE_URI);
  private static final Pattern VERSION = Pattern.compile(ApiValidation.VERSION);

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      // exact decimals, so that 1e400 is out of range rather than Infinity
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private JobResults() {
  }

  /**
   * The training Job's result, such as {@code {"uri": "s3://models/detector/v7", "version": "v7"}}: {@code uri}
   * (required) where it wrote the new weights, and {@code version} (optional) a label value for them.
   *
   * @param message the termination message; null when the container wrote none
   */
  public static Parsed<TrainingResult> training(String message) {
    return parse("training", message, "{\"uri\": \"s3://models/detector/v7\", \"version\": \"v7\"}",
        fields -> new TrainingResult(uri(fields), version(fields)));
  }

  /**
   * The validation Job's result, such as
   * {@code {"precision": 0.93, "recall": 0.84, "f1": 0.88, "attackSuccessRate": 0.02, "samples": 12000}}:
   * {@code samples} (required) a positive integer, and each metric (optional here, see {@link ValidationResult}) a
   * JSON number from 0 to 1.
   *
   * @param message the termination message; null when the container wrote none
   */
  public static Parsed<ValidationResult> validation(String message) {
    return parse("validation", message, "{\"precision\": 0.93, \"samples\": 12000}",
        fields -> new ValidationResult(
            fraction(fields, "precision"),
            fraction(fields, "recall"),
            fraction(fields, "f1"),
            samples(fields),
            fraction(fields, "attackSuccessRate")));
  }

  private static <T> Parsed<T> parse(String job, String message, String example, Function<Fields, T> read) {
    if (message == null || message.isBlank()) {
      return new Parsed.Invalid<>(RESULT_MISSING, "the " + job + " Job wrote no result: its container must write "
          + "one JSON object, such as " + example + ", to its termination message (/dev/termination-log)");
    }
    int bytes = utf8Length(message);
    if (bytes > MAX_BYTES) {
      return new Parsed.Invalid<>(RESULT_TOO_LARGE, "the " + job + " Job's result is " + bytes + " bytes, more than "
          + "the " + MAX_BYTES + " bytes Kubernetes keeps of a termination message; write only the JSON object, "
          + "such as " + example);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(message);
    } catch (JsonProcessingException | RuntimeException e) {
      return new Parsed.Invalid<>(RESULT_MALFORMED, "the " + job + " Job's result " + unreadable(e, message, bytes)
          + "; write exactly one JSON object, such as " + example);
    }
    if (!tree.isObject()) {
      return new Parsed.Invalid<>(RESULT_MALFORMED, "the " + job + " Job's result is " + kind(tree)
          + ", not one JSON object; write exactly one JSON object, such as " + example);
    }
    try {
      return new Parsed.Ok<>(read.apply(new Fields(job, tree)));
    } catch (InvalidField e) {
      return new Parsed.Invalid<>(e.reason, e.getMessage());
    }
  }

  private static String uri(Fields fields) {
    String uri = fields.text("uri", "where it wrote the new weights");
    if (uri == null) {
      throw fields.malformed("did not report uri, where it wrote the new weights");
    }
    String job = "the " + fields.job + " Job";
    if (uri.isEmpty()) {
      throw new InvalidField(RESULT_INVALID_URI, job + " reported an empty uri; it must be where it wrote the new "
          + "weights, s3://<bucket>/<key>, pvc://<claim>/<path>, hf://<organisation>/<model> or oci://<reference>");
    }
    if (uri.codePoints().anyMatch(JobResults::invisible)) {
      throw new InvalidField(RESULT_INVALID_URI, job + " reported uri " + Quoted.of(uri) + ", which contains "
          + "whitespace or control characters");
    }
    int length = uri.codePointCount(0, uri.length());
    if (length > ApiValidation.MAX_URI_LENGTH) {
      throw new InvalidField(RESULT_INVALID_URI, job + " reported a uri of " + length + " characters, more than "
          + ApiValidation.MAX_URI_LENGTH);
    }
    if (!STORAGE_URI.matcher(uri).matches()) {
      throw new InvalidField(RESULT_INVALID_URI, job + " reported uri " + Quoted.of(uri) + ", which is not a "
          + "storage location: it " + ApiValidation.STORAGE_URI_MESSAGE);
    }
    return uri;
  }

  private static String version(Fields fields) {
    String version = fields.text("version", "the version of the new weights");
    if (version == null) {
      return null;
    }
    if (version.length() > MAX_VERSION_LENGTH || !VERSION.matcher(version).matches()) {
      throw new InvalidField(RESULT_INVALID_VERSION, "the " + fields.job + " Job reported version "
          + Quoted.of(version) + ", which is not a valid label value: at most " + MAX_VERSION_LENGTH + " letters, "
          + "digits, '-', '_' and '.', beginning and ending with a letter or digit, such as v7 or 2026.07.1");
    }
    return version;
  }

  private static Double fraction(Fields fields, String field) {
    BigDecimal value = fields.number(field);
    if (value == null) {
      return null;
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidField(RESULT_OUT_OF_RANGE, "the " + fields.job + " Job reported " + field + " "
          + number(value) + ", outside 0..1");
    }
    return value.doubleValue();
  }

  private static Long samples(Fields fields) {
    BigDecimal value = fields.number("samples");
    if (value == null) {
      throw fields.malformed("did not report samples, how many held-out samples it measured the metrics on");
    }
    // 12000.0 and 1.2e4 are whole numbers too, as some JSON encoders write them
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw fields.malformed("reported samples " + number(value) + ", which is not a whole number");
    }
    if (value.signum() <= 0) {
      throw new InvalidField(RESULT_OUT_OF_RANGE, "the " + fields.job + " Job reported samples " + number(value)
          + "; it must be at least 1");
    }
    if (value.compareTo(LONG_MAX) > 0) {
      throw new InvalidField(RESULT_OUT_OF_RANGE, "the " + fields.job + " Job reported samples " + number(value)
          + ", more than " + Long.MAX_VALUE);
    }
    return value.longValueExact();
  }

  /** Why {@code message} could not be read as JSON, as the end of a sentence about it. */
  private static String unreadable(Exception e, String message, int bytes) {
    if (e instanceof JsonEOFException || atTheEnd(e, message)) {
      return "ends before its JSON is complete" + (bytes >= MAX_BYTES - 3
          ? " (Kubernetes keeps only the first " + MAX_BYTES + " bytes of a termination message)" : "");
    }
    if (e instanceof StreamConstraintsException constraint) {
      String detail = String.valueOf(constraint.getOriginalMessage());
      return detail.contains("nesting depth") ? "nests arrays and objects deeper than " + MAX_NESTING_DEPTH
          + " levels" : "has a value longer than the parser allows";
    }
    if (!(e instanceof JsonProcessingException json)) {
      return "has a number that cannot be read";
    }
    String detail = String.valueOf(json.getOriginalMessage());
    String field = currentName(json);
    if (detail.startsWith("Duplicate field") && field != null) {
      return "has the field " + Quoted.of(field) + " twice";
    }
    String at = at(json.getLocation(), message);
    if (detail.startsWith("Trailing token")) {
      return "has more after its JSON object" + at;
    }
    if (detail.startsWith("Non-standard token") && json instanceof JsonParseException) {
      return "has NaN or Infinity" + (field == null ? "" : " for " + Quoted.of(field)) + ", which JSON does not "
          + "allow";
    }
    return "is not valid JSON" + at;
  }

  /** Whether the parser failed at the end of {@code message}, which then stops short of a complete object. */
  private static boolean atTheEnd(Exception e, String message) {
    return e instanceof JsonParseException json && json.getLocation() != null
        && json.getLocation().getCharOffset() >= message.stripTrailing().length();
  }

  /** The field the parser was at when it failed; null when none or unknown. */
  private static String currentName(JsonProcessingException e) {
    try {
      return e.getProcessor() instanceof JsonParser parser ? parser.currentName() : null;
    } catch (IOException | RuntimeException unknown) {
      return null;
    }
  }

  /**
   * Where in {@code message} the JSON broke, with an escaped excerpt from a little before that place (the parser
   * points just after the character it could not read); empty when unknown.
   */
  private static String at(JsonLocation location, String message) {
    if (location == null || location.getCharOffset() < 0 || location.getCharOffset() > message.length()) {
      return "";
    }
    int start = Math.max(0, (int) location.getCharOffset() - EXCERPT_LEAD);
    if (start > 0 && Character.isLowSurrogate(message.charAt(start))) {
      start--;
    }
    return ", at line " + location.getLineNr() + ", column " + location.getColumnNr() + " (near "
        + Quoted.of(message.substring(start), EXCERPT_CHARACTERS) + ")";
  }

  /** What kind of JSON value {@code node} is, with an article. */
  private static String kind(JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return switch (type) {
      case ARRAY -> "a JSON array";
      case OBJECT -> "a JSON object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "not JSON";
    };
  }

  /** A number as the Job wrote it, shortened. */
  private static String number(BigDecimal value) {
    return Quoted.escaped(value.toString(), Quoted.MAX_CHARACTERS);
  }

  /** Whitespace, control and invisible formatting characters, which have no place in a location. */
  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)
        || Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.SURROGATE;
  }

  /** UTF-8 length without encoding; an unpaired surrogate counts as the three bytes of a replacement character. */
  private static int utf8Length(String text) {
    int bytes = 0;
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && at + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(at + 1))) {
        bytes += 4;
        at++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** The fields of a Job's JSON object, read with messages that name the Job and the field. */
  private record Fields(String job, JsonNode tree) {

    /** A string field; null when absent or JSON null. */
    String text(String field, String meaning) {
      JsonNode node = tree.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        throw malformed("reported " + field + " as " + kind(node) + ", not a string; it must be " + meaning);
      }
      return node.textValue();
    }

    /** A number field, exactly as written; null when absent or JSON null. */
    BigDecimal number(String field) {
      JsonNode node = tree.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isNumber()) {
        String written = node.isTextual() ? " " + Quoted.of(node.textValue()) : "";
        throw malformed("reported " + field + " as " + kind(node) + written + ", not a number; write it as a "
            + "JSON number, such as " + ("samples".equals(field) ? "12000" : "0.93"));
      }
      return node.decimalValue();
    }

    InvalidField malformed(String what) {
      return new InvalidField(RESULT_MALFORMED, "the " + job + " Job " + what);
    }
  }

  /** A field that fails a check; carries the reason and the whole message. */
  private static final class InvalidField extends RuntimeException {

    private final String reason;

    InvalidField(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
