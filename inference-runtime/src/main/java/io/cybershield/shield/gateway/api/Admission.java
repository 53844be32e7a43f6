package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.guard.PromptGuard;
import io.cybershield.shield.gateway.routing.Upstreams;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.security.RateLimiter;
import io.cybershield.shield.gateway.security.SecurityHandler;
import io.cybershield.shield.gateway.security.SecurityMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * What a request for the model passes once its body is read and before it is routed: the input guards
 * ({@link PromptGuard}: screening, and the classification raised by what the prompt holds) and the role's token
 * budget (the prompt's estimated tokens plus the most it may generate, what was not generated given back at the
 * end). The audit record gets the priority, the classification and the tokens.
 */
@ApplicationScoped
public class Admission {

  @Inject
  PromptGuard guard;

  @Inject
  RateLimiter limiter;

  @Inject
  SecurityMetrics metrics;

  @Inject
  Upstreams upstreams;

  /** An admitted request: the classification it is routed with, and its token reservation. */
  public record Admitted(DataClassification classification, RateLimiter.Reservation reservation, long maxTokens,
                         CallRecord call) {

    /** The answer ended with {@code generated} tokens (null: unknown, nothing is given back). */
    public void ended(Integer generated) {
      if (generated != null) {
        call.put("tokensOut", generated);
        reservation.refund(maxTokens - generated);
      }
    }

    /** The request failed before anything was generated: its whole reservation of generated tokens goes back. */
    public void failed() {
      reservation.refund(maxTokens);
    }
  }

  public Admitted admit(Caller caller, CallRecord call, List<String> texts, Priority priority,
      DataClassification requested, long maxTokens) {
    String api = SecurityHandler.label(caller.api());
    call.put("priority", priority == null ? null : priority.name().toLowerCase(Locale.ROOT));
    DataClassification classification = guard.check(texts, requested, upstreams.routes().dataClassification(), call,
        caller.principal().name(), api);
    long chars = texts.stream().mapToLong(text -> text == null ? 0 : text.length()).sum();
    long promptTokens = (chars + 3) / 4;
    call.put("tokensIn", promptTokens);
    RateLimiter.Reservation reservation;
    try {
      reservation = limiter.reserveTokens(caller.principal(), caller.role(), promptTokens + maxTokens);
    } catch (ApiException limited) {
      if (caller.role() != null) {
        metrics.rateLimited(caller.role().name().name().toLowerCase(Locale.ROOT), api);
      }
      throw limited;
    }
    return new Admitted(classification, reservation, maxTokens, call);
  }
}
