package io.cybershield.shield.gateway.guard.redact;

/**
 * One secret or personal datum found in a text: its type (snake_case, e.g. {@code aws_access_key_id}) and where it
 * is in the original text, {@code start} inclusive, {@code end} exclusive, in UTF-16 code units as Java counts them.
 */
public record Finding(String type, int start, int end) {
}
