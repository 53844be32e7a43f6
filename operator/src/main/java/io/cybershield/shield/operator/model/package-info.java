/**
 * Desired state of what the operator makes for a ShieldModel, as pure functions: a ShieldModel (and plain inputs
 * such as the private-cloud replica floors) in, new fabric8 objects out. Nothing here reads the cluster, keeps state
 * or sets owner references (the dependent resources add them); every name comes from
 * {@link io.cybershield.shield.api.ShieldNames}.
 */
package io.cybershield.shield.operator.model;
