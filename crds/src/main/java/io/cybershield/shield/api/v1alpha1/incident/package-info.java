/** The ShieldIncident custom resource: a security incident that needs capacity now. */
package io.cybershield.shield.api.v1alpha1.incident;
