/** The parts of a ShieldRetrain's spec. */
package io.cybershield.shield.api.v1alpha1.retrain.spec;
