package io.cybershield.shield.deploy.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One kind per template, in a file named {@code 0NN-Kind[-name].yaml} (numbered in install order), and no
 * namespace spelt out in any template: every namespace comes from the release or from watch.namespaces.
 */
class ChartLayoutTest {

  private static final Pattern FILE = Pattern.compile("0\\d\\d-([A-Z][A-Za-z]+)(-[a-z0-9-]+)?\\.yaml");
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: shield-operator/templates/(\\S+)$");

  @Test
  void everyTemplateIsNamedForItsKind() throws IOException {
    try (Stream<Path> files = Files.list(RenderedChart.chartDir().resolve("templates"))) {
      List<String> names = files.map(f -> f.getFileName().toString())
          .filter(n -> !n.equals("_helpers.tpl") && !n.equals("NOTES.txt")).sorted().toList();
      assertThat(names).isNotEmpty().allMatch(n -> FILE.matcher(n).matches());
    }
  }

  @Test
  void everyRenderedObjectComesFromTheTemplateNamedForItsKind() throws IOException {
    // every optional template on
    String yaml = RenderedChart.helm().ok("template", "shield", RenderedChart.chartDir().toString(),
        "--namespace", "shield-system", "--set", "replicaCount=2", "--set", "metrics.serviceMonitor.enabled=true",
        "--set", "watch.mode=Namespaces", "--set", "watch.namespaces={soc}",
        "--set", "metrics.prometheusRule.enabled=true", "--set", "metrics.grafanaDashboard.enabled=true");
    KubernetesSerialization serialization = new KubernetesSerialization();

    List<String> mismatches = new ArrayList<>();
    int objects = 0;
    for (String document : yaml.split("(?m)^---\\s*$")) {
      Matcher source = SOURCE.matcher(document);
      if (!source.find()) {
        continue;
      }
      HasMetadata object = serialization.unmarshal(document, HasMetadata.class);
      objects++;
      Matcher file = FILE.matcher(source.group(1));
      if (!file.matches() || !file.group(1).equals(object.getKind())) {
        mismatches.add(object.getKind() + " " + object.getMetadata().getName() + " from " + source.group(1));
      }
    }
    assertThat(objects).isGreaterThanOrEqualTo(11);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void noTemplateSpellsOutANamespace() throws IOException {
    List<String> hardCoded = new ArrayList<>();
    try (Stream<Path> files = Files.list(RenderedChart.chartDir().resolve("templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (String line : Files.readAllLines(file)) {
          String trimmed = line.strip();
          if (trimmed.startsWith("namespace:") && !trimmed.contains("{{")) {
            hardCoded.add(file.getFileName() + ": " + trimmed);
          }
        }
      }
    }
    assertThat(hardCoded).isEmpty();
  }
}
