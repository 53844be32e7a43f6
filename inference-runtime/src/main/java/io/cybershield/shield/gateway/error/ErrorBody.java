package io.cybershield.shield.gateway.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The gateway's one error shape, for every error it answers: {@code {"error": {"code": "<CamelCase>", "message":
 * "<for a person>", "type": "invalid_request_error|server_error", "param": null}}}. {@code code} and
 * {@code message} are the gateway's; {@code type} and {@code param} are there because OpenAI's error object has
 * them and OpenAI clients read them (the OpenAI Java SDK's {@code type()} fails on an error without it). The
 * message never quotes the request: bodies may hold secrets.
 */
public record ErrorBody(Detail error) {

  /** OpenAI's {@code type} of an error the caller can fix (4xx). */
  public static final String INVALID_REQUEST = "invalid_request_error";
  /** OpenAI's {@code type} of an error of the gateway or its model servers (5xx, or a failure mid-stream). */
  public static final String SERVER_ERROR = "server_error";

  /** {@code param}, OpenAI's name of the field at fault, is always null: the message names the field. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"code", "message", "type", "param"})
  public record Detail(String code, String message, String type, String param) {
  }

  /** The error of an answer with this HTTP status. */
  public static ErrorBody of(int status, String code, String message) {
    return new ErrorBody(new Detail(code, message, status >= 500 ? SERVER_ERROR : INVALID_REQUEST, null));
  }

  /** The body as JSON text, for the places that answer below JAX-RS (Vert.x routes). */
  public String json() {
    return "{\"error\":{\"code\":" + quote(error.code()) + ",\"message\":" + quote(error.message())
        + ",\"type\":" + quote(error.type()) + ",\"param\":null}}";
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
