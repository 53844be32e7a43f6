package io.cybershield.shield.gateway.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cybershield.shield.api.v1alpha1.model.spec.Api;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/whoami}: who the gateway takes the caller for — user, groups, the authenticator that vouched — and
 * what they may call on this model: the roles they hold and the APIs those open. Any valid token may ask; a caller
 * without a role learns only that they hold none.
 */
@Path("/v1/whoami")
public class WhoAmIResource {

  @Inject
  RoutingContext context;

  /** The answer. */
  @JsonPropertyOrder({ "user", "uid", "groups", "authenticator", "roles", "apis" })
  public record WhoAmI(String user, String uid, List<String> groups, String authenticator, List<String> roles,
                       List<String> apis) {
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public WhoAmI whoami() {
    Caller caller = Caller.of(context);
    Principal principal = caller.principal();
    return new WhoAmI(principal.name(), principal.uid(), principal.groups(), principal.authenticator(),
        caller.grant().names().stream().map(role -> role.name().toLowerCase(Locale.ROOT)).toList(),
        caller.grant().apis().stream().map(Api::name).map(name -> name.toLowerCase(Locale.ROOT)).sorted().toList());
  }
}
