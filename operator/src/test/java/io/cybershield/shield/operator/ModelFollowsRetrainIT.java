package io.cybershield.shield.operator;

import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.common.LocalReference;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainSpec;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRunBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.operator.reconciler.ShieldModelReconciler;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ShieldModel with spec.model.retrainRef against the sandbox: it serves the version its ShieldRetrain promoted —
 * the Deployments on the model's own weights get the release's weights and version, a variant with its own weights
 * keeps them, status.servedVersion follows once the rollout is done — and it follows a later promotion and a rollback;
 * a ShieldRetrain of another model is not followed, and the retrain controller's other status writes reconcile no
 * model. The operator never writes the model's spec: its generation never moves. Nothing in this branch writes a
 * ShieldRetrain's status but the test itself, as the retrain controller will.
 */
class ModelFollowsRetrainIT extends OperatorTestSupport {

  private static final Duration WITHIN = Duration.ofSeconds(45);
  private static final String MODEL = "threat-intel";
  private static final String RETRAIN = "threat-intel-biannual";
  private static final List<String> OWN_WEIGHTS = List.of("threat-intel-full-onprem", "threat-intel-full-cloud");
  private static final String LITE = "threat-intel-lite-onprem";

  @Override
  protected String namespacePrefix() {
    return "follow-";
  }

  /** This test plays the ShieldRetrain controller, writing the statuses it would write. */
  @Override
  protected OperatorOnSandbox startSandbox() throws IOException {
    return OperatorOnSandbox.withoutRetrainController();
  }

