package io.cybershield.shield.gateway;

/**
 * The callers of the gateway tests, from {@code src/test/resources/security/tokens.csv} (the test profile's
 * {@code shield.gateway.auth.tokens-file}), and the access document that gives them their roles. Every test sends
 * the analyst's token unless its class is annotated {@link Anonymous} ({@link DefaultCaller}).
 */
public final class TestCallers {

  public static final String ANALYST = "shield-test-analyst-7Qm2v9XcR4tLpA";
  public static final String RESPONDER = "shield-test-responder-K8wz3NbT6yHeU1";
  public static final String AWARENESS = "shield-test-awareness-P5sd0GfJ2qVoW7";
  public static final String ADMIN = "shield-test-admin-Z3rx8MkB1uYcD4";
  /** Authenticates, holds no role. */
  public static final String NOBODY = "shield-test-nobody-H6ne4LaQ9wSgT2";

  /**
   * The {@code access} member of the tests' routing documents: analyst (generate, chat, triage, guard) for the
   * user test-analyst, responder (generate, chat, incidents) for test-responder, awareness for test-awareness, admin
   * (every API) for the group shield-test-admins.
   */
  public static final String ACCESS = """
      "access": {"roles": [
        {"name": "analyst", "apis": ["generate", "chat", "triage", "guard"],
         "subjects": [{"kind": "User", "name": "test-analyst"}]},
        {"name": "responder", "apis": ["generate", "chat", "incidents"],
         "subjects": [{"kind": "User", "name": "test-responder"}]},
        {"name": "awareness", "apis": ["awareness"], "subjects": [{"kind": "User", "name": "test-awareness"}]},
        {"name": "admin", "apis": ["generate", "chat", "triage", "awareness", "incidents", "guard"],
         "subjects": [{"kind": "Group", "name": "shield-test-admins"}]}]}""";

  private TestCallers() {
  }

  /** A routing document (JSON object text) with {@link #ACCESS} added as its last member. */
  public static String withAccess(String document) {
    String trimmed = document.strip();
    if (trimmed.contains("\"access\"")) {
      return trimmed;
    }
    return trimmed.substring(0, trimmed.length() - 1) + ",\n" + ACCESS + "}";
  }

  /** A test class whose requests carry no token unless they add one. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
  public @interface Anonymous {
  }
}
