package io.cybershield.shield.gateway.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code shield.gateway.*}: the public API's limits and where its upstreams come from: a routes file and an endpoint
 * list (stand-alone and test mode), or the cluster (the routing ConfigMap and the pods of the model, in the namespace
 * the operator names).
 */
@ConfigMapping(prefix = "shield.gateway")
public interface GatewayConfig {

  /**
   * Stand-alone and test mode: the routing document ({@code routes.json} of the routing ConfigMap). Without it the
   * model has no variants and every request is answered 503.
   */
  Optional<Path> routesFile();

  /** Stand-alone and test mode: the endpoints, each {@code variant:pool:host:port}, all taken as ready. */
  Optional<List<String>> endpoints();

  /** Cluster mode: the ShieldModel this gateway serves ({@code SHIELD_MODEL}, which the operator sets). */
  Optional<String> model();

  /** Cluster mode: the namespace of the model, its routing ConfigMap and its pods ({@code SHIELD_NAMESPACE}). */
  Optional<String> namespace();

  /**
   * Cluster mode: the routing ConfigMap ({@code SHIELD_ROUTES_CONFIGMAP}); {@code <model>-gateway-routes} when not
   * set.
   */
  Optional<String> routesConfigMap();

  /** The time a whole request may take, upstream retries included; then 504 {@code DeadlineExceeded}. */
  @WithDefault("120s")
  Duration requestDeadline();

  /** The longest prompt (for a chat: all messages' content together), in characters. */
  @WithDefault("32768")
  int maxPromptChars();

  /** The most tokens a request may ask to generate. */
  @WithDefault("4096")
  int maxTokens();

  /** The tokens generated when a request does not say. */
  @WithDefault("256")
  int defaultMaxTokens();

  /** The most messages in one chat request. */
  @WithDefault("256")
  int maxMessages();

  /** The output checks of the model's answers. */
  Output output();

  /** {@code shield.gateway.output.*}. */
  interface Output {

    /**
     * The characters of a stream held back until they are checked: a secret or a system-prompt copy no longer than
     * this is caught even when it comes split over many tokens (private keys are held whole, up to 16 KiB). A smaller
     * window sends a stream's text sooner and protects less.
     */
    @WithDefault("256")
    int streamWindow();

    /** How many characters beyond the window a stream gathers before it checks and sends again. */
    @WithDefault("128")
    int streamStep();
  }
}
