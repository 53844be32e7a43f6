package io.cybershield.shield.gateway.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.gateway.api.StandIns;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of {@code docs/triage.md}: its request, posted as the doc posts it (to a gateway whose model pods are
 * the echoing stand-ins, as on {@code bin/shield-sandbox}), gets the answer the doc shows — every field but the
 * number of shipped rules, which grows.
 */
@QuarkusTest
@WithTestResource(StandIns.class)
class DocsTriageIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  StandIns.Pods pods;

  @Test
  void theDocumentedRequestGetsTheDocumentedAnswer() throws Exception {
    for (DjlStandIn djl : pods.all()) {
      djl.script().reset();
    }
    String doc = Files.readString(Path.of("../docs/triage.md"));
    int heredoc = doc.indexOf("<<'EOF'\n");
    String request = doc.substring(heredoc + 8, doc.indexOf("\nEOF\n", heredoc));
    int block = doc.indexOf("```json\n{\"source\"");
    JsonNode documented = JSON.readTree(doc.substring(block + 8, doc.indexOf("```\n", block + 8)));

    JsonNode answer = JSON.readTree(given().contentType("application/json").body(request).when()
        .post("/v1/triage").then().statusCode(200).extract().asString());

    assertThat(fieldNames(answer)).isEqualTo(fieldNames(documented));
    for (String field : List.of("source", "findings", "summary", "modelUsed", "attackVersion", "notes")) {
      assertThat(answer.get(field)).as(field).isEqualTo(documented.get(field));
    }
    assertThat(answer.get("rules").asInt()).isPositive();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
