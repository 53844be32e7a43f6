package io.cybershield.shield.api.v1alpha1;

/** Group, version and shared names of the Shield API. */
public final class ShieldApi {

  /** The API group of every Shield custom resource. */
  public static final String GROUP = "shield.cybershield.io";
  /** The API version these types describe. */
  public static final String VERSION = "v1alpha1";
  /** {@code group/version}, as written in apiVersion. */
  public static final String API_VERSION = GROUP + "/" + VERSION;
  /** The category of every Shield custom resource: {@code kubectl get shield} lists them all. */
  public static final String CATEGORY = "shield";
  /**
   * Where the builders of the spec and status records find their runtime: fabric8's copy of sundrio's, so that the
   * generated builders need nothing beyond the Kubernetes client.
   */
  public static final String BUILDER_PACKAGE = "io.fabric8.kubernetes.api.builder";

  private ShieldApi() {
  }
}
