/** The ShieldRetrain custom resource: scheduled fine-tuning with a quality gate. */
package io.cybershield.shield.api.v1alpha1.retrain;
