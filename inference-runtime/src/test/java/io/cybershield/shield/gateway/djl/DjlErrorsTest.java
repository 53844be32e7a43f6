package io.cybershield.shield.gateway.djl;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of {@code shared/djl-serving-contract.md}, "Errors", from DJL's answers to gateway codes. */
class DjlErrorsTest {

  private static final DjlEndpoint POD = DjlEndpoint.of("10.0.3.7", 8080);
  private static final Call GENERATE = Call.post("/invocations", Buffer.buffer("{}"), "application/json", true);
  private static final Call METRICS = Call.get("/server/metrics", "text/plain");
  private static final Call MODELS = Call.get("/models", "application/json");

  private static DjlException answer(Call call, int status, String body) {
    return DjlErrors.fromAnswer(POD, call, status, MultiMap.caseInsensitiveMultiMap().add("x-request-id", "r-1"),
        Buffer.buffer(body));
  }

  @Test
  void theCodesAndTheirStatusesAsTheGatewayAnswersThem() {
    assertThat(DjlErrorCode.values()).extracting(DjlErrorCode::code, DjlErrorCode::gatewayStatus).containsExactly(
        org.assertj.core.groups.Tuple.tuple("UpstreamRejectedInput", 400),
        org.assertj.core.groups.Tuple.tuple("UpstreamConflict", 409),
        org.assertj.core.groups.Tuple.tuple("ModelNotLoaded", 503),
        org.assertj.core.groups.Tuple.tuple("UpstreamBusy", 503),
        org.assertj.core.groups.Tuple.tuple("ModelNotReady", 503),
        org.assertj.core.groups.Tuple.tuple("UpstreamOutOfMemory", 503),
        org.assertj.core.groups.Tuple.tuple("UpstreamFailed", 502),
        org.assertj.core.groups.Tuple.tuple("UpstreamMetricsDisabled", 502),
        org.assertj.core.groups.Tuple.tuple("UpstreamUnavailable", 503),
        org.assertj.core.groups.Tuple.tuple("UpstreamUntrusted", 502),
        org.assertj.core.groups.Tuple.tuple("UpstreamStreamError", 502),
        org.assertj.core.groups.Tuple.tuple("UpstreamConnectionLost", 502),
        org.assertj.core.groups.Tuple.tuple("UpstreamTimeout", 504),
        org.assertj.core.groups.Tuple.tuple("UpstreamCircuitOpen", 503));
    for (DjlErrorCode code : DjlErrorCode.values()) {
      assertThat(code.gatewayStatus() == 503).as(code + " has a Retry-After exactly when it is a 503")
          .isEqualTo(code.defaultRetryAfter().isPresent() || code == DjlErrorCode.UPSTREAM_CIRCUIT_OPEN);
      assertThat(code.publicMessage()).endsWith(".");
    }
  }

