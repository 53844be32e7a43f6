package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.gateway.routing.KubernetesUpstreams;
import io.cybershield.shield.gateway.routing.StaticUpstreams;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upstreams the API routes over, made at start-up: with {@code shield.gateway.routes-file}, the stand-alone
 * {@link StaticUpstreams}; otherwise, with a model and a namespace, {@link KubernetesUpstreams} watching the cluster
 * (the Kubernetes client is only made then); with neither, a model without variants, and a warning saying what is
 * missing.
 */
@ApplicationScoped
public class UpstreamsProducer {

  private static final Logger LOG = Logger.getLogger(UpstreamsProducer.class);

  @Produces
  @Singleton
  @Startup
  Upstreams upstreams(GatewayConfig config, Instance<KubernetesClient> clients) {
    if (config.routesFile().isPresent()) {
      return StaticUpstreams.fromConfig(config.routesFile(), config.endpoints());
    }
    if (config.model().isPresent() && config.namespace().isPresent()) {
      String model = config.model().get();
      String routes = config.routesConfigMap().orElse(ShieldNames.gatewayRoutesConfigMap(model));
      return new KubernetesUpstreams(clients.get(), config.namespace().get(), model, routes).start();
    }
    List<String> missing = new ArrayList<>();
    if (config.model().isEmpty()) {
      missing.add("shield.gateway.model (SHIELD_MODEL)");
    }
    if (config.namespace().isEmpty()) {
      missing.add("shield.gateway.namespace (SHIELD_NAMESPACE)");
    }
    LOG.warnf("no routes: set shield.gateway.routes-file to run stand-alone, or shield.gateway.model (SHIELD_MODEL) "
        + "and shield.gateway.namespace (SHIELD_NAMESPACE) to watch a cluster; %s not set, so the model has no "
        + "variants and every request is refused", String.join(" and ", missing) + (missing.size() > 1 ? " are"
        : " is"));
    return StaticUpstreams.fromConfig(Optional.empty(), config.endpoints());
  }

  void stop(@Disposes Upstreams upstreams) {
    if (upstreams instanceof KubernetesUpstreams watching) {
      watching.close();
    }
  }
}
