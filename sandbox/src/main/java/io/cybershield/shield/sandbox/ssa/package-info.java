/**
 * Server-side apply and {@code metadata.managedFields} for the sandbox API server: a pure library over Jackson
 * {@code ObjectNode}s, with no HTTP and no storage.
 *
 * <p>{@link io.cybershield.shield.sandbox.ssa.FieldManager} is the entry point: {@code apply} for
 * {@code PATCH application/apply-patch+yaml}, {@code update} for every other write. Both take the stored object and
 * return the object to store, with managedFields rewritten as the apiserver writes them (FieldsV1, entries sorted
 * Apply first, then by time, manager, apiVersion and subresource). Conflicts surface as
 * {@link io.cybershield.shield.sandbox.ssa.ApplyConflictException}, whose {@code status()} is the 409 body.
 *
 * <p>The semantics are those of structured-merge-diff as the apiserver uses it, written from its documented
 * behaviour: an applier owns what its configuration sets; fields it stops setting are deleted unless someone else
 * still owns them; changing a field another manager owns is a conflict unless forced, setting it to its current
 * value shares it; non-apply writes always take what they change. {@link io.cybershield.shield.sandbox.ssa.ListTypes}
 * supplies the list and map types (atomic, set, map with keys) that decide how lists merge and are owned.
 */
package io.cybershield.shield.sandbox.ssa;
