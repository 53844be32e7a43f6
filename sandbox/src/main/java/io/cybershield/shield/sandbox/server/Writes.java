package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The store's write primitives, for the parts of the server that write on their own account: the garbage
 * collector and the CRD and namespace lifecycles. Each write runs the same hooks as a client's write.
 */
interface Writes {

  /** A stored object as a client reads it (a copy), with the type it was written through; {@code null} if none. */
  ObjectStore.Stored read(ObjectStore.Key key);

  /** Stores an object with the next resourceVersion and tells watchers. */
  ObjectNode store(ResourceType type, ObjectNode object);

  /** Removes an object at once (watchers see {@code lastState}), then what goes with it: contents, dependents. */
  void remove(ResourceType type, ObjectNode lastState);
}
