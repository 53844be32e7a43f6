package io.cybershield.shield.operator;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelSpecBuilder;
import io.cybershield.shield.api.v1alpha1.model.spec.VariantBuilder;

import java.util.function.UnaryOperator;

/**
 * Changes to the spec of a test's ShieldModel. The spec and its parts are records, so a change replaces the spec
 * with an edited copy: {@code editSpec(model, spec -> spec.editPlacement().editOnPrem().withReplicas(0).endOnPrem()
 * .endPlacement())}.
 */
public final class ModelEdits {

  private ModelEdits() {
  }

  /** Replaces the model's spec with the edited copy; returns the model. */
  public static ShieldModel editSpec(ShieldModel model, UnaryOperator<ShieldModelSpecBuilder> edit) {
    model.setSpec(edit.apply(new ShieldModelSpecBuilder(model.getSpec())).build());
    return model;
  }

  /** Replaces the variant of this name with the edited copy; returns the model. */
  public static ShieldModel editVariant(ShieldModel model, String name, UnaryOperator<VariantBuilder> edit) {
    return editSpec(model, spec -> spec.withVariants(model.getSpec().variants().stream()
        .map(variant -> variant.name().equals(name) ? edit.apply(new VariantBuilder(variant)).build() : variant)
        .toList()));
  }
}
