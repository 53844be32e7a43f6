/**
 * What the gateway tells Prometheus on {@code /q/metrics}: the load signals the private-cloud pool scales and wakes on
 * (requests in flight to the pods, work beyond their capacity, work refused for want of a ready pod) and the
 * latency of every public API request. Labels are bounded: model, variant, pool, API, priority and known status or
 * error codes; never a prompt, a principal or a pod address. The load figures are also one JSON document on
 * {@code /q/load} ({@link io.cybershield.shield.gateway.metrics.LoadRoute}), which the operator reads to wake a parked
 * pool. {@code docs/autoscaling.md} describes each series and the document.
 */
package io.cybershield.shield.gateway.metrics;
