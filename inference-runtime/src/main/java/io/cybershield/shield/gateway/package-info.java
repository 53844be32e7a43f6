/**
 * The Shield gateway: one per ShieldModel, CPU only and stateless, in front of the model's DJL Serving pods.
 * <ul>
 *   <li>{@code djl}: the typed DJL Serving client;</li>
 *   <li>{@code error}: the one error shape of every answer;</li>
 *   <li>{@code routing}: priority to variant, classification to pool, over the {@code Upstreams} it sees;</li>
 *   <li>{@code api}: the public HTTP API ({@code /v1/generate}, {@code /v1/chat/completions}, {@code /v1/models}).</li>
 * </ul>
 */
package io.cybershield.shield.gateway;
