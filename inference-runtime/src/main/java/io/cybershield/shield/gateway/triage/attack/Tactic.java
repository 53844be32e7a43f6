package io.cybershield.shield.gateway.triage.attack;

/**
 * An ATT&CK Enterprise tactic: the adversary's goal a technique serves.
 *
 * @param id {@code TA0002}
 * @param shortname {@code execution}, as rule tags and STIX kill-chain phases spell it
 * @param name {@code Execution}
 */
public record Tactic(String id, String shortname, String name) {
}
