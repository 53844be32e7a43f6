package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** ShieldModels of {@code src/test/resources/model/}, a new object on every call. */
final class ModelFixtures {

  private ModelFixtures() {
  }

  /** The reference two-variant model: full on 2 H100s with TP 2, lite on a MIG slice; cloud pool parked. */
  static ShieldModel threatIntel() {
    return load("shieldmodel-threat-intel.yaml");
  }

  /** Restricted data, on premises only, weights on a PVC. */
  static ShieldModel restricted() {
    return load("shieldmodel-restricted-onprem.yaml");
  }

  /** CPU only, weights from the Hugging Face Hub. */
  static ShieldModel cpuSmall() {
    return load("shieldmodel-cpu-small.yaml");
  }

  /** OCI weights, a private-cloud floor of 2 scaled on GPU utilisation, fp8, pools without node selectors. */
  static ShieldModel ociCloud() {
    return load("shieldmodel-oci-cloud.yaml");
  }

  static ShieldModel load(String name) {
    try (InputStream in = ModelFixtures.class.getResourceAsStream("/model/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return Serialization.unmarshal(in, ShieldModel.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Variant variant(ShieldModel model, String name) {
    return model.getSpec().variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }
}
