/**
 * {@code kubectl port-forward} against the sandbox: a SPDY/3.1 server session ({@link
 * io.cybershield.shield.sandbox.server.portforward.SpdySession}: frames, zlib header blocks with the SPDY/3
 * dictionary, one compression context per direction, PING echo, GOAWAY) on either of the two transports kubectl 1.32
 * dials — a WebSocket negotiated as {@code SPDY/3.1+portforward.k8s.io} carrying the SPDY bytes in binary messages,
 * or the raw socket after a plain {@code Upgrade: SPDY/3.1} — and, on top, the kubelet's port-forward protocol
 * (an {@code error} and a {@code data} stream per forwarded connection, paired by {@code requestID}) dialling the
 * pod's {@code status.podIP}.
 *
 * <h2>What differs from a real node</h2>
 * <ul>
 *   <li>The port is dialled at the pod IP (a loopback address in the sandbox), not at {@code localhost} inside the
 *   pod's network namespace; the error text when that fails keeps containerd's wording, with the pod's uid where
 *   containerd names the sandbox.</li>
 *   <li>No SPDY flow control, as in spdystream, which client-go uses on both ends: backpressure is TCP's, through
 *   the Vert.x write queues.</li>
 * </ul>
 */
package io.cybershield.shield.sandbox.server.portforward;
