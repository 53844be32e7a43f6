package io.cybershield.shield.djl;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * One Vert.x for every stand-in of the JVM (the sandbox starts one per simulated pod), created by the first
 * and closed with the last. Its threads are daemons: a stand-in someone forgot to close never keeps a JVM alive.
 */
final class SharedVertx {

  private static Vertx vertx;
  private static int users;

  private SharedVertx() {
  }

  static synchronized Vertx acquire() {
    if (vertx == null) {
      vertx = Vertx.vertx(new VertxOptions()
          .setEventLoopPoolSize(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()))
          .setWorkerPoolSize(1)
          .setInternalBlockingPoolSize(2)
          .setUseDaemonThread(true));
    }
    users++;
    return vertx;
  }

  static synchronized void release() {
    users--;
    if (users == 0 && vertx != null) {
      Vertx last = vertx;
      vertx = null;
      last.close();
    }
  }
}
