package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelServiceAccountsTest {

  @Test
  void serviceAccountWithoutAToken() {
    ServiceAccount account = ModelServiceAccounts.desired(ModelFixtures.threatIntel());

    assertThat(account.getMetadata().getName()).isEqualTo(ShieldNames.modelServiceAccount("threat-intel"));
    assertThat(account.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(account.getAutomountServiceAccountToken()).isFalse();
    assertThat(account.getSecrets()).isNullOrEmpty();
    assertThat(account.getMetadata().getLabels())
        .containsAllEntriesOf(ShieldNames.modelLabels("threat-intel", ShieldNames.COMPONENT_MODEL_SERVER));
  }
}
