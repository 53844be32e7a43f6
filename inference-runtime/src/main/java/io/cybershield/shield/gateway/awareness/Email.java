package io.cybershield.shield.gateway.awareness;

import java.util.Objects;

/**
 * The email an employee asks about.
 *
 * @param from    the From header's value: {@code Display Name <address>} or an address
 * @param subject the subject
 * @param body    the body, plain text or HTML
 * @param headers the other headers, if the mail client sent them; {@link MailHeaders#none()} otherwise
 */
public record Email(String from, String subject, String body, MailHeaders headers) {

  public Email {
    from = Objects.requireNonNullElse(from, "");
    subject = Objects.requireNonNullElse(subject, "");
    body = Objects.requireNonNullElse(body, "");
    headers = Objects.requireNonNullElse(headers, MailHeaders.none());
  }
}
