package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Server-side apply and {@code metadata.managedFields} bookkeeping. */
public interface FieldOwnership {

  /**
   * Applies a server-side apply configuration.
   *
   * @param live the stored object, {@code null} when the apply creates it
   * @return the merged object with its managedFields; throws an {@link ApiException} (409) on conflicts
   */
  ObjectNode apply(ResourceType type, ObjectNode live, ObjectNode applied, String manager, boolean force,
      boolean statusWrite);

  /** Records a non-apply write: the manager owns what it changed. */
  ObjectNode update(ResourceType type, ObjectNode live, ObjectNode updated, String manager, boolean statusWrite);
}
