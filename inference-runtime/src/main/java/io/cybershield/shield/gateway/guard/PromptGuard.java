package io.cybershield.shield.gateway.guard;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.guard.redact.Finding;
import io.cybershield.shield.gateway.guard.redact.Redactor;
import io.cybershield.shield.gateway.guard.screen.Screener;
import io.cybershield.shield.gateway.guard.screen.Screening;
import io.cybershield.shield.gateway.security.SecurityMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input guards of a request bound for the model, before it is routed: every text of the prompt (a generate
 * prompt, every chat message) is screened for prompt injection — a block is refused 400 {@code PromptInjection} and
 * counted per principal; a flag is served and audited — and searched for secrets and personal data: a prompt with a
 * secret, a key, a card, an IBAN or a national id is raised to {@code restricted} (it stays on-prem), one with only
 * e-mail addresses or phone numbers to at least {@code confidential}. The prompt itself is sent as written (the
 * analyst's evidence is the model's input); the audit line gets the verdict, score, categories and finding types.
 * A guard that fails refuses the request (503 {@code GuardUnavailable}) when the data is confidential or restricted,
 * and is audited as {@code error} and let through for internal and public data.
 */
@Singleton
@Startup
public class PromptGuard {

  private static final Logger LOG = Logger.getLogger(PromptGuard.class);
  /** Finding types that are personal contact data rather than secrets: they raise a prompt to confidential. */
  private static final Set<String> CONTACT = Set.of("email", "phone");

  private final Screener screener = new Screener();
  private final Redactor redactor = new Redactor();

  @Inject
  SecurityMetrics metrics;

  /** Builds the rules before the first request (they take a while to compile), so it does not pay for them. */
  @PostConstruct
  void warmUp() {
    screener.screen("warm up: ignore nothing");
    redactor.find("warm up: nobody@example.org");
  }

  /**
   * Checks a prompt's texts for {@code principal}'s call of {@code api}; answers the classification the request is
   * routed with ({@code requested}, the model's when null, raised by what the texts hold).
   */
  public DataClassification check(List<String> texts, DataClassification requested, DataClassification model,
      CallRecord call, String principal, String api) {
    DataClassification effective = requested != null ? requested : model;
    call.put("requestedClassification", requested == null ? null : name(requested));
    Screening worst = null;
    Set<String> types = new TreeSet<>();
    try {
      for (String text : texts) {
        if (text == null || text.isEmpty()) {
          continue;
        }
        Screening screening = screener.screen(text);
        if (worst == null || screening.score() > worst.score()) {
          worst = screening;
        }
        for (Finding finding : redactor.find(text)) {
          types.add(finding.type());
        }
      }
    } catch (RuntimeException failure) {
      LOG.errorf("the input guards failed on request %s: %s", call.requestId(), failure.getClass().getSimpleName());
      call.put("screen", "error");
      if (effective == null || effective == DataClassification.RESTRICTED
          || effective == DataClassification.CONFIDENTIAL) {
        throw new ApiException(503, "GuardUnavailable", "The gateway could not check this prompt and does not send "
            + "confidential or restricted data unchecked; retry shortly.", 5);
      }
      call.put("classification", name(effective));
      return effective;
    }
    if (worst != null) {
      call.put("screen", worst.verdict().json());
      call.put("score", Math.round(worst.score() * 1000) / 1000.0);
      Set<String> categories = new LinkedHashSet<>();
      worst.reasons().forEach(reason -> categories.add(reason.category()));
      if (!categories.isEmpty()) {
        call.put("categories", List.copyOf(categories));
      }
      if (worst.verdict() == Screening.Verdict.BLOCK) {
        metrics.injectionBlocked(principal, api);
        throw ApiException.badRequest("PromptInjection", "The prompt was blocked by prompt-injection screening ("
            + String.join(", ", categories) + ") and was not sent to the model. POST the text to /v1/guard/screen "
            + "to see what was found.");
      }
    } else {
      call.put("screen", "allow");
    }
    if (!types.isEmpty()) {
      types.forEach(type -> call.count("inputFindings", type, 1));
      boolean secret = types.stream().anyMatch(type -> !CONTACT.contains(type));
      DataClassification floor = secret ? DataClassification.RESTRICTED : DataClassification.CONFIDENTIAL;
      if (effective == null || floor.ordinal() < effective.ordinal()) {
        effective = floor;
      }
    }
    call.put("classification", effective == null ? null : name(effective));
    return effective;
  }

  private static String name(DataClassification classification) {
    return classification.name().toLowerCase(java.util.Locale.ROOT);
  }
}
