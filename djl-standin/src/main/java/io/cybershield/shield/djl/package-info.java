/**
 * A scripted stand-in for DJL Serving 0.36.0 (the LMI image with vLLM): {@link io.cybershield.shield.djl.DjlStandIn}
 * answers HTTP exactly as the process does — ping, inference (LMI, chat and completion bodies, streamed as
 * JSON lines), errors with their bodies and connection closes, the management API and Prometheus metrics — but it
 * is <b>not a model</b>: what it "generates" is scripted ({@link io.cybershield.shield.djl.Script},
 * {@link io.cybershield.shield.djl.Behaviour}), the default being an echo of the prompt that begins with
 * {@code [stand-in]}, and every answer carries {@code x-shield-standin: scripted}.
 *
 * <p>The contract it follows is {@code ../shared/djl-serving-contract.md}; the module's README lists what it
 * imitates and where it knowingly differs.
 */
package io.cybershield.shield.djl;
