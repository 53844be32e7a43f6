/**
 * The checks on a model's answer before it is returned: {@link io.cybershield.shield.gateway.guard.output.OutputGuard}
 * redacts secrets (with the redactor of {@code guard.redact}) and verbatim copies of the system prompt, on whole
 * answers and on streams in a bounded window, and fails closed. Pure and thread-safe; the endpoints wire it in.
 */
package io.cybershield.shield.gateway.guard.output;
