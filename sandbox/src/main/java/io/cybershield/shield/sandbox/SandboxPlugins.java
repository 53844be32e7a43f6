package io.cybershield.shield.sandbox;

import io.cybershield.shield.sandbox.server.SandboxStore;

/** Wires admission and field ownership into the store. */
final class SandboxPlugins {

  private SandboxPlugins() {
  }

  static void install(SandboxStore store) {
    store.setAdmission(new SchemaAdmission());
  }
}
