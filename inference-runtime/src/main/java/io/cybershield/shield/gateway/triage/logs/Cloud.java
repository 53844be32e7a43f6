package io.cybershield.shield.gateway.triage.logs;

import java.util.Locale;

/** The canonical fields of JSON sources: CloudTrail, Kubernetes audit, Okta, and JSON access or VPN logs. */
final class Cloud {

  private Cloud() {
  }

  static boolean isCloudTrail(Fields f) {
    return f.has("eventSource") && f.has("eventName") && (f.has("awsRegion") || f.has("eventVersion")
        || f.has("userIdentity.type"));
  }

  static boolean isKubernetes(Fields f) {
    String apiVersion = f.first("apiVersion");
    return (apiVersion != null && apiVersion.startsWith("audit.k8s.io")) || ("Event".equals(f.first("kind"))
        && f.has("verb") && f.has("requestURI"));
  }

  static boolean isOkta(Fields f) {
    return f.has("eventType") && (f.has("actor.alternateId") || f.has("actor.type"))
        && (f.has("published") || f.has("uuid") || f.has("outcome.result"));
  }

  static void cloudTrail(Fields f) {
    f.alias("sourceIPAddress", "src_ip");
    f.alias("eventTime", "timestamp");
    String user = f.firstOf("userIdentity.userName", "userIdentity.sessionContext.sessionIssuer.userName");
    if (user == null) {
      String arn = f.first("userIdentity.arn");
      if (arn != null) {
        int slash = arn.lastIndexOf('/');
        user = slash >= 0 ? arn.substring(slash + 1) : arn.endsWith(":root") ? "root" : null;
      }
    }
    if (user == null && "Root".equals(f.first("userIdentity.type"))) {
      user = "root";
    }
    f.canonical("user", user);
    String login = f.first("responseElements.ConsoleLogin");
    boolean failed = f.has("errorCode") || "Failure".equalsIgnoreCase(login);
    f.canonical("outcome", failed ? "failure" : "success");
    f.canonical("message", f.first("errorMessage"));
  }

  static void kubernetes(Fields f) {
    f.alias("sourceIPs", "src_ip");
    f.alias("user.username", "user");
    f.alias("requestReceivedTimestamp", "timestamp");
    String code = f.first("responseStatus.code");
    if (code != null && code.length() == 3 && Character.isDigit(code.charAt(0))) {
      f.canonical("outcome", code.charAt(0) < '4' ? "success" : "failure");
    }
  }

  static void okta(Fields f) {
    f.alias("actor.alternateId", "user");
    f.alias("client.ipAddress", "src_ip");
    f.alias("client.geographicalContext.country", "country");
    f.alias("published", "timestamp");
    String result = f.first("outcome.result");
    if (result != null) {
      String upper = result.toUpperCase(Locale.ROOT);
      if (upper.equals("SUCCESS") || upper.equals("ALLOW")) {
        f.canonical("outcome", "success");
      } else if (upper.equals("FAILURE") || upper.equals("DENY")) {
        f.canonical("outcome", "failure");
      }
    }
    f.canonical("message", f.first("displayMessage"));
  }

  /** Common spellings of JSON logs that are not one of the above (JSON access logs, VPN gateways, ECS). */
  static void generic(Fields f) {
    String[][] aliases = {
        {"source.ip", "src_ip"}, {"src", "src_ip"}, {"srcip", "src_ip"}, {"client_ip", "src_ip"},
        {"remote_addr", "src_ip"}, {"remote_ip", "src_ip"}, {"clientip", "src_ip"}, {"ip", "src_ip"},
        {"destination.ip", "dst_ip"}, {"dst", "dst_ip"}, {"dstip", "dst_ip"},
        {"source.port", "src_port"}, {"destination.port", "dst_port"}, {"dst_port", "dst_port"},
        {"user.name", "user"}, {"username", "user"}, {"userName", "user"}, {"user_name", "user"},
        {"source.geo.country_iso_code", "country"}, {"country_code", "country"}, {"geoip.country_code2", "country"},
        {"msg", "message"}, {"log", "message"}, {"@timestamp", "timestamp"}, {"time", "timestamp"},
        {"ts", "timestamp"}, {"event.outcome", "outcome"}, {"result", "outcome"}, {"status", "status"},
        {"network.transport", "proto"}, {"event.action", "action"}};
    for (String[] pair : aliases) {
      f.alias(pair[0], pair[1]);
    }
    if (!f.has("user")) {
      String user = f.first("user");
      if (user == null) {
        f.canonical("user", f.firstOf("user.name", "principal"));
      }
    }
    String outcome = f.first("outcome");
    if (outcome != null) {
      String lower = outcome.toLowerCase(Locale.ROOT);
      String normal = lower.startsWith("succ") || lower.equals("allow") || lower.equals("ok") ? "success"
          : lower.startsWith("fail") || lower.equals("deny") || lower.equals("denied") || lower.equals("rejected")
          ? "failure" : null;
      if (normal != null && !normal.equals(outcome)) {
        f.map.remove("outcome");
        f.add("outcome", normal);
        f.add("outcome_raw", outcome);
      }
    }
  }
}
