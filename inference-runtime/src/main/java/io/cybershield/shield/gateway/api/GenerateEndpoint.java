package io.cybershield.shield.gateway.api;

import io.cybershield.shield.api.v1alpha1.common.DataClassification;
import io.cybershield.shield.api.v1alpha1.common.Priority;
import io.cybershield.shield.gateway.audit.CallRecord;
import io.cybershield.shield.gateway.djl.Deadline;
import io.cybershield.shield.gateway.security.Caller;
import io.cybershield.shield.gateway.djl.DjlClient;
import io.cybershield.shield.gateway.metrics.RequestObservation;
import io.cybershield.shield.gateway.djl.GenerationDetails;
import io.cybershield.shield.gateway.djl.GenerationParameters;
import io.cybershield.shield.gateway.djl.GenerationRequest;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.smallrye.mutiny.Uni;
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
    Admission.Admitted admitted = admission.admit(caller, call, List.of(prompt), priority, classification, tokens);
    DataClassification routed = admitted.classification();
    GenerationRequest request = GenerationRequest.of(prompt, new GenerationParameters(
        tokens, temperature, null, null, true, null, null));
    Deadline deadline = Deadline.in(config.requestDeadline());

    if (!stream) {
      return dispatcher.call(priority, routed, deadline,
              (endpoint, left) -> djl.generate(endpoint, null, request, left))
          .onFailure().invoke(admitted::failed)
          .map(answer -> {
            call.served(answer.served().variant(), answer.served().pool());
            GenerateApi.Usage usage = usage(answer.value().details(), null);
            admitted.ended(usage.completionTokens());
            return Reply.json(new GenerateApi.Response(answer.value().generatedText(),
                answer.served().variant(), answer.served().pool(), usage), answer.served(), observation);
          });
    }
    return dispatcher.stream(priority, routed, deadline,
            (endpoint, left) -> djl.generateStream(endpoint, null, request, left))
        .onFailure().invoke(admitted::failed)
        .map(started -> {
          AtomicInteger index = new AtomicInteger();
          Dispatcher.Served served = started.served();
          call.served(served.variant(), served.pool());
          Multi<Buffer> lines = Multi.createBy().concatenating()
              .streams(Multi.createFrom().item(started.first()), started.rest())
              .onItem().transformToMultiAndConcatenate(token -> {
                Buffer line = Reply.line(new GenerateApi.Token(token.token() == null ? "" : token.token().text(),
                    index.getAndIncrement()));
                if (!token.isLast()) {
                  return Multi.createFrom().item(line);
                }
                GenerateApi.Usage usage = usage(token.details(), index.get());
                admitted.ended(usage.completionTokens());
                Buffer done = Reply.line(new GenerateApi.Done(true, token.generatedText(), served.variant(),
                    served.pool(), usage));
                return Multi.createFrom().items(line, done);
              })
              .onFailure().recoverWithItem(failure -> Reply.line(ApiErrors.midStream(failure, deadline, observation)));
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

}
