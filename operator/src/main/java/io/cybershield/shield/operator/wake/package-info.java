/**
 * Waking a parked private-cloud pool from what its gateway sees, where no KEDA does it: {@link
 * io.cybershield.shield.operator.wake.WakePolicy} turns the gateways' {@code /q/load} documents, poll after poll, into
 * a {@link io.cybershield.shield.operator.wake.Wake} (a floor of 1 per variant with work beyond the on-premises
 * capacity, held for a while after the last such sign), and {@link
 * io.cybershield.shield.operator.wake.GatewayLoadClient} reads the documents. Pure but for the client;
 * {@code docs/autoscaling.md} ("Waking a parked pool") describes the whole path.
 */
package io.cybershield.shield.operator.wake;
