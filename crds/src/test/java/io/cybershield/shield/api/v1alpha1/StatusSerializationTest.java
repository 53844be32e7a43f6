package io.cybershield.shield.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.cybershield.shield.api.v1alpha1.common.Condition;
import io.cybershield.shield.api.v1alpha1.common.ConditionBuilder;
import io.cybershield.shield.api.v1alpha1.common.ConditionStatus;
import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatus;
import io.cybershield.shield.api.v1alpha1.model.ShieldModelStatusBuilder;
import io.cybershield.shield.api.v1alpha1.model.status.ActiveIncident;
import io.cybershield.shield.api.v1alpha1.model.status.GatewayStatus;
import io.cybershield.shield.api.v1alpha1.model.status.PoolStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatus;
import io.cybershield.shield.api.v1alpha1.retrain.ShieldRetrainStatusBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRun;
import io.cybershield.shield.api.v1alpha1.retrain.status.RetrainRunBuilder;
import io.cybershield.shield.api.v1alpha1.retrain.status.RunPhase;
import io.cybershield.shield.api.v1alpha1.retrain.status.Verdict;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Status as the operator writes it: the wire names the printer columns and kubectl wait rely on. */
class StatusSerializationTest {

  @Test
  void modelStatusRoundTripsWithItsWireNames() {
    Condition ready = new ConditionBuilder()
        .withType(ShieldModelStatus.READY)
        .withStatus(ConditionStatus.TRUE)
        .withReason("RolloutComplete")
        .withMessage("Serving v7")
        .withLastTransitionTime("2026-11-27T21:00:00Z")
        .withObservedGeneration(3L)
        .build();
    ShieldModelStatus status = new ShieldModelStatusBuilder()
        .withObservedGeneration(3L)
        .withConditions(ready)
        .withServedVersion("v7")
        .withReplicas("4/6")
        .addNewVariant()
            .withName("full")
            .withPools(new PoolStatus(Pool.ONPREM, "threat-intel-full-onprem", 2, 2, null),
                new PoolStatus(Pool.PRIVATE_CLOUD, "threat-intel-full-cloud", 4, 2, null))
        .endVariant()
        .withActiveIncidents(new ActiveIncident("inc-4711", Severity.CRITICAL, 6))
        .withGateway(new GatewayStatus("threat-intel-gateway", "https://threat-intel-gateway.soc.svc:8443"))
        .build();
    ShieldModel model = new ShieldModel();
    model.setStatus(status);

    JsonNode json = Serialization.jsonMapper().valueToTree(model);
    ShieldModel read = Serialization.unmarshal(Serialization.asJson(model), ShieldModel.class);

    assertThat(read.getStatus()).isEqualTo(status);
    assertThat(json.at("/status/conditions/0/status").asText()).isEqualTo("True");
    assertThat(json.at("/status/conditions/0/type").asText()).isEqualTo("Ready");
    assertThat(json.at("/status/variants/0/pools/1/pool").asText()).isEqualTo("private-cloud");
    assertThat(json.at("/status/activeIncidents/0/severity").asText()).isEqualTo("critical");
    assertThat(json.at("/status/replicas").asText()).isEqualTo("4/6");
    assertThat(json.at("/status/servedVersion").asText()).isEqualTo("v7");
    assertThat(json.at("/status/surge").isMissingNode()).as("unset fields are left out").isTrue();
    assertThat(read.getStatus().condition("Ready")).contains(ready);
    assertThat(read.getStatus().condition("Degraded")).isEmpty();
  }

  @Test
  void retrainStatusKeepsRunsWithVerdicts() {
    RetrainRun run = new RetrainRunBuilder()
        .withNumber(12L)
        .withVersion("r12")
        .withPhase(RunPhase.Rejected)
        .withVerdicts(new Verdict("precision", 0.87, 0.90, false))
        .build();
    ShieldRetrainStatus status = new ShieldRetrainStatusBuilder()
        .withHistory(run)
        .withPromotedVersion("r11")
        .build();

    JsonNode json = Serialization.jsonMapper().valueToTree(status);

    assertThat(json.at("/history/0/phase").asText()).isEqualTo("Rejected");
    assertThat(json.at("/history/0/verdicts/0/passed").asBoolean()).isFalse();
    assertThat(Serialization.unmarshal(Serialization.asJson(status), ShieldRetrainStatus.class)).isEqualTo(status);
  }
}
