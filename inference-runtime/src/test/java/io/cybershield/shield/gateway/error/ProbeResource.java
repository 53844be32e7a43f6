package io.cybershield.shield.gateway.error;

import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.djl.DjlEndpoint;
import io.cybershield.shield.gateway.djl.ModelList;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/**
 * JSON endpoints that exist only in the tests, until the public API brings real ones: something for a malformed
 * body, a wrong media type, a failing handler and a failing upstream to hit.
 */
@Path("/test/probe")
public class ProbeResource {

  @Inject
  DjlClient djl;

  public record Probe(String name, int count) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Probe echo(Probe probe) {
    if ("fail".equals(probe.name())) {
      throw new IllegalStateException("secret-in-the-message " + probe.name());
    }
    return probe;
  }

  /** The models of the DJL pod at 127.0.0.1:{port}, through the application's client. */
  @GET
  @Path("/upstream-models")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<ModelList> upstreamModels(@QueryParam("port") int port) {
    return djl.listModels(DjlEndpoint.of("127.0.0.1", port), Deadline.in(Duration.ofSeconds(10)));
  }
}
