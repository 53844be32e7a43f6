package io.cybershield.shield.gateway.djl;

/**
 * The caller's "never mind" for one call, passed to each of its attempts: the attempt running when the caller
 * cancels is stopped (its connection closed), and no attempt starts after.
 */
final class Cancellation {

  private Runnable current;
  private boolean cancelled;

  /** Registers the running attempt's stop; false when the call is already cancelled. */
  synchronized boolean attach(Runnable stop) {
    if (cancelled) {
      return false;
    }
    current = stop;
    return true;
  }

  synchronized boolean cancelled() {
    return cancelled;
  }

  /** Cancels the call; returns the stop of the attempt running, to run on its context. */
  synchronized Runnable cancel() {
    cancelled = true;
    Runnable stop = current;
    current = null;
    return stop;
  }
}
