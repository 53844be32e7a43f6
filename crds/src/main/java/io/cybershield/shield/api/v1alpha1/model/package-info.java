/** The ShieldModel custom resource: a served model. */
package io.cybershield.shield.api.v1alpha1.model;
