package io.cybershield.shield.deploy.argocd;

import java.nio.file.Path;

/**
 * Writes the health checks into the two forms Argo CD takes them in: a patch of the {@code argocd-cm} ConfigMap, and
 * values for Argo CD's Helm chart ({@code configs.cm}). Each script goes in unchanged, as a YAML literal block, so the
 * files hold the scripts byte for byte.
 */
final class HealthCheckPatches {

  static final String CM_PATCH = "argocd-cm-shield-health.yaml";
  static final String HELM_VALUES = "argo-cd-values-shield-health.yaml";
  static final String KEY_PREFIX = "resource.customizations.health.";

  private HealthCheckPatches() {
  }

  /** {@code resource.customizations.health.shield.cybershield.io_<Kind>}. */
  static String key(String kind) {
    return KEY_PREFIX + ShieldArgoCd.GROUP + "_" + kind;
  }

  static String script(String kind) {
    return ShieldArgoCd.read(ShieldArgoCd.customization(kind).resolve("health.lua"));
  }

  static Path cmPatch() {
    return ShieldArgoCd.argocd().resolve(CM_PATCH);
  }

  static Path helmValues() {
    return ShieldArgoCd.argocd().resolve(HELM_VALUES);
  }

  static String cmPatchText() {
    StringBuilder out = new StringBuilder()
        .append("# Generated from deploy/argocd/resource_customizations/shield.cybershield.io/*/health.lua by\n")
        .append("# HealthCheckPatchesTest (-Dshield.argocd.update=true rewrites it); do not edit.\n")
        .append("# The Shield health checks for Argo CD, as a patch of its argocd-cm ConfigMap:\n")
        .append("#   kubectl patch configmap argocd-cm -n argocd --patch-file deploy/argocd/").append(CM_PATCH)
        .append('\n')
        .append("apiVersion: v1\n")
        .append("kind: ConfigMap\n")
        .append("metadata:\n")
        .append("  name: argocd-cm\n")
        .append("  namespace: argocd\n")
        .append("  labels:\n")
        .append("    app.kubernetes.io/name: argocd-cm\n")
        .append("    app.kubernetes.io/part-of: argocd\n")
        .append("data:\n");
    for (String kind : ShieldArgoCd.KINDS) {
      appendScript(out, "  ", kind);
    }
    return out.toString();
  }

  static String helmValuesText() {
    StringBuilder out = new StringBuilder()
        .append("# Generated from deploy/argocd/resource_customizations/shield.cybershield.io/*/health.lua by\n")
        .append("# HealthCheckPatchesTest (-Dshield.argocd.update=true rewrites it); do not edit.\n")
        .append("# The Shield health checks for an Argo CD installed with its Helm chart (argo/argo-cd):\n")
        .append("#   helm upgrade argocd argo/argo-cd -n argocd --reuse-values -f deploy/argocd/").append(HELM_VALUES)
        .append('\n')
        .append("configs:\n")
        .append("  cm:\n");
    for (String kind : ShieldArgoCd.KINDS) {
      appendScript(out, "    ", kind);
    }
    return out.toString();
  }

  private static void appendScript(StringBuilder out, String indent, String kind) {
    String script = script(kind);
    if (!script.endsWith("\n") || script.endsWith("\n\n")) {
      // a literal block with the default (clip) chomping keeps exactly one final line break
      throw new IllegalStateException("health.lua of " + kind + " must end with exactly one line break");
    }
    out.append(indent).append(key(kind)).append(": |\n");
    script.lines().forEach(line -> {
      if (line.isEmpty()) {
        out.append('\n');
      } else {
        out.append(indent).append("  ").append(line).append('\n');
      }
    });
  }
}
