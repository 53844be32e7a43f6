package io.cybershield.shield.gateway.triage;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.api.Admission;
import io.cybershield.shield.gateway.api.ApiException;
import io.cybershield.shield.gateway.api.Dispatcher;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.djl.DjlException;
import io.cybershield.shield.gateway.djl.GenerationParameters;
import io.cybershield.shield.gateway.djl.GenerationRequest;
import io.cybershield.shield.gateway.djl.GenerationResponse;
import io.cybershield.shield.gateway.guard.Guards;
import io.cybershield.shield.gateway.guard.output.OutputGuard;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.triage.attack.AttackCatalog;
import io.cybershield.shield.gateway.triage.logs.LogEvent;
import io.cybershield.shield.gateway.triage.logs.LogParser;
import io.cybershield.shield.gateway.triage.logs.LogSource;
import io.cybershield.shield.gateway.triage.rules.RuleHit;
import io.cybershield.shield.gateway.triage.rules.RuleSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/triage}: the shipped rules read every line (so triage works, and says why, when the model is
 * down), then the model is asked about the batch and its answer merged in where it can be trusted ({@link Merge}).
 * Whatever becomes of the model — not configured, not asked, refused by the input guards, unreachable, slow, or
 * answering something unusable — the answer is the rules' findings with a note saying why ({@code modelUsed:
 * false}), never an error. The lines go to the model through the same guards and routing as a prompt: screened for
 * injection (a batch whose lines try to instruct the model is triaged by the rules alone), classified by what they
 * hold (a line with a secret keeps the batch on-prem), within the caller's token budget. The model's texts pass the
 * output guard.
 */
@ApplicationScoped
@Startup
public class TriageService {

  private static final Logger LOG = Logger.getLogger(TriageService.class);
  static final String FINDINGS = "shield_gateway_triage_findings_total";
  static final String MODEL = "shield_gateway_triage_model_total";
  /** The key of the triage facts in the audit record. */
  public static final String AUDIT = "triage";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  TriageConfig config;

  @Inject
  Admission admission;

  @Inject
  Dispatcher dispatcher;

  @Inject
  DjlClient djl;

  @Inject
  Guards guards;

  @Inject
  MeterRegistry registry;

  private RuleSet rules;
  private AttackCatalog catalog;

  /** A triage request, checked. */
  public record Request(String source, List<String> lines, boolean useModel, Priority priority,
                        DataClassification classification) {

    public Request {
      lines = List.copyOf(lines);
    }
  }

  /** Loads the rules and the catalog before the first request, so a broken rule stops the start, not a request. */
  @PostConstruct
  void load() {
    rules = RuleSet.shipped();
    catalog = AttackCatalog.shipped();
    LOG.infof("triage: %d detection rules, ATT&CK Enterprise %s (%d live techniques)", rules.rules().size(),
        catalog.version(), catalog.liveCount());
  }

  public Uni<TriageApi.Response> triage(Request request, Caller caller, CallRecord call) {
    return Uni.createFrom().item(() -> byRules(request, call))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(ruled -> withModel(request, ruled, caller, call))
        .map(answer -> {
          count(answer, call);
          return answer;
        });
  }

  /** The rules' part, with what the caller should know about how the lines were read. */
  record Ruled(LogSource source, List<Assessment> findings, List<String> notes) {
  }

  private Ruled byRules(Request request, CallRecord call) {
    List<String> notes = new ArrayList<>();
    LogSource source = LogSource.AUTO;
    if (request.source() != null && !request.source().isBlank()) {
      Optional<LogSource> named = LogSource.fromName(request.source());
      if (named.isPresent()) {
        source = named.get();
      } else {
        notes.add("The source '" + abbreviate(request.source()) + "' is not one triage knows, so each line's "
            + "format was detected on its own; known sources: " + String.join(", ", LogSource.names()) + ".");
      }
    }
    List<LogEvent> events = new ArrayList<>(request.lines().size());
    for (int index = 0; index < request.lines().size(); index++) {
      events.add(LogParser.parse(source, index, request.lines().get(index)));
    }
    List<RuleHit> hits = rules.evaluate(events);
    Map<String, Object> facts = audit(call);
    facts.put("source", source.id());
    facts.put("lines", request.lines().size());
    facts.put("ruleHits", hits.size());
    return new Ruled(source, RuleTriage.assess(events, hits, catalog), notes);
  }

