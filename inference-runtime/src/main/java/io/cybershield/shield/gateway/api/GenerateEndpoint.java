package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.guard.Guards;
import io.cybershield.shield.gateway.guard.output.OutputGuard;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.metrics.RequestObservation;
import io.cybershield.shield.gateway.djl.GenerationDetails;
import io.cybershield.shield.gateway.djl.GenerationParameters;
import io.cybershield.shield.gateway.djl.GenerationRequest;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /v1/generate}: text generation, whole or as newline-delimited JSON lines {@code {token, index}}, then
 * {@code {done: true, text, variant, pool, usage}}; a failure after the stream began is a last line
 * {@code {"error": {...}}}. Served by {@link InferenceRoutes}.
 */
@ApplicationScoped
public class GenerateEndpoint {

  static final String NDJSON = "application/x-ndjson";

  @Inject
  Dispatcher dispatcher;

  @Inject
  DjlClient djl;

  @Inject
  GatewayConfig config;

  @Inject
  Admission admission;

  @Inject
  Guards guards;

  Uni<Reply> generate(byte[] body, RequestObservation observation, Caller caller, CallRecord call) {
    JsonBody json = JsonBody.parse(body);
    String prompt = json.requiredString("prompt");
    Limits.prompt(config, prompt.length());
    Priority priority = JsonBody.priority("field 'priority'", optionalString(json, "priority"));
    DataClassification classification = JsonBody.classification("field 'classification'",
        optionalString(json, "classification"));
    Integer maxTokens = json.optionalInt("maxTokens", 1, config.maxTokens());
    Double temperature = json.optionalNumber("temperature", 0, 2);
    boolean stream = Boolean.TRUE.equals(json.optionalBoolean("stream"));
    int tokens = maxTokens == null ? config.defaultMaxTokens() : maxTokens;
    GenerationRequest request = GenerationRequest.of(prompt, new GenerationParameters(
        tokens, temperature, null, null, true, null, null));
    Deadline deadline = Deadline.in(config.requestDeadline());
    // the input guards read the whole prompt: off the event loop, so a long hostile prompt holds up no other request
    return Uni.createFrom().item(() -> admission.admit(caller, call, List.of(prompt), priority, classification,
            tokens))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(admitted -> routed(admitted, priority, request, deadline, stream, observation, call));
  }

  private Uni<Reply> routed(Admission.Admitted admitted, Priority priority, GenerationRequest request,
      Deadline deadline, boolean stream, RequestObservation observation, CallRecord call) {
    DataClassification routed = admitted.classification();
    if (!stream) {
      return dispatcher.call(priority, routed, deadline,
              (endpoint, left) -> djl.generate(endpoint, null, request, left))
          .onFailure().invoke(admitted::failed)
          .map(answer -> {
            call.served(answer.served().variant(), answer.served().pool());
            GenerateApi.Usage usage = usage(answer.value().details(), null);
            admitted.ended(usage.completionTokens());
            OutputGuard.Checked checked = guards.output().check(answer.value().generatedText(), List.of());
            guards.found(checked.verdict(), call, InferenceRoutes.GENERATE);
            return Reply.json(new GenerateApi.Response(checked.text(),
                answer.served().variant(), answer.served().pool(), usage), answer.served(), observation);
          });
    }
    return dispatcher.stream(priority, routed, deadline,
            (endpoint, left) -> djl.generateStream(endpoint, null, request, left))
        .onFailure().invoke(admitted::failed)
        .map(started -> {
          // the lines carry the text the output guard lets through, held back by its window: a secret split over
          // tokens is caught whole; index counts the lines sent, generated the model's tokens
          AtomicInteger index = new AtomicInteger();
          AtomicInteger generated = new AtomicInteger();
          OutputGuard.Stream checked = guards.output().stream(List.of());
          Dispatcher.Served served = started.served();
          call.served(served.variant(), served.pool());
          Multi<Buffer> lines = Multi.createBy().concatenating()
              .streams(Multi.createFrom().item(started.first()), started.rest())
              .onItem().transformToMultiAndConcatenate(token -> {
                generated.incrementAndGet();
                String safe = checked.accept(token.token() == null ? "" : token.token().text());
                if (!token.isLast()) {
                  return safe.isEmpty() ? Multi.createFrom().empty()
                      : Multi.createFrom().item(Reply.line(new GenerateApi.Token(safe, index.getAndIncrement())));
                }
                String rest = safe + checked.finish();
                guards.found(checked.verdict(), call, InferenceRoutes.GENERATE);
                GenerateApi.Usage usage = usage(token.details(), generated.get());
                admitted.ended(usage.completionTokens());
                Buffer done = Reply.line(new GenerateApi.Done(true,
                    guards.output().check(token.generatedText(), List.of()).text(), served.variant(),
                    served.pool(), usage));
                return rest.isEmpty() ? Multi.createFrom().item(done) : Multi.createFrom().items(
                    Reply.line(new GenerateApi.Token(rest, index.getAndIncrement())), done);
              })
              .onFailure().recoverWithItem(failure -> Reply.line(midStream(failure, deadline, observation, call)));
          return Reply.stream(NDJSON, served, lines, observation);
        });
  }

  private static GenerateApi.Usage usage(GenerationDetails details, Integer counted) {
    Integer completion = details != null && details.generatedTokens() != null ? details.generatedTokens() : counted;
    return new GenerateApi.Usage(null, completion);
  }

  private static String optionalString(JsonBody json, String field) {
    var value = json.get(field);
    return value == null ? null : JsonBody.string(field, value);
  }


  /** A failure after the stream began: its last line, and its code in the audit line. */
  private static io.cybershield.shield.gateway.error.ErrorBody midStream(Throwable failure, Deadline deadline,
      RequestObservation observation, CallRecord call) {
    io.cybershield.shield.gateway.error.ErrorBody body = ApiErrors.midStream(failure, deadline, observation);
    call.put("error", body.error().code());
    return body;
  }
}
