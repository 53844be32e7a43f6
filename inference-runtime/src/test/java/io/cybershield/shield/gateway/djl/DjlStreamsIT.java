package io.cybershield.shield.gateway.djl;

import io.cybershield.shield.djl.Behaviour;
import io.cybershield.shield.djl.DjlStandIn;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static io.cybershield.shield.gateway.djl.Upstreams.PATIENCE;
import static io.cybershield.shield.gateway.djl.Upstreams.deadline;
import static io.cybershield.shield.gateway.djl.Upstreams.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many streams at once, and a subscriber's demand honoured: the stream waits for a reader that asks for nothing. */
class DjlStreamsIT {

  private static DjlStandIn djl;
  private static Vertx vertx;
  private static ExecutorService readers;

  @BeforeAll
  static void start() {
    djl = DjlStandIn.start();
    vertx = Upstreams.vertx();
    readers = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stop() {
    readers.shutdownNow();
    vertx.close();
    djl.close();
  }

  @BeforeEach
  void reset() {
    djl.script().reset();
    djl.clearRequests();
  }

  @Test
  void manyConcurrentStreamsEachGetTheirOwnLinesInOrder() {
    djl.script().always(Behaviour.tokenDelay(Duration.ofMillis(1)));
    int streams = 64;
    try (DjlClient client = new DjlClient(vertx, Upstreams.settings())) {
      List<Reader> all = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        GenerationRequest request = GenerationRequest.of("alert-" + i + " host-" + i,
            GenerationParameters.none().withMaxNewTokens(20));
        // half read line by line, asking from another thread; half ask for everything at once
        Reader reader = new Reader(i % 2 == 0 ? 1 : Long.MAX_VALUE);
        client.generateStream(endpoint(djl), null, request, deadline()).subscribe().withSubscriber(reader.adapter());
        all.add(reader);
      }

      for (int i = 0; i < streams; i++) {
        Reader reader = all.get(i);
        reader.done.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        List<String> expected = new ArrayList<>(List.of("[stand-in]"));
        for (int token = 1; token < 20; token++) {
          expected.add(token % 2 == 1 ? " alert-" + i : " host-" + i);
        }
        assertThat(reader.lines).extracting(line -> line.token().text()).containsExactlyElementsOf(expected);
        assertThat(reader.lines.get(19).generatedText()).isEqualTo(String.join("", expected));
        assertThat(reader.lines.subList(0, 19)).noneMatch(StreamedToken::isLast);
      }
      assertThat(client.connectionsOpened()).isLessThanOrEqualTo(streams);
    }
  }

  @Test
  void aReaderThatAsksForNothingIsNotTimedOutAndGetsEveryLineWhenItAsks() {
    Duration silence = Duration.ofMillis(200);
    djl.script().next(Behaviour.text("a", "b", "c", "d", "e", "f", "g", "h"));
    try (DjlClient client = new DjlClient(vertx, Upstreams.settings().withBetweenChunksTimeout(silence))) {
      Reader reader = new Reader(0);
      client.generateStream(endpoint(djl), null, GenerationRequest.of("x", null), deadline())
          .subscribe().withSubscriber(reader.adapter());

      reader.request(2);
      await().atMost(PATIENCE).until(() -> reader.lines.size() == 2);
      // every line is already on the wire; the reader asks for nothing for five times the between-chunks timeout
      await().during(silence.multipliedBy(5)).atMost(PATIENCE)
          .until(() -> reader.lines.size() == 2 && !reader.done.isDone());
      reader.request(Long.MAX_VALUE);

      reader.done.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
      assertThat(reader.lines).extracting(line -> line.token().text())
          .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
      assertThat(reader.lines.get(7).generatedText()).isEqualTo("abcdefgh");
    }
  }

  @Test
  void aReaderThatCancelsClosesTheStreamAndThePodStaysUsable() {
    djl.script().next(Behaviour.tokenDelay(Duration.ofMillis(5)));
    try (DjlClient client = new DjlClient(vertx, Upstreams.settings())) {
      List<StreamedToken> firstThree = client.generateStream(endpoint(djl), null,
              GenerationRequest.of("x", GenerationParameters.none().withMaxNewTokens(500)), deadline())
          .select().first(3).collect().asList().await().atMost(PATIENCE);

      List<StreamedToken> next = client.generateStream(endpoint(djl), null,
              GenerationRequest.of("y", GenerationParameters.none().withMaxNewTokens(2)), deadline())
          .collect().asList().await().atMost(PATIENCE);

      assertThat(firstThree).hasSize(3);
      assertThat(next).extracting(StreamedToken::generatedText).containsExactly(null, "[stand-in] y");
      assertThat(client.breakerState(endpoint(djl)))
          .isEqualTo(io.smallrye.faulttolerance.api.CircuitBreakerState.CLOSED);
    }
  }

  /** A subscriber that asks for lines in batches of {@code batch} (0: only when told), from another thread. */
  private static final class Reader implements Flow.Subscriber<StreamedToken> {
    final List<StreamedToken> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final long batch;
    private volatile Flow.Subscription subscription;

    Reader(long batch) {
      this.batch = batch;
    }

    io.smallrye.mutiny.subscription.MultiSubscriber<StreamedToken> adapter() {
      Reader self = this;
      return new io.smallrye.mutiny.subscription.MultiSubscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
          self.onSubscribe(s);
        }

        @Override
        public void onItem(StreamedToken item) {
          self.onNext(item);
        }

        @Override
        public void onFailure(Throwable failure) {
          self.onError(failure);
        }

        @Override
        public void onCompletion() {
          self.onComplete();
        }
      };
    }

    void request(long n) {
      readers.execute(() -> subscription.request(n));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (batch > 0) {
        request(batch);
      }
    }

    @Override
    public void onNext(StreamedToken line) {
      lines.add(line);
      if (batch == 1) {
        request(1);
      }
    }

    @Override
    public void onError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }
}
