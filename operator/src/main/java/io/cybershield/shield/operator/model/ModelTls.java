package io.cybershield.shield.operator.model;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.cybershield.shield.api.v1alpha1.model.spec.IssuerKind;
import io.cybershield.shield.api.v1alpha1.model.spec.IssuerReference;
import io.cybershield.shield.api.v1alpha1.model.spec.TlsSpec;
import io.cybershield.shield.api.v1alpha1.model.spec.Variant;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TLS of a ShieldModel {@code m} ({@code spec.tls}): which Secrets hold the gateway's and the model servers'
 * certificates, and, when an issuer is named, the cert-manager {@code Certificate}s that fill them —
 * {@code m-gateway-tls} for the gateway's Service names, and with {@code spec.tls.upstream} {@code m-model-server-tls} for the variants'
 * Service names, which the gateway verifies the model servers by. Built as generic resources, so the operator needs
 * no cert-manager model classes; their dependent is only active where cert-manager's CRD exists.
 */
public final class ModelTls {

  /** API version of the Certificate. */
  public static final String API_VERSION = "cert-manager.io/v1";
  /** Kind of the Certificate. */
  public static final String KIND = "Certificate";
  /** Keys of a {@code kubernetes.io/tls} Secret (cert-manager adds {@code ca.crt}). */
  public static final String CERT_KEY = "tls.crt";
  public static final String KEY_KEY = "tls.key";
  public static final String CA_KEY = "ca.crt";

  private ModelTls() {
  }

  /** Whether the gateway serves HTTPS. */
  public static boolean gatewayTls(ShieldModel model) {
    return model.getSpec().tls() != null;
  }

  /** Whether the model servers serve HTTPS and the gateway verifies them. */
  public static boolean upstreamTls(ShieldModel model) {
    return gatewayTls(model) && model.getSpec().tls().upstream() != null;
  }

  /** The Secret with the gateway's certificate: {@code spec.tls.secretName}, else {@code <model>-gateway-tls}. */
  public static Optional<String> gatewaySecret(ShieldModel model) {
    TlsSpec tls = model.getSpec().tls();
    if (tls == null) {
      return Optional.empty();
    }
    return Optional.of(tls.secretName() != null ? tls.secretName()
        : ShieldNames.gatewayTlsSecret(model.getMetadata().getName()));
  }

  /**
   * The Secret with the model servers' certificate and the CA the gateway trusts for them:
   * {@code spec.tls.upstream.secretName}, else {@code <model>-model-server-tls}.
   */
  public static Optional<String> upstreamSecret(ShieldModel model) {
    if (!upstreamTls(model)) {
      return Optional.empty();
    }
    String secret = model.getSpec().tls().upstream().secretName();
    return Optional.of(secret != null ? secret : ShieldNames.modelServerTlsSecret(model.getMetadata().getName()));
  }

  /** The names a client reaches the gateway by: its Service, in the namespace, in the cluster. */
  public static List<String> gatewayDnsNames(ShieldModel model) {
    return serviceNames(ShieldNames.gateway(model.getMetadata().getName()), model.getMetadata().getNamespace());
  }

  /** The name the gateway verifies a variant's pods by: {@code <service>.<namespace>.svc}. */
  public static String upstreamServerName(ShieldModel model, Variant variant) {
    return ShieldNames.service(model.getMetadata().getName(), variant.name()) + "."
        + model.getMetadata().getNamespace() + ".svc";
  }

  /** The model servers' names: every variant's Service names. */
  public static List<String> upstreamDnsNames(ShieldModel model) {
    List<String> names = new ArrayList<>();
    for (Variant variant : model.getSpec().variants()) {
      names.addAll(serviceNames(ShieldNames.service(model.getMetadata().getName(), variant.name()),
          model.getMetadata().getNamespace()));
    }
    return names;
  }

  /** The cert-manager Certificates: none without an issuer; the gateway's, and the model servers' with upstream. */
  public static List<GenericKubernetesResource> certificates(ShieldModel model) {
    TlsSpec tls = model.getSpec().tls();
    if (tls == null || tls.issuerRef() == null) {
      return List.of();
    }
    String name = model.getMetadata().getName();
    List<GenericKubernetesResource> certificates = new ArrayList<>();
    certificates.add(certificate(model, ShieldNames.gatewayCertificate(name), gatewaySecret(model).orElseThrow(),
        gatewayDnsNames(model), tls.issuerRef(), ShieldNames.COMPONENT_GATEWAY));
    if (tls.upstream() != null) {
      certificates.add(certificate(model, ShieldNames.modelServerCertificate(name), upstreamSecret(model)
          .orElseThrow(), upstreamDnsNames(model), tls.issuerRef(), ShieldNames.COMPONENT_MODEL_SERVER));
    }
    return certificates;
  }

  private static GenericKubernetesResource certificate(ShieldModel model, String name, String secret,
      List<String> dnsNames, IssuerReference issuer, String component) {
    Map<String, Object> issuerRef = new LinkedHashMap<>();
    issuerRef.put("name", issuer.name());
    issuerRef.put("kind", issuer.kind() == IssuerKind.CLUSTER_ISSUER ? "ClusterIssuer" : "Issuer");
    issuerRef.put("group", issuer.group() == null ? "cert-manager.io" : issuer.group());
    Map<String, Object> privateKey = new LinkedHashMap<>();
    privateKey.put("algorithm", "ECDSA");
    privateKey.put("size", 256);
    // a renewal is a new key, not the old key signed again
    privateKey.put("rotationPolicy", "Always");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("secretName", secret);
    spec.put("dnsNames", dnsNames);
    spec.put("usages", List.of("server auth", "digital signature"));
    spec.put("privateKey", privateKey);
    spec.put("issuerRef", issuerRef);
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(ModelMetadata.objectMeta(model, name, ShieldNames.modelLabels(model.getMetadata().getName(),
            component)))
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  private static List<String> serviceNames(String service, String namespace) {
    return List.of(service + "." + namespace + ".svc", service, service + "." + namespace,
        service + "." + namespace + ".svc.cluster.local");
  }
}
