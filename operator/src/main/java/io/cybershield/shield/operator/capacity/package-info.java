/**
 * GPU capacity awareness, as pure functions of the nodes and pods the operator observes: what each pool offers
 * ({@link io.cybershield.shield.operator.capacity.GpuCapacity}) and whether a ShieldModel's desired replicas fit on
 * it, node by node ({@link io.cybershield.shield.operator.capacity.CapacityPlan}).
 */
package io.cybershield.shield.operator.capacity;