  @Test
  void djlsErrorBodiesMapByStatusAndType() {
    assertThat(answer(GENERATE, 424, "{\"code\":424,\"error\":\"Input parsing failed: inputs must be a string\"}"))
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo(DjlErrorCode.UPSTREAM_REJECTED_INPUT);
          assertThat(e.upstreamDetail()).hasValue("Input parsing failed: inputs must be a string");
        });
    assertThat(answer(GENERATE, 404, "{\"code\":404,\"type\":\"ModelNotFoundException\",\"message\":\"m\"}").code())
        .isEqualTo(DjlErrorCode.MODEL_NOT_LOADED);
    assertThat(answer(GENERATE, 503, "{\"code\":503,\"type\":\"WlmCapacityException\",\"message\":\"m\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_BUSY);
    assertThat(answer(GENERATE, 503, "{\"code\":503,\"type\":\"WlmException\",\"message\":\"m\"}").code())
        .isEqualTo(DjlErrorCode.MODEL_NOT_READY);
    assertThat(answer(GENERATE, 503, "{\"code\":503,\"type\":\"ServiceUnavailableException\"}").code())
        .isEqualTo(DjlErrorCode.MODEL_NOT_READY);
    assertThat(answer(GENERATE, 507, "{\"code\":507,\"message\":\"CUDA error: out of memory\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_OUT_OF_MEMORY);
    assertThat(answer(GENERATE, 500, "{\"code\":500,\"message\":\"Inference Engine Failure\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
    assertThat(answer(MODELS, 409, "{\"code\":409,\"type\":\"BadRequestException\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_CONFLICT);
    assertThat(answer(GENERATE, 413, "").code()).isEqualTo(DjlErrorCode.UPSTREAM_REJECTED_INPUT);
  }

  @Test
  void aBadRequestOnMetricsMeansPrometheusIsOff() {
    assertThat(answer(METRICS, 400, "{\"code\":400,\"type\":\"BadRequestException\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_METRICS_DISABLED);
    assertThat(answer(MODELS, 400, "{\"code\":400,\"type\":\"BadRequestException\"}").code())
        .isEqualTo(DjlErrorCode.UPSTREAM_REJECTED_INPUT);
  }

  @Test
  void aPathDjlDoesNotHaveIsAProtocolFailureThatDoesNotCountAgainstThePod() {
    DjlException notFound = answer(GENERATE, 404, "{\"code\":404,\"type\":\"ResourceNotFoundException\"}");
    DjlException teapot = answer(GENERATE, 418, "");
    DjlException gateway = answer(GENERATE, 502, "<html>bad gateway</html>");

    assertThat(notFound.code()).isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
    assertThat(notFound.countsAgainstPod()).isFalse();
    assertThat(teapot.code()).isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
    assertThat(teapot.countsAgainstPod()).isFalse();
    assertThat(gateway.code()).isEqualTo(DjlErrorCode.UPSTREAM_FAILED);
    assertThat(gateway.countsAgainstPod()).isTrue();
    assertThat(gateway.upstreamDetail()).isEmpty();
  }

  @Test
  void aRetryAfterFromDjlWinsOverTheDefault() {
    DjlException busy = DjlErrors.fromAnswer(POD, GENERATE, 503,
        MultiMap.caseInsensitiveMultiMap().add("Retry-After", "7"),
        Buffer.buffer("{\"type\":\"WlmCapacityException\"}"));

    assertThat(busy.retryAfter()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void onlyCallsWithNoByteSentOrIdempotentGetsAreSafeToSendAgain() {
    Call get = Call.get("/models", "application/json");
    Call delete = Call.of(HttpMethod.DELETE, "/models/m", "application/json", true);

    assertThat(DjlErrors.connectFailed(POD, GENERATE, new ConnectException("refused")).safeToRetry()).isTrue();
    assertThat(DjlErrors.connectionLost(POD, get, new RuntimeException(), false, null).safeToRetry()).isTrue();
    assertThat(DjlErrors.connectionLost(POD, get, new RuntimeException(), true, null).safeToRetry()).isTrue();
    assertThat(DjlErrors.connectionLost(POD, GENERATE, new RuntimeException(), false, null).safeToRetry()).isFalse();
    assertThat(DjlErrors.connectionLost(POD, delete, new RuntimeException(), false, null).safeToRetry()).isFalse();
    assertThat(DjlErrors.firstByteTimeout(POD, get, Duration.ofSeconds(1)).safeToRetry()).isFalse();
    assertThat(answer(get, 500, "").safeToRetry()).isFalse();
  }

  @Test
  void anOpenBreakerIsCircuitOpenWithTheBreakersDelay() {
    DjlException open = DjlErrors.afterGuard(POD, new CompletionException(new CircuitBreakerOpenException("open")),
        Duration.ofSeconds(10));

    assertThat(open.code()).isEqualTo(DjlErrorCode.UPSTREAM_CIRCUIT_OPEN);
    assertThat(open.retryAfter()).hasValue(Duration.ofSeconds(10));
    assertThat(open.endpoint()).isEqualTo(POD);
  }

  @Test
  void theMessageNamesThePodTheCodeAndTheCallButNotTheQuery() {
    Call register = Call.of(HttpMethod.POST, "/models?url=s3%3A%2F%2Fsecret-bucket", "application/json", true);

    DjlException failure = answer(register, 500, "{\"message\":\"s3://secret-bucket is gone\"}");

    assertThat(failure.getMessage()).isEqualTo("The model server failed to answer (UpstreamFailed from "
        + "10.0.3.7:8080, DJL answered 500, POST /models, x-request-id r-1).");
  }
}
