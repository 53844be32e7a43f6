package io.cybershield.shield.gateway.api;

/** The answers of {@code POST /v1/generate} (described in {@code META-INF/openapi.yaml}). */
final class GenerateApi {

  private GenerateApi() {
  }

  /** {@code promptTokens} is null when the model server does not report it. */
  record Usage(Integer promptTokens, Integer completionTokens) {
  }

  record Response(String text, String variant, String pool, Usage usage) {
  }

  /** One line of a stream per token. */
  record Token(String token, int index) {
  }

  /** The last line of a stream. */
  record Done(boolean done, String text, String variant, String pool, Usage usage) {
  }
}
