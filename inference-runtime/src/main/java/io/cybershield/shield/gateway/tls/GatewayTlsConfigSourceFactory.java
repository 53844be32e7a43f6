package io.cybershield.shield.gateway.tls;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns the gateway's TLS settings ({@link GatewayTls}) into Quarkus' TLS registry and HTTP settings, so that one
 * pair of files switches the server to HTTPS only. Its ordinal is below {@code application.properties} and the
 * environment: any {@code quarkus.*} value set there still wins.
 */
public final class GatewayTlsConfigSourceFactory implements ConfigSourceFactory {

  static final int ORDINAL = 200;

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    Map<String, String> settings = GatewayTls.quarkusSettings(value(context, GatewayTls.CERT_FILE),
        value(context, GatewayTls.KEY_FILE));
    if (settings.isEmpty()) {
      return List.of();
    }
    return List.of(new MapBackedConfigSource("shield gateway TLS (" + GatewayTls.CERT_FILE + ")", settings, ORDINAL) {
    });
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  private static String value(ConfigSourceContext context, String name) {
    ConfigValue value = context.getValue(name);
    return value == null ? null : value.getValue();
  }
}
