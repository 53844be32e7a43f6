package io.cybershield.shield.gateway.siem;

import io.cybershield.shield.api.v1alpha1.incident.ShieldIncident;
import io.cybershield.shield.gateway.TestCallers;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every payload docs/siem.md shows is posted, in the order the document shows them, and answered as it says: each
 * JSON block under an {@code <!-- example: POST <path> -> <status> -->} comment as it is, and the Kibana body
 * template under {@code <!-- template: ... -->} rendered the way Kibana renders it (Mustache variables replaced),
 * firing and then recovered. No JSON block of the document goes untested.
 */
@QuarkusTest
@TestProfile(SiemAlertsIT.OnSandbox.class)
@TestCallers.Anonymous
class SiemDocExamplesIT {

  private static final Path DOC = Path.of("..", "docs", "siem.md");
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- (example|template): POST (\\S+) -> (\\d{3}) -->\\n)?```(json|mustache)\\n(.*?)\\n```", Pattern.DOTALL);

  SiemOnSandbox.Sandbox sandbox;

  @Inject
  Upstreams upstreams;

  @Inject
  WebhookSecret webhook;

  private record Block(String kind, String path, int status, String language, String body) {
  }

  @Test
  void everyPayloadOfTheDocIsAnsweredAsTheDocSays() throws IOException {
    await().atMost(Duration.ofSeconds(30)).until(() -> upstreams.routes().access() != null
        && upstreams.routes().access().siemWebhook() != null && webhook.key().isPresent());
    List<Block> blocks = blocks();
    assertThat(blocks).as("tested blocks of %s", DOC).hasSize(6);
    assertThat(blocks).as("every JSON block is an example posted by this test").allSatisfy(block ->
        assertThat(block.kind()).isNotNull());

    for (Block block : blocks) {
      if (block.kind().equals("template")) {
        String firing = render(block.body(), Map.of("alert.actionGroup", "default"));
        Response created = post(block.path(), firing);
        assertThat(created.statusCode()).as("the rendered template: %s", created.body().asString())
            .isEqualTo(block.status());
        String incident = created.jsonPath().getString("incident");
        Response recovered = post(block.path(), render(block.body(), Map.of("alert.actionGroup", "recovered")));
        assertThat(recovered.jsonPath().getMap("")).containsEntry("incident", incident)
            .containsEntry("resolved", true);
        continue;
      }
      Response answer = post(block.path(), block.body());
      assertThat(answer.statusCode()).as("the example of %s answered %s", block.path(), answer.body().asString())
          .isEqualTo(block.status());
    }
    ShieldIncident splunk = sandbox.client.resources(ShieldIncident.class).inNamespace(SiemOnSandbox.NAMESPACE)
        .withName("inc-splunk-brute-force-fin-fs-01").get();
    assertThat(splunk.getSpec().resolved()).as("the doc's Splunk alert, then its resolution").isTrue();
    ShieldIncident qradar = sandbox.client.resources(ShieldIncident.class).inNamespace(SiemOnSandbox.NAMESPACE)
        .withName("inc-qradar-offense-4711").get();
    assertThat(qradar.getSpec().resolved()).isTrue();
    assertThat(qradar.getSpec().modelSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("team", "soc"));
  }

  private static List<Block> blocks() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          m.group(4), m.group(5)));
    }
    return blocks;
  }

  /** The template as Kibana renders it for a detection rule's alert (values JSON-escaped, tags comma-joined). */
  private static String render(String template, Map<String, String> overrides) {
    Map<String, String> values = new java.util.HashMap<>(Map.of(
        "rule.id", "b7c1-dns-tunnel", "rule.name", "DNS tunnelling to a rare domain",
        "rule.url", "https://kibana.example/app/security/rules/id/b7c1-dns-tunnel", "rule.tags", "network,shield:team=soc",
        "alert.id", "dns-fin-ws-07", "alert.uuid", "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d",
        "context.rule.severity", "medium", "context.rule.risk_score", "47"));
    values.putAll(overrides);
    Matcher variable = Pattern.compile("\\{\\{([a-zA-Z_.]+)}}").matcher(template);
    StringBuilder rendered = new StringBuilder();
    while (variable.find()) {
      String value = values.get(variable.group(1));
      assertThat(value).as("a value for {{%s}}", variable.group(1)).isNotNull();
      variable.appendReplacement(rendered, Matcher.quoteReplacement(value));
    }
    variable.appendTail(rendered);
    return rendered.toString();
  }

  private static Response post(String path, String body) {
    RequestSpecification request = given().contentType("application/json").body(body);
    if (path.contains("{secret}")) {
      return request.post(path.replace("{secret}", SiemOnSandbox.SECRET));
    }
    return request.header("Authorization", "Bearer " + TestCallers.RESPONDER).post(path);
  }
}
