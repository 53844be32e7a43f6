package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.sandbox.server.ContainerLogs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One container's log as the kubelet keeps it: the newest {@code capacity} lines, and the readers that follow it.
 * A line is passed to the followers while the log's lock is held, so every follower sees the kept lines and then
 * each new line exactly once, in order, and no callback runs after {@link ContainerLogs.Subscription#close()}
 * returned; followers must not block (the {@link ContainerLogs} contract).
 */
final class ContainerLog {

  /** Lines a container's log keeps, as a bounded stand-in for the kubelet's log rotation. */
  static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final java.io.Writer archive;
  private final Deque<String> lines = new ArrayDeque<>();
  private final List<Follower> followers = new ArrayList<>();
  private boolean ended;

  ContainerLog(int capacity) {
    this(capacity, null);
  }

  /**
   * A log that also keeps every line in {@code archive} (appended, flushed per line), for a test run's record of
   * what the pods printed (the suite's log scan reads it); null keeps the lines in memory only.
   */
  ContainerLog(int capacity, java.nio.file.Path archive) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    java.io.Writer writer = null;
    if (archive != null) {
      try {
        java.nio.file.Files.createDirectories(archive.getParent());
        writer = java.nio.file.Files.newBufferedWriter(archive, java.nio.charset.StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        writer = null;
      }
    }
    this.archive = writer;
  }

  /** Appends a line (without its line break); ignored once the log has ended. */
  synchronized void append(String line) {
    if (ended) {
      return;
    }
    lines.addLast(line);
    if (archive != null) {
      try {
        archive.write(line);
        archive.write('\n');
        archive.flush();
      } catch (java.io.IOException e) {
        // the archive is a record for tests; the log itself goes on
      }
    }
    while (lines.size() > capacity) {
      lines.removeFirst();
    }
    for (Follower f : List.copyOf(followers)) {
      f.line(line);
    }
  }

  /** No more lines will come: the container's workload ended, or its pod is gone. Idempotent. */
  synchronized void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (archive != null) {
      try {
        archive.close();
      } catch (java.io.IOException e) {
        // nothing more is written to it
      }
    }
    List<Follower> all = List.copyOf(followers);
    followers.clear();
    all.forEach(Follower::end);
  }

  synchronized boolean ended() {
    return ended;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Reads the log as {@link ContainerLogs#read} describes. */
  synchronized ContainerLogs.Subscription read(boolean follow, Consumer<String> onLine, Runnable onEnd) {
    Follower follower = new Follower(onLine, onEnd);
    for (String line : lines) {
      follower.line(line);
    }
    if (!follow || ended) {
      follower.end();
      return () -> { };
    }
    followers.add(follower);
    return () -> {
      synchronized (ContainerLog.this) {
        followers.remove(follower);
      }
    };
  }

  /** A reader whose failing callback drops it, never the container's writer. */
  private final class Follower {
    private final Consumer<String> onLine;
    private final Runnable onEnd;

    Follower(Consumer<String> onLine, Runnable onEnd) {
      this.onLine = onLine;
      this.onEnd = onEnd;
    }

    void line(String line) {
      try {
        onLine.accept(line);
      } catch (RuntimeException e) {
        followers.remove(this);
      }
    }

    void end() {
      try {
        onEnd.run();
      } catch (RuntimeException e) {
        // the reader is gone
      }
    }
  }
}
