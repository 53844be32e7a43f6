package io.cybershield.shield.api;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrain;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class ShieldNamesTest {

  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");

  @Test
  void modelResourceNames() {
    assertThat(ShieldNames.deployment("threat-intel", "full", Pool.ONPREM)).isEqualTo("threat-intel-full-onprem");
    assertThat(ShieldNames.deployment("threat-intel", "lite", Pool.PRIVATE_CLOUD)).isEqualTo("threat-intel-lite-cloud");
    assertThat(ShieldNames.service("threat-intel", "full")).isEqualTo("threat-intel-full");
    assertThat(ShieldNames.horizontalPodAutoscaler("threat-intel", "full")).isEqualTo("threat-intel-full-cloud");
    assertThat(ShieldNames.podDisruptionBudget("threat-intel", "full", Pool.ONPREM))
        .isEqualTo("threat-intel-full-onprem");
    assertThat(ShieldNames.gateway("threat-intel")).isEqualTo("threat-intel-gateway");
    assertThat(ShieldNames.gatewayServiceAccount("threat-intel")).isEqualTo("threat-intel-gateway");
    assertThat(ShieldNames.gatewayRoutesConfigMap("threat-intel")).isEqualTo("threat-intel-gateway-routes");
    assertThat(ShieldNames.gatewayTlsSecret("threat-intel")).isEqualTo("threat-intel-gateway-tls");
    assertThat(ShieldNames.gatewayCertificate("threat-intel")).isEqualTo("threat-intel-gateway-tls");
    assertThat(ShieldNames.modelServerTlsSecret("threat-intel")).isEqualTo("threat-intel-model-server-tls");
    assertThat(ShieldNames.modelServerCertificate("threat-intel")).isEqualTo("threat-intel-model-server-tls");
    assertThat(ShieldNames.modelNetworkPolicy("threat-intel")).isEqualTo("threat-intel-model");
    assertThat(ShieldNames.gatewayNetworkPolicy("threat-intel")).isEqualTo("threat-intel-gateway");
    assertThat(ShieldNames.modelServiceAccount("threat-intel")).isEqualTo("threat-intel-model");
    assertThat(ShieldNames.serviceMonitor("threat-intel")).isEqualTo("threat-intel");
  }

  @Test
  void retrainResourceNames() {
    assertThat(ShieldNames.trainingJob("threat-intel-biannual", 12)).isEqualTo("threat-intel-biannual-r12-train");
    assertThat(ShieldNames.validationJob("threat-intel-biannual", 12)).isEqualTo("threat-intel-biannual-r12-validate");
    assertThat(ShieldNames.runInputs("threat-intel-biannual", 12)).isEqualTo("threat-intel-biannual-r12-inputs");
    assertThat(ShieldNames.runVersion(12)).isEqualTo("r12");
    assertThat(ShieldNames.trainerServiceAccount("threat-intel-biannual")).isEqualTo("threat-intel-biannual-trainer");
    assertThatThrownBy(() -> ShieldNames.trainingJob("threat-intel-biannual", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShieldNames.validationJob("threat-intel-biannual", ShieldNames.MAX_RUN + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longestAllowedNamesStayValidLabels() {
    String model = "m".repeat(ShieldModel.MAX_NAME_LENGTH);
    String variant = "v".repeat(Variant.MAX_NAME_LENGTH);
    String retrain = "r".repeat(ShieldRetrain.MAX_NAME_LENGTH);

    List<String> names = List.of(
        ShieldNames.deployment(model, variant, Pool.ONPREM),
        ShieldNames.deployment(model, variant, Pool.PRIVATE_CLOUD),
        ShieldNames.service(model, variant),
        ShieldNames.gatewayRoutesConfigMap(model),
        ShieldNames.gatewayTlsSecret(model),
        ShieldNames.modelServerTlsSecret(model),
        ShieldNames.modelServiceAccount(model),
        ShieldNames.trainingJob(retrain, ShieldNames.MAX_RUN),
        ShieldNames.validationJob(retrain, ShieldNames.MAX_RUN),
        ShieldNames.runInputs(retrain, ShieldNames.MAX_RUN),
        ShieldNames.trainerServiceAccount(retrain));

    assertThat(names).allSatisfy(name -> assertThat(name).matches(DNS_1035_LABEL));
    assertThat(ShieldNames.deployment(model, variant, Pool.ONPREM)).hasSize(63);
  }

  @Test
  void labels() {
    assertThat(ShieldNames.MODEL_LABEL).isEqualTo("shield.cybershield.io/model");
    assertThat(ShieldNames.VARIANT_LABEL).isEqualTo("shield.cybershield.io/variant");
    assertThat(ShieldNames.POOL_LABEL).isEqualTo("shield.cybershield.io/pool");
    assertThat(ShieldNames.COMPONENT_LABEL).isEqualTo("shield.cybershield.io/component");
    assertThat(ShieldNames.poolLabelValue(Pool.ONPREM)).isEqualTo(ShieldNames.POOL_ONPREM).isEqualTo("onprem");
    assertThat(ShieldNames.poolLabelValue(Pool.PRIVATE_CLOUD)).isEqualTo(ShieldNames.POOL_PRIVATE_CLOUD)
        .isEqualTo("private-cloud");

    assertThat(ShieldNames.modelPodSelector("threat-intel", "full", Pool.PRIVATE_CLOUD)).containsExactly(
        entry("shield.cybershield.io/model", "threat-intel"),
        entry("shield.cybershield.io/variant", "full"),
        entry("shield.cybershield.io/component", "model-server"),
        entry("shield.cybershield.io/pool", "private-cloud"));
    assertThat(ShieldNames.variantSelector("threat-intel", "full")).doesNotContainKey(ShieldNames.POOL_LABEL);
    assertThat(ShieldNames.gatewaySelector("threat-intel")).containsOnly(
        entry("shield.cybershield.io/model", "threat-intel"),
        entry("shield.cybershield.io/component", "gateway"));
    assertThat(ShieldNames.modelLabels("threat-intel", ShieldNames.COMPONENT_GATEWAY)).contains(
        entry("app.kubernetes.io/managed-by", "shield-operator"),
        entry("app.kubernetes.io/part-of", "shield"),
        entry("shield.cybershield.io/model", "threat-intel"));
  }

  @Test
  void refusesEmptyNames() {
    assertThatThrownBy(() -> ShieldNames.service("threat-intel", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShieldNames.gateway(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
