/**
 * The audit log: one JSON line per request under {@code /v1/} — who called which API in which role, where it was
 * served, what the guards said, how it ended — and never a prompt, an answer or a secret.
 */
package io.cybershield.shield.gateway.audit;
