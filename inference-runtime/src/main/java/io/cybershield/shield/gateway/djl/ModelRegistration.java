package io.cybershield.shield.gateway.djl;

import java.util.Objects;

/**
 * The query of {@code POST /models}: where the model is ({@code url}), its name, the engine and the worker range.
 * {@code synchronous} makes DJL answer only once the model is loaded (which may take many minutes: give the call a
 * deadline to match).
 */
public record ModelRegistration(String url, String modelName, String engine, Integer minWorker, Integer maxWorker,
    Boolean synchronous) {

  public ModelRegistration {
    Objects.requireNonNull(url, "url");
  }

  public static ModelRegistration of(String url, String modelName) {
    return new ModelRegistration(url, modelName, null, null, null, null);
  }
}
