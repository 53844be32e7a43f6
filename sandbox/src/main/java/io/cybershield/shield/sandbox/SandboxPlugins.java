package io.cybershield.shield.sandbox;

import io.cybershield.shield.sandbox.server.SandboxStore;

import java.time.Clock;

/** Wires admission and field ownership into the store. */
final class SandboxPlugins {

  private SandboxPlugins() {
  }

  static void install(SandboxStore store, Clock clock) {
    store.setAdmission(new SchemaAdmission());
    store.setFieldOwnership(new ServerSideApply(clock));
  }
}
