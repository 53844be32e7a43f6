/**
 * Reading triage lines: {@link io.cybershield.shield.gateway.triage.logs.LogParser} turns one line of any supported
 * format into a {@link io.cybershield.shield.gateway.triage.logs.LogEvent} whose fields carry both the original
 * keys and the canonical Sigma names, so one rule covers a Windows event whether it came as XML, winlogbeat JSON,
 * Splunk pairs or rendered text. Every reader is linear in the line and the parser never throws: the lines are
 * untrusted and a request may hold thousands.
 */
package io.cybershield.shield.gateway.triage.logs;
