package io.cybershield.shield.sandbox.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Container output a test writes: lines kept per container, passed on to followers as they are printed, and an end
 * when the container exits. Counts the followers still attached, so a test can see a reader that left.
 */
final class FakeContainerLogs implements ContainerLogs {

  private final Map<String, Log> logs = new ConcurrentHashMap<>();

  /** The container's log, by namespace, pod and container. */
  Log log(String namespace, String pod, String container) {
    return logs.computeIfAbsent(namespace + "/" + pod + "/" + container, k -> new Log());
  }

  @Override
  public Subscription read(String namespace, String pod, String container, boolean follow, Consumer<String> onLine,
      Runnable onEnd) {
    Log log = log(namespace, pod, container);
    Follower follower = new Follower(onLine, onEnd);
    synchronized (log) {
      log.lines.forEach(onLine);
      if (!follow || log.exited) {
        onEnd.run();
        return () -> { };
      }
      log.followers.add(follower);
    }
    return () -> {
      synchronized (log) {
        log.followers.remove(follower);
      }
    };
  }

  private record Follower(Consumer<String> onLine, Runnable onEnd) {
  }

  /** One container's output. */
  static final class Log {
    private final List<String> lines = new ArrayList<>();
    private final List<Follower> followers = new ArrayList<>();
    private boolean exited;

    synchronized Log print(String... printed) {
      for (String line : printed) {
        lines.add(line);
        followers.forEach(f -> f.onLine().accept(line));
      }
      return this;
    }

    synchronized void exit() {
      exited = true;
      List<Follower> ending = new ArrayList<>(followers);
      followers.clear();
      ending.forEach(f -> f.onEnd().run());
    }

    synchronized int followers() {
      return followers.size();
    }
  }
}
