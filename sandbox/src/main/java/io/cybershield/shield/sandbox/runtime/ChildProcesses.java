package io.cybershield.shield.sandbox.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes the sandbox started and that still run, and a JVM shutdown hook that kills them (and their
 * descendants), so that no gateway outlives a sandbox that was interrupted or killed with SIGTERM.
 */
final class ChildProcesses {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "sandbox-child-processes"));
  }

  private ChildProcesses() {
  }

  static void register(Process process) {
    RUNNING.add(process);
  }

  static void unregister(Process process) {
    RUNNING.remove(process);
  }

  private static void killAll() {
    for (Process p : RUNNING) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
