package io.cybershield.shield.sandbox.simulator;

import io.cybershield.shield.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The simulator's EndpointSlice controller against the sandbox's API server (with its garbage collector). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointSliceIT {

  private SandboxCluster cluster;
  private KubernetesClient client;
  private String ns;

  @BeforeAll
  void start() {
    cluster = SandboxCluster.start(0, NodeInventory.defaultInventory(), SimulatorConfig.fast());
    client = cluster.client();
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespace(TestInfo info) {
    ns = "eps-" + info.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    ns = ns.substring(0, Math.min(ns.length(), 60));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  @Test
  void readyAndUnreadyPodsBecomeEndpointsWithTheNamedTargetPortResolved() {
    Service service = client.services().inNamespace(ns).resource(service("serving", Map.of("app", "djl"),
        new IntOrString("http"))).create();
    client.pods().inNamespace(ns).resource(pod("djl-a", Map.of("app", "djl"), 8080, List.of())).create();
    client.pods().inNamespace(ns).resource(pod("djl-b", Map.of("app", "djl"), 8080,
        List.of(new EnvVar("SANDBOX_READY", "false", null)))).create();
    client.pods().inNamespace(ns).resource(pod("other", Map.of("app", "other"), 8080, List.of())).create();

    await().untilAsserted(() -> {
      EndpointSlice slice = onlySlice("serving");
      assertThat(slice.getEndpoints()).extracting(e -> e.getTargetRef().getName(), e -> e.getConditions().getReady(),
              e -> e.getConditions().getServing(), e -> e.getConditions().getTerminating())
          .containsExactly(tuple("djl-a", true, true, false), tuple("djl-b", false, false, false));
    });
    EndpointSlice slice = onlySlice("serving");
    assertThat(slice.getMetadata().getName()).matches("serving-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(slice.getMetadata().getLabels())
        .containsEntry("kubernetes.io/service-name", "serving")
        .containsEntry("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
    OwnerReference owner = slice.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("Service");
    assertThat(owner.getApiVersion()).isEqualTo("v1");
    assertThat(owner.getUid()).isEqualTo(service.getMetadata().getUid());
    assertThat(owner.getController()).isTrue();
    assertThat(slice.getAddressType()).isEqualTo("IPv4");
    assertThat(slice.getPorts()).extracting(EndpointPort::getName, EndpointPort::getProtocol, EndpointPort::getPort)
        .containsExactly(tuple("http", "TCP", 8080));
    Pod a = client.pods().inNamespace(ns).withName("djl-a").get();
    Endpoint endpoint = slice.getEndpoints().get(0);
    assertThat(endpoint.getAddresses()).containsExactly(a.getStatus().getPodIP());
    assertThat(endpoint.getNodeName()).isEqualTo(a.getSpec().getNodeName());
    assertThat(endpoint.getTargetRef().getKind()).isEqualTo("Pod");
    assertThat(endpoint.getTargetRef().getNamespace()).isEqualTo(ns);
    assertThat(endpoint.getTargetRef().getUid()).isEqualTo(a.getMetadata().getUid());
  }

  @Test
  void podsWhoseContainerPortsDifferGetSlicesOfTheirOwnAndANumericTargetPortIsTakenAsIs() {
    client.services().inNamespace(ns).resource(service("named", Map.of("app", "gw"), new IntOrString("http")))
        .create();
    client.services().inNamespace(ns).resource(service("numeric", Map.of("app", "gw"), new IntOrString(9090)))
        .create();
    client.pods().inNamespace(ns).resource(pod("gw-a", Map.of("app", "gw"), 8080, List.of())).create();
    client.pods().inNamespace(ns).resource(pod("gw-b", Map.of("app", "gw"), 8081, List.of())).create();

    await().untilAsserted(() -> {
      List<EndpointSlice> slices = slices("named");
      assertThat(slices).hasSize(2);
      assertThat(slices).extracting(s -> s.getPorts().get(0).getPort(),
              s -> s.getEndpoints().get(0).getTargetRef().getName())
          .containsExactlyInAnyOrder(tuple(8080, "gw-a"), tuple(8081, "gw-b"));
      EndpointSlice numeric = onlySlice("numeric");
      assertThat(numeric.getPorts()).extracting(EndpointPort::getPort).containsExactly(9090);
      assertThat(numeric.getEndpoints()).extracting(e -> e.getTargetRef().getName())
          .containsExactly("gw-a", "gw-b");
    });
  }

  @Test
  void aTerminatingPodStaysServingButNotReadyUntilItIsGone() {
    client.services().inNamespace(ns).resource(service("serving", Map.of("app", "djl"), new IntOrString("http")))
        .create();
    client.pods().inNamespace(ns).resource(new PodBuilder(pod("djl-a", Map.of("app", "djl"), 8080, List.of()))
        .editMetadata().withFinalizers("example.com/hold").endMetadata().build()).create();
    await().untilAsserted(() -> assertThat(onlySlice("serving").getEndpoints())
        .extracting(e -> e.getConditions().getReady()).containsExactly(true));

    client.pods().inNamespace(ns).withName("djl-a").delete();
    await().untilAsserted(() -> assertThat(onlySlice("serving").getEndpoints())
        .extracting(e -> e.getConditions().getReady(), e -> e.getConditions().getServing(),
            e -> e.getConditions().getTerminating())
        .containsExactly(tuple(false, true, true)));

    client.pods().inNamespace(ns).withName("djl-a").edit(p -> new PodBuilder(p).editMetadata().withFinalizers()
        .endMetadata().build());
    await().untilAsserted(() -> {
      EndpointSlice placeholder = onlySlice("serving");
      assertThat(placeholder.getEndpoints()).isEmpty();
      assertThat(placeholder.getPorts()).isNullOrEmpty();
    });
  }

  @Test
  void theSlicesGoWithTheirServiceAndAServiceWithoutSelectorGetsNone() {
    client.services().inNamespace(ns).resource(service("serving", Map.of("app", "djl"), new IntOrString("http")))
        .create();
    client.services().inNamespace(ns).resource(new ServiceBuilder(service("external", Map.of(),
        new IntOrString(443))).editSpec().withSelector(null).endSpec().build()).create();
    client.pods().inNamespace(ns).resource(pod("djl-a", Map.of("app", "djl"), 8080, List.of())).create();
    await().untilAsserted(() -> assertThat(onlySlice("serving").getEndpoints()).hasSize(1));

    client.services().inNamespace(ns).withName("serving").delete();
    await().untilAsserted(() -> assertThat(slices("serving")).isEmpty());
    assertThat(slices("external")).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
        .ignoreExceptionsMatching(e -> e instanceof NullPointerException || e instanceof IllegalStateException
            || e instanceof IndexOutOfBoundsException);
  }

  private List<EndpointSlice> slices(String service) {
    return client.discovery().v1().endpointSlices().inNamespace(ns)
        .withLabel("kubernetes.io/service-name", service).list().getItems();
  }

  private EndpointSlice onlySlice(String service) {
    List<EndpointSlice> slices = slices(service);
    if (slices.size() != 1) {
      throw new IllegalStateException(slices.size() + " slices of " + service);
    }
    return slices.get(0);
  }

  private Service service(String name, Map<String, String> selector, IntOrString targetPort) {
    return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().withSelector(selector)
        .addNewPort().withName("http").withPort(80).withTargetPort(targetPort).withProtocol("TCP").endPort()
        .endSpec().build();
  }

  private Pod pod(String name, Map<String, String> labels, int containerPort, List<EnvVar> env) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels).endMetadata()
        .withNewSpec()
        .addToContainers(new ContainerBuilder().withName("main").withImage("example.com/server:1").withEnv(env)
            .addNewPort().withName("http").withContainerPort(containerPort).withProtocol("TCP").endPort().build())
        .endSpec().build();
  }
}
