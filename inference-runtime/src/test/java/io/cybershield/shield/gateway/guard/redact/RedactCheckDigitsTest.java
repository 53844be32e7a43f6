package io.cybershield.shield.gateway.guard.redact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-digit rules on numbers computed by hand: each valid one and the same number with a digit changed. */
class RedactCheckDigitsTest {

  @Test
  void luhnAndCards() {
    assertThat(CheckDigits.card("4111111111111111")).isTrue();
    assertThat(CheckDigits.card("4111111111111112")).isFalse();
    assertThat(CheckDigits.card("378282246310005")).isTrue();
    assertThat(CheckDigits.card("9111111111111111")).as("no issuer starts with 9").isFalse();
  }

  @Test
  void ibanMod97() {
    assertThat(CheckDigits.iban("DE89370400440532013000")).isTrue();
    assertThat(CheckDigits.iban("DE89370400440532013001")).isFalse();
    assertThat(CheckDigits.iban("GB82WEST12345698765432")).isTrue();
    assertThat(CheckDigits.iban("GB83WEST12345698765432")).isFalse();
  }

  @Test
  void usSsn() {
    assertThat(CheckDigits.usSsn("536228761")).isTrue();
    assertThat(CheckDigits.usSsn("000228761")).isFalse();
    assertThat(CheckDigits.usSsn("666228761")).isFalse();
    assertThat(CheckDigits.usSsn("936228761")).isFalse();
    assertThat(CheckDigits.usSsn("536008761")).isFalse();
    assertThat(CheckDigits.usSsn("536220000")).isFalse();
  }

  @Test
  void nationalIds() {
    assertThat(CheckDigits.esDni("12345678Z")).isTrue();
    assertThat(CheckDigits.esDni("12345678A")).isFalse();
    assertThat(CheckDigits.esDni("X1234567L")).isTrue();
    assertThat(CheckDigits.nlBsn("111222333")).isTrue();
    assertThat(CheckDigits.nlBsn("111222334")).isFalse();
    assertThat(CheckDigits.frNir("269054958815780")).isTrue();
    assertThat(CheckDigits.frNir("269054958815781")).isFalse();
    assertThat(CheckDigits.caSin("193456787")).isTrue();
    assertThat(CheckDigits.caSin("193456788")).isFalse();
    assertThat(CheckDigits.caSin("046454286")).as("no SIN starts with 0").isFalse();
    assertThat(CheckDigits.sePersonnummer("8112289874")).isTrue();
    assertThat(CheckDigits.sePersonnummer("8112289875")).isFalse();
    assertThat(CheckDigits.sePersonnummer("198112289874")).isTrue();
    assertThat(CheckDigits.deTaxId("86095742719")).isTrue();
    assertThat(CheckDigits.deTaxId("86095742718")).isFalse();
    assertThat(CheckDigits.deTaxId("12345678903")).as("no digit repeated in the first ten").isFalse();
    assertThat(CheckDigits.ukNinoPrefix("AB")).isTrue();
    assertThat(CheckDigits.ukNinoPrefix("GB")).isFalse();
  }
}
