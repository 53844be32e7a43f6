/**
 * The Shield gateway: one per ShieldModel, CPU only and stateless, in front of the model's DJL Serving pods.
 * <ul>
 *   <li>{@code djl}: the typed DJL Serving client;</li>
 *   <li>{@code error}: the one error shape of every answer;</li>
 *   <li>later {@code api} (the public HTTP API) and {@code routing} (priority to variant, classification to pool).</li>
 * </ul>
 */
package io.cybershield.shield.gateway;
