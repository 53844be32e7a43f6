/** The parts of a ShieldModel's spec. */
package io.cybershield.shield.api.v1alpha1.model.spec;
