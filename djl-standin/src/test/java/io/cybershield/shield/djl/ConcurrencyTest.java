package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many streams at once on the event loop, and a reader too slow for the stream. */
class ConcurrencyTest {

  @Test
  void sixtyFourConcurrentStreamsAllComplete() throws Exception {
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().tokenDelay(Duration.ofMillis(10)).build())) {
      List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        HttpRequest request = Http.request(djl.uri(), "/invocations").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"inputs\":\"request " + i + "\",\"parameters\":{\"max_new_tokens\":20},\"stream\":true}"))
            .build();
        streams.add(Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
      }
      CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

      for (int i = 0; i < 64; i++) {
        HttpResponse<String> response = streams.get(i).get();
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\n", -1);
        // 20 token lines, the empty line, and what follows the last newline
        assertThat(lines).hasSize(22);
        assertThat(lines[20]).isEmpty();
        JsonNode last = Http.json(lines[19]);
        assertThat(last.get("generated_text").asText()).startsWith("[stand-in] request " + i + " request");
      }
      assertThat(djl.requests()).hasSize(64);
    }
  }

  @Test
  void aSlowReaderPausesTheStreamAndStillGetsEveryLine() throws Exception {
    String word = "w".repeat(2000);
    try (DjlStandIn djl = DjlStandIn.start(StandInOptions.builder().tokensPerRequest(5000).build());
         RawConnection connection = new RawConnection(djl.host(), djl.port(), 4096)) {
      connection.post("/invocations",
          "{\"inputs\":\"" + word + "\",\"parameters\":{\"max_new_tokens\":5000},\"stream\":true}");

      // the reader has not read a byte: the stand-in must be waiting for the connection to drain
      await().atMost(Duration.ofSeconds(60)).until(() -> djl.backpressurePauses() > 0);

      RawConnection.Response response = connection.read();
      assertThat(response.complete()).isTrue();
      assertThat(response.chunks()).hasSize(5001);
      assertThat(response.chunks().get(4999)).contains("\"generated_text\":\"[stand-in] " + word + " " + word);
      assertThat(response.chunks().get(5000)).isEqualTo("\n");
    }
  }
}
