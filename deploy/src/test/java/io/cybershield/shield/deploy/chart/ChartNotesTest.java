package io.cybershield.shield.deploy.chart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code helm install} prints after installing (templates/NOTES.txt): the next commands, and the warnings. */
class ChartNotesTest {

  /** The NOTES of a client-side dry-run install, which renders them as a real install does, with no cluster. */
  static String notes(String... values) throws IOException {
    List<String> command = new ArrayList<>(List.of("install", "shield", RenderedChart.chartDir().toString(),
        "--namespace", "shield-system", "--dry-run=client"));
    for (String value : values) {
      command.add("--set");
      command.add(value);
    }
    String out = RenderedChart.helm().ok(command.toArray(String[]::new));
    int notes = out.indexOf("NOTES:\n");
    assertThat(notes).as("helm install printed NOTES:%n%s", out).isNotNegative();
    return out.substring(notes);
  }

  @Test
  void defaultsSayHowToWaitForTheOperatorAndAModelAndWhereMetricsAre() throws IOException {
    String notes = notes();

    assertThat(notes).contains(
        "the operator runs as deployment/shield-operator in namespace shield-system",
        "kubectl -n shield-system rollout status deployment/shield-operator",
        "kubectl apply -f https://raw.githubusercontent.com/cybershield/shield/main/docs/examples/phishing-coach-cpu.yaml",
        "kubectl -n soc wait shieldmodel/phishing-coach --for=condition=Ready --timeout=10m",
        "The operator watches every namespace.",
        "/q/metrics on port 8080",
        "kubectl -n shield-system port-forward service/shield-operator-metrics 8080",
        "kubectl apply --server-side -f <chart>/crds/");
    assertThat(notes).doesNotContain("WARNING", "stand by", "Leader election is off");
  }

  @Test
  void namespacedModesWarnThatOtherNamespacesAreIgnored() throws IOException {
    assertThat(notes("watch.mode=OwnNamespace")).contains(
        "WARNING: the operator watches only shield-system (watch.mode=OwnNamespace).",
        "ShieldModels, ShieldIncidents and ShieldRetrains in any other namespace are ignored",
        "which this release does not watch: change its namespace to shield-system");
    assertThat(notes("watch.mode=Namespaces", "watch.namespaces={soc,incident-response}"))
        .contains("WARNING: the operator watches only soc, incident-response (watch.mode=Namespaces).")
        .doesNotContain("which this release does not watch");
  }

  @Test
  void replicasAndLeaderElectionAreExplained() throws IOException {
    assertThat(notes("replicaCount=2")).contains(
        "2 replicas: the holder of Lease shield-system/shield-operator-leader reconciles, the others stand by.");
    assertThat(notes("leaderElection.enabled=false")).contains(
        "Leader election is off: never run more than one replica.");
  }

  @Test
  void serviceMonitorIsMentionedWhenOn() throws IOException {
    assertThat(notes("metrics.serviceMonitor.enabled=true")).contains(
        "A ServiceMonitor (shield-operator) lets the Prometheus Operator scrape them every 30s.");
    assertThat(notes("metrics.service.enabled=false")).doesNotContain("port-forward");
  }
}
