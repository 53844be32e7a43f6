/** The Shield operator: one reconciler per kind, with pure desired-state builders under {@code model}. */
package io.cybershield.shield.operator;
