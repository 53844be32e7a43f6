package io.cybershield.shield.api.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.model.spec.Access;

import java.util.List;

/**
 * What a model's gateway routes by: the JSON document {@value #KEY} of the ConfigMap {@code <model>-gateway-routes},
 * which the operator writes from the ShieldModel and the gateway watches (a change applies without a restart). It
 * holds facts, not decisions: the variants with the priorities they serve, and per pool the labels that select the
 * variant's pods (whose readiness and addresses the gateway reads from the cluster). The gateway decides per request:
 * priority to variant, classification to pool, the least busy ready pod.
 *
 * @param schemaVersion      {@value #SCHEMA_VERSION}; a gateway refuses a document of a newer schema
 * @param model              the ShieldModel's name
 * @param namespace          its namespace
 * @param generation         the ShieldModel generation the document was written from
 * @param dataClassification the most sensitive data the model may receive; restricted models have on-prem pods only
 * @param servedVersion      the version the model-server Deployments are built for
 * @param variants           the variants, in the order of the spec
 * @param access             who may call which API ({@code spec.access}, every ServiceAccount subject with its
 *                           namespace filled in); optional: a document without it (written before it was added)
 *                           lets nobody call the model's APIs
 * @param upstreamTls        whether the model servers serve HTTPS ({@code spec.tls.upstream}): the gateway then
 *                           verifies each pod's certificate as {@code <service>.<namespace>.svc} with the CA the
 *                           operator mounts; optional, false when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "schemaVersion", "model", "namespace", "generation", "dataClassification", "servedVersion",
    "variants", "access", "upstreamTls" })
public record GatewayRoutes(Integer schemaVersion, String model, String namespace, Long generation,
                            DataClassification dataClassification, String servedVersion, List<VariantRoute> variants,
                            Access access, Boolean upstreamTls) {

  /** A document without access or TLS to the model servers, as documents before they were added. */
  public GatewayRoutes(Integer schemaVersion, String model, String namespace, Long generation,
      DataClassification dataClassification, String servedVersion, List<VariantRoute> variants) {
    this(schemaVersion, model, namespace, generation, dataClassification, servedVersion, variants, null, null);
  }

  /** Whether the model servers serve HTTPS. */
  public boolean upstreamTlsEnabled() {
    return Boolean.TRUE.equals(upstreamTls);
  }

  /** Key of the document in the ConfigMap. */
  public static final String KEY = "routes.json";
  /** The schema this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;
  /** Requests a model pod takes at once when the document does not say: DJL's default max_rolling_batch_size. */
  public static final int DEFAULT_POD_CONCURRENCY = 256;

  /**
   * A variant and where its pods are.
   *
   * @param name           the variant's name
   * @param priorities     the request priorities it serves (critical, high, normal, low)
   * @param service        its Service, which selects its pods in both pools
   * @param pools          the pools it has pods in (a restricted model never lists private-cloud)
   * @param podConcurrency requests one ready pod of the variant takes at once before more wait in its engine's
   *                       queue: the gateway's capacity figure for {@code shield_gateway_queued_requests}. Optional
   *                       (documents written before it have none); a missing value reads as
   *                       {@value #DEFAULT_POD_CONCURRENCY}, DJL Serving's default {@code max_rolling_batch_size}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({ "name", "priorities", "service", "pools", "podConcurrency" })
  public record VariantRoute(String name, List<String> priorities, String service, List<PoolRoute> pools,
                             Integer podConcurrency) {

    /** A variant without a per-pod concurrency, as documents before it was added. */
    public VariantRoute(String name, List<String> priorities, String service, List<PoolRoute> pools) {
      this(name, priorities, service, pools, null);
    }

    /** {@link #podConcurrency}, or {@value #DEFAULT_POD_CONCURRENCY} when the document has none. */
    public int podConcurrencyOrDefault() {
      return podConcurrency == null || podConcurrency < 1 ? DEFAULT_POD_CONCURRENCY : podConcurrency;
    }
  }

  /**
   * A variant's pods in one pool.
   *
   * @param pool        {@code onprem} or {@code private-cloud}
   * @param deployment  the Deployment of those pods
   * @param podSelector labels that select exactly those pods
   * @param port        the DJL Serving port on the pods
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({ "pool", "deployment", "podSelector", "port" })
  public record PoolRoute(String pool, String deployment, java.util.Map<String, String> podSelector, Integer port) {
  }
}
