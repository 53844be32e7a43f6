/** The parts of a ShieldModel's status. */
package io.cybershield.shield.api.v1alpha1.model.status;
