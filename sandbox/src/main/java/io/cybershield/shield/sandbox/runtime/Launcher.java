package io.cybershield.shield.sandbox.runtime;

/**
 * Runs the containers of one kind of image for real. {@link RuntimeConfig} holds the launchers; the first that
 * {@linkplain #handles(String) handles} a container's image runs it, and a container no launcher handles is only
 * simulated.
 */
public interface Launcher {

  /** Whether this launcher is for {@code image} (a reference such as {@code repo/name:tag}). */
  boolean handles(String image);

  /**
   * Why this launcher cannot run anything on this machine (a missing jar, with the command that builds it), or
   * {@code null} when it can. A container it cannot run stays simulated.
   */
  default String unavailable() {
    return null;
  }

  /**
   * Starts the container's workload, bound to the context's pod IP; returns once it is started (not necessarily
   * serving yet: readiness is probed).
   *
   * @throws RuntimeException when it cannot start; the runtime logs it into the container's log
   */
  Workload start(WorkloadContext context);

  /**
   * The repository of an image reference, without tag and digest: {@code ghcr.io/a/b:1.0@sha256:..} →
   * {@code ghcr.io/a/b}; {@code localhost:5000/b} keeps its registry's port.
   */
  static String repository(String image) {
    if (image == null) {
      return "";
    }
    String repo = image;
    int at = repo.indexOf('@');
    if (at >= 0) {
      repo = repo.substring(0, at);
    }
    int slash = repo.lastIndexOf('/');
    int colon = repo.lastIndexOf(':');
    if (colon > slash) {
      repo = repo.substring(0, colon);
    }
    return repo;
  }
}
