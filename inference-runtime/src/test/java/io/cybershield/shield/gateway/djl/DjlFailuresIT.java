package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.PingState;
import io.cybershield.shield.gateway.djl.Upstreams.Failed;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cybershield.shield.gateway.djl.Upstreams.all;
import static io.cybershield.shield.gateway.djl.Upstreams.await;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.endpoint;
import static io.cybershield.shield.gateway.djl.Upstreams.failure;
import static io.cybershield.shield.gateway.djl.Upstreams.inferences;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure of the contract ({@code shared/djl-serving-contract.md}, "Errors") as the stand-in produces it,
 * and the gateway code the client maps it to.
 */
class DjlFailuresIT {

  private static final String SECRET = "hunter2";
  private static final GenerationRequest REQUEST =
      GenerationRequest.of("password=" + SECRET + " on host-7", GenerationParameters.none().withMaxNewTokens(5));

  private static DjlStandIn djl;
  private static Vertx vertx;
  private static DjlClient client;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start();
    vertx = Upstreams.vertx();
    client = new DjlClient(vertx, Upstreams.settings()
        .withFirstByteTimeout(Duration.ofMillis(300))
        .withBetweenChunksTimeout(Duration.ofMillis(300)));
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close();
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
    djl.clearRequests();
  }

  private DjlException generateFails() {
    return failure(client.generate(endpoint(djl), null, REQUEST, deadline()));
  }

  @Test
  void inputParsingFailedIsRejectedInput() {
    djl.script().next(Behaviour.inputParsingFailed());

    DjlException failure = generateFails();

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_REJECTED_INPUT);
    assertThat(failure.code().gatewayStatus()).isEqualTo(400);
    assertThat(failure.upstreamStatus()).hasValue(424);
    assertThat(failure.upstreamDetail())
        .hasValue("Input parsing failed: [stand-in] scripted input parsing failure");
    assertThat(failure.upstreamRequestId()).isPresent();
    assertThat(failure.countsAgainstPod()).isFalse();
    assertThat(failure.retryAfter()).isEmpty();
    assertThat(failure.endpoint()).isEqualTo(endpoint(djl));
  }

  @Test
  void aBodyDjlCannotReadIsRejectedInput() {
    GenerationRequest outOfRange = GenerationRequest.of("x",
        new GenerationParameters(5, null, 2.0, null, null, null, null));

    DjlException failure = failure(client.generate(endpoint(djl), null, outOfRange, deadline()));

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_REJECTED_INPUT);
    assertThat(failure.upstreamDetail()).hasValue("Input parsing failed: parameters.top_p must be in (0, 1]");
  }

  @Test
  void modelNotFoundIsModelNotLoaded() {
    DjlException unknown = failure(client.generate(endpoint(djl), "no_such_model", REQUEST, deadline()));
    djl.script().next(Behaviour.modelNotFound());
    DjlException scripted = generateFails();

    for (DjlException failure : List.of(unknown, scripted)) {
      assertThat(failure.code()).isEqualTo(DjlErrorCode.MODEL_NOT_LOADED);
      assertThat(failure.code().gatewayStatus()).isEqualTo(503);
      assertThat(failure.upstreamStatus()).hasValue(404);
      assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(5));
      assertThat(failure.countsAgainstPod()).isFalse();
    }
    assertThat(unknown.upstreamDetail()).hasValue("Model or workflow not found: no_such_model");
  }

  @Test
  void aFullQueueIsBusyWithRetryAfter() {
    djl.script().next(Behaviour.wlmCapacity());

    DjlException failure = generateFails();

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_BUSY);
    assertThat(failure.code().gatewayStatus()).isEqualTo(503);
    assertThat(failure.upstreamStatus()).hasValue(503);
    assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(1));
    assertThat(failure.countsAgainstPod()).isFalse();
  }

  @Test
  void aModelNotReadyIsModelNotReady() {
    djl.script().next(Behaviour.wlmNotReady());
    DjlException scripted = generateFails();
    djl.script().ping(PingState.FAILED);
    DjlException failedModel = generateFails();

    for (DjlException failure : List.of(scripted, failedModel)) {
      assertThat(failure.code()).isEqualTo(DjlErrorCode.MODEL_NOT_READY);
      assertThat(failure.upstreamStatus()).hasValue(503);
      assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(5));
    }
  }

  @Test
  void outOfMemoryIsOutOfMemory() {
    djl.script().next(Behaviour.outOfMemory());

    DjlException failure = generateFails();

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_OUT_OF_MEMORY);
    assertThat(failure.code().gatewayStatus()).isEqualTo(503);
    assertThat(failure.upstreamStatus()).hasValue(507);
    assertThat(failure.countsAgainstPod()).isTrue();
  }

  @Test
  void aDeadEngineIsUpstreamFailed() {
    djl.script().next(Behaviour.engineDied(), Behaviour.failMidStream(2));

    DjlException died = generateFails();
    DjlException failedWithoutStream = generateFails();

    for (DjlException failure : List.of(died, failedWithoutStream)) {
      assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
      assertThat(failure.code().gatewayStatus()).isEqualTo(502);
      assertThat(failure.upstreamStatus()).hasValue(500);
      assertThat(failure.countsAgainstPod()).isTrue();
    }
  }

  @Test
  void anErrorLineMidStreamFailsTheStreamAfterTheLinesBeforeIt() {
    djl.script().next(Behaviour.failMidStream(2, "CUDA error: an illegal memory access"));

    Failed<StreamedToken> stream = failure(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    assertThat(stream.lines()).extracting(line -> line.token().text()).containsExactly("[stand-in]", " password=hunter2");
    assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_STREAM_ERROR);
    assertThat(stream.failure().code().gatewayStatus()).isEqualTo(502);
    assertThat(stream.failure().upstreamDetail()).hasValue("CUDA error: an illegal memory access");
    assertThat(stream.failure().countsAgainstPod()).isTrue();
  }

  @Test
  void aChatStreamErrorLineIsAStreamErrorToo() {
    djl.script().next(Behaviour.failMidStream(1));

    Failed<ChatCompletionChunk> stream = failure(client.chatStream(endpoint(djl),
        ChatCompletionRequest.of("model", List.of(ChatMessage.user("hi"))), deadline()));

    // the role chunk, one content chunk, then the error line
    assertThat(stream.lines()).hasSize(2);
    assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_STREAM_ERROR);
  }

  @Test
  void aConnectionDroppedMidStreamIsConnectionLostAndNotSentAgain() {
    djl.script().next(Behaviour.dropMidStream(3));
    long retriesBefore = client.retriesSent();

    Failed<StreamedToken> stream = failure(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    assertThat(stream.lines()).hasSize(3);
    assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_CONNECTION_LOST);
    assertThat(stream.failure().code().gatewayStatus()).isEqualTo(502);
    assertThat(inferences(djl)).hasSize(1);
    assertThat(client.retriesSent()).isEqualTo(retriesBefore);
  }

  @Test
  void aConnectionDroppedWithoutAnswerIsConnectionLostAndTheGenerationIsNotSentAgain() {
    djl.script().always(Behaviour.dropConnection());
    long retriesBefore = client.retriesSent();

    DjlException failure = generateFails();

    assertThat(failure.code()).isEqualTo(DjlErrorCode.UPSTREAM_CONNECTION_LOST);
    assertThat(failure.upstreamStatus()).isEmpty();
    assertThat(inferences(djl)).as("a POST whose bytes were sent is never sent again").hasSize(1);
    assertThat(client.retriesSent()).isEqualTo(retriesBefore);
  }

  @Test
  void aStalledStreamTimesOutAfterTheBetweenChunksTimeout() {
    djl.script().next(Behaviour.stall(1));

    Failed<StreamedToken> stream = failure(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    assertThat(stream.lines()).hasSize(1);
    assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_TIMEOUT);
    assertThat(stream.failure().code().gatewayStatus()).isEqualTo(504);
    assertThat(stream.failure().getMessage()).contains("nothing more for 300ms");
    assertThat(stream.failure().countsAgainstPod()).isTrue();
  }

  @Test
  void aStreamWhoseHeadIsLateTimesOutAfterTheFirstByteTimeout() {
    djl.script().next(Behaviour.delay(Duration.ofSeconds(20)));

    Failed<StreamedToken> stream = failure(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    assertThat(stream.lines()).isEmpty();
    assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_TIMEOUT);
    assertThat(stream.failure().getMessage()).contains("no answer within 300ms");
  }

  @Test
  void aWholeGenerationWaitsPastTheFirstByteTimeoutUpToTheDeadline() {
    // the answer of a non-streaming generation comes when it is done: only the deadline bounds it
    djl.script().next(Behaviour.text("a", "b").withDelay(Duration.ofMillis(600)), Behaviour.stall(0));

    GenerationResponse late = await(client.generate(endpoint(djl), null, REQUEST, deadline()));
    DjlException stalled = failure(client.generate(endpoint(djl), null, REQUEST, Deadline.in(Duration.ofMillis(800))));

    assertThat(late.generatedText()).isEqualTo("ab");
    assertThat(stalled.code()).isEqualTo(DjlErrorCode.UPSTREAM_TIMEOUT);
    assertThat(stalled.getMessage()).contains("the request's deadline of 800ms passed");
    assertThat(stalled.countsAgainstPod()).as("the caller's budget is not the pod's fault").isFalse();
  }

  @Test
  void aDeadlineEndsAStreamToo() {
    djl.script().next(Behaviour.tokenDelay(Duration.ofMillis(200)));
    DjlClient patient = new DjlClient(vertx, Upstreams.settings());
    try {
      Failed<StreamedToken> stream = failure(patient.generateStream(endpoint(djl), null,
          GenerationRequest.of("x", GenerationParameters.none().withMaxNewTokens(1000)),
          Deadline.in(Duration.ofMillis(700))));

      assertThat(stream.failure().code()).isEqualTo(DjlErrorCode.UPSTREAM_TIMEOUT);
      assertThat(stream.failure().getMessage()).contains("deadline");
      assertThat(stream.lines().size()).isLessThan(1000);
    } finally {
      patient.close();
    }
  }

  @Test
  void anErrorAnswerClosesTheConnectionAndTheNextCallUsesANewOne() {
    DjlClient fresh = new DjlClient(vertx, Upstreams.settings());
    try {
      await(fresh.generate(endpoint(djl), null, REQUEST, deadline()));
      await(fresh.generate(endpoint(djl), null, REQUEST, deadline()));
      assertThat(fresh.connectionsOpened()).as("keep-alive: two calls, one connection").isEqualTo(1);

      djl.script().next(Behaviour.inputParsingFailed());
      failure(fresh.generate(endpoint(djl), null, REQUEST, deadline()));
      GenerationResponse after = await(fresh.generate(endpoint(djl), null, REQUEST, deadline()));

      assertThat(after.generatedText()).startsWith("[stand-in]");
      assertThat(fresh.connectionsOpened())
          .as("DJL's Connection: close is honoured: the call after the 424 opened a new connection").isEqualTo(2);
    } finally {
      fresh.close();
    }
  }

  @Test
  void noMessageEverHoldsThePromptOrWhatDjlSaid() {
    djl.script().next(Behaviour.inputParsingFailed("cannot read password=" + SECRET),
        Behaviour.failMidStream(1, "failed on password=" + SECRET));

    DjlException rejected = generateFails();
    DjlException midStream = failure(client.generateStream(endpoint(djl), null, REQUEST, deadline())).failure();

    for (DjlException failure : List.of(rejected, midStream)) {
      assertThat(failure.upstreamDetail().orElseThrow()).contains(SECRET);
      assertThat(failure.getMessage()).doesNotContain(SECRET).contains(failure.code().code())
          .contains(endpoint(djl).authority());
      assertThat(failure.toString()).doesNotContain(SECRET);
    }
  }

  @Test
  void aStreamThatSucceedsAfterFailuresStillParsesExactly() {
    djl.script().next(Behaviour.wlmCapacity(), Behaviour.text("ok"));
    failure(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    List<StreamedToken> lines = all(client.generateStream(endpoint(djl), null, REQUEST, deadline()));

    assertThat(lines).extracting(StreamedToken::generatedText).containsExactly("ok");
  }
}
