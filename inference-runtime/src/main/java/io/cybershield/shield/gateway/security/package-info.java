/**
 * Who is calling, and what they may call: bearer tokens authenticated with a Kubernetes TokenReview (service
 * accounts and users), a static token file (stand-alone mode) or an OpenID Connect provider; roles and APIs from the
 * model's {@code spec.access} (carried by the routing document, so a change applies without a restart); rate limits
 * per principal and per role. Every request under {@code /v1/} passes {@link io.cybershield.shield.gateway.security.
 * SecurityHandler} first.
 */
package io.cybershield.shield.gateway.security;
