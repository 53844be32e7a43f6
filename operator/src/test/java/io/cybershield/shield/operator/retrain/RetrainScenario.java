package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSourceBuilder;
import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.operator.capacity.CapacityPlan;
import io.cybershield.shield.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A ShieldRetrain driven through the pure planner the way the reconciler drives it: each {@link #reconcile} plans
 * from the current objects, "writes" the status and "creates" the planned objects, and remembers the Events. Jobs
 * end the way a test says; the model rolls out when a test says.
 */
final class RetrainScenario {

  Instant now = Instant.parse("2026-12-03T10:00:00Z");
  ShieldRetrain retrain;
  ShieldModel model;
  final Map<String, JobState> jobs = new HashMap<>();
  final Map<String, HasMetadata> created = new LinkedHashMap<>();
  final List<RunPlanner.Event> events = new ArrayList<>();
  final List<String> createdJobOrder = new ArrayList<>();
  RunPlanner.Plan last;
  CapacityPlan.Entry capacity = fits();

  RetrainScenario() {
    retrain = load("/retrain/shieldretrain-threat-intel-biannual.yaml", ShieldRetrain.class);
    model = load("/model/shieldmodel-threat-intel.yaml", ShieldModel.class);
    model.getMetadata().setNamespace("soc");
    followRetrain(true);
  }

  static CapacityPlan.Entry fits() {
    return new CapacityPlan.Entry("job", io.cybershield.shield.api.v1alpha1.common.Pool.ONPREM, "nvidia.com/gpu",
        null, 8, 1, 1, 8, 8, 1, CapacityPlan.Reason.SUFFICIENT, "");
  }

  static CapacityPlan.Entry shortOf(long free) {
    return new CapacityPlan.Entry("job", io.cybershield.shield.api.v1alpha1.common.Pool.ONPREM, "nvidia.com/gpu",
        null, 8, 1, 0, free, free, 1, CapacityPlan.Reason.INSUFFICIENT_GPU,
        "pool onprem lacks " + (8 - free) + " nvidia.com/gpu for training job x (needs 8 for 1 replica, " + free
            + " free on nodes matching the pool)");
  }

  void followRetrain(boolean follow) {
    ModelSource source = model.getSpec().model();
    ModelSource next = new ModelSourceBuilder(source)
        .withRetrainRef(follow ? new LocalReference(retrain.getMetadata().getName()) : null).build();
    ShieldModel copy = Serialization.clone(model);
    copy.setSpec(new io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder(model.getSpec())
        .withModel(next).build());
    model = copy;
  }

  RetrainScenario edit(Consumer<ShieldRetrain> change) {
    ShieldRetrain copy = Serialization.clone(retrain);
    change.accept(copy);
    retrain = copy;
    return this;
  }

  RetrainScenario annotate(String key, String value) {
    return edit(r -> {
      Map<String, String> annotations = new HashMap<>(r.getMetadata().getAnnotations() == null ? Map.of()
          : r.getMetadata().getAnnotations());
      annotations.put(key, value);
      r.getMetadata().setAnnotations(annotations);
    });
  }

  RetrainScenario trigger(String value) {
    return annotate(ShieldNames.TRIGGER_ANNOTATION, value);
  }

  RetrainScenario advance(Duration by) {
    now = now.plus(by);
    return this;
  }

  RunPlanner.Plan reconcile() {
    RunPlanner.Plan plan = RunPlanner.plan(new RunPlanner.Inputs(retrain, model, Map.copyOf(jobs),
        (job, label, gpu, pool, scheduling) -> capacity, Clock.fixed(now, ZoneOffset.UTC)));
    ShieldRetrain written = Serialization.clone(retrain);
    written.setStatus(plan.status());
    retrain = written;
    for (HasMetadata object : plan.create()) {
      if (created.putIfAbsent(object.getMetadata().getName(), object) == null && object instanceof Job) {
        createdJobOrder.add(object.getMetadata().getName());
        jobs.putIfAbsent(object.getMetadata().getName(), JobState.running(object.getMetadata().getName()));
      }
    }
    events.addAll(plan.events());
    last = plan;
    return plan;
  }

  ShieldRetrainStatus status() {
    return retrain.getStatus();
  }

  void succeed(String job, String message) {
    jobs.put(job, JobState.succeeded(job, message));
  }

  void fail(String job, String message, int exitCode) {
    jobs.put(job, JobState.failed(job, "BackoffLimitExceeded", "Job has reached the specified backoff limit",
        message, exitCode));
  }

  /** The model's status as its controller writes it once the version rolled out (or not). */
  void modelServes(String version, boolean ready) {
    ShieldModel copy = Serialization.clone(model);
    ShieldModelStatus status = new ShieldModelStatusBuilder().withServedVersion(version)
        .withConditions(new Conditions(null, Clock.fixed(now, ZoneOffset.UTC), 1L)
            .set(ShieldModelStatus.READY, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE,
                ready ? "AllReplicasReady" : "Progressing", ready ? "all replicas ready" : "rolling out")
            .setFalse(ShieldModelStatus.DEGRADED, "AsExpected", "as expected").toList())
        .build();
    copy.setStatus(status);
    model = copy;
  }

  static String training(long run) {
    return ShieldNames.trainingJob("threat-intel-biannual", run);
  }

  static String validation(long run) {
    return ShieldNames.validationJob("threat-intel-biannual", run);
  }

  static <T> T load(String resource, Class<T> type) {
    try (InputStream in = RetrainScenario.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return Serialization.unmarshal(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
