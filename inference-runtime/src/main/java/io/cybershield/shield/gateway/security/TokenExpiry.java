package io.cybershield.shield.gateway.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The expiry a JWT states, read without checking its signature: only ever used to forget a cached authentication
 * sooner, never to trust a token.
 */
final class TokenExpiry {

  private TokenExpiry() {
  }

  static Optional<Instant> of(String token) {
    if (token.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    try {
      JWT jwt = JWTParser.parse(token);
      Date exp = jwt.getJWTClaimsSet().getExpirationTime();
      return Optional.ofNullable(exp).map(Date::toInstant);
    } catch (ParseException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
