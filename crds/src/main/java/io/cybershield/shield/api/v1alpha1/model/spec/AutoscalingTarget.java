package io.cybershield.shield.api.v1alpha1.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** The load signal of the private-cloud HorizontalPodAutoscaler and the value it keeps per pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "metric", "averageValue" })
public class AutoscalingTarget {

  @Default("inflight-requests")
  @JsonPropertyDescription("Per-pod metric: inflight-requests (requests being served), queued-requests (requests "
      + "waiting in the gateway) or gpu-utilization (percent). Defaults to inflight-requests.")
  private LoadMetric metric;

  @Required
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Average value per pod the HorizontalPodAutoscaler (autoscaling/v2) scales to.")
  private Integer averageValue;

  public LoadMetric getMetric() {
    return metric;
  }

  public void setMetric(LoadMetric metric) {
    this.metric = metric;
  }

  public Integer getAverageValue() {
    return averageValue;
  }

  public void setAverageValue(Integer averageValue) {
    this.averageValue = averageValue;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    AutoscalingTarget that = (AutoscalingTarget) o;
    return Objects.equals(metric, that.metric)
        && Objects.equals(averageValue, that.averageValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metric, averageValue);
  }

  @Override
  public String toString() {
    return "AutoscalingTarget{metric=" + metric
        + ", averageValue=" + averageValue
        + "}";
  }
}
