package io.cybershield.shield.sandbox.runtime;

import java.util.OptionalLong;

/** What runs for one container of a pod: a DJL Serving stand-in, or a process. */
public interface Workload {

  /**
   * Stops it and waits until it has: a stand-in is closed (its port refuses connections when this returns), a
   * process gets SIGTERM, then SIGKILL after a short grace. Idempotent.
   */
  void stop();

  /** Runs {@code callback} once the workload has ended, by itself or through {@link #stop()} (at once if it has). */
  void onEnd(Runnable callback);

  /** The operating-system process id, when the workload is a process of its own. */
  default OptionalLong pid() {
    return OptionalLong.empty();
  }
}
