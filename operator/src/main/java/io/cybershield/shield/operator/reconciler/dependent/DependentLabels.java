package io.cybershield.shield.operator.reconciler.dependent;

import io.cybershield.shield.api.ShieldNames;

/** Label selectors of the dependents' informers: the operator watches only what it manages. */
public final class DependentLabels {

  /** Every object the operator creates carries this label. */
  public static final String MANAGED = ShieldNames.MANAGED_BY_LABEL + "=" + ShieldNames.MANAGED_BY;

  private DependentLabels() {
  }
}
