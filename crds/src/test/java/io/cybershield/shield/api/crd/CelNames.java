package io.cybershield.shield.api.crd;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How the API server names object properties in CEL (apiserver pkg/cel/escaping.go). */
final class CelNames {

  private static final Set<String> RESERVED = Set.of("true", "false", "null", "in", "as", "break", "const",
      "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var",
      "void", "while");
  private static final Pattern ACCESSIBLE = Pattern.compile("^[a-zA-Z_.\\-/][a-zA-Z0-9_.\\-/]*$");

  private CelNames() {
  }

  /** The CEL name of a property, or empty when CEL cannot access it. */
  static Optional<String> escape(String property) {
    if (RESERVED.contains(property)) {
      return Optional.of("__" + property + "__");
    }
    if (!ACCESSIBLE.matcher(property).matches()) {
      return Optional.empty();
    }
    return Optional.of(property.replace("__", "__underscores__")
        .replace(".", "__dot__")
        .replace("-", "__dash__")
        .replace("/", "__slash__"));
  }
}
