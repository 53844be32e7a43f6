/**
 * Secret and PII redaction: {@link io.cybershield.shield.gateway.guard.redact.Redactor}, pure and thread-safe, on
 * RE2/J patterns with check-digit validators.
 */
package io.cybershield.shield.gateway.guard.redact;
