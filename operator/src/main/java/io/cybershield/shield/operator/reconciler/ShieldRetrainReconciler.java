package io.cybershield.shield.operator.reconciler;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.capacity.GpuCapacity;
import io.cybershield.shield.operator.events.ModelEvents;
import io.cybershield.shield.operator.metrics.RetrainMetrics;
import io.cybershield.shield.operator.reconciler.dependent.TrainerServiceAccountDependent;
import io.cybershield.shield.operator.retrain.JobState;
import io.cybershield.shield.operator.retrain.RetrainJobs;
import io.cybershield.shield.operator.retrain.RunPlanner;
import io.cybershield.shield.operator.status.Conditions;
import io.cybershield.shield.operator.status.StatusDiff;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles a ShieldRetrain: the pure {@link RunPlanner} decides from what this controller observes (the
 * ShieldRetrain, the ShieldModel it trains, its runs' Jobs and their pods' termination messages, and — only when a
 * run is about to start training — the GPUs of the trainer's pool); this class creates the current run's inputs
 * ConfigMap and Jobs when they are missing, deletes the objects of runs that left the history, writes the status,
 * then records the Events and metrics of the transitions. Jobs are named by run number, so a restarted operator, or a
 * reconcile that repeats after a failed status write, finds the Job it made instead of starting a second one.
 */
@Workflow(dependents = @Dependent(name = "trainer-service-account", type = TrainerServiceAccountDependent.class))
// not generation-aware: the trigger and approve annotations change no generation
@ControllerConfiguration(name = ShieldRetrainReconciler.NAME, generationAwareEventProcessing = false)
@RBACRule(apiGroups = "batch", resources = "jobs", verbs = {"get", "list", "watch", "create", "delete"})
@RBACRule(apiGroups = "", resources = "configmaps", verbs = {"get", "create", "delete"})
@RBACRule(apiGroups = "", resources = {"nodes", "pods"}, verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "shield.cybershield.io", resources = "shieldmodels", verbs = {"get", "list", "watch"})
@RBACRule(apiGroups = "", resources = "events", verbs = {"create", "patch"})
public class ShieldRetrainReconciler implements Reconciler<ShieldRetrain> {

  public static final String NAME = "shieldretrain";
  static final String JOBS = "retrain-jobs";
  static final String JOB_PODS = "retrain-pods";
  static final String MODELS = "retrain-models";
  private static final String BY_MODEL = "retrain-by-model";
  private static final String RETRAIN_SELECTOR = ShieldNames.RETRAIN_LABEL;

  private final Clock clock;
  private final ModelEvents events;
  private final RetrainMetrics metrics;

  @Inject
  public ShieldRetrainReconciler(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.events = new ModelEvents(clock);
    this.metrics = new RetrainMetrics(registry);
  }

  @Override
  public List<EventSource<?, ShieldRetrain>> prepareEventSources(EventSourceContext<ShieldRetrain> context) {
    context.getPrimaryCache().addIndexer(BY_MODEL, retrain -> List.of(modelKey(
        retrain.getMetadata().getNamespace(), retrain.getSpec().modelRef().name())));
    InformerEventSource<Job, ShieldRetrain> jobs = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Job.class, ShieldRetrain.class).withName(JOBS)
            .withLabelSelector(RETRAIN_SELECTOR)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(ShieldRetrain.class, false)).build(), context);
    // the pods of the runs' Jobs, for their termination messages; only a terminated container matters
    InformerEventSource<Pod, ShieldRetrain> pods = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, ShieldRetrain.class).withName(JOB_PODS)
            .withLabelSelector(RETRAIN_SELECTOR)
            .withOnUpdateFilter((now, before) -> !Objects.equals(phase(now), phase(before)))
            .withSecondaryToPrimaryMapper(pod -> Set.of(new ResourceID(
                pod.getMetadata().getLabels().get(ShieldNames.RETRAIN_LABEL), pod.getMetadata().getNamespace())))
            .build(), context);
    // the trained model: whether it exists and, while a promoted version rolls out, whether it serves it
    InformerEventSource<ShieldModel, ShieldRetrain> models = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ShieldModel.class, ShieldRetrain.class).withName(MODELS)
            .withOnUpdateFilter((now, before) -> !rolloutView(now).equals(rolloutView(before)))
            .withSecondaryToPrimaryMapper(model -> context.getPrimaryCache()
                .byIndex(BY_MODEL, modelKey(model.getMetadata().getNamespace(), model.getMetadata().getName()))
                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper(primary -> {
              ShieldRetrain retrain = (ShieldRetrain) primary;
              return Set.of(new ResourceID(retrain.getSpec().modelRef().name(),
                  retrain.getMetadata().getNamespace()));
            })
            .build(), context);
    return List.of(jobs, pods, models);
  }

  @Override
  @SuppressWarnings("unchecked")
  public UpdateControl<ShieldRetrain> reconcile(ShieldRetrain retrain, Context<ShieldRetrain> context) {
    String namespace = retrain.getMetadata().getNamespace();
    String uid = retrain.getMetadata().getUid();
    KubernetesClient client = context.getClient();
    ShieldModel model = context.getSecondaryResource(ShieldModel.class, MODELS).orElse(null);
    List<Job> ownJobs = ((InformerEventSource<Job, ShieldRetrain>) context.eventSourceRetriever()
        .getEventSourceFor(Job.class, JOBS)).list(namespace).filter(job -> ownedBy(job, uid)).toList();
    List<Pod> pods = ((InformerEventSource<Pod, ShieldRetrain>) context.eventSourceRetriever()
        .getEventSourceFor(Pod.class, JOB_PODS)).list(namespace)
        .filter(pod -> retrain.getMetadata().getName().equals(pod.getMetadata().getLabels()
            .get(ShieldNames.RETRAIN_LABEL))).toList();
    Map<String, JobState> jobStates = new HashMap<>();
    for (Job job : ownJobs) {
      String jobName = job.getMetadata().getName();
      String container = ShieldNames.COMPONENT_EVALUATOR.equals(job.getMetadata().getLabels()
          .get(ShieldNames.COMPONENT_LABEL)) ? RetrainJobs.EVALUATOR_CONTAINER : RetrainJobs.TRAINER_CONTAINER;
      List<Pod> jobPods = pods.stream().filter(pod -> jobName.equals(pod.getMetadata().getLabels()
          .get("batch.kubernetes.io/job-name"))).toList();
      jobStates.put(jobName, JobState.of(job, jobPods, container));
    }

    RunPlanner.Plan plan = RunPlanner.plan(new RunPlanner.Inputs(retrain, model, jobStates,
        (jobName, label, gpu, pool, scheduling) -> CapacityPlan.checkPod(jobName, label, gpu, pool, scheduling,
            GpuCapacity.of(client.nodes().list().getItems(), client.pods().inAnyNamespace().list().getItems())),
        clock));

    // a run's inputs and Job are made together, the inputs first; once the Job is in the cache, nothing is asked
    Set<String> cachedJobs = ownJobs.stream().map(job -> job.getMetadata().getName()).collect(Collectors.toSet());
    if (plan.create().stream().anyMatch(o -> o instanceof Job && !cachedJobs.contains(o.getMetadata().getName()))) {
      plan.create().stream().filter(o -> !(o instanceof Job && cachedJobs.contains(o.getMetadata().getName())))
          .forEach(object -> createIfMissing(client, object));
    }
    pruneRuns(client, retrain, ownJobs, plan.keptRuns());

    ShieldRetrainStatus before = retrain.getStatus();
    ShieldRetrainStatus after = plan.status();
    if (StatusDiff.changed(before, after)) {
      context.resourceOperations().serverSideApplyPrimaryStatus(withStatus(retrain, after));
      // once the status that reports them is written, so a failed write does not repeat them
      plan.events().forEach(event -> events.publish(client, retrain, event.type(), event.reason(), event.message()));
      events.conditionTransitions(client, retrain, before == null ? List.of() : before.conditions(),
          after.conditions().stream().filter(c -> ShieldRetrainStatus.READY.equals(c.type())
              || ShieldRetrainStatus.CAPACITY_AVAILABLE.equals(c.type())).toList());
      plan.finished().forEach(run -> metrics.finished(namespace, retrain.getMetadata().getName(), run));
    }
    metrics.running(namespace, retrain.getMetadata().getName(), after.currentRun() != null);
    return UpdateControl.<ShieldRetrain>noUpdate().rescheduleAfter(plan.requeueAfter());
  }

  /** Creates an object of the current run; one that exists already (made by an earlier reconcile) is left alone. */
  private static void createIfMissing(KubernetesClient client, HasMetadata object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /** Deletes the Jobs and inputs of runs that left the history (their pods go with the Jobs). */
  private static void pruneRuns(KubernetesClient client, ShieldRetrain retrain, List<Job> ownJobs, Set<Long> kept) {
    String namespace = retrain.getMetadata().getNamespace();
    Set<String> keptRuns = kept.stream().map(String::valueOf).collect(Collectors.toSet());
    for (Job job : ownJobs) {
      String run = job.getMetadata().getLabels().get(ShieldNames.RUN_LABEL);
      if (keptRuns.contains(run)) {
        continue;
      }
      client.batch().v1().jobs().inNamespace(namespace).withName(job.getMetadata().getName())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      if (run != null) {
        client.resources(ConfigMap.class).inNamespace(namespace)
            .withName(ShieldNames.runInputs(retrain.getMetadata().getName(), Long.parseLong(run))).delete();
      }
    }
  }

  private static boolean ownedBy(HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
        .anyMatch(owner -> uid.equals(owner.getUid()));
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  /** What the planner reads of a model: its spec's retrain reference, served version, Ready and Degraded. */
  static List<Object> rolloutView(ShieldModel model) {
    ShieldModelStatus status = model.getStatus();
    List<Condition> conditions = status == null ? null : status.conditions();
    Condition ready = Conditions.find(conditions, ShieldModelStatus.READY);
    Condition degraded = Conditions.find(conditions, ShieldModelStatus.DEGRADED);
    return Arrays.asList(model.getSpec() == null || model.getSpec().model() == null ? null
            : model.getSpec().model().retrainRef(),
        model.getSpec() == null ? null : model.getSpec().dataClassification(),
        status == null ? null : status.servedVersion(),
        ready == null ? null : ready.status(), degraded == null ? null : degraded.status(),
        degraded == null ? null : degraded.reason());
  }

  private static String modelKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** A status-only copy for the status patch: the operator never writes the user's spec. */
  private static ShieldRetrain withStatus(ShieldRetrain retrain, ShieldRetrainStatus status) {
    ShieldRetrain patch = new ShieldRetrain();
    patch.setMetadata(new ObjectMetaBuilder().withName(retrain.getMetadata().getName())
        .withNamespace(retrain.getMetadata().getNamespace()).build());
    patch.setStatus(status);
    return patch;
  }

  @Override
  public ErrorStatusUpdateControl<ShieldRetrain> updateErrorStatus(ShieldRetrain retrain,
      Context<ShieldRetrain> context, Exception e) {
    ShieldRetrainStatus previous = retrain.getStatus();
    List<Condition> conditions = new Conditions(previous == null ? null : previous.conditions(), clock,
        retrain.getMetadata().getGeneration())
        .setFalse(ShieldRetrainStatus.READY, "ReconcileError", "the operator could not reconcile this "
            + "ShieldRetrain: " + firstLine(e)).toList();
    ShieldRetrainStatus status = previous == null
        ? new io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder().withConditions(conditions).build()
        : new io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder(previous)
            .withConditions(conditions).build();
    return ErrorStatusUpdateControl.patchStatus(withStatus(retrain, status));
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message).trim();
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
