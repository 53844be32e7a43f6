/**
 * {@code POST /v1/siem/alerts}: the SIEM webhook. A generic, Splunk or Elastic (Kibana) alert is normalised
 * ({@link io.cybershield.shield.gateway.siem.SiemPayloads}) to a {@code SiemAlert} and applied to its ShieldIncident
 * through {@code IncidentIntake} ({@link io.cybershield.shield.gateway.siem.SiemIncidents}); a SIEM that cannot send a
 * bearer token authenticates with the webhook secret of {@code spec.access.siemWebhook}
 * ({@link io.cybershield.shield.gateway.siem.WebhookSignatures},
 * {@link io.cybershield.shield.gateway.siem.WebhookSecret}).
 * docs/siem.md says how to point each SIEM at it.
 */
package io.cybershield.shield.gateway.siem;
