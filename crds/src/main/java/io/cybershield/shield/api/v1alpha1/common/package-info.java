/**
 * Types shared by the Shield custom resources: conditions, GPU requests, references and the closed value sets
 * (priorities, severities, data classifications, pools).
 */
package io.cybershield.shield.api.v1alpha1.common;
