package io.cybershield.shield.sandbox;

import io.cybershield.shield.sandbox.server.SandboxStore;

/** Wires admission and field ownership into the store. */
final class SandboxPlugins {

  private SandboxPlugins() {
  }

  static void install(SandboxStore store) {
    // admission (schema + CEL) and server-side apply are installed here once they are built
  }
}
