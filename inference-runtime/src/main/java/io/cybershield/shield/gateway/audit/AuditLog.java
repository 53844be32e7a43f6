package io.cybershield.shield.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Writes one JSON line per request to the log category {@value #CATEGORY}, which {@code application.properties}
 * sends to stdout as bare JSON lines (and to a file when {@code SHIELD_AUDIT_FILE} is set), apart from the
 * gateway's other logs. A line holds only what {@link CallRecord} gathers — names, codes, counts, types; the one
 * field a caller writes freely, the path, passes the redactor (its query is never kept), so a token put in a URL
 * is written as its type, not its value.
 */
@Singleton
public class AuditLog {

  /** The log category of the audit lines. */
  public static final String CATEGORY = "shield.audit";
  private static final Logger AUDIT = Logger.getLogger(CATEGORY);
  private static final Logger LOG = Logger.getLogger(AuditLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Redactor REDACTOR = new Redactor();

  /** Writes the line of a request that ended with {@code status} ({@code error}: its error code, if any). */
  public void write(CallRecord call, int status, String error) {
    Map<String, Object> fields = call.fields(status, error, System.nanoTime() - call.arrivedNanos());
    fields.computeIfPresent("path", (name, path) -> redact(path.toString()));
    String line;
    try {
      line = JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      LOG.errorf("cannot write the audit line of request %s: %s", call.requestId(), e.getClass().getSimpleName());
      return;
    }
    AUDIT.info(line);
  }

  private static String redact(String path) {
    try {
      return REDACTOR.redact(path).text();
    } catch (RuntimeException e) {
      return "[REDACTED:path]";
    }
  }
}
