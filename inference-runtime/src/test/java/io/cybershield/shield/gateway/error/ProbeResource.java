package io.cybershield.shield.gateway.error;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A JSON endpoint that exists only in the tests, until the public API brings real ones: something for a malformed
 * body, a wrong media type and a failing handler to hit.
 */
@Path("/test/probe")
public class ProbeResource {

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
}
