package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.ModelSource;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.status.Release;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weights a ShieldModel serves: {@code spec.model}, or — when {@code spec.model.retrainRef} names a ShieldRetrain
 * that trains this model and has promoted a version — the promoted version with the weights of its release. The
 * promotion never touches the user's spec (GitOps would revert it); {@link #served()} is a copy with {@code uri} and
 * {@code version} of {@code spec.model} replaced, which the model-server Deployments and the status are built from.
 * A variant with its own {@code uri} (distilled or quantized weights) keeps it; the version is the model's.
 *
 * @param served      the model the Deployments and the status are built from: the model itself, or a copy
 * @param source      where the served version comes from
 * @param retrain     name of the ShieldRetrain in {@code spec.model.retrainRef}, or null without one
 * @param explanation what is served and why, for a person
 */
public record ModelRelease(ShieldModel served, Source source, String retrain, String explanation) {

  /** Event reasons of {@link #change}. */
  public static final String VERSION_PROMOTED = "VersionPromoted";
  public static final String VERSION_ROLLED_BACK = "VersionRolledBack";
  public static final String RETRAIN_NOT_FOLLOWED = "RetrainNotFollowed";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** Where the served version comes from. */
  public enum Source {
    /** No retrainRef: spec.model. */
    SPEC,
    /** The version the ShieldRetrain promoted, with the weights of its release. */
    PROMOTED,
    /** The ShieldRetrain does not exist: spec.model. */
    RETRAIN_MISSING,
    /** The ShieldRetrain has promoted nothing yet: spec.model. */
    NOTHING_PROMOTED,
    /** The ShieldRetrain promotes a version without a release Shield can serve: spec.model. */
    RELEASE_UNUSABLE,
    /** The ShieldRetrain trains another model: spec.model. */
    OTHER_MODEL;

    /** Whether the model has a retrainRef it cannot follow, and serves spec.model instead. */
    public boolean notFollowed() {
      return this != SPEC && this != PROMOTED;
    }
  }

  /**
   * What {@code model} serves, given the ShieldRetrain its retrainRef names ({@code null} when it has none or the
   * ShieldRetrain does not exist). Neither argument is modified.
   */
  public static ModelRelease of(ShieldModel model, ShieldRetrain retrain) {
    ModelSource spec = model.getSpec().model();
    String modelName = model.getMetadata().getName();
    String specServed = "spec.model.version " + spec.version() + " is served";
    if (spec.retrainRef() == null || spec.retrainRef().name() == null) {
      return new ModelRelease(model, Source.SPEC, null, "serving spec.model.version " + spec.version());
    }
    String name = spec.retrainRef().name();
    if (retrain == null || !name.equals(retrain.getMetadata().getName())
        || !Objects.equals(model.getMetadata().getNamespace(), retrain.getMetadata().getNamespace())) {
      return new ModelRelease(model, Source.RETRAIN_MISSING, name, "ShieldRetrain " + name
          + " in spec.model.retrainRef does not exist, so " + specServed);
    }
    String trained = retrain.getSpec() == null || retrain.getSpec().modelRef() == null ? null
        : retrain.getSpec().modelRef().name();
    if (!modelName.equals(trained)) {
      return new ModelRelease(model, Source.OTHER_MODEL, name, "ShieldRetrain " + name + " trains model "
          + (trained == null ? "(none)" : trained) + ", not " + modelName + ", so " + specServed);
    }
    ShieldRetrainStatus status = retrain.getStatus();
    String promoted = status == null ? null : status.promotedVersion();
    if (promoted == null || promoted.isEmpty()) {
      return new ModelRelease(model, Source.NOTHING_PROMOTED, name, "ShieldRetrain " + name
          + " has not promoted a version yet, so " + specServed);
    }
    Optional<Release> release = release(status, promoted);
    if (release.isEmpty() || release.get().uri() == null || release.get().uri().isBlank()) {
      return new ModelRelease(model, Source.RELEASE_UNUSABLE, name, "ShieldRetrain " + name + " promotes version "
          + promoted + " but lists no release with its weights, so " + specServed);
    }
    String uri = release.get().uri();
    try {
      ModelWeights.of(uri);
    } catch (IllegalArgumentException e) {
      return new ModelRelease(model, Source.RELEASE_UNUSABLE, name, "ShieldRetrain " + name + " promotes version "
          + promoted + " with weights Shield cannot serve (" + e.getMessage() + "), so " + specServed);
    }
    ShieldModel served = SERIALIZATION.clone(model);
    served.setSpec(new ShieldModelSpecBuilder(served.getSpec())
        .withModel(new ModelSource(uri, promoted, spec.baseModel(), spec.retrainRef())).build());
    return new ModelRelease(served, Source.PROMOTED, name, "ShieldRetrain " + name + " promoted version " + promoted
        + " (weights " + uri + ")");
  }

