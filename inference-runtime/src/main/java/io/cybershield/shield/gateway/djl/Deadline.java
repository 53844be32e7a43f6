package io.cybershield.shield.gateway.djl;

import java.time.Duration;

/**
 * The moment by which a whole gateway request must be answered, on the monotonic clock. The caller makes one when
 * the request arrives and hands the same deadline to every upstream call made for it (retries and, later, another
 * pod), so the budget is spent once, not once per attempt.
 */
public final class Deadline {

  private final long deadlineNanos;
  private final Duration budget;

  private Deadline(long deadlineNanos, Duration budget) {
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
  }

  public static Deadline in(Duration budget) {
    if (budget.isNegative()) {
      throw new IllegalArgumentException("a deadline cannot lie in the past: " + budget);
    }
    long now = System.nanoTime();
    long nanos;
    try {
      nanos = Math.addExact(now, budget.toNanos());
    } catch (ArithmeticException tooFar) {
      nanos = Long.MAX_VALUE;
    }
    return new Deadline(nanos, budget);
  }

  /** The time left, never negative. */
  public Duration remaining() {
    long left = deadlineNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  public boolean expired() {
    return deadlineNanos - System.nanoTime() <= 0;
  }

  /** The budget the deadline was made with, for messages. */
  public Duration budget() {
    return budget;
  }

  @Override
  public String toString() {
    return "Deadline[budget=" + budget + ", remaining=" + remaining() + "]";
  }
}
