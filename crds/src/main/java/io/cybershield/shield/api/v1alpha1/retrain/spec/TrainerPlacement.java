package io.cybershield.shield.api.v1alpha1.retrain.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.PoolScheduling;
import io.fabric8.generator.annotation.Default;

import java.util.Objects;

/** Where the training and validation Jobs run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "pool", "nodeSelector", "tolerations" })
public class TrainerPlacement extends PoolScheduling {

  @Default("onprem")
  @JsonPropertyDescription("Pool the Jobs run in: onprem (the default; training data is sensitive) or "
      + "private-cloud, which is refused when any dataset is restricted.")
  private Pool pool;

  public Pool getPool() {
    return pool;
  }

  public void setPool(Pool pool) {
    this.pool = pool;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    TrainerPlacement that = (TrainerPlacement) o;
    return super.equals(o)
        && Objects.equals(pool, that.pool);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), pool);
  }

  @Override
  public String toString() {
    return "TrainerPlacement{" + super.toString()
        + ", pool=" + pool
        + "}";
  }
}
