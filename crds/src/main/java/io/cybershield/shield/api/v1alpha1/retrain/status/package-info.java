/** The parts of a ShieldRetrain's status. */
package io.cybershield.shield.api.v1alpha1.retrain.status;
