package io.cybershield.shield.operator;

import io.cybershield.shield.operator.metrics.ReconcileMetrics;
import io.cybershield.shield.operator.reconciler.ShieldIncidentReconciler;
import io.cybershield.shield.operator.reconciler.ShieldModelReconciler;
import io.cybershield.shield.operator.reconciler.ShieldRetrainReconciler;
import io.cybershield.shield.operator.reconciler.SurgeDecisions;
import io.cybershield.shield.operator.reconciler.SurgeFloorReconciler;
import io.cybershield.shield.operator.reconciler.WakeFloors;
import io.cybershield.shield.operator.reconciler.WakeReconciler;
import io.cybershield.shield.sandbox.SandboxCluster;
import io.cybershield.shield.sandbox.simulator.NodeInventory;
import io.cybershield.shield.sandbox.simulator.SimulatorConfig;
import io.cybershield.shield.sandbox.testing.Kubectl;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The Shield operator, as JOSDK runs it, against a fresh sandbox cluster with the Helm chart's CRDs and simulated
 * GPU nodes: the harness of the operator tests.
 */
final class OperatorOnSandbox implements AutoCloseable {

  static final String OPERATOR_USER_AGENT = "shield-operator";
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  final SandboxCluster cluster;
  final KubernetesClient client;
  /** The operator's own client, so the sandbox's request counts tell its requests from the test's. */
  private final KubernetesClient operatorClient;
  Operator operator;
  /** The surge decisions of the running operator's floor controller (a new operator starts with none). */
  volatile SurgeDecisions decisions;
  /** The wake-ups of the running operator's wake controller. */
  volatile WakeFloors wakeFloors;
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final Kubectl kubectl;
  /** Whether the ShieldRetrain controller runs; off where a test writes ShieldRetrain status itself. */
  private final boolean retrainController;
  /** The wake controller's settings: its polls and holds, short for tests. */
  private final WakeReconciler.Settings wakeSettings;
  /** The default wake settings of the tests: a poll every second, so a parked pool's gateways are read promptly. */
  static final WakeReconciler.Settings TEST_WAKE = new WakeReconciler.Settings(Duration.ofSeconds(1),
      Duration.ofMinutes(5), Duration.ofMillis(500));

  OperatorOnSandbox() throws IOException {
    this(List.of());
  }

  /** Without the ShieldRetrain controller, so that the test is the only writer of ShieldRetrain status. */
  static OperatorOnSandbox withoutRetrainController() throws IOException {
    return new OperatorOnSandbox(NodeInventory.defaultInventory(), List.of(), false, TEST_WAKE);
  }

  /** With other settings of the wake controller (a short hold, to see a woken pool park again). */
  static OperatorOnSandbox withWake(WakeReconciler.Settings wakeSettings) throws IOException {
    return new OperatorOnSandbox(NodeInventory.defaultInventory(), List.of(), true, wakeSettings);
  }

  /** With more CRDs installed before the operator starts (e.g. the Prometheus Operator's). */
  OperatorOnSandbox(List<Path> extraCrdDirectories) throws IOException {
    this(NodeInventory.defaultInventory(), extraCrdDirectories);
  }

  /** On other simulated nodes than the sandbox's default inventory. */
  OperatorOnSandbox(NodeInventory nodes, List<Path> extraCrdDirectories) throws IOException {
    this(nodes, extraCrdDirectories, true, TEST_WAKE);
  }

  private OperatorOnSandbox(NodeInventory nodes, List<Path> extraCrdDirectories, boolean retrainController,
      WakeReconciler.Settings wakeSettings) throws IOException {
    this.retrainController = retrainController;
    this.wakeSettings = wakeSettings;
    cluster = SandboxCluster.start(0, nodes, SimulatorConfig.fast());
    cluster.installCrds(ROOT.resolve("helm/shield-operator/crds"));
    for (Path directory : extraCrdDirectories) {
      cluster.installCrds(directory);
    }
    client = cluster.client();
    operatorClient = cluster.client(OPERATOR_USER_AGENT);
    operator = startOperator();
    kubectl = new Kubectl(cluster.writeKubeconfig(Files.createTempDirectory("operator").resolve("kubeconfig")));
  }

  private Operator startOperator() {
    Operator started = new Operator(o -> o.withKubernetesClient(operatorClient).withCloseClientOnStop(false)
        .withStopOnInformerErrorDuringStartup(true)
        .withMetrics(new ReconcileMetrics().reconcileMetrics(metrics)));
    decisions = new SurgeDecisions();
    wakeFloors = new WakeFloors();
    started.register(new SurgeFloorReconciler(metrics, decisions, wakeFloors, Clock.systemUTC()));
    started.register(new WakeReconciler(wakeFloors, wakeSettings, Clock.systemUTC()));
    started.register(new ShieldModelReconciler(metrics, decisions, Clock.systemUTC(),
        io.cybershield.shield.operator.model.ModelGateway.Settings.defaults()));
    started.register(new ShieldIncidentReconciler(metrics, Clock.systemUTC()));
    if (retrainController) {
      started.register(new ShieldRetrainReconciler(metrics, Clock.systemUTC()));
    }
    started.start();
    return started;
  }

  /** Stops the operator and starts a fresh one: nothing survives but what the cluster holds. */
  void restartOperator() {
    operator.stop();
    operator = startOperator();
  }

  @Override
  public void close() {
    operator.stop();
    operatorClient.close();
    client.close();
    cluster.close();
  }
}
