package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The NetworkPolicy {@code <model>-model}: the model-server pods accept connections on their HTTP port only from the
 * model's own gateway pods, and optionally from the namespaces Prometheus scrapes from. Egress stays open: the pods
 * download their weights from S3 or the Hugging Face Hub.
 * <p>
 * Metrics and inference share DJL Serving's one port and a NetworkPolicy cannot tell paths apart, so a monitoring
 * namespace that is let in for {@code /server/metrics} can reach the inference API as well. It is therefore an
 * explicit choice of the caller (the operator's configuration), not a default.
 */
public final class ModelNetworkPolicies {

  private ModelNetworkPolicies() {
  }

  /** The policy admitting the gateway only. */
  public static NetworkPolicy desired(ShieldModel model) {
    return desired(model, null);
  }

  /**
   * The policy admitting the gateway and, when {@code metricsNamespaces} is not {@code null}, every pod in the
   * namespaces it selects (for example {@code kubernetes.io/metadata.name: monitoring}).
   */
  public static NetworkPolicy desired(ShieldModel model, LabelSelector metricsNamespaces) {
    String modelName = model.getMetadata().getName();
    List<NetworkPolicyIngressRule> rules = new ArrayList<>();
    rules.add(rule(new NetworkPolicyPeerBuilder()
        .withNewPodSelector().withMatchLabels(new LinkedHashMap<>(ShieldNames.gatewaySelector(modelName)))
        .endPodSelector()
        .build()));
    if (metricsNamespaces != null) {
      rules.add(rule(new NetworkPolicyPeerBuilder()
          .withNamespaceSelector(new LabelSelectorBuilder(metricsNamespaces).build())
          .build()));
    }
    return new NetworkPolicyBuilder()
        .withMetadata(ModelMetadata.objectMeta(model, ShieldNames.modelNetworkPolicy(modelName),
            ModelMetadata.modelServerLabels(model)))
        .withNewSpec()
        .withNewPodSelector().withMatchLabels(ModelMetadata.modelServerSelector(model)).endPodSelector()
        .withPolicyTypes("Ingress")
        .withIngress(rules)
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule rule(NetworkPolicyPeer from) {
    return new NetworkPolicyIngressRuleBuilder()
        .withFrom(from)
        .addNewPort().withProtocol("TCP").withPort(new IntOrString(ModelServerPodTemplates.HTTP_PORT)).endPort()
        .build();
  }
}
