package io.cybershield.shield.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two node pools Shield places work in. */
public enum Pool {
  /** The organisation's own GPU nodes; the only pool allowed to see restricted data. */
  @JsonProperty("onprem")
  ONPREM("onprem", "onprem"),
  /** GPU nodes in the organisation's private cloud, scaled out under load and during incidents. */
  @JsonProperty("private-cloud")
  PRIVATE_CLOUD("private-cloud", "cloud");

  private final String value;
  private final String nameSuffix;

  Pool(String value, String nameSuffix) {
    this.value = value;
    this.nameSuffix = nameSuffix;
  }

  /** The value used in the API and in the {@code shield.cybershield.io/pool} label. */
  public String value() {
    return value;
  }

  /** The suffix of the names of resources generated per pool ({@code onprem} or {@code cloud}). */
  public String nameSuffix() {
    return nameSuffix;
  }
}
