package io.cybershield.shield.sandbox.ssa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.sandbox.admission.KubeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A server-side apply that would change fields other managers own, without {@code force}: HTTP 409. */
public final class ApplyConflictException extends Exception {

  /** One conflicting field: the other manager as the apiserver prints it, and the field path. */
  public record Conflict(String manager, String field) {
  }

  private final transient ObjectNode status;
  private final List<Conflict> conflicts;

  /** @param byManager conflicting fields per manager, in the apiserver's order (sorted manager identifiers) */
  ApplyConflictException(Map<ManagerId, FieldSet> byManager) {
    this(build(byManager));
  }

  private ApplyConflictException(Built b) {
    super(b.message);
    this.status = b.status;
    this.conflicts = b.conflicts;
  }

  private record Built(String message, ObjectNode status, List<Conflict> conflicts) {
  }

  private static Built build(Map<ManagerId, FieldSet> byManager) {
    List<Conflict> conflicts = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<ManagerId, FieldSet> e : byManager.entrySet()) {
      String who = e.getKey().display();
      lines.add("conflicts with " + who + ":");
      for (List<PathElement> p : e.getValue().paths()) {
        String path = PathElement.toString(p);
        conflicts.add(new Conflict(who, path));
        lines.add("- " + path);
      }
    }
    String message = conflicts.size() == 1
        ? "Apply failed with 1 conflict: conflict with " + conflicts.get(0).manager() + ": " + conflicts.get(0).field()
        : "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);

    ObjectNode details = Json.object();
    ArrayNode causes = details.putArray("causes");
    for (Conflict c : conflicts) {
      ObjectNode cause = causes.addObject();
      cause.put("reason", "FieldManagerConflict");
      cause.put("message", "conflict with " + c.manager());
      cause.put("field", c.field());
    }
    ObjectNode status = KubeStatus.failure(409, "Conflict", message, details);
    return new Built(message, status, List.copyOf(conflicts));
  }

  /** The {@code Status} body of the 409 answer, exactly as the apiserver writes it. */
  public ObjectNode status() {
    return status.deepCopy();
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }
}
