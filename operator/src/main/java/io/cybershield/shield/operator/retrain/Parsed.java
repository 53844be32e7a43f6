package io.cybershield.shield.operator.retrain;

/**
 * What a Job reported: either a result the operator can act on, or why not.
 *
 * @param <T> the kind of result
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

  /**
   * A result that passed every check.
   *
   * @param value the result
   * @param <T>   the kind of result
   */
  record Ok<T>(T value) implements Parsed<T> {
  }

  /**
   * A result the operator cannot act on.
   *
   * @param reason  a CamelCase reason for a condition or an Event, one of the {@code RESULT_*} constants of
   *                {@link JobResults}
   * @param message what is wrong and what the Job's author should change, for a person; quotes at most a short,
   *                escaped excerpt of what the Job wrote
   * @param <T>     the kind of result that was expected
   */
  record Invalid<T>(String reason, String message) implements Parsed<T> {
  }
}
