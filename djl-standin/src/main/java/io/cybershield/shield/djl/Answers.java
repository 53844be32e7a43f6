package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cybershield.shield.djl.Generation.Plan;
import io.cybershield.shield.djl.Generation.Request;
import io.cybershield.shield.djl.Generation.Token;

/**
 * The bodies DJL Serving 0.36.0 sends, each written as the part of DJL that writes it: the Java front end's
 * answers (errors, status messages, ping, management) with Gson's pretty printing and a final newline; the
 * Python handler's and vLLM's compactly, a generation's lines each ending with a newline.
 */
final class Answers {

  private Answers() {
  }

  /** DJL's {@code ErrorResponse}. */
  static String error(int code, String type, String message) {
    ObjectNode error = Json.object().put("code", code).put("type", type).put("message", message);
    return Json.gsonPretty(error);
  }

  /** DJL's {@code StatusResponse}. */
  static String status(String message) {
    return Json.gsonPretty(Json.object().put("status", message));
  }

  /** An error the Python handler reports with a code ({@code Request.addResponse}): no newline. */
  static String handlerError(int code, String error) {
    return Json.compact(Json.object().put("code", code).put("error", error));
  }

  /** A failed {@code Output} as the async request manager sends it (engine death, out of memory). */
  static String engineFailure(int code, String message) {
    return Json.compact(Json.object().put("code", code).put("message", message));
  }

  /** The line that ends a stream that failed after it began. */
  static String errorLine(String error) {
    return Json.compact(Json.object().put("error", error)) + "\n";
  }

  /** {@code {"generated_text": ..., "details": {...}}}, details only when asked. */
  static String lmiWhole(Request request, Plan plan) {
    ObjectNode answer = Json.object().put("generated_text", fullText(request, plan.text()));
    if (request.details()) {
      ObjectNode details = answer.putObject("details");
      details.put("finish_reason", plan.finish().lmi());
      details.put("generated_tokens", plan.tokens().size());
      details.set("seed", request.seed());
      details.putArray("prefill");
      ArrayNode tokens = details.putArray("tokens");
      plan.tokens().forEach(token -> tokens.add(token(token)));
    }
    return Json.compact(answer) + "\n";
  }

  /** A stream's token line; the last carries the whole text (and the details, when asked). */
  static String lmiLine(Request request, Plan plan, int index, boolean last) {
    ObjectNode line = Json.object().put("index", 0);
    line.set("token", token(plan.tokens().get(index)));
    if (last) {
      line.put("generated_text", fullText(request, plan.text()));
    } else {
      line.putNull("generated_text");
    }
    if (last && request.details()) {
      ObjectNode details = line.putObject("details");
      details.put("finish_reason", plan.finish().lmi());
      details.set("seed", request.seed());
      details.put("generated_tokens", plan.tokens().size());
      details.put("input_length", request.promptTokens());
    } else {
      line.putNull("details");
    }
    return Json.compact(line) + "\n";
  }

  private static String fullText(Request request, String text) {
    return request.returnFullText() ? request.prompt() + text : text;
  }

  private static ObjectNode token(Token token) {
    return Json.object().put("id", token.id()).put("text", token.text()).put("logprob", token.logprob());
  }

  /** The OpenAI shapes vLLM answers, for one request: its id and creation time stay the same across chunks. */
  record OpenAi(String id, long created, String model, Request request, Plan plan) {

    boolean chat() {
      return request.shape() == Generation.Shape.CHAT;
    }

    String whole() {
      ObjectNode answer = head(chat() ? "chat.completion" : "text_completion");
      ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
      if (chat()) {
        choice.putObject("message").put("role", "assistant").put("content", plan.text());
      } else {
        choice.put("text", request.returnFullText() ? request.prompt() + plan.text() : plan.text());
      }
      choice.putNull("logprobs");
      choice.put("finish_reason", plan.finish().openAi());
      answer.set("usage", usage(plan.tokens().size()));
      return Json.compact(answer) + "\n";
    }

    /** A chat stream's first chunk: the role, no content yet. */
    String roleChunk() {
      ObjectNode chunk = head("chat.completion.chunk");
      ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
      choice.putObject("delta").put("role", "assistant").put("content", "");
      choice.putNull("logprobs");
      choice.putNull("finish_reason");
      return Json.compact(chunk) + "\n";
    }

    String tokenChunk(int index, boolean last) {
      ObjectNode chunk = head(chat() ? "chat.completion.chunk" : "text_completion");
      ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
      String text = plan.tokens().get(index).text();
      if (chat()) {
        choice.putObject("delta").put("content", text);
      } else {
        choice.put("text", text);
      }
      choice.putNull("logprobs");
      if (last) {
        choice.put("finish_reason", plan.finish().openAi());
      } else {
        choice.putNull("finish_reason");
      }
      return Json.compact(chunk) + "\n";
    }

    /** The chunk {@code stream_options.include_usage} asks for: no choices, the usage of the whole answer. */
    String usageChunk(int completionTokens) {
      ObjectNode chunk = head(chat() ? "chat.completion.chunk" : "text_completion");
      chunk.putArray("choices");
      chunk.set("usage", usage(completionTokens));
      return Json.compact(chunk) + "\n";
    }

    private ObjectNode head(String object) {
      return Json.object().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private ObjectNode usage(int completionTokens) {
      return Json.object().put("prompt_tokens", request.promptTokens())
          .put("total_tokens", request.promptTokens() + completionTokens)
          .put("completion_tokens", completionTokens);
    }
  }
}
