package io.cybershield.shield.sandbox.server;

import java.util.function.Consumer;

/**
 * The output of the containers the sandbox really runs (a DJL Serving stand-in, a gateway process), as the kubelet
 * keeps it for {@code GET /api/v1/namespaces/{ns}/pods/{pod}/log}. A container the sandbox only simulates printed
 * nothing: its log is empty.
 */
public interface ContainerLogs {

  /** No container prints anything. */
  ContainerLogs NONE = (namespace, pod, container, follow, onLine, onEnd) -> {
    onEnd.run();
    return () -> { };
  };

  /**
   * Reads a container's log: first every line kept so far (oldest first; the log keeps a bounded number of the
   * newest lines), then, when {@code follow} is set, each new line as the container prints it, until the container
   * ends ({@code onEnd} runs then) or the returned handle is closed. Without {@code follow}, {@code onEnd} runs
   * right after the lines kept so far. Callbacks run on the caller's or the container's threads and must not block.
   *
   * @param namespace the pod's namespace
   * @param pod       the pod's name
   * @param container the container's name
   * @param follow    whether to stay and pass on new lines
   * @param onLine    called once per line, without its line break
   * @param onEnd     called once, when no more lines will come
   * @return closing it stops following (no callback runs after it returned)
   */
  Subscription read(String namespace, String pod, String container, boolean follow, Consumer<String> onLine,
                    Runnable onEnd);

  /** A log being read. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
