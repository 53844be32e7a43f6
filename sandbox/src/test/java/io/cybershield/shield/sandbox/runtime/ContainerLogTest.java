package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.sandbox.server.ContainerLogs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLogTest {

  @Test
  void keepsTheNewestLinesOnly() {
    ContainerLog log = new ContainerLog(3);
    for (int i = 1; i <= 5; i++) {
      log.append("line " + i);
    }
    assertThat(log.lines()).containsExactly("line 3", "line 4", "line 5");
  }

  @Test
  void aFollowerGetsTheKeptLinesThenEachNewLineOnceAndTheEnd() {
    ContainerLog log = new ContainerLog(10);
    log.append("before");
    List<String> seen = new ArrayList<>();
    AtomicInteger ends = new AtomicInteger();
    log.read(true, seen::add, ends::incrementAndGet);
    log.append("after");
    log.end();
    log.append("too late");
    log.end();

    assertThat(seen).containsExactly("before", "after");
    assertThat(ends).hasValue(1);
  }

  @Test
  void withoutFollowTheReadEndsAfterTheKeptLines() {
    ContainerLog log = new ContainerLog(10);
    log.append("one");
    List<String> seen = new ArrayList<>();
    AtomicInteger ends = new AtomicInteger();
    log.read(false, seen::add, ends::incrementAndGet);
    log.append("two");

    assertThat(seen).containsExactly("one");
    assertThat(ends).hasValue(1);
  }

  @Test
  void noCallbackRunsAfterTheSubscriptionIsClosed() {
    ContainerLog log = new ContainerLog(10);
    List<String> seen = new ArrayList<>();
    AtomicInteger ends = new AtomicInteger();
    ContainerLogs.Subscription subscription = log.read(true, seen::add, ends::incrementAndGet);
    subscription.close();
    log.append("unseen");
    log.end();

    assertThat(seen).isEmpty();
    assertThat(ends).hasValue(0);
  }

  @Test
  void aFailingFollowerIsDroppedAndTheOthersGoOn() {
    ContainerLog log = new ContainerLog(10);
    List<String> seen = new ArrayList<>();
    log.read(true, line -> {
      throw new IllegalStateException("reader gone");
    }, () -> { });
    log.read(true, seen::add, () -> { });
    log.append("one");
    log.append("two");

    assertThat(seen).containsExactly("one", "two");
  }
}
