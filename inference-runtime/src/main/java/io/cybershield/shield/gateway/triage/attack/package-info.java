/**
 * The MITRE ATT&CK Enterprise catalog shipped with the gateway
 * ({@link io.cybershield.shield.gateway.triage.attack.AttackCatalog}): every technique id in a finding is checked
 * against it, so no unknown, deprecated or revoked id reaches an analyst.
 */
package io.cybershield.shield.gateway.triage.attack;
