package io.cybershield.shield.deploy.chart;

import io.cybershield.shield.sandbox.testing.Helm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * values.schema.json refuses bad values at {@code helm template} (and so at {@code helm install} and
 * {@code helm upgrade}) with a message that names the value and says what is wrong.
 */
class ChartSchemaTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a misspelt top-level key       | replicas=2                         | at '': additional properties 'replicas' not allowed
      a misspelt nested key          | image.tags=0.1.0                   | at '/image': additional properties 'tags' not allowed
      a misspelt metrics key         | metrics.serviceMonitor.enable=true | at '/metrics/serviceMonitor': additional properties 'enable' not allowed
      an unknown watch mode          | watch.mode=All                     | at '/watch/mode': value must be one of 'AllNamespaces', 'OwnNamespace', 'Namespaces'
      Namespaces with no namespaces  | watch.mode=Namespaces              | at '/watch/namespaces': minItems: got 0, want 1
      namespaces the mode ignores    | watch.namespaces={soc}             | at '/watch/namespaces': maxItems: got 1, want 0
      a bad namespace name           | watch.mode=Namespaces,watch.namespaces={SOC_Team} | at '/watch/namespaces/0': 'SOC_Team' does not match pattern
      an unknown pull policy         | image.pullPolicy=Sometimes         | at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'
      an unknown log level           | logLevel=verbose                   | at '/logLevel': value must be one of 'TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'
      a tag with a colon             | image.tag=shield:0.1.0             | at '/image/tag': 'shield:0.1.0' does not match pattern
      a short digest                 | image.digest=sha256:abc            | at '/image/digest': 'sha256:abc' does not match pattern '^$|^sha256:[a-f0-9]{64}$'
      a gateway tag with a space     | gateway.image.tag=0.1 beta         | at '/gateway/image/tag': '0.1 beta' does not match pattern
      root                           | runAsUser=0                        | at '/runAsUser': minimum: got 0, want 1
      no replicas                    | replicaCount=0                     | at '/replicaCount': minimum: got 0, want 1
      two replicas without a leader  | replicaCount=2,leaderElection.enabled=false | at '/leaderElection/enabled': value must be true
      a string for a number          | gateway.replicas=two               | at '/gateway/replicas': got string, want integer
      a bad scrape interval          | metrics.serviceMonitor.interval=30sec | at '/metrics/serviceMonitor/interval': '30sec' does not match pattern
      a number for a duration        | metrics.serviceMonitor.interval=30 | at '/metrics/serviceMonitor/interval': got number, want string
      """)
  void refuses(String what, String values, String message) throws IOException {
    Helm helm = RenderedChart.helm();
    List<String> command = new ArrayList<>(List.of("template", "shield", RenderedChart.chartDir().toString(),
        "--namespace", "shield-system"));
    // one --set per value: a comma inside braces belongs to the list
    for (String value : values.split(",(?![^{]*})")) {
      command.add("--set");
      command.add(value);
    }
    Helm.Result result = helm.run(command.toArray(String[]::new));

    assertThat(result.exitCode()).as(what).isNotZero();
    assertThat(result.stderr()).as(what)
        .contains("values don't meet the specifications of the schema(s) in the following chart(s):")
        .contains("shield-operator:")
        .contains(message);
  }
}