  /** The version served: the target of the rollout and, once it completed, status.servedVersion. */
  public String version() {
    return served.getSpec().model().version();
  }

  /** The weights of the variants without their own uri. */
  public String uri() {
    return served.getSpec().model().uri();
  }

  /**
   * What of a ShieldRetrain decides what the models following it serve: the model it trains, the promoted version and
   * its weights. Status heartbeats (phase, schedule times, runs in progress) leave it unchanged.
   */
  public static List<Object> servingFacts(ShieldRetrain retrain) {
    String trained = retrain.getSpec() == null || retrain.getSpec().modelRef() == null ? null
        : retrain.getSpec().modelRef().name();
    ShieldRetrainStatus status = retrain.getStatus();
    String promoted = status == null ? null : status.promotedVersion();
    String uri = promoted == null ? null : release(status, promoted).map(Release::uri).orElse(null);
    return Arrays.asList(trained, promoted, uri);
  }

  /**
   * The Event to record when the version this reconcile rolls out differs from the one the model's Deployments ran
   * so far ({@code running}, the version labels of their pod templates; empty for a new model): a promotion or a
   * rollback by the ShieldRetrain, or the ShieldRetrain no longer being followed. A change of spec.model.version
   * itself is the user's and gets none (the rollout's Progressing transition tells it).
   *
   * @param followed the ShieldRetrain, for telling a rollback from a promotion; may be null
   */
  public Optional<VersionChange> change(Collection<String> running, ShieldRetrain followed) {
    String target = version();
    Optional<String> before = running.stream().filter(Objects::nonNull).filter(v -> !v.equals(target)).findFirst();
    if (before.isEmpty() || source == Source.SPEC) {
      return Optional.empty();
    }
    String old = before.get();
    if (source.notFollowed()) {
      return Optional.of(new VersionChange("Warning", RETRAIN_NOT_FOLLOWED, explanation + ", replacing version "
          + old));
    }
    if (rolledBack(followed, old, target)) {
      return Optional.of(new VersionChange("Normal", VERSION_ROLLED_BACK, "ShieldRetrain " + retrain
          + " rolled back from version " + old + " to " + target + ": rolling out " + target + " (weights " + uri()
          + ")"));
    }
    return Optional.of(new VersionChange("Normal", VERSION_PROMOTED, explanation + ": rolling it out in place of "
        + "version " + old));
  }

  /**
   * Whether going from {@code old} to {@code target} is a rollback: the ShieldRetrain's history ends {@code old}'s run
   * as RolledBack, or {@code old} is a release newer than {@code target} (releases are newest first).
   */
  private static boolean rolledBack(ShieldRetrain retrain, String old, String target) {
    ShieldRetrainStatus status = retrain == null ? null : retrain.getStatus();
    if (status == null) {
      return false;
    }
    if (status.history() != null && status.history().stream()
        .anyMatch(run -> old.equals(run.version()) && run.phase() == RunPhase.RolledBack)) {
      return true;
    }
    List<String> releases = status.releases() == null ? List.of()
        : status.releases().stream().map(Release::version).toList();
    int oldIndex = releases.indexOf(old);
    int targetIndex = releases.indexOf(target);
    return oldIndex >= 0 && targetIndex >= 0 && oldIndex < targetIndex;
  }

  private static Optional<Release> release(ShieldRetrainStatus status, String version) {
    return status.releases() == null ? Optional.empty()
        : status.releases().stream().filter(r -> r != null && version.equals(r.version())).findFirst();
  }

  /** An Event about the served version: Normal or Warning, a CamelCase reason, a message for a person. */
  public record VersionChange(String type, String reason, String message) {
  }
}
