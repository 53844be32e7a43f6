package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.v1alpha1.common.Severity;
import io.cybershield.shield.api.v1alpha1.incident.IncidentIntake;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.gateway.api.ApiException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the webhook asks the API server, which is what the gateway's Role ({@code ModelGateway.role}: get, create,
 * patch on shieldincidents) must permit and nothing more — no list, no watch, no delete, no Secrets — and how its
 * failures are answered: a Role without the verbs, or an API server that cannot be reached, is 503
 * {@code IncidentsUnavailable}, never a 500.
 */
@EnableKubernetesMockClient(crud = true)
class SiemIncidentsRequestsIT {

  KubernetesMockServer server;
  KubernetesClient client;

  private static SiemAlert alert(Severity severity, boolean resolved) {
    return new SiemAlert("splunk", "4711", null, severity, "Brute force", Map.of(), null, resolved);
  }

  @Test
  void aLifeOfAlertsAsksOnlyToGetCreateAndPatchIncidentsOfTheNamespace() throws InterruptedException {
    IncidentIntake.submit(client, "soc", alert(Severity.MEDIUM, false));
    IncidentIntake.submit(client, "soc", alert(Severity.MEDIUM, false));
    IncidentIntake.submit(client, "soc", alert(Severity.CRITICAL, false));
    IncidentIntake.submit(client, "soc", alert(null, true));

    List<String> asked = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      asked.add(request.getMethod() + " " + request.getPath());
    }
    String incidents = "/apis/shield.cybershield.io/v1alpha1/namespaces/soc/shieldincidents";
    String incident = incidents + "/inc-splunk-4711";
    // created; redelivered (create refused, then read); raised (the same, then patched: fabric8 reads the object
    // once more before it patches); resolved (read, patched)
    assertThat(asked).containsExactly(
        "POST " + incidents,
        "POST " + incidents, "GET " + incident,
        "POST " + incidents, "GET " + incident, "GET " + incident, "PATCH " + incident,
        "GET " + incident, "GET " + incident, "PATCH " + incident);
  }

  @Test
  void aForbiddenCreateIsIncidentsUnavailable() {
    server.expect().post().withPath("/apis/shield.cybershield.io/v1alpha1/namespaces/locked/shieldincidents")
        .andReturn(403, "{\"kind\": \"Status\", \"apiVersion\": \"v1\", \"status\": \"Failure\", "
            + "\"reason\": \"Forbidden\", \"code\": 403, \"message\": \"shieldincidents.shield.cybershield.io is "
            + "forbidden: User system:serviceaccount:locked:m-gateway cannot create resource\"}").once();

    Throwable failure = catchThrowable(() -> IncidentIntake.submit(client, "locked", alert(Severity.HIGH, false)));

    assertThat(failure).isInstanceOf(KubernetesClientException.class);
    ApiException answer = SiemIncidents.answer(failure);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.code()).isEqualTo("IncidentsUnavailable");
    assertThat(answer.getMessage()).contains("not allowed to change ShieldIncidents");
    assertThat(answer.retryAfterSeconds()).isPositive();
  }

  @Test
  void anUnreachableApiServerIsIncidentsUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + closed)
        .withRequestRetryBackoffLimit(0).withConnectionTimeout(2000).withRequestTimeout(2000).build();
    try (KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(config).build()) {
      Throwable failure = catchThrowable(() -> IncidentIntake.submit(unreachable, "soc",
          alert(Severity.HIGH, false)));

      ApiException answer = SiemIncidents.answer(failure);
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.code()).isEqualTo("IncidentsUnavailable");
      assertThat(answer.getMessage()).contains("cannot be reached");
    }
  }

  @Test
  void anApiServerThatNeverAnswersIsIncidentsUnavailableWithinTheTimeout() {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    long start = System.nanoTime();
    try {
      Throwable failure = catchThrowable(() -> SiemIncidents.within(() -> {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("released");
      }, java.time.Duration.ofMillis(300)).await().atMost(java.time.Duration.ofSeconds(10)));

      assertThat(failure).isInstanceOfSatisfying(ApiException.class, answer -> {
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.getMessage()).contains("did not answer in time");
      });
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
    } finally {
      never.countDown();
    }
  }

  @Test
  void aTimeoutAndTheIntakesOwnFailuresHaveTheirAnswers() {
    assertThat(SiemIncidents.answer(new io.smallrye.mutiny.TimeoutException()).code())
        .isEqualTo("IncidentsUnavailable");
    assertThat(SiemIncidents.answer(new IllegalArgumentException("the API server refused the incident: bad"))
        .status()).isEqualTo(422);
  }
}
