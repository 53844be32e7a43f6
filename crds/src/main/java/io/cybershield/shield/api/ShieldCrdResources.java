package io.cybershield.shield.api;

import java.util.List;

/**
 * Where the Shield CRDs are on the classpath of anything that depends on this module: the same files the Helm
 * chart ships in helm/shield-operator/crds (checked against the Java types by CrdDriftTest).
 */
public final class ShieldCrdResources {

  /** Classpath directory of the CRD files. */
  public static final String DIRECTORY = "META-INF/shield/crds/";

  /** The CRD of ShieldModel. */
  public static final String SHIELD_MODELS = DIRECTORY + "shieldmodels.shield.cybershield.io-v1.yml";
  /** The CRD of ShieldIncident. */
  public static final String SHIELD_INCIDENTS = DIRECTORY + "shieldincidents.shield.cybershield.io-v1.yml";
  /** The CRD of ShieldRetrain. */
  public static final String SHIELD_RETRAINS = DIRECTORY + "shieldretrains.shield.cybershield.io-v1.yml";

  /** All CRDs, in the order to apply them. */
  public static final List<String> ALL = List.of(SHIELD_MODELS, SHIELD_INCIDENTS, SHIELD_RETRAINS);

  private ShieldCrdResources() {
  }
}
