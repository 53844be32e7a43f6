/**
 * Status of a ShieldModel as pure functions: {@link io.cybershield.shield.operator.status.ShieldModelStatusAggregator}
 * derives a new status from the model, what is observed in the cluster and the previous status;
 * {@link io.cybershield.shield.operator.status.Conditions} keeps each condition's lastTransitionTime stable across
 * reconciles and operator restarts; {@link io.cybershield.shield.operator.status.StatusDiff} tells whether a new
 * status is worth a patch.
 */
package io.cybershield.shield.operator.status;
