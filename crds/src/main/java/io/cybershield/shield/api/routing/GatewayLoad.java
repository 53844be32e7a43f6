package io.cybershield.shield.api.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What one gateway replica serves on {@code GET /q/load}: the load figures of its metrics ({@code /q/metrics}) as
 * one small JSON document, for the operator, which wakes a parked private-cloud pool from them on a cluster without
 * Prometheus. Counts only, never request content. In-flight and unserved counts are this replica's; capacity and
 * ready pods are the pods every replica sees, so over several replicas in-flight and unserved are summed and
 * capacity taken once.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}; a reader ignores fields it does not know
 * @param model         the ShieldModel the gateway serves ({@code none} before it knows)
 * @param variants      the variants of the routing document, in its order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "schemaVersion", "model", "variants" })
public record GatewayLoad(Integer schemaVersion, String model, List<VariantLoad> variants) {

  /** The schema this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;
  /** The path the gateway serves it on, on its {@code http} port. */
  public static final String PATH = "/q/load";

  /**
   * One variant.
   *
   * @param name     the variant's name
   * @param unserved requests refused 503 {@code NoReadyUpstream} for this variant since the gateway started, over
   *                 all priorities ({@code shield_gateway_unserved_requests_total})
   * @param pools    the pools the variant has pods in
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({ "name", "unserved", "pools" })
  public record VariantLoad(String name, long unserved, List<PoolLoad> pools) {
  }

  /**
   * One variant in one pool, as of the request.
   *
   * @param pool      {@code onprem} or {@code private-cloud}
   * @param inflight  requests this replica has sent to the pool's pods and not yet seen end
   * @param capacity  ready pods × podConcurrency
   * @param queued    {@code max(0, inflight − capacity)}, this replica's share
   * @param readyPods ready pods of the variant in the pool
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({ "pool", "inflight", "capacity", "queued", "readyPods" })
  public record PoolLoad(String pool, long inflight, long capacity, long queued, long readyPods) {
  }
}
