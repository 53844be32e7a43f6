/**
 * HTTPS of the gateway: its certificate from files (the mounted Secret of {@code spec.tls}), reloaded while it runs,
 * TLS 1.3 and 1.2 only, and no plaintext port once TLS is on ({@link io.cybershield.shield.gateway.tls.GatewayTls}).
 */
package io.cybershield.shield.gateway.tls;
