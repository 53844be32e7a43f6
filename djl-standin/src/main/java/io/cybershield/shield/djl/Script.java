package io.cybershield.shield.djl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * What the next inference requests do: the behaviours queued with {@link #next(Behaviour...)}, one per request
 * in arrival order, then the default ({@link Behaviour#generate()} until {@link #always(Behaviour)} changes it).
 * Also how {@code /ping} answers. Thread-safe: a test scripts it while requests are being served.
 *
 * <p>A behaviour is taken by each inference request that names a model the stand-in serves and that is ready;
 * requests for an unknown model (404) or a model that is not ready (503) take none, nor do {@code /ping},
 * management and metrics requests.
 */
public final class Script {

  private final Deque<Behaviour> queue = new ArrayDeque<>();
  private Behaviour fallback = Behaviour.generate();
  private PingState ping = PingState.HEALTHY;

  /** Queues behaviours for the next requests, after those already queued. */
  public synchronized Script next(Behaviour... behaviours) {
    for (Behaviour behaviour : behaviours) {
      queue.addLast(Objects.requireNonNull(behaviour, "behaviour"));
    }
    return this;
  }

  /** The behaviour of every request once the queue is empty. */
  public synchronized Script always(Behaviour behaviour) {
    fallback = Objects.requireNonNull(behaviour, "behaviour");
    return this;
  }

  /** Back to the start: nothing queued, {@link Behaviour#generate()} for every request, {@code /ping} healthy. */
  public synchronized Script reset() {
    queue.clear();
    fallback = Behaviour.generate();
    ping = PingState.HEALTHY;
    return this;
  }

  /** How {@code /ping} answers from now on (and, for {@link PingState#FAILED}, whether the model serves). */
  public synchronized Script ping(PingState state) {
    ping = Objects.requireNonNull(state, "state");
    return this;
  }

  public synchronized PingState pingState() {
    return ping;
  }

  /** How many queued behaviours no request has taken yet. */
  public synchronized int pending() {
    return queue.size();
  }

  synchronized Behaviour take() {
    Behaviour next = queue.pollFirst();
    return next != null ? next : fallback;
  }
}
