/**
 * The triage detection rules: Sigma-style YAML ({@code triage/rules/*.yml}, listed in {@code index.txt}) compiled
 * once by {@link io.cybershield.shield.gateway.triage.rules.RuleSet} and evaluated over the parsed lines of one
 * request. No maintained Sigma engine runs on the JVM here, so this is a small one: selections, the common value
 * modifiers, the condition grammar and one {@code count()} aggregation per rule, each a plain string comparison
 * where it can be (regexes only for {@code |re} and {@code ?} wildcards, through re2j, linear time). A rule that
 * cannot be compiled is a {@link io.cybershield.shield.gateway.triage.rules.RuleException} at load time, never a
 * surprise during a request.
 */
package io.cybershield.shield.gateway.triage.rules;
