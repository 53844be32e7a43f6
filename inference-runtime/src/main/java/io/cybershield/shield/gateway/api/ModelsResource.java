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

import java.util.List;

/** {@code GET /v1/models}: the model's variants, in OpenAI's list shape. */
@Path("/v1/models")
@Tag(name = "chat")
public class ModelsResource {

  @Inject
  Upstreams upstreams;

  @Schema(name = "Model")
  public record Model(String id, String object, @Schema(name = "owned_by") String owned_by) {
  }

  @Schema(name = "ModelList")
  public record ModelList(String object, List<Model> data) {
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The variants of this model", description = "Each variant as an OpenAI model; "
      + "owned_by is the ShieldModel.")
  public ModelList models() {
    GatewayRoutes routes = upstreams.routes();
    String owner = routes.model() == null ? "shield" : routes.model();
    List<GatewayRoutes.VariantRoute> variants = routes.variants() == null ? List.of() : routes.variants();
    return new ModelList("list", variants.stream().map(v -> new Model(v.name(), "model", owner)).toList());
  }
}
