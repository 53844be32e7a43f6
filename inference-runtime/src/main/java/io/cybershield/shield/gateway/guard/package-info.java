/**
 * The gateway's guards: {@code redact} finds secrets and personal data in a text ({@code POST /v1/guard/redact}).
 */
package io.cybershield.shield.gateway.guard;
