package io.cybershield.shield.gateway.error;

/**
 * The gateway's one error shape, for every error it answers: {@code {"error": {"code": "<CamelCase>", "message":
 * "<for a person>"}}}. The message never quotes the request: bodies may hold secrets.
 */
public record ErrorBody(Detail error) {

  public record Detail(String code, String message) {
  }

  public static ErrorBody of(String code, String message) {
    return new ErrorBody(new Detail(code, message));
  }

  /** The body as JSON text, for the places that answer below JAX-RS (Vert.x routes). */
  public String json() {
    return "{\"error\":{\"code\":" + quote(error.code()) + ",\"message\":" + quote(error.message()) + "}}";
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
