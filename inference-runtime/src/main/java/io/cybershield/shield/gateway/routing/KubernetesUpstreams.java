package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.routing.GatewayRoutes;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;

/**
 * The upstreams of a gateway on a cluster: two namespaced informers, one on the routing ConfigMap by name (listed and
 * watched with {@code fieldSelector=metadata.name=<name>}, which a Role restricted by {@code resourceNames} permits),
 * one on the model's server pods ({@code shield.cybershield.io/model=<model>,
 * shield.cybershield.io/component=model-server}), which keeps only what routing reads of a pod (labels, deletion,
 * phase, IP, conditions). Every change of either recomputes the endpoints ({@link WatchedUpstreams}); nothing needs
 * a restart.
 * <p>
 * The informers re-list and re-watch by themselves after an API-server hiccup; they also keep trying when the API
 * server cannot be reached at start-up, and {@link #synced()} is false (the gateway unready) until both have listed
 * once. {@link #close()} stops them.
 */
public final class KubernetesUpstreams implements Upstreams, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KubernetesUpstreams.class);

  private final String where;
  private final WatchedUpstreams watched;
  private final SharedIndexInformer<ConfigMap> routesInformer;
  private final SharedIndexInformer<Pod> podInformer;

  /** Builds the informers for a model's routes and pods in its namespace; {@link #start()} starts them. */
  public KubernetesUpstreams(KubernetesClient client, String namespace, String model, String routesConfigMap) {
    this.where = namespace + "/" + routesConfigMap;
    this.watched = new WatchedUpstreams(where);
    this.routesInformer = client.configMaps().inNamespace(namespace).withName(routesConfigMap).runnableInformer(0);
    this.podInformer = client.pods().inNamespace(namespace)
        .withLabels(Map.of(ShieldNames.MODEL_LABEL, model, ShieldNames.COMPONENT_LABEL,
            ShieldNames.COMPONENT_MODEL_SERVER))
        .runnableInformer(0)
        // only what routing reads of a pod is kept, not its whole spec
        .itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, Pod.class,
            client.getKubernetesSerialization(), "metadata.labels", "metadata.deletionTimestamp", "status.phase",
            "status.podIP", "status.conditions"));
    // like client-go's reflectors: a list or watch that fails is tried again with back-off, at start-up too
    routesInformer.exceptionHandler((started, failure) -> true);
    podInformer.exceptionHandler((started, failure) -> true);
    routesInformer.addEventHandler(new ResourceEventHandler<ConfigMap>() {
      @Override
      public void onAdd(ConfigMap configMap) {
        watched.routesChanged(configMap);
      }

      @Override
      public void onUpdate(ConfigMap before, ConfigMap configMap) {
        watched.routesChanged(configMap);
      }

      @Override
      public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
        watched.routesDeleted();
      }
    });
    podInformer.addEventHandler(new ResourceEventHandler<Pod>() {
      @Override
      public void onAdd(Pod pod) {
        podsChanged();
      }

      @Override
      public void onUpdate(Pod before, Pod pod) {
        podsChanged();
      }

      @Override
      public void onDelete(Pod pod, boolean finalStateUnknown) {
        podsChanged();
      }
    });
  }

  /** Starts both informers without waiting for them. */
  public KubernetesUpstreams start() {
    LOG.infof("routing by the ConfigMap %s and the pods of its model", where);
    routesInformer.start().thenRun(() -> {
      if (routesInformer.getStore().list().isEmpty()) {
        LOG.warnf("the ConfigMap %s does not exist (yet): the model has no variants, and every request is refused "
            + "until it does", where);
      }
    });
    podInformer.start();
    return this;
  }

  private void podsChanged() {
    // the store already holds the change; the pods of one model are few
    watched.podsChanged(podInformer.getStore().list());
  }

  /** Whether both informers have listed once, so that the routes and endpoints are the cluster's. */
  @Override
  public boolean synced() {
    return routesInformer.hasSynced() && podInformer.hasSynced();
  }

  @Override
  public GatewayRoutes routes() {
    return watched.routes();
  }

  @Override
  public Collection<Router.Endpoint> endpoints() {
    return watched.endpoints();
  }

  @Override
  public void acquire(Router.Endpoint endpoint) {
    watched.acquire(endpoint);
  }

  @Override
  public void release(Router.Endpoint endpoint) {
    watched.release(endpoint);
  }

  /** Stops both informers. */
  @Override
  public void close() {
    routesInformer.stop();
    podInformer.stop();
  }
}
