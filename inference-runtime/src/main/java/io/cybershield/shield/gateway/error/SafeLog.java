package io.cybershield.shield.gateway.error;

/**
 * A failure described for the log without any message text: exception messages (Jackson's, for one) quote the
 * input they could not read, and inputs may hold secrets. The classes and the frames where they were thrown are
 * enough to find the bug.
 */
public final class SafeLog {

  private static final int FRAMES = 8;

  private SafeLog() {
  }

  public static String describe(Throwable failure) {
    StringBuilder out = new StringBuilder();
    Throwable current = failure;
    int depth = 0;
    while (current != null && depth < 5) {
      if (depth > 0) {
        out.append("\n  caused by ");
      }
      out.append(current.getClass().getName());
      StackTraceElement[] frames = current.getStackTrace();
      for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
        out.append("\n    at ").append(frames[i]);
      }
      if (frames.length > FRAMES) {
        out.append("\n    ... ").append(frames.length - FRAMES).append(" more");
      }
      current = current.getCause() == current ? null : current.getCause();
      depth++;
    }
    return out.toString();
  }
}
