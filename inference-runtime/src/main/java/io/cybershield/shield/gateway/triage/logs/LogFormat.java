package io.cybershield.shield.gateway.triage.logs;

/**
 * The shape a line was read as. It tells a reader of a finding how the fields were obtained (a JSON key, an XML
 * {@code Data Name=}, a {@code key=value} pair or a guess from free text), which is worth knowing when a field is
 * missing.
 */
public enum LogFormat {
  JSON, XML, KEY_VALUE, SYSLOG, ACCESS_LOG, CEF, LEEF, AUDITD, CSV, TEXT
}
