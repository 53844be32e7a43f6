package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.model.ModelGateway;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps {@value ModelGateway#AUTH_DELEGATION} — the one ClusterRoleBinding that lets the gateways create TokenReviews
 * — listing the gateway ServiceAccount of every model the operator knows. Not a dependent resource: it is
 * cluster-scoped and shared by all models, so no model can own it. Applied with server-side apply whenever the
 * subjects differ from what this operator process applied last (once after a start, then only on a change); a
 * deleted model's subject leaves with the next model's reconcile, and its ServiceAccount is gone with the model
 * meanwhile.
 */
final class GatewayAuthDelegation {

  private static final Logger LOG = Logger.getLogger(GatewayAuthDelegation.class);
  static final String FIELD_MANAGER = "shield-operator";

  private final AtomicReference<ClusterRoleBinding> applied = new AtomicReference<>();

  void ensure(KubernetesClient client, Collection<ShieldModel> models) {
    ClusterRoleBinding desired = ModelGateway.authDelegation(models);
    ClusterRoleBinding last = applied.get();
    if (last != null && last.getSubjects().equals(desired.getSubjects())) {
      return;
    }
    client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    applied.set(desired);
    LOG.debugf("the gateways' token reviews now cover %d gateway service accounts", desired.getSubjects().size());
  }
}