  private Uni<TriageApi.Response> withModel(Request request, Ruled ruled, Caller caller, CallRecord call) {
    if (!config.model() || !request.useModel()) {
      String why = !config.model() ? "The gateway is configured to triage with the shipped rules alone."
          : "The request asked for the shipped rules alone.";
      return Uni.createFrom().item(answer(request, ruled, ModelAnswer.Parsed.unusable(why), call, "skipped"));
    }
    String source = ruled.source() == LogSource.AUTO ? "mixed" : ruled.source().id();
    TriagePrompt prompt = TriagePrompt.of(source, request.lines(), ruled.findings(), nonce(),
        config.modelMaxLines(), config.modelMaxLineChars(), config.modelMaxPromptChars());
    List<String> shownLines = prompt.shown().stream().map(request.lines()::get).toList();
    return Uni.createFrom().item(() -> admission.admit(caller, call, shownLines, request.priority(),
            request.classification(), config.modelMaxTokens()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onFailure(ApiException.class).recoverWithNull()
        .flatMap(admitted -> admitted == null ? refused(request, ruled, call)
            : asked(request, ruled, prompt, admitted, call));
  }

  /** The input guards or the token budget said no: the rules answer, and the note says why. */
  private Uni<TriageApi.Response> refused(Request request, Ruled ruled, CallRecord call) {
    Object code = call.get("screen");
    String why = "block".equals(code)
        ? "Some lines hold text that tries to instruct a model (prompt injection), so they were not sent to the "
            + "model; the findings are the rules' alone. POST a line to /v1/guard/screen to see what was found."
        : "The model was not asked (the gateway's input guards are unavailable or your role's token budget is spent "
            + "for now); the findings are the rules' alone.";
    return Uni.createFrom().item(answer(request, ruled, ModelAnswer.Parsed.unusable(why), call, "refused"));
  }

  private Uni<TriageApi.Response> asked(Request request, Ruled ruled, TriagePrompt prompt,
      Admission.Admitted admitted, CallRecord call) {
    GenerationRequest generation = GenerationRequest.of(prompt.text(), new GenerationParameters(
        config.modelMaxTokens(), null, null, false, true, null, null));
    Deadline deadline = Deadline.in(config.modelTimeout());
    return dispatcher.call(request.priority(), admitted.classification(), deadline,
            (endpoint, left) -> djl.generate(endpoint, null, generation, left))
        .map(answer -> {
          call.served(answer.served().variant(), answer.served().pool());
          GenerationResponse response = answer.value();
          admitted.ended(response.details() == null ? null : response.details().generatedTokens());
          ModelAnswer.Parsed parsed = ModelAnswer.parse(response.generatedText(), prompt, catalog);
          if (prompt.shown().size() < request.lines().size()) {
            List<String> notes = new ArrayList<>(parsed.notes());
            notes.add("The model was shown " + prompt.shown().size() + " of the " + request.lines().size()
                + " lines (the flagged ones first); the rules read them all.");
            parsed = new ModelAnswer.Parsed(parsed.usable(), parsed.findings(), parsed.summary(), notes);
          }
          return answer(request, ruled, parsed, call, parsed.usable() ? "used" : "unusable");
        })
        .onFailure().recoverWithItem(failure -> {
          admitted.failed();
          String code = failure instanceof ApiException api ? api.code()
              : failure instanceof DjlException djlFailure ? djlFailure.code().code()
              : failure.getClass().getSimpleName();
          LOG.debugf("triage request %s: the model did not answer (%s)", call.requestId(), code);
          return answer(request, ruled, ModelAnswer.Parsed.unusable("The model could not answer (" + code
              + "); the findings are the rules' alone."), call, "unavailable");
        });
  }

  private TriageApi.Response answer(Request request, Ruled ruled, ModelAnswer.Parsed model, CallRecord call,
      String outcome) {
    OutputGuard output = guards.output();
    List<Assessment> modelFindings = model.findings().stream()
        .map(finding -> finding.recommendation() == null ? finding : new Assessment(finding.index(),
            finding.techniques(), finding.tactics(), finding.risk(), checked(output, finding.recommendation(), call),
            finding.remediation(), finding.evidence(), finding.ransomware()))
        .toList();
    List<TriageApi.Finding> findings = Merge.findings(request.lines(), ruled.findings(), modelFindings);
    String modelSummary = model.summary() == null ? null : checked(output, model.summary(), call);
    List<String> notes = new ArrayList<>(ruled.notes());
    notes.addAll(model.notes());
    audit(call).put("modelUsed", model.usable());
    audit(call).put("model", outcome);
    Counter.builder(MODEL).description("Triage requests by what became of the model's part: used, unusable, "
            + "unavailable, refused or skipped")
        .tag("outcome", outcome).register(registry).increment();
    return new TriageApi.Response(ruled.source().id(), findings, Summary.of(findings, request.lines().size(),
        modelSummary), model.usable(), catalog.version(), rules.rules().size(), notes);
  }

  private String checked(OutputGuard output, String text, CallRecord call) {
    OutputGuard.Checked checked = output.check(text, List.of());
    guards.found(checked.verdict(), call, "triage");
    return checked.text();
  }

  /**
   * The triage facts of the request's audit line ({@code triage}: source, lines, rule hits, findings, what became of
   * the model), never the lines.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> audit(CallRecord call) {
    Object facts = call.get(AUDIT);
    if (facts == null) {
      facts = new java.util.concurrent.ConcurrentHashMap<String, Object>();
      call.put(AUDIT, facts);
    }
    return (Map<String, Object>) facts;
  }

  private void count(TriageApi.Response answer, CallRecord call) {
    audit(call).put("findings", answer.findings().size());
    for (TriageApi.Finding finding : answer.findings()) {
      Counter.builder(FINDINGS).description("Lines triage flagged, by severity and by who flagged them")
          .tag("severity", finding.severity()).tag("origin", finding.origin()).register(registry).increment();
    }
  }

  private static String nonce() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String abbreviate(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
  }
}
