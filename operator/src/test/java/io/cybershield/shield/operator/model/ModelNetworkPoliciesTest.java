package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.v1alpha1.common.Pool;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ModelNetworkPoliciesTest {

  @Test
  void modelPodsAcceptOnlyTheirGatewayOnTheHttpPort() {
    NetworkPolicy policy = ModelNetworkPolicies.desired(ModelFixtures.threatIntel());

    assertThat(policy.getMetadata().getName()).isEqualTo("threat-intel-model");
    assertThat(policy.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsOnly(
        entry("shield.cybershield.io/model", "threat-intel"),
        entry("shield.cybershield.io/component", "model-server"));
    assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
      assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
        assertThat(peer.getNamespaceSelector()).isNull();
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of(
            "shield.cybershield.io/model", "threat-intel",
            "shield.cybershield.io/component", "gateway"));
      });
      assertThat(rule.getPorts()).singleElement().satisfies(port -> {
        assertThat(port.getPort()).isEqualTo(new IntOrString(8080));
        assertThat(port.getProtocol()).isEqualTo("TCP");
      });
    });
  }

  @Test
  void policySelectsThePodsOfEveryVariantInBothPools() {
    NetworkPolicy policy = ModelNetworkPolicies.desired(ModelFixtures.threatIntel());

    for (String variant : new String[] {"full", "lite"}) {
      for (Pool pool : Pool.values()) {
        assertThat(ModelServerPodTemplatesTest.template(ModelFixtures.threatIntel(), variant, pool)
            .getMetadata().getLabels()).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
      }
    }
  }

  @Test
  void monitoringNamespaceCanBeLetInForMetrics() {
    NetworkPolicy policy = ModelNetworkPolicies.desired(ModelFixtures.threatIntel(),
        new LabelSelectorBuilder().withMatchLabels(Map.of("kubernetes.io/metadata.name", "monitoring")).build());

    assertThat(policy.getSpec().getIngress()).hasSize(2);
    assertThat(policy.getSpec().getIngress().get(1).getFrom()).singleElement().satisfies(peer -> {
      assertThat(peer.getPodSelector()).isNull();
      assertThat(peer.getNamespaceSelector().getMatchLabels())
          .containsExactly(entry("kubernetes.io/metadata.name", "monitoring"));
    });
    assertThat(policy.getSpec().getIngress().get(1).getPorts()).singleElement()
        .satisfies(port -> assertThat(port.getPort()).isEqualTo(new IntOrString(8080)));
  }
}