  private String model(String retrainRef) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: threat-intel, namespace: %s}
        spec:
          model: {uri: "s3://models/threat-intel", version: "v7", retrainRef: {name: %s}}
          variants:
            - {name: full, priorities: [critical, high, normal], gpu: {count: 1, resource: nvidia.com/gpu}}
            - {name: lite, uri: "s3://models/threat-intel-lite", priorities: [low], quantize: awq,
               gpu: {count: 1, resource: nvidia.com/mig-3g.40gb}}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 0, maxReplicas: 2,
                           tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
          dataClassification: confidential
        """.formatted(ns, retrainRef);
  }

  /** The reference ShieldRetrain of the crds fixtures, in this test's namespace. */
  private String retrain(String name, String trains) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldRetrain
        metadata: {name: %s, namespace: %s}
        spec:
          modelRef: {name: %s}
          schedule: "0 2 1 1,7 *"
          timeZone: Europe/Berlin
          trainer:
            image: registry.example/shield/trainer:1.4
            command: [python, -m, train]
            gpu: {count: 8, resource: nvidia.com/gpu}
            hyperparameters: {learningRate: "2e-5", epochs: "3"}
            datasets:
              - {name: threat-reports, uri: "s3://datasets/threat-reports/2026h2", classification: restricted}
          validation:
            image: registry.example/shield/evaluator:1.4
            dataset: {uri: "s3://datasets/incident-holdout/2026h2"}
            thresholds: {precision: 0.90}
          promotion: {policy: automatic, keepVersions: 3}
        """.formatted(name, ns, trains);
  }

  private static Release release(String version, long run) {
    return new Release(version, "s3://models/threat-intel/" + version, run, "2026-07-01T02:00:00Z");
  }

  /** Writes the ShieldRetrain's status through the status subresource, as the retrain controller does. */
  private void writeStatus(String retrain, UnaryOperator<ShieldRetrainStatusBuilder> edit) {
    sandbox.client.resources(ShieldRetrain.class).inNamespace(ns).withName(retrain).editStatus(r -> {
      r.setStatus(edit.apply(r.getStatus() == null ? new ShieldRetrainStatusBuilder()
          : new ShieldRetrainStatusBuilder(r.getStatus())).build());
      return r;
    });
  }

  private ShieldModel shieldModel() {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName(MODEL).get();
  }

  private Deployment deployment(String name) {
    return sandbox.client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static String env(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst().orElse(null);
  }

  private static String versionLabel(Deployment deployment) {
    return deployment.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/version");
  }

  private Condition ready() {
    ShieldModel model = shieldModel();
    return model == null || model.getStatus() == null ? null : model.getStatus().condition("Ready").orElse(null);
  }

  /**
   * The model serves {@code version} from {@code weights}: the Deployments on the model's weights carry them, the
   * lite variant its own weights with the version, every Deployment is rolled out and status.servedVersion says so.
   */
  private void awaitServed(String version, String weights) {
    await().atMost(WITHIN).untilAsserted(() -> {
      for (String name : OWN_WEIGHTS) {
        Deployment deployment = deployment(name);
        assertThat(deployment).as(name).isNotNull();
        assertThat(env(deployment, "HF_MODEL_ID")).as(name).isEqualTo(weights);
        assertThat(env(deployment, "SHIELD_MODEL_VERSION")).as(name).isEqualTo(version);
        assertThat(versionLabel(deployment)).as(name).isEqualTo(version);
      }
      Deployment lite = deployment(LITE);
      assertThat(lite).as(LITE).isNotNull();
      assertThat(env(lite, "HF_MODEL_ID")).as("a variant with its own weights keeps them")
          .isEqualTo("s3://models/threat-intel-lite");
      assertThat(versionLabel(lite)).isEqualTo(version);
      ShieldModel model = shieldModel();
      assertThat(model.getStatus()).as("the model's status").isNotNull();
      assertThat(model.getStatus().servedVersion()).isEqualTo(version);
      assertThat(model.getStatus().observedGeneration()).isEqualTo(model.getMetadata().getGeneration());
      Condition ready = model.getStatus().condition("Ready").orElse(null);
      assertThat(ready).as("Ready").isNotNull();
      assertThat(ready.status()).as(ready.message()).isEqualTo(ConditionStatus.TRUE);
    });
  }

  private List<Event> modelEvents(String reason) {
    return sandbox.client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> MODEL.equals(e.getInvolvedObject().getName())
            && "ShieldModel".equals(e.getInvolvedObject().getKind()) && reason.equals(e.getReason()))
        .toList();
  }

  /** The model's spec as the user wrote it, and its generation, which only a spec change moves. */
  private void assertSpecUntouched(long generation) {
    ShieldModel model = shieldModel();
    assertThat(model.getMetadata().getGeneration()).as("the operator never writes the model's spec")
        .isEqualTo(generation);
    assertThat(model.getSpec().model()).isEqualTo(new ModelSource("s3://models/threat-intel", "v7", null,
        new LocalReference(RETRAIN)));
  }

  @Test
  void aModelServesWhatItsRetrainPromotesAndFollowsAPromotionAndARollback() {
    sandbox.kubectl.apply(retrain(RETRAIN, MODEL));
    sandbox.kubectl.apply(model(RETRAIN));
    awaitServed("v7", "s3://models/threat-intel");
    assertThat(ready().message()).endsWith("; ShieldRetrain threat-intel-biannual has not promoted a version yet, "
        + "so spec.model.version v7 is served");
    long generation = shieldModel().getMetadata().getGeneration();

    writeStatus(RETRAIN, status -> status.withPhase(RetrainPhase.Scheduled).withPromotedVersion("r1")
        .withReleases(release("r1", 1)));
    awaitServed("r1", "s3://models/threat-intel/r1");
    assertThat(ready().message()).isEqualTo("all 2 desired replicas of 2 variants serve version r1; "
        + "ShieldRetrain threat-intel-biannual promoted version r1 (weights s3://models/threat-intel/r1)");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(modelEvents("VersionPromoted")).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("ShieldRetrain threat-intel-biannual promoted version "
            + "r1 (weights s3://models/threat-intel/r1): rolling it out in place of version v7")));

    writeStatus(RETRAIN, status -> status.withPromotedVersion("r2").withPreviousVersions("r1")
        .withReleases(release("r2", 2), release("r1", 1)));
    awaitServed("r2", "s3://models/threat-intel/r2");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(modelEvents("VersionPromoted"))
        .filteredOn(e -> e.getMessage().contains("version r2")).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).endsWith("in place of version r1")));

    // r2 did not become available in time: the retrain controller serves r1 again and drops r2
    writeStatus(RETRAIN, status -> status.withPromotedVersion("r1").withPreviousVersions(List.of())
        .withReleases(release("r1", 1))
        .withHistory(new RetrainRunBuilder().withNumber(2L).withVersion("r2").withPhase(RunPhase.RolledBack)
            .withReason("RolloutTimedOut").build()));
    awaitServed("r1", "s3://models/threat-intel/r1");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(modelEvents("VersionRolledBack")).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("ShieldRetrain threat-intel-biannual rolled back from "
            + "version r2 to r1: rolling out r1 (weights s3://models/threat-intel/r1)")));

    assertSpecUntouched(generation);
  }

  @Test
  void aRetrainOfAnotherModelIsNotFollowedAndItsHeartbeatsReconcileNoModel() {
    sandbox.kubectl.apply(retrain(RETRAIN, "phishing-coach"));
    writeStatus(RETRAIN, status -> status.withPhase(RetrainPhase.Scheduled).withPromotedVersion("r1")
        .withReleases(release("r1", 1)));
    sandbox.kubectl.apply(model(RETRAIN));
    awaitServed("v7", "s3://models/threat-intel");
    assertThat(ready().message()).endsWith("; ShieldRetrain threat-intel-biannual trains model phishing-coach, not "
        + "threat-intel, so spec.model.version v7 is served");
    long generation = shieldModel().getMetadata().getGeneration();

    // a change of the model the ShieldRetrain trains reaches the model; by the time it is reported, the reconciles
    // the model's own rollout queued have run
    retarget("coach-lite");
    awaitNotFollowed("coach-lite");

    // the retrain controller's bookkeeping changes nothing the model serves
    double before = reconciles();
    writeStatus(RETRAIN, status -> status.withPhase(RetrainPhase.Training)
        .withLastScheduleTime("2026-07-01T00:00:00Z").withNextScheduleTime("2027-01-01T01:00:00Z")
        .withCurrentRun(new RetrainRunBuilder().withNumber(2L).withVersion("r2").withPhase(RunPhase.Training)
            .build()));
    writeStatus(RETRAIN, status -> status.withPhase(RetrainPhase.Validating).withCurrentRun(new RetrainRunBuilder()
        .withNumber(2L).withVersion("r2").withPhase(RunPhase.Validating).build()));
    // then a change that counts: the informer delivers in order, so once it is reconciled the writes before it have
    // been seen
    retarget("coach-mini");
    awaitNotFollowed("coach-mini");
    await().atMost(WITHIN).untilAsserted(() -> assertThat(reconciles()).isGreaterThanOrEqualTo(before + 1));
    assertThat(reconciles() - before).as("model reconciles: the change of spec.modelRef only, no status heartbeat")
        .isEqualTo(1.0);
    assertThat(deployment("threat-intel-full-onprem").getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", "v7");

    // pointed at this model, the ShieldRetrain's promoted version is served
    retarget(MODEL);
    awaitServed("r1", "s3://models/threat-intel/r1");
    assertSpecUntouched(generation);
  }

  private void awaitNotFollowed(String trained) {
    await().atMost(WITHIN).untilAsserted(() -> assertThat(ready().message()).endsWith("; ShieldRetrain "
        + "threat-intel-biannual trains model " + trained + ", not threat-intel, so spec.model.version v7 is served"));
  }

  private void retarget(String model) {
    sandbox.client.resources(ShieldRetrain.class).inNamespace(ns).withName(RETRAIN).edit(r -> {
      ShieldRetrainSpec spec = r.getSpec();
      r.setSpec(new ShieldRetrainSpec(new LocalReference(model), spec.schedule(), spec.timeZone(),
          spec.startingDeadline(), spec.suspend(), spec.trainer(), spec.validation(), spec.promotion(),
          spec.historyLimit()));
      return r;
    });
  }

  private double reconciles() {
    var counter = sandbox.metrics.find("reconciliations.started.total")
        .tag("controller.name", ShieldModelReconciler.NAME).counter();
    return counter == null ? 0 : counter.count();
  }
}
