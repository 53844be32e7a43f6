package io.cybershield.shield.gateway.guard.screen;

/** The kinds of prompt injection the screener names in its reasons. */
final class Category {

  static final String DIRECT_OVERRIDE = "direct_override";
  static final String SYSTEM_PROMPT_EXTRACTION = "system_prompt_extraction";
  static final String JAILBREAK = "jailbreak";
  static final String FAKE_AUTHORITY = "fake_authority";
  static final String TOOL_HIJACKING = "tool_hijacking";
  static final String EXFILTRATION = "exfiltration";
  static final String INDIRECT_INJECTION = "indirect_injection";
  static final String OBFUSCATION = "obfuscation";
  /** The classifier's reason: wording like the attacks it was trained on; it only ever flags. */
  static final String CLASSIFIER = "classifier";

  private Category() {
  }
}
