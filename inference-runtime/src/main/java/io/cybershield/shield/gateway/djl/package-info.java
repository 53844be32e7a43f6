/**
 * The typed client of DJL Serving, the model server behind the gateway: the wire records of its inference and
 * management APIs exactly as {@code shared/djl-serving-contract.md} describes them, the {@link
 * io.cybershield.shield.gateway.djl.DjlClient} with its timeouts, safe retries and per-pod circuit breakers, and
 * {@link io.cybershield.shield.gateway.djl.DjlException}, which turns every DJL failure into a gateway error code.
 * <p>
 * Nothing in this package logs prompt text, generated text or bodies.
 */
package io.cybershield.shield.gateway.djl;
