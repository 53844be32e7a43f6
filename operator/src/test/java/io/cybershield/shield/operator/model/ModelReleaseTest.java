package io.cybershield.shield.operator.model;

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
import io.cybershield.shield.operator.ModelEdits;
import io.cybershield.shield.operator.model.ModelRelease.Source;
import io.cybershield.shield.operator.model.ModelRelease.VersionChange;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelReleaseTest {

  private static final String RETRAIN = "threat-intel-biannual";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static ShieldModel following(String retrain) {
    ShieldModel model = ModelFixtures.threatIntel();
    ModelSource source = model.getSpec().model();
    return ModelEdits.editSpec(model, spec -> spec.withModel(new ModelSource(source.uri(), source.version(),
        source.baseModel(), retrain == null ? null : new LocalReference(retrain))));
  }

  private static ShieldRetrain retrain(String trains, String promoted, Release... releases) {
    ShieldRetrain retrain = new ShieldRetrain();
    retrain.setMetadata(new ObjectMetaBuilder().withName(RETRAIN).withNamespace("default").build());
    retrain.setSpec(new ShieldRetrainSpec(new LocalReference(trains), "0 2 1 1,7 *", null, null, false, null, null,
        null, 5));
    retrain.setStatus(new ShieldRetrainStatusBuilder().withPhase(RetrainPhase.Scheduled)
        .withPromotedVersion(promoted).withReleases(releases.length == 0 ? null : List.of(releases)).build());
    return retrain;
  }

  private static Release release(String version, long run) {
    return new Release(version, "s3://models/threat-intel/" + version, run, "2026-07-01T02:00:00Z");
  }

  private static Map<String, String> env(Deployment deployment) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (EnvVar var : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      env.put(var.getName(), var.getValue());
    }
    return env;
  }

  @Test
  void aModelWithoutRetrainRefIsServedAsItIs() {
    ShieldModel model = ModelFixtures.threatIntel();

    ModelRelease release = ModelRelease.of(model, null);

    assertThat(release.served()).isSameAs(model);
    assertThat(release.source()).isEqualTo(Source.SPEC);
    assertThat(release.retrain()).isNull();
    assertThat(release.version()).isEqualTo("v7");
    assertThat(release.explanation()).isEqualTo("serving spec.model.version v7");
  }

  @Test
  void aPromotedVersionIsServedWithTheWeightsOfItsRelease() {
    ShieldModel model = following(RETRAIN);
    String before = JSON.asJson(model);

    ModelRelease release = ModelRelease.of(model, retrain("threat-intel", "r2", release("r2", 2), release("r1", 1)));

    assertThat(release.source()).isEqualTo(Source.PROMOTED);
    assertThat(release.served().getSpec().model())
        .isEqualTo(new ModelSource("s3://models/threat-intel/r2", "r2", "EleutherAI/gpt-neox-20b",
            new LocalReference(RETRAIN)));
    assertThat(release.explanation())
        .isEqualTo("ShieldRetrain threat-intel-biannual promoted version r2 (weights s3://models/threat-intel/r2)");
    assertThat(JSON.asJson(model)).as("the model given is not modified").isEqualTo(before);
    assertThat(release.served()).isNotSameAs(model);
    assertThat(release.served().getMetadata()).isNotSameAs(model.getMetadata()).isEqualTo(model.getMetadata());
    assertThat(release.served().getSpec().variants()).isEqualTo(model.getSpec().variants());
  }

  @Test
  void theVariantsOnTheModelsWeightsGetTheNewWeightsAndVariantsWithTheirOwnKeepThem() {
    ModelRelease release = ModelRelease.of(following(RETRAIN), retrain("threat-intel", "r1", release("r1", 1)));

    List<Deployment> deployments = ModelServerDeployments.desired(release.served());

    Deployment full = ModelServerDeploymentsTest.byName(deployments, "threat-intel-full-onprem");
    Deployment lite = ModelServerDeploymentsTest.byName(deployments, "threat-intel-lite-onprem");
    assertThat(env(full)).containsEntry("HF_MODEL_ID", "s3://models/threat-intel/r1")
        .containsEntry("SHIELD_MODEL_VERSION", "r1");
    assertThat(full.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/version", "r1");
    assertThat(env(lite)).containsEntry("HF_MODEL_ID", "s3://models/threat-intel-lite");
    assertThat(lite.getSpec().getTemplate().getMetadata().getLabels())
        .as("the version is the model's, for every variant").containsEntry("app.kubernetes.io/version", "r1");
  }

  @Test
  void aMissingRetrainLeavesSpecModelAsItIs() {
    ShieldModel model = following(RETRAIN);

    ModelRelease release = ModelRelease.of(model, null);

    assertThat(release.served()).isSameAs(model);
    assertThat(release.source()).isEqualTo(Source.RETRAIN_MISSING);
    assertThat(release.source().notFollowed()).isTrue();
    assertThat(release.explanation()).isEqualTo("ShieldRetrain threat-intel-biannual in spec.model.retrainRef does "
        + "not exist, so spec.model.version v7 is served");
  }

  @Test
  void aRetrainOfAnotherNameOrNamespaceCountsAsMissing() {
    ShieldModel model = following("other-retrain");
    assertThat(ModelRelease.of(model, retrain("threat-intel", "r1", release("r1", 1))).source())
        .isEqualTo(Source.RETRAIN_MISSING);

    ShieldRetrain elsewhere = retrain("threat-intel", "r1", release("r1", 1));
    elsewhere.getMetadata().setNamespace("soc");
    assertThat(ModelRelease.of(following(RETRAIN), elsewhere).source()).isEqualTo(Source.RETRAIN_MISSING);
  }

  @Test
  void nothingPromotedYetLeavesSpecModelAsItIs() {
    ShieldModel model = following(RETRAIN);

    ModelRelease release = ModelRelease.of(model, retrain("threat-intel", null));

    assertThat(release.served()).isSameAs(model);
    assertThat(release.source()).isEqualTo(Source.NOTHING_PROMOTED);
    assertThat(release.explanation()).isEqualTo("ShieldRetrain threat-intel-biannual has not promoted a version yet, "
        + "so spec.model.version v7 is served");

    ShieldRetrain noStatus = retrain("threat-intel", null);
    noStatus.setStatus(null);
    assertThat(ModelRelease.of(model, noStatus).source()).isEqualTo(Source.NOTHING_PROMOTED);
  }

  @Test
  void aPromotedVersionWithoutItsReleaseLeavesSpecModelAsItIs() {
    ShieldModel model = following(RETRAIN);

    ModelRelease release = ModelRelease.of(model, retrain("threat-intel", "r3", release("r2", 2)));

    assertThat(release.served()).isSameAs(model);
    assertThat(release.source()).isEqualTo(Source.RELEASE_UNUSABLE);
    assertThat(release.version()).isEqualTo("v7");
    assertThat(release.explanation()).isEqualTo("ShieldRetrain threat-intel-biannual promotes version r3 but lists "
        + "no release with its weights, so spec.model.version v7 is served");
  }

  @Test
  void aReleaseWithWeightsShieldCannotServeLeavesSpecModelAsItIs() {
    ModelRelease release = ModelRelease.of(following(RETRAIN), retrain("threat-intel", "r2",
        new Release("r2", "ftp://models/threat-intel/r2", 2L, null)));

    assertThat(release.source()).isEqualTo(Source.RELEASE_UNUSABLE);
    assertThat(release.version()).isEqualTo("v7");
    assertThat(release.explanation()).startsWith("ShieldRetrain threat-intel-biannual promotes version r2 with "
        + "weights Shield cannot serve (unsupported model uri ftp://models/threat-intel/r2")
        .endsWith("so spec.model.version v7 is served");
  }

  @Test
  void aRetrainOfAnotherModelIsNotFollowed() {
    ShieldModel model = following(RETRAIN);

    ModelRelease release = ModelRelease.of(model, retrain("phishing-coach", "r1", release("r1", 1)));

    assertThat(release.served()).isSameAs(model);
    assertThat(release.source()).isEqualTo(Source.OTHER_MODEL);
    assertThat(release.version()).isEqualTo("v7");
    assertThat(release.explanation()).isEqualTo("ShieldRetrain threat-intel-biannual trains model phishing-coach, "
        + "not threat-intel, so spec.model.version v7 is served");
  }

  @Test
  void servingFactsAreTheTrainedModelThePromotedVersionAndItsWeights() {
    ShieldRetrain r1 = retrain("threat-intel", "r1", release("r1", 1));
    assertThat(ModelRelease.servingFacts(r1)).containsExactly("threat-intel", "r1", "s3://models/threat-intel/r1");

    ShieldRetrain heartbeat = retrain("threat-intel", "r1", release("r1", 1));
    heartbeat.setStatus(new ShieldRetrainStatusBuilder(heartbeat.getStatus()).withPhase(RetrainPhase.Training)
        .withNextScheduleTime("2027-01-01T01:00:00Z").withPreviousVersions(List.of())
        .withCurrentRun(new RetrainRunBuilder().withNumber(2L).withPhase(RunPhase.Training).build()).build());
    assertThat(ModelRelease.servingFacts(heartbeat)).isEqualTo(ModelRelease.servingFacts(r1));

    assertThat(ModelRelease.servingFacts(retrain("threat-intel", "r2", release("r2", 2), release("r1", 1))))
        .containsExactly("threat-intel", "r2", "s3://models/threat-intel/r2");
    assertThat(ModelRelease.servingFacts(retrain("threat-intel", "r2", release("r1", 1))))
        .containsExactly("threat-intel", "r2", null);
    assertThat(ModelRelease.servingFacts(retrain("other", "r1", release("r1", 1))))
        .containsExactly("other", "r1", "s3://models/threat-intel/r1");
    ShieldRetrain none = retrain("threat-intel", null);
    none.setStatus(null);
    assertThat(ModelRelease.servingFacts(none)).containsExactly("threat-intel", null, null);
  }

  @Test
  void aPromotionIsToldWhenTheDeploymentsRanAnotherVersion() {
    ShieldRetrain retrain = retrain("threat-intel", "r2", release("r2", 2), release("r1", 1));
    ModelRelease release = ModelRelease.of(following(RETRAIN), retrain);

    assertThat(release.change(List.of("r1", "r1"), retrain)).contains(new VersionChange("Normal",
        ModelRelease.VERSION_PROMOTED, "ShieldRetrain threat-intel-biannual promoted version r2 "
        + "(weights s3://models/threat-intel/r2): rolling it out in place of version r1"));
    assertThat(release.change(List.of("v7"), retrain)).map(VersionChange::reason)
        .contains(ModelRelease.VERSION_PROMOTED);
    assertThat(release.change(List.of("r2", "r2"), retrain)).as("already rolling it out").isEmpty();
    assertThat(release.change(List.of(), retrain)).as("a new model").isEmpty();
  }

  @Test
  void aRollbackIsToldAsSuch() {
    // the rolled-back version kept among the releases, newer than the one served again
    ShieldRetrain kept = retrain("threat-intel", "r1", release("r2", 2), release("r1", 1));
    assertThat(ModelRelease.of(following(RETRAIN), kept).change(List.of("r2"), kept)).contains(new VersionChange(
        "Normal", ModelRelease.VERSION_ROLLED_BACK, "ShieldRetrain threat-intel-biannual rolled back from version r2 "
        + "to r1: rolling out r1 (weights s3://models/threat-intel/r1)"));

    // the rolled-back version dropped from the releases, its run ended RolledBack
    ShieldRetrain dropped = retrain("threat-intel", "r1", release("r1", 1));
    dropped.setStatus(new ShieldRetrainStatusBuilder(dropped.getStatus()).withHistory(new RetrainRunBuilder()
        .withNumber(2L).withVersion("r2").withPhase(RunPhase.RolledBack).build()).build());
    assertThat(ModelRelease.of(following(RETRAIN), dropped).change(List.of("r2"), dropped))
        .map(VersionChange::reason).contains(ModelRelease.VERSION_ROLLED_BACK);
  }

  @Test
  void aRetrainNoLongerFollowedIsAWarningAndTheUsersOwnVersionChangeIsNot() {
    ShieldRetrain other = retrain("phishing-coach", "r1", release("r1", 1));
    ModelRelease notFollowed = ModelRelease.of(following(RETRAIN), other);
    assertThat(notFollowed.change(List.of("r1"), other)).contains(new VersionChange("Warning",
        ModelRelease.RETRAIN_NOT_FOLLOWED, "ShieldRetrain threat-intel-biannual trains model phishing-coach, not "
        + "threat-intel, so spec.model.version v7 is served, replacing version r1"));
    assertThat(notFollowed.change(List.of("v7"), other)).isEmpty();

    assertThat(ModelRelease.of(ModelFixtures.threatIntel(), null).change(List.of("v6"), null))
        .as("spec.model.version changed by the user").isEqualTo(Optional.empty());
  }
}
