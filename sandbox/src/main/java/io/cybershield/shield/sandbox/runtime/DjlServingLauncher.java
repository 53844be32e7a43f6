package io.cybershield.shield.sandbox.runtime;

import io.cybershield.shield.djl.DjlStandIn;
import io.cybershield.shield.djl.StandInOptions;

/**
 * Runs a container of a DJL Serving image ({@code deepjavalibrary/djl-serving:<any tag>}, or any image whose
 * repository contains {@code djl-serving}) as an in-process {@link DjlStandIn} on the pod's IP and the container's
 * first port (8080, DJL Serving's, when it declares none), configured from the container's environment as
 * {@link StandInOptions#fromEnvironment} reads it ({@code HF_MODEL_ID}, {@code SANDBOX_LOADING_TIME}, ...). The
 * stand-in's access lines go to the container's log, after a first line that says what it is.
 */
public final class DjlServingLauncher implements Launcher {

  /** DJL Serving's default port. */
  public static final int DEFAULT_PORT = 8080;

  @Override
  public boolean handles(String image) {
    return Launcher.repository(image).contains("djl-serving");
  }

  @Override
  public Workload start(WorkloadContext context) {
    int port = context.containerPort(DEFAULT_PORT);
    StandInOptions options = StandInOptions.fromEnvironment(context.env(), context.podIp(), port).toBuilder()
        .logSink(context.log()).build();
    context.log().accept("[sandbox] a scripted DJL Serving stand-in, not a model: it answers as DJL Serving 0.36.0 "
        + "for model \"" + options.modelName() + "\" (" + options.modelUrl() + ") on "
        + (options.tls() ? "https" : "http") + "://" + options.host() + ":"
        + port + (options.loadingTime().isZero() ? "" : ", after a scripted load of " + options.loadingTime())
        + "; its generations echo the prompt");
    DjlStandIn standIn = DjlStandIn.start(options);
    standIn.onExit(code -> context.log().accept("[sandbox] the DJL Serving stand-in exited with code " + code));
    return new Workload() {
      @Override
      public void stop() {
        standIn.close();
      }

      @Override
      public void onEnd(Runnable callback) {
        standIn.onExit(code -> callback.run());
      }

      @Override
      public String toString() {
        return standIn.toString();
      }
    };
  }

  @Override
  public String toString() {
    return "DJL Serving stand-in";
  }
}
