package io.cybershield.shield.operator.wake;

import io.cybershield.shield.api.routing.GatewayLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wake decision over polls: queued work on premises summed over the gateway replicas (capacity once), unserved
 * counts that grew per replica, the hold after the last sign, and its lapse.
 */
class WakePolicyTest {

  private static final Instant T0 = Instant.parse("2026-12-03T15:00:00Z");
  private static final Duration HOLD = Duration.ofMinutes(5);
  private static final Set<String> TWO_REPLICAS = Set.of("gw-a", "gw-b");

  /** One replica's document: variant full on premises (in flight, capacity 8) and in the parked cloud pool. */
  private static GatewayLoad load(long onPremInflight, long fullUnserved) {
    return new GatewayLoad(1, "threat-intel", List.of(
        new GatewayLoad.VariantLoad("full", fullUnserved, List.of(
            new GatewayLoad.PoolLoad("onprem", onPremInflight, 8, Math.max(0, onPremInflight - 8), 1),
            new GatewayLoad.PoolLoad("private-cloud", 0, 0, 0, 0))),
        new GatewayLoad.VariantLoad("lite", 0, List.of(new GatewayLoad.PoolLoad("onprem", 0, 256, 0, 1)))));
  }

  private static WakePolicy.State poll(WakePolicy.State previous, Map<String, GatewayLoad> answers, Instant at) {
    return WakePolicy.observe(previous, TWO_REPLICAS, answers, at, HOLD);
  }

  @Test
  void workWithinTheOnPremisesCapacityWakesNothing() {
    WakePolicy.State state = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(4, 0), "gw-b", load(4, 0)), T0);

    Wake wake = state.wake(T0);
    assertThat(wake.waking()).isFalse();
    assertThat(wake.floorByVariant()).isEmpty();
    assertThat(wake.reason()).isEqualTo("NoExcessWork");
    assertThat(state.nextLapse(T0)).isEmpty();
  }

  @Test
  void inFlightIsSummedOverTheReplicasAndCapacityTakenOnce() {
    // 5 + 6 in flight against one capacity of 8: 3 queued, though neither replica alone queues any
    WakePolicy.State state = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(5, 0), "gw-b", load(6, 0)), T0);

    Wake wake = state.wake(T0);
    assertThat(wake.floorByVariant()).isEqualTo(Map.of("full", 1));
    assertThat(wake.reason()).isEqualTo("QueuedWork");
    assertThat(wake.message()).isEqualTo("variant full: 3 requests beyond the on-premises capacity of 8 "
        + "(11 in flight over 2 gateway replicas)");
  }

  @Test
  void unservedWorkWakesWhenItGrewSinceTheLastPollNotForWhatWasRefusedBefore() {
    WakePolicy.State first = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(0, 7), "gw-b", load(0, 0)), T0);
    assertThat(first.wake(T0).waking()).as("counts seen for the first time are only the baseline").isFalse();

    Instant t1 = T0.plusSeconds(15);
    WakePolicy.State second = poll(first, Map.of("gw-a", load(0, 7), "gw-b", load(0, 2)), t1);

    Wake wake = second.wake(t1);
    assertThat(wake.floorByVariant()).isEqualTo(Map.of("full", 1));
    assertThat(wake.reason()).isEqualTo("UnservedWork");
    assertThat(wake.message()).isEqualTo("variant full: 2 requests refused for want of a ready pod since the last poll");
  }

  @Test
  void aReplicaThatRestartedOrMissedAPollIsNoSign() {
    WakePolicy.State first = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(0, 7), "gw-b", load(0, 3)), T0);
    // gw-a restarted (its count starts again), gw-b did not answer
    WakePolicy.State second = poll(first, Map.of("gw-a", load(0, 1)), T0.plusSeconds(15));
    assertThat(second.wake(T0.plusSeconds(15)).waking()).isFalse();
    // gw-b answers again with the count it had: no growth; gw-a's new baseline is 1
    WakePolicy.State third = poll(second, Map.of("gw-a", load(0, 1), "gw-b", load(0, 3)), T0.plusSeconds(30));
    assertThat(third.wake(T0.plusSeconds(30)).waking()).isFalse();
  }

  @Test
  void theWakeFloorIsHeldForTheHoldAfterTheLastSignThenLapses() {
    WakePolicy.State woken = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(10, 0), "gw-b", load(0, 0)), T0);
    Instant lastSign = T0.plusSeconds(60);
    WakePolicy.State again = poll(woken, Map.of("gw-a", load(12, 0), "gw-b", load(0, 0)), lastSign);
    assertThat(again.wake(lastSign).message()).as("the sign that woke the pool stays the one reported")
        .startsWith("variant full: 2 requests beyond");
    assertThat(again.nextLapse(lastSign)).contains(lastSign.plus(HOLD));

    Instant quietButHeld = lastSign.plus(HOLD).minusSeconds(1);
    WakePolicy.State quiet = poll(again, Map.of("gw-a", load(1, 0), "gw-b", load(0, 0)), quietButHeld);
    assertThat(quiet.wake(quietButHeld).floorByVariant()).isEqualTo(Map.of("full", 1));

    Instant lapsed = lastSign.plus(HOLD);
    WakePolicy.State parked = poll(quiet, Map.of("gw-a", load(1, 0), "gw-b", load(0, 0)), lapsed);
    assertThat(parked.wake(lapsed).waking()).isFalse();
    assertThat(parked.held()).isEmpty();
    assertThat(parked.nextLapse(lapsed)).isEmpty();
  }

  @Test
  void noGatewayAnsweringIsNoSignAndKeepsAHoldRunningToItsEnd() {
    WakePolicy.State woken = poll(WakePolicy.State.EMPTY, Map.of("gw-a", load(9, 0)), T0);
    Instant later = T0.plusSeconds(30);
    WakePolicy.State silent = poll(woken, Map.of(), later);

    assertThat(silent.wake(later).floorByVariant()).isEqualTo(Map.of("full", 1));
    assertThat(silent.nextLapse(later)).contains(T0.plus(HOLD));
    assertThat(poll(silent, Map.of(), T0.plus(HOLD)).wake(T0.plus(HOLD)).waking()).isFalse();
  }
}
