package io.cybershield.shield.djl;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A model the stand-in "serves", with what DJL's management API shows of it. */
final class ServedModel {

  /** DJL's {@code WorkerPoolConfig.Status}. */
  enum Status {
    PENDING, READY, FAILED
  }

  private final String name;
  private final String version;
  private final String url;
  private final boolean loadedAtStartup;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile Status status;
  private volatile int minWorkers = 1;
  private volatile int maxWorkers = 1;
  private volatile Instant workersStarted;

  ServedModel(String name, String version, String url, boolean loadedAtStartup, Status status) {
    this.name = name;
    this.version = version;
    this.url = url;
    this.loadedAtStartup = loadedAtStartup;
    this.status = status;
    this.workersStarted = Instant.now();
  }

  String name() {
    return name;
  }

  String version() {
    return version;
  }

  String url() {
    return url;
  }

  boolean loadedAtStartup() {
    return loadedAtStartup;
  }

  Status status() {
    return status;
  }

  void ready() {
    status = Status.READY;
    workersStarted = Instant.now();
  }

  int minWorkers() {
    return minWorkers;
  }

  int maxWorkers() {
    return maxWorkers;
  }

  Instant workersStarted() {
    return workersStarted;
  }

  /** DJL's {@code scaleWorkers}: -1 leaves a bound as it is. */
  void scale(int min, int max) {
    if (min >= 0) {
      minWorkers = min;
    }
    if (max >= 0) {
      maxWorkers = max;
    }
    if (maxWorkers < minWorkers) {
      maxWorkers = minWorkers;
    }
  }

  int requestsInQueue() {
    return queued.get();
  }

  void enterQueue() {
    queued.incrementAndGet();
  }

  void leaveQueue() {
    queued.decrementAndGet();
  }
}
