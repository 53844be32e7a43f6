package io.cybershield.shield.gateway.api;

/** The bounds of a request that the configuration sets. */
final class Limits {

  private Limits() {
  }

  static void prompt(GatewayConfig config, int chars) {
    if (chars > config.maxPromptChars()) {
      throw ApiException.badRequest("PromptTooLong", "The prompt has " + chars + " characters; at most "
          + config.maxPromptChars() + " are accepted.");
    }
  }
}
