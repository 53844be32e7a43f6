package io.cybershield.shield.operator.retrain;

import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainSpec;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionPolicy;
import io.cybershield.shield.api.v1alpha1.retrain.spec.PromotionSpec;

/** Variations of a ShieldRetrain spec for the tests (the spec record has no builder). */
final class RetrainSpecs {

  private RetrainSpecs() {
  }

  static ShieldRetrainSpec manual(ShieldRetrainSpec s) {
    PromotionSpec p = s.promotion();
    return with(s, s.startingDeadline(), s.suspend(), new PromotionSpec(PromotionPolicy.MANUAL,
        p == null ? null : p.keepVersions(), p == null ? null : p.rolloutDeadline()), s.historyLimit());
  }

  static ShieldRetrainSpec automatic(ShieldRetrainSpec s) {
    PromotionSpec p = s.promotion();
    return with(s, s.startingDeadline(), s.suspend(), new PromotionSpec(PromotionPolicy.AUTOMATIC,
        p == null ? null : p.keepVersions(), p == null ? null : p.rolloutDeadline()), s.historyLimit());
  }

  static ShieldRetrainSpec resumed(ShieldRetrainSpec s) {
    return with(s, s.startingDeadline(), false, s.promotion(), s.historyLimit());
  }

  static ShieldRetrainSpec suspended(ShieldRetrainSpec s) {
    return with(s, s.startingDeadline(), true, s.promotion(), s.historyLimit());
  }

  static ShieldRetrainSpec deadline(ShieldRetrainSpec s, String deadline) {
    return with(s, deadline, s.suspend(), s.promotion(), s.historyLimit());
  }

  static ShieldRetrainSpec historyLimit(ShieldRetrainSpec s, int limit) {
    return with(s, s.startingDeadline(), s.suspend(), s.promotion(), limit);
  }

  private static ShieldRetrainSpec with(ShieldRetrainSpec s, String deadline, Boolean suspend, PromotionSpec promotion,
      Integer historyLimit) {
    return new ShieldRetrainSpec(s.modelRef(), s.schedule(), s.timeZone(), deadline, suspend, s.trainer(),
        s.validation(), promotion, historyLimit);
  }
}
