package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A managed kind of which a ShieldModel owns a varying number (one per variant, or per variant and pool). The
 * desired objects come from a pure builder; JOSDK creates and server-side-applies them and deletes those the builder
 * no longer lists (a removed variant, a parked pool's HPA). Owner references tie them to the model, so deleting the
 * model deletes them through the garbage collector, with no finalizer that a stopped operator would leave hanging.
 */
abstract class ModelBulkDependent<R extends HasMetadata> extends KubernetesDependentResource<R, ShieldModel>
    implements CRUDKubernetesBulkDependentResource<R, ShieldModel>, KubernetesBulkDependentResource<R, ShieldModel>,
    GarbageCollected<ShieldModel> {

  ModelBulkDependent(Class<R> type) {
    super(type);
  }

  /** The builder's output for this kind. */
  protected abstract List<R> desiredList(ShieldModel model, Context<ShieldModel> context);

  @Override
  public Map<ResourceID, R> desiredResources(ShieldModel model, Context<ShieldModel> context) {
    Map<ResourceID, R> desired = new LinkedHashMap<>();
    for (R resource : desiredList(model, context)) {
      resource.getMetadata().setNamespace(model.getMetadata().getNamespace());
      desired.put(new ResourceID(resource.getMetadata().getName(), model.getMetadata().getNamespace()), resource);
    }
    return desired;
  }
}
