package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.gateway.routing.Upstreams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * {@code GET /v1/models}: the model's variants, in OpenAI's list shape. OpenAI clients require {@code created}
 * (the OpenAI Java SDK fails on a model without it); the gateway does not know when the variant was made, so it
 * is the time this gateway started, in Unix seconds, the same on every answer.
 */
@Path("/v1/models")
@Tag(name = "chat")
public class ModelsResource {

  private static final long STARTED = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000;

  @Inject
  Upstreams upstreams;

  @Schema(name = "Model")
  public record Model(String id, String object, long created, @Schema(name = "owned_by") String owned_by) {
  }

  @Schema(name = "ModelList")
  public record ModelList(String object, List<Model> data) {
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The variants of this model", description = "Each variant as an OpenAI model; "
      + "owned_by is the ShieldModel, created the time the gateway started.")
  public ModelList models() {
    GatewayRoutes routes = upstreams.routes();
    String owner = routes.model() == null ? "shield" : routes.model();
    List<GatewayRoutes.VariantRoute> variants = routes.variants() == null ? List.of() : routes.variants();
    return new ModelList("list", variants.stream().map(v -> new Model(v.name(), "model", STARTED, owner)).toList());
  }
}
