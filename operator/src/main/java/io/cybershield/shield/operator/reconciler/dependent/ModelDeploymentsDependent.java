package io.cybershield.shield.operator.reconciler.dependent;

import java.util.ArrayList;
import io.cybershield.shield.operator.model.ModelGateway;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.operator.reconciler.ModelContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The DJL Serving Deployments, one per variant and pool, of the model as it is served ({@link ModelContext#release}:
 * the version a followed ShieldRetrain promoted, or spec.model). Only a change the status reports reconciles the model: a
 * new generation (anyone's spec change, which the operator then puts right), the Deployment controller observing it,
 * replica counts, or a rollout giving up; the Deployment controller's other condition bookkeeping does not.
 */
@KubernetesDependent(informer = @Informer(labelSelector = DependentLabels.MANAGED,
    onUpdateFilter = ModelDeploymentsDependent.RolloutChanged.class))
public class ModelDeploymentsDependent extends ModelBulkDependent<Deployment> {

  public ModelDeploymentsDependent() {
    super(Deployment.class);
  }

  @Override
  protected List<Deployment> desiredList(ShieldModel model, Context<ShieldModel> context) {
    List<Deployment> deployments = new ArrayList<>(ModelContext.deployments(context));
    deployments.add(ModelGateway.deployment(model, ModelContext.gateway(context)));
    return deployments;
  }

  /** Whether what the model's status reads of a Deployment changed. */
  public static class RolloutChanged implements OnUpdateFilter<Deployment> {

    @Override
    public boolean accept(Deployment now, Deployment before) {
      return !Objects.equals(progress(now), progress(before));
    }

    static List<Object> progress(Deployment deployment) {
      var status = deployment.getStatus();
      return Arrays.asList(deployment.getMetadata().getGeneration(),
          deployment.getSpec() == null ? null : deployment.getSpec().getReplicas(),
          status == null ? null : status.getObservedGeneration(),
          status == null ? null : status.getReplicas(),
          status == null ? null : status.getUpdatedReplicas(),
          status == null ? null : status.getReadyReplicas(),
          status == null ? null : status.getAvailableReplicas(),
          status != null && status.getConditions() != null && status.getConditions().stream()
              .anyMatch(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                  && "ProgressDeadlineExceeded".equals(c.getReason())));
    }
  }
}
