package io.cybershield.shield.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generation request read the way DJL Serving's LMI handler (vLLM, 0.36.0) reads it, and the scripted answer
 * to it. The body, not the path, decides the shape, as in DJL: {@code prompt} is an OpenAI completion,
 * {@code inputs} the LMI (TGI-like) schema, {@code messages} an OpenAI chat completion.
 *
 * <p>Token counts: a prompt has as many tokens as whitespace-separated words (for a chat, the words of every
 * message's content); every generated token counts one.
 */
final class Generation {

  /** The token text that marks every echoed generation as scripted. */
  static final String MARKER = "[stand-in]";
  /** LMI's default {@code max_new_tokens}. */
  static final int LMI_DEFAULT_MAX_NEW_TOKENS = 30;
  /** vLLM's default {@code max_tokens} of a completion request. */
  static final int COMPLETION_DEFAULT_MAX_TOKENS = 16;

  private static final String NO_SHAPE = "invalid payload. must contain prompt, inputs, or messages";

  enum Shape {
    LMI, CHAT, COMPLETION
  }

  enum Finish {
    LENGTH, EOS, STOP;

    String lmi() {
      switch (this) {
        case LENGTH:
          return "length";
        case EOS:
          return "eos_token";
        default:
          return "stop_sequence";
      }
    }

    String openAi() {
      return this == LENGTH ? "length" : "stop";
    }
  }

  record Token(int id, String text, double logprob) {
  }

  /** A body the handler cannot read; the message follows {@code "Input parsing failed: "}. */
  static final class InputParsingException extends Exception {
    private static final long serialVersionUID = 1L;

    InputParsingException(String message) {
      super(message);
    }
  }

  /**
   * What a request asks for.
   *
   * @param echoSource the text the echo repeats (an LMI input, a completion prompt, the last user message)
   * @param prompt the whole prompt, for {@code return_full_text} and {@code echo}
   * @param maxTokens the most tokens it lets the model say ({@link Integer#MAX_VALUE} when unbounded)
   * @param seed the request's seed, or {@code null}
   */
  record Request(Shape shape, String echoSource, String prompt, int promptTokens, int maxTokens, boolean stream,
                 boolean details, JsonNode seed, List<String> stop, boolean includeUsage, boolean returnFullText) {
  }

  /** The tokens of an answer and why it ended. */
  record Plan(List<Token> tokens, Finish finish) {

    String text() {
      StringBuilder text = new StringBuilder();
      tokens.forEach(token -> text.append(token.text()));
      return text.toString();
    }

    String textUpTo(int count) {
      StringBuilder text = new StringBuilder();
      tokens.subList(0, count).forEach(token -> text.append(token.text()));
      return text.toString();
    }
  }

  private Generation() {
  }

  static Request parse(String body, String contentType) throws InputParsingException {
    if (body.isEmpty() && (contentType == null || contentType.isBlank())) {
      // djl_python's decode: no content type and no bytes is an empty prompt
      return lmi("", Json.object(), false);
    }
    JsonNode root;
    try {
      root = Json.read(body);
    } catch (JsonProcessingException e) {
      throw new InputParsingException("the body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InputParsingException(NO_SHAPE);
    }
    boolean stream = bool(root, "stream", "stream");
    if (root.has("prompt")) {
      return completion(root, stream);
    }
    if (root.has("inputs")) {
      JsonNode inputs = root.get("inputs");
      if (!inputs.isTextual()) {
        throw new InputParsingException("inputs must be a string, not " + kind(inputs));
      }
      JsonNode parameters = root.path("parameters");
      if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject()) {
        throw new InputParsingException("parameters must be an object, not " + kind(parameters));
      }
      return lmi(inputs.asText(), parameters.isObject() ? parameters : Json.object(), stream);
    }
    if (root.has("messages")) {
      return chat(root, stream);
    }
    throw new InputParsingException(NO_SHAPE);
  }

  private static Request lmi(String inputs, JsonNode parameters, boolean stream) throws InputParsingException {
    int maxNewTokens = positiveInt(parameters, "max_new_tokens", LMI_DEFAULT_MAX_NEW_TOKENS);
    boolean details = bool(parameters, "details", "parameters.details");
    bool(parameters, "do_sample", "parameters.do_sample");
    checkSampling(parameters, "parameters.");
    boolean fullText = bool(parameters, "return_full_text", "parameters.return_full_text");
    JsonNode seed = number(parameters, "seed", "parameters.seed");
    List<String> stop = strings(parameters, "stop_sequences", "parameters.stop_sequences");
    return new Request(Shape.LMI, inputs, inputs, words(inputs), maxNewTokens, stream, details, seed, stop, false,
        fullText);
  }

  private static Request completion(JsonNode root, boolean stream) throws InputParsingException {
    JsonNode prompt = root.get("prompt");
    if (!prompt.isTextual()) {
      throw new InputParsingException("prompt must be a string, not " + kind(prompt));
    }
    int maxTokens = positiveInt(root, "max_tokens", COMPLETION_DEFAULT_MAX_TOKENS);
    checkSampling(root, "");
    boolean echo = bool(root, "echo", "echo");
    return new Request(Shape.COMPLETION, prompt.asText(), prompt.asText(), words(prompt.asText()), maxTokens, stream,
        false, number(root, "seed", "seed"), strings(root, "stop", "stop"), includeUsage(root), echo);
  }

  private static Request chat(JsonNode root, boolean stream) throws InputParsingException {
    JsonNode messages = root.get("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw new InputParsingException("messages must be a non-empty list of messages");
    }
    StringBuilder all = new StringBuilder();
    String lastUser = null;
    String last = "";
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      if (!message.isObject() || !message.path("role").isTextual()) {
        throw new InputParsingException("messages[" + i + "] must be an object with a string role");
      }
      String content = content(message.path("content"), i);
      all.append(all.length() == 0 ? "" : "\n").append(content);
      last = content;
      if ("user".equals(message.get("role").asText())) {
        lastUser = content;
      }
    }
    int maxTokens = positiveInt(root, "max_completion_tokens", positiveInt(root, "max_tokens", Integer.MAX_VALUE));
    checkSampling(root, "");
    return new Request(Shape.CHAT, lastUser != null ? lastUser : last, all.toString(), words(all.toString()),
        maxTokens, stream, false, number(root, "seed", "seed"), strings(root, "stop", "stop"), includeUsage(root),
        false);
  }

  private static String content(JsonNode content, int index) throws InputParsingException {
    if (content.isMissingNode() || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (!part.isObject() || !part.path("type").isTextual()) {
          throw new InputParsingException("messages[" + index + "].content parts must be objects with a type");
        }
        if ("text".equals(part.get("type").asText())) {
          text.append(text.length() == 0 ? "" : " ").append(part.path("text").asText(""));
        }
      }
      return text.toString();
    }
    throw new InputParsingException("messages[" + index + "].content must be a string or a list of parts");
  }

  private static boolean includeUsage(JsonNode root) throws InputParsingException {
    JsonNode options = root.path("stream_options");
    if (options.isMissingNode() || options.isNull()) {
      return false;
    }
    if (!options.isObject()) {
      throw new InputParsingException("stream_options must be an object");
    }
    return bool(options, "include_usage", "stream_options.include_usage");
  }

  private static void checkSampling(JsonNode node, String prefix) throws InputParsingException {
    JsonNode temperature = number(node, "temperature", prefix + "temperature");
    if (temperature != null && temperature.asDouble() < 0) {
      throw new InputParsingException(prefix + "temperature must not be negative");
    }
    JsonNode topP = number(node, "top_p", prefix + "top_p");
    if (topP != null && (topP.asDouble() <= 0 || topP.asDouble() > 1)) {
      throw new InputParsingException(prefix + "top_p must be in (0, 1]");
    }
  }

  private static int positiveInt(JsonNode node, String field, int fallback) throws InputParsingException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.asInt() < 1) {
      throw new InputParsingException(field + " must be a positive integer, not " + value);
    }
    return value.asInt();
  }

  private static boolean bool(JsonNode node, String field, String name) throws InputParsingException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new InputParsingException(name + " must be a boolean, not " + value);
    }
    return value.asBoolean();
  }

  private static JsonNode number(JsonNode node, String field, String name) throws InputParsingException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new InputParsingException(name + " must be a number, not " + value);
    }
    return value;
  }

  private static List<String> strings(JsonNode node, String field, String name) throws InputParsingException {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (value.isArray()) {
      List<String> strings = new ArrayList<>();
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          throw new InputParsingException(name + " must be a list of strings");
        }
        strings.add(element.asText());
      }
      return strings;
    }
    throw new InputParsingException(name + " must be a string or a list of strings");
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  static int words(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  /**
   * The tokens the scripted "model" says: the behaviour's text, or the echo, up to its end-of-sequence
   * ({@code available}), the request's limit, or the first stop sequence (which is kept in the text, as TGI
   * keeps it).
   */
  static Plan plan(Behaviour.Generate behaviour, Request request, int tokensPerRequest) {
    List<String> scripted = behaviour.tokens();
    int available = scripted != null ? scripted.size() : tokensPerRequest;
    int limit = Math.min(available, request.maxTokens());
    String[] echoWords = request.echoSource().strip().isEmpty() ? new String[0]
        : request.echoSource().strip().split("\\s+");
    List<Token> tokens = new ArrayList<>(Math.min(limit, 4096));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < limit; i++) {
      String tokenText = scripted != null ? scripted.get(i) : echo(echoWords, i);
      tokens.add(token(tokenText, i));
      text.append(tokenText);
      for (String stop : request.stop()) {
        if (!stop.isEmpty() && text.indexOf(stop) >= 0) {
          return new Plan(tokens, Finish.STOP);
        }
      }
    }
    return new Plan(tokens, limit == request.maxTokens() ? Finish.LENGTH : Finish.EOS);
  }

  private static String echo(String[] words, int index) {
    if (index == 0) {
      return MARKER;
    }
    return words.length == 0 ? " token" + index : " " + words[(index - 1) % words.length];
  }

  private static Token token(String text, int index) {
    int hash = text.hashCode();
    int id = 1 + Math.floorMod(hash, 31_999);
    double logprob = -(Math.floorMod(hash * 31 + index, 1000) + 1) / 1000.0;
    return new Token(id, text, logprob);
  }
}
