package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.capacity.CapacityMemo;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.operator.model.ModelRelease;
import io.cybershield.shield.operator.model.ModelScaledObjects;
import io.cybershield.shield.operator.model.ModelServerDeployments;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values one reconcile shares between the reconciler and its dependents: put into the context explicitly before
 * the dependents run, and read back as mandatory, so no dependent computes them for the others.
 */
public final class ModelContext {

  private static final String FLOORS_KEY = "shield.private-cloud-floors";
  private static final String GATEWAY_KEY = "shield.gateway-settings";
  private static final String RELEASE_KEY = ModelRelease.class.getName();
  private static final String DEPLOYMENTS_KEY = ModelServerDeployments.class.getName();
  private static final String KEDA_KEY = "shield.keda";

  private ModelContext() {
  }

  /** Sets the private-cloud floor per variant this reconcile applies. */
  static void putFloors(Context<ShieldModel> context, Map<String, Integer> floorByVariant) {
    context.managedWorkflowAndDependentResourceContext().put(FLOORS_KEY, Map.copyOf(floorByVariant));
  }

  /** Sets the operator's gateway settings for this reconcile. */
  static void putGateway(Context<ShieldModel> context, ModelGateway.Settings settings) {
    context.managedWorkflowAndDependentResourceContext().put(GATEWAY_KEY, settings);
  }

  /** The operator's gateway settings. */
  public static ModelGateway.Settings gateway(Context<ShieldModel> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(GATEWAY_KEY, ModelGateway.Settings.class);
  }

  /** The private-cloud floor per variant this reconcile applies. */
  @SuppressWarnings("unchecked")
  public static Map<String, Integer> floors(Context<ShieldModel> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(FLOORS_KEY, Map.class);
  }

  /**
   * Sets whether KEDA scales the private-cloud Deployments in this reconcile (its CRD exists: see
   * {@link KedaActivation}), with the operator's KEDA settings; {@code null} settings when it does not.
   */
  static void putKeda(Context<ShieldModel> context, ModelScaledObjects.Settings settingsWhereInstalled) {
    context.managedWorkflowAndDependentResourceContext().put(KEDA_KEY,
        Optional.ofNullable(settingsWhereInstalled));
  }

  /**
   * The operator's KEDA settings when KEDA scales the private-cloud Deployments in this reconcile (ScaledObjects,
   * no HPAs), else empty (the HPAs).
   */
  @SuppressWarnings("unchecked")
  public static Optional<ModelScaledObjects.Settings> keda(Context<ShieldModel> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEDA_KEY, Optional.class);
  }

  /** Sets what this reconcile serves: spec.model, or the version the ShieldRetrain in retrainRef promoted. */
  static void putRelease(Context<ShieldModel> context, ModelRelease release) {
    context.managedWorkflowAndDependentResourceContext().put(RELEASE_KEY, release);
  }

  /** What this reconcile serves; {@link ModelRelease#served()} is the model the DJL Serving Deployments are built from. */
  public static ModelRelease release(Context<ShieldModel> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(RELEASE_KEY, ModelRelease.class);
  }

  /**
   * The builders' DJL Serving Deployments of the served model with this reconcile's floors, built once for the
   * dependent and the status.
   */
  @SuppressWarnings("unchecked")
  public static List<Deployment> deployments(Context<ShieldModel> context) {
    var shared = context.managedWorkflowAndDependentResourceContext();
    return shared.get(DEPLOYMENTS_KEY, List.class).orElseGet(() -> {
      List<Deployment> deployments = ModelServerDeployments.desired(release(context).served(), floors(context),
          keda(context).isPresent());
      shared.put(DEPLOYMENTS_KEY, deployments);
      return deployments;
    });
  }

  /** The cluster's GPU capacity from the controller's Node and Pod informers, reused while they hold the same objects. */
  static GpuCapacity capacity(Context<ShieldModel> context, CapacityMemo memo) {
    return memo.capacity(cached(context, Node.class, ClusterInformers.NODES),
        cached(context, Pod.class, ClusterInformers.PODS));
  }

  /** Everything an informer of this controller holds. */
  @SuppressWarnings("unchecked")
  static <R extends HasMetadata> List<R> cached(Context<ShieldModel> context, Class<R> type, String name) {
    return ((InformerEventSource<R, ShieldModel>) context.eventSourceRetriever().getEventSourceFor(type, name))
        .list().toList();
  }
}
