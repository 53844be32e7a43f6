package io.cybershield.shield.operator;

import io.cybershield.shield.api.ShieldNames;
import io.cybershield.shield.api.v1alpha1.incident.IncidentIntake;
import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.api.v1alpha1.incident.SiemAlert;
import io.cybershield.shield.api.v1alpha1.model.ShieldModel;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Incident-driven surge on the sandbox: a critical ShieldIncident raises the private-cloud floor of the models it
 * selects (and not of the others), within the GPU budget; resolving it keeps the floor for the cooldown, then
 * restores it — also across an operator restart in the middle of the cooldown.
 */
class IncidentSurgeIT extends OperatorTestSupport {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Override
  protected String namespacePrefix() {
    return "inc-";
  }

  private String model(String name, String team, String cooldown, Integer maxGpus) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldModel
        metadata: {name: %s, namespace: %s, labels: {team: %s}}
        spec:
          model: {uri: "s3://models/%1$s", version: "v1"}
          variants:
            - {name: full, priorities: [critical, high, normal, low], gpu: {count: 1, resource: nvidia.com/gpu}}
          placement:
            onPrem: {replicas: 1}
            privateCloud: {minReplicas: 1, maxReplicas: 6,
                           tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}
          dataClassification: confidential
          autoscaling:
            incidentSurge: {floors: {critical: 4, high: 2}, cooldown: %s%s}
        """.formatted(name, ns, team, cooldown, maxGpus == null ? "" : ", maxGpus: " + maxGpus);
  }

  private String incident(String name, String severity, String team, boolean resolved) {
    return """
        apiVersion: shield.cybershield.io/v1alpha1
        kind: ShieldIncident
        metadata: {name: %s, namespace: %s}
        spec:
          severity: %s
          source: {system: splunk, alertId: "%1$s"}
          summary: Ransomware behaviour on finance file servers
          modelSelector: {matchLabels: {team: %s}}
          expiresAfter: 12h
          resolved: %s
        """.formatted(name, ns, severity, team, resolved);
  }

  private int cloudFloor(String model) {
    HorizontalPodAutoscaler hpa = sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
        .withName(ShieldNames.horizontalPodAutoscaler(model, "full")).get();
    return hpa == null ? -1 : hpa.getSpec().getMinReplicas();
  }

  /**
   * Every floor a model's cloud HPA was seen with and when, and every cooldown end its status reported: a watch
   * started before the floor is expected to move, so nothing the test asserts depends on when it looks.
   */
  private final class SurgeWatch implements AutoCloseable {

    record Seen(Instant at, int floor) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Instant> cooldownEnds = new CopyOnWriteArrayList<>();
    private final SharedIndexInformer<HorizontalPodAutoscaler> informer;
    private final SharedIndexInformer<ShieldModel> models;

    SurgeWatch(String model) {
      models = sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName(model).inform(
          new ResourceEventHandler<>() {
            @Override
            public void onAdd(ShieldModel m) {
              note(m);
            }

            @Override
            public void onUpdate(ShieldModel old, ShieldModel m) {
              note(m);
            }

            @Override
            public void onDelete(ShieldModel m, boolean unknown) {
            }

            private void note(ShieldModel m) {
              var surge = m.getStatus() == null ? null : m.getStatus().surge();
              if (surge != null && surge.cooldownUntil() != null) {
                cooldownEnds.add(Instant.parse(surge.cooldownUntil()));
              }
            }
          });
      informer = sandbox.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns)
          .withName(ShieldNames.horizontalPodAutoscaler(model, "full")).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(HorizontalPodAutoscaler hpa) {
              seen.add(new Seen(Instant.now(), hpa.getSpec().getMinReplicas()));
            }

            @Override
            public void onUpdate(HorizontalPodAutoscaler old, HorizontalPodAutoscaler hpa) {
              seen.add(new Seen(Instant.now(), hpa.getSpec().getMinReplicas()));
            }

            @Override
            public void onDelete(HorizontalPodAutoscaler hpa, boolean unknown) {
            }
          });
    }

    /** Whether the watch has seen the floor below {@code floor} after it had been seen at it. */
    boolean sawBelow(int floor) {
      boolean reached = false;
      for (Seen s : seen) {
        reached |= s.floor() >= floor;
        if (reached && s.floor() < floor) {
          return true;
        }
      }
      return false;
    }

    /** When the floor was first seen below {@code floor} after it had been seen at it. */
    Instant firstSeenBelow(int floor) {
      boolean reached = false;
      for (Seen s : seen) {
        reached |= s.floor() >= floor;
        if (reached && s.floor() < floor) {
          return s.at();
        }
      }
      throw new AssertionError("the floor never dropped below " + floor + " after reaching it: " + seen);
    }

    /** The cooldown end the model's status reported (the same in every report). */
    Instant cooldownUntil() {
      assertThat(cooldownEnds).as("the model reported its cooldown while it ran").isNotEmpty();
      assertThat(Set.copyOf(cooldownEnds)).as("one cooldown end, reported the same each time").hasSize(1);
      return cooldownEnds.get(0);
    }

    @Override
    public void close() {
      informer.close();
      models.close();
    }
  }

  private double floorLatencies() {
    var timer = sandbox.metrics.find("shield_incident_floor_latency").tag("severity", "critical").timer();
    return timer == null ? 0 : timer.count();
  }

  private ShieldModel shieldModel(String name) {
    return sandbox.client.resources(ShieldModel.class).inNamespace(ns).withName(name).get();
  }

  private String surging(String name) {
    ShieldModel m = shieldModel(name);
    return m.getStatus() == null || m.getStatus().conditions() == null ? "" : m.getStatus().conditions()
        .stream().filter(c -> "Surging".equals(c.type()))
        .map(c -> Serialization.asJson(c.status()).replace("\"", "")).findFirst().orElse("");
  }

  @Test
  void aCriticalIncidentRaisesTheSelectedModelsFloorAndResolvingItRestoresItAfterTheCooldown() {
    sandbox.kubectl.apply(model("soc-model", "soc", "8s", null));
    sandbox.kubectl.apply(model("hr-model", "hr", "8s", null));
    await().atMost(WITHIN).until(() -> cloudFloor("soc-model") == 1 && cloudFloor("hr-model") == 1);
    double latenciesBefore = floorLatencies();

    try (SurgeWatch watch = new SurgeWatch("soc-model")) {
      sandbox.kubectl.apply(incident("inc-4711", "critical", "soc", false));
      await().atMost(WITHIN).untilAsserted(() -> {
        assertThat(cloudFloor("soc-model")).isEqualTo(4);
        assertThat(surging("soc-model")).isEqualTo("True");
        assertThat(shieldModel("soc-model").getStatus().activeIncidents()).singleElement()
            .satisfies(a -> assertThat(a.name()).isEqualTo("inc-4711"));
      });
      assertThat(cloudFloor("hr-model")).as("an unselected model keeps its floor").isEqualTo(1);
      assertThat(floorLatencies() - latenciesBefore).as("one latency: the one model the incident selects")
          .isEqualTo(1.0);
      await().atMost(WITHIN).untilAsserted(() -> assertThat(sandbox.client.apps().deployments().inNamespace(ns)
          .withName("soc-model-full-cloud").get().getStatus().getReadyReplicas()).isEqualTo(4));
      await().atMost(WITHIN).untilAsserted(() -> {
        ShieldIncident incident = sandbox.client.resources(ShieldIncident.class).inNamespace(ns)
            .withName("inc-4711").get();
        assertThat(String.valueOf(incident.getStatus().phase())).isEqualTo("Active");
        assertThat(incident.getStatus().models()).singleElement()
            .satisfies(m -> assertThat(m.floor()).isEqualTo(4));
      });

      sandbox.kubectl.apply(incident("inc-4711", "critical", "soc", true));
      await().atMost(WITHIN).until(() -> cloudFloor("soc-model") == 1);
      await().atMost(WITHIN).until(() -> watch.sawBelow(4));
      assertThat(watch.firstSeenBelow(4)).as("the floor is held until the end of the cooldown")
          .isAfterOrEqualTo(watch.cooldownUntil());
      await().atMost(WITHIN).untilAsserted(() -> assertThat(surging("soc-model")).isEqualTo("False"));
      assertThat(shieldModel("soc-model").getStatus().surge()).as("no surge is reported once it ended").isNull();
    }
  }

  @Test
  void anAlertSubmittedTwiceThroughTheIntakeRaisesOneIncidentThatSurgesTheModel() {
    sandbox.kubectl.apply(model("intake-model", "soc", "1m", null));
    await().atMost(WITHIN).until(() -> cloudFloor("intake-model") == 1);
    SiemAlert alert = new SiemAlert("splunk", "9001", "https://siem.example/alerts/9001",
        SiemAlert.severity("high"), "Beaconing to a known C2 domain", Map.of("team", "soc"), "2h");

    IncidentIntake.Submission first = IncidentIntake.submit(sandbox.client, ns, alert);
    IncidentIntake.Submission again = IncidentIntake.submit(sandbox.client, ns, alert);

    assertThat(first.created()).isTrue();
    assertThat(first.reference()).isEqualTo(ns + "/inc-splunk-9001");
    assertThat(again.created()).as("a redelivered alert finds its incident").isFalse();
    assertThat(again.name()).isEqualTo(first.name());
    assertThat(sandbox.client.resources(ShieldIncident.class).inNamespace(ns).list().getItems())
        .filteredOn(i -> i.getMetadata().getName().startsWith("inc-splunk")).hasSize(1);
    await().atMost(WITHIN).until(() -> cloudFloor("intake-model") == 2);
  }

  @Test
  void whenTheCriticalOfTwoOverlappingIncidentsEndsItsFloorIsHeldForTheCooldownThenTheHighOneRemains() {
    sandbox.kubectl.apply(model("overlap-model", "soc", "8s", null));
    await().atMost(WITHIN).until(() -> cloudFloor("overlap-model") == 1);
    try (SurgeWatch watch = new SurgeWatch("overlap-model")) {
      sandbox.kubectl.apply(incident("inc-high", "high", "soc", false));
      sandbox.kubectl.apply(incident("inc-crit", "critical", "soc", false));
      await().atMost(WITHIN).until(() -> cloudFloor("overlap-model") == 4);

      sandbox.kubectl.apply(incident("inc-crit", "critical", "soc", true));
      await().atMost(WITHIN).untilAsserted(() -> {
        assertThat(cloudFloor("overlap-model")).isEqualTo(2);
        assertThat(surging("overlap-model")).isEqualTo("True");
        assertThat(shieldModel("overlap-model").getStatus().activeIncidents()).singleElement()
            .satisfies(a -> assertThat(a.name()).isEqualTo("inc-high"));
        assertThat(shieldModel("overlap-model").getStatus().surge().cooldownUntil()).isNull();
      });
      await().atMost(WITHIN).until(() -> watch.sawBelow(4));
      assertThat(watch.firstSeenBelow(4)).as("the critical floor is held for its cooldown though high stays active")
          .isAfterOrEqualTo(watch.cooldownUntil());
    }
  }

  @Test
  void theGpuBudgetCapsTheSurgeAndTheShortfallIsVisible() {
    sandbox.kubectl.apply(model("budgeted", "soc", "1m", 3));
    await().atMost(WITHIN).until(() -> cloudFloor("budgeted") == 1);
    sandbox.kubectl.apply(incident("inc-budget", "critical", "soc", false));
    await().atMost(WITHIN).untilAsserted(() -> {
      assertThat(cloudFloor("budgeted")).isEqualTo(3);
      var surge = shieldModel("budgeted").getStatus().surge();
      assertThat(surge).isNotNull();
      assertThat(surge.requestedFloor()).isEqualTo(4);
      assertThat(surge.floor()).isEqualTo(3);
      assertThat(surge.shortfall()).isEqualTo(1);
    });
  }

  @Test
  void aCooldownInProgressSurvivesAnOperatorRestart() {
    sandbox.kubectl.apply(model("restarted", "soc", "15s", null));
    await().atMost(WITHIN).until(() -> cloudFloor("restarted") == 1);
    try (SurgeWatch watch = new SurgeWatch("restarted")) {
      sandbox.kubectl.apply(incident("inc-restart", "high", "soc", false));
      await().atMost(WITHIN).until(() -> cloudFloor("restarted") == 2);
      sandbox.kubectl.apply(incident("inc-restart", "high", "soc", true));
      await().atMost(WITHIN).until(() -> shieldModel("restarted").getStatus().surge() != null
          && shieldModel("restarted").getStatus().surge().cooldownUntil() != null);

      sandbox.restartOperator();
      // the new operator's floor controller decides for the model from the cluster alone
      ResourceID id = new ResourceID("restarted", ns);
      await().atMost(WITHIN).until(() -> sandbox.decisions.latest(id).isPresent());
      await().atMost(WITHIN).until(() -> cloudFloor("restarted") == 1);
      // the watch's event of that change may come after the read
      await().atMost(WITHIN).until(() -> watch.sawBelow(2));
      assertThat(watch.firstSeenBelow(2)).as("the floor is held until the end of the cooldown, restart or not")
          .isAfterOrEqualTo(watch.cooldownUntil());
    }
  }

  @Test
  void theShippedIncidentExampleSurgesTheSocTeamsModel() {
    Path examples = OperatorOnSandbox.ROOT.resolve("docs/examples");
    sandbox.kubectl.ok("apply", "-f", examples.resolve("00-namespace.yaml").toString(), "-f",
        examples.resolve("threat-intel.yaml").toString());
    sandbox.kubectl.ok("apply", "-f", examples.resolve("incidents/inc-4711-critical.yaml").toString());
    await().atMost(WITHIN).untilAsserted(() -> {
      ShieldModel model = sandbox.client.resources(ShieldModel.class).inNamespace("soc").withName("threat-intel")
          .get();
      assertThat(model.getStatus()).isNotNull();
      assertThat(model.getStatus().conditions()).anySatisfy(c -> {
        assertThat(c.type()).isEqualTo("Surging");
        assertThat(Serialization.asJson(c.status())).contains("True");
      });
      assertThat(model.getStatus().surge().requestedFloor()).isEqualTo(6);
      assertThat(model.getStatus().surge().floor()).isBetween(1, 6);
    });
    await().atMost(WITHIN).untilAsserted(() -> assertThat(sandbox.kubectl.ok("get", "shieldincident", "inc-4711",
        "-n", "soc", "-o", "jsonpath={.status.phase}")).isEqualTo("Active"));
    sandbox.kubectl.ok("delete", "namespace", "soc", "--timeout=30s");
  }
}
