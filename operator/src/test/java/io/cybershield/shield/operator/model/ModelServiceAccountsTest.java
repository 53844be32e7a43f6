package io.cybershield.shield.operator.model;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServiceAccountsTest {

  @Test
  void serviceAccountWithoutAToken() {
    ServiceAccount account = ModelServiceAccounts.desired(ModelFixtures.threatIntel());

    assertThat(account.getMetadata().getName()).isEqualTo("threat-intel-model");
    assertThat(account.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(account.getAutomountServiceAccountToken()).isFalse();
    assertThat(account.getSecrets()).isNullOrEmpty();
    assertThat(account.getMetadata().getLabels())
        .containsAllEntriesOf(Map.of(
            "app.kubernetes.io/managed-by", "shield-operator",
            "app.kubernetes.io/part-of", "shield",
            "shield.cybershield.io/model", "threat-intel",
            "shield.cybershield.io/component", "model-server"));
  }
}
