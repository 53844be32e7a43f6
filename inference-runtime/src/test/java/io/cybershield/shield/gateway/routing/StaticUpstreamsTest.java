package io.cybershield.shield.gateway.routing;

import io.cybershield.shield.api.routing.GatewayRoutes;
import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stand-alone upstreams: the routes file, the endpoint list, and the in-flight counts the Router sees. */
class StaticUpstreamsTest {

  @Test
  void readsTheRoutesFileAndTheEndpoints(@TempDir Path dir) throws IOException {
    Path routes = dir.resolve("routes.json");
    Files.writeString(routes, """
        {"schemaVersion": 1, "model": "threat-intel", "dataClassification": "restricted",
         "variants": [{"name": "full", "priorities": ["critical"], "pools": [{"pool": "onprem", "port": 8080}]}],
         "somethingNewer": true}
        """);
    StaticUpstreams upstreams = StaticUpstreams.fromConfig(Optional.of(routes),
        Optional.of(List.of("full:onprem:127.0.0.7:8080", " lite:private-cloud:10.0.1.9:9000")));

    assertThat(upstreams.routes().model()).isEqualTo("threat-intel");
    assertThat(upstreams.routes().dataClassification()).isEqualTo(DataClassification.RESTRICTED);
    assertThat(upstreams.routes().variants()).extracting(GatewayRoutes.VariantRoute::name).containsExactly("full");
    assertThat(upstreams.endpoints()).containsExactly(
        new Router.Endpoint("full", "onprem", "127.0.0.7", 8080, true, 0),
        new Router.Endpoint("lite", "private-cloud", "10.0.1.9", 9000, true, 0));
  }

  @Test
  void countsRequestsInFlight() {
    StaticUpstreams upstreams = StaticUpstreams.fromConfig(Optional.empty(),
        Optional.of(List.of("full:onprem:127.0.0.7:8080", "full:onprem:127.0.0.8:8080")));
    Router.Endpoint first = upstreams.endpoints().iterator().next();

    upstreams.acquire(first);
    upstreams.acquire(first);
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsExactly(2, 0);
    upstreams.release(first);
    assertThat(upstreams.endpoints()).extracting(Router.Endpoint::inflight).containsExactly(1, 0);
  }

  @Test
  void withoutARoutesFileTheModelHasNoVariants() {
    StaticUpstreams upstreams = StaticUpstreams.fromConfig(Optional.empty(), Optional.empty());
    assertThat(upstreams.routes().variants()).isEmpty();
    assertThat(upstreams.endpoints()).isEmpty();
  }

  @Test
  void refusesAnEndpointItCannotRead() {
    assertThatThrownBy(() -> new StaticUpstreams(null, List.of("full:onprem:127.0.0.1")))
        .hasMessage("an endpoint is variant:pool:host:port, not 'full:onprem:127.0.0.1'");
    assertThatThrownBy(() -> new StaticUpstreams(null, List.of("full:onprem:127.0.0.1:http")))
        .hasMessage("the port of endpoint 'full:onprem:127.0.0.1:http' is not a number");
    assertThatThrownBy(() -> new StaticUpstreams(null, List.of("full:onprem:127.0.0.1:70000")))
        .hasMessage("the port of endpoint 'full:onprem:127.0.0.1:70000' is not 1-65535");
  }

  @Test
  void refusesANewerSchema(@TempDir Path dir) throws IOException {
    Path routes = dir.resolve("routes.json");
    Files.writeString(routes, "{\"schemaVersion\": 2, \"variants\": []}");
    assertThatThrownBy(() -> StaticUpstreams.fromConfig(Optional.of(routes), Optional.empty()))
        .hasMessageContaining("has schema 2; this gateway reads schema 1");
  }
}
