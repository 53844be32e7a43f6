package io.cybershield.shield.deploy.chart;

import io.cybershield.shield.sandbox.testing.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chart rendered by the real {@code helm template}, as fabric8 objects: built-in kinds as their model classes,
 * others (ServiceMonitor, PrometheusRule) as generic resources.
 */
record RenderedChart(String release, String namespace, String yaml, List<HasMetadata> objects) {

  static final String CHART = "helm/shield-operator";
  static final String RELEASE = "shield";
  static final String NAMESPACE = "shield-system";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  static Path chartDir() {
    return Helm.projectRoot().resolve(CHART);
  }

  /** A Helm for offline commands; skips the calling test (with fetch-helm's reason) when Helm cannot be had. */
  static Helm helm() throws IOException {
    assumeTrue(Helm.locate().isPresent(), Helm.unavailableReason());
    return Helm.offline();
  }

  /** {@code helm template shield helm/shield-operator -n shield-system} with extra arguments (--set ...). */
  static RenderedChart render(String... args) throws IOException {
    return renderAs(RELEASE, NAMESPACE, args);
  }

  static RenderedChart renderAs(String release, String namespace, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("template", release, chartDir().toString(),
        "--namespace", namespace));
    command.addAll(List.of(args));
    String yaml = helm().ok(command.toArray(String[]::new));
    return new RenderedChart(release, namespace, yaml, parse(yaml));
  }

  /** Every object of a multi-document YAML stream, in order. */
  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
        continue;
      }
      objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
    }
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  Optional<HasMetadata> find(String kind, String name) {
    return objects.stream().filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName()))
        .findFirst();
  }

  Deployment deployment() {
    List<Deployment> deployments = all(Deployment.class);
    if (deployments.size() != 1) {
      throw new AssertionError("expected one Deployment, found " + deployments.size());
    }
    return deployments.get(0);
  }
}
