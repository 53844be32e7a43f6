package io.cybershield.shield.gateway.guard;

import io.cybershield.shield.gateway.api.GatewayConfig;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.guard.output.OutputGuard;
import io.cybershield.shield.gateway.guard.output.OutputVerdict;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The output guard every answer of the model passes ({@link OutputGuard}: secrets redacted, system-prompt leaks
 * replaced, streams held back by {@code shield.gateway.output.stream-window} characters), and what it found, into
 * the request's audit line and {@value #OUTPUT_FINDINGS}.
 */
@ApplicationScoped
@Startup
public class Guards {

  public static final String OUTPUT_FINDINGS = "shield_gateway_output_findings_total";

  @Inject
  MeterRegistry registry;

  @Inject
  GatewayConfig config;

  private OutputGuard output;

  /** Makes the output guard, and has it check once, before the first answer needs it. */
  @PostConstruct
  void start() {
    output = new OutputGuard(new Redactor(), config.output().streamWindow(), config.output().streamStep());
    output.check("warm up", List.of());
  }

  public OutputGuard output() {
    return output;
  }

  /** Records what the output checks of one answer found. */
  public void found(OutputVerdict verdict, CallRecord call, String api) {
    if (verdict == null || verdict.clean()) {
      return;
    }
    for (Map.Entry<String, Integer> finding : verdict.findings().entrySet()) {
      call.count("outputFindings", finding.getKey(), finding.getValue());
      Counter.builder(OUTPUT_FINDINGS).description("Secrets, personal data and system-prompt leaks taken out of "
              + "the model's answers, by type")
          .tag("type", finding.getKey()).tag("api", api).register(registry).increment(finding.getValue());
    }
  }
}
