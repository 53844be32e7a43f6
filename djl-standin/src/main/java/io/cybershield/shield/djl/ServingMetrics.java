package io.cybershield.shield.djl;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The metrics DJL Serving exports on {@code /server/metrics}, counted from what the stand-in answered, in the
 * Prometheus text format of the client_java 1.3 library DJL uses ({@code PrometheusTextFormatWriter}): counters
 * with {@code _total}, values as doubles, and histograms with that library's default buckets (seconds-sized,
 * though DJL observes microseconds — so nearly every observation lands in {@code +Inf}, as on DJL Serving).
 *
 * <p>Counted as DJL Serving counts them: {@code Response_2XX} for every inference answer with status 200
 * (a stream counts when it starts), {@code Response_4XX} for the engine's 424, {@code Response_5XX} for 500,
 * 503 and 507, {@code WlmError} for the 503s of the work-load manager. Answers DJL's front end gives before a
 * request reaches a model (404 unknown model, 400 missing model_name), pings and management calls are not
 * counted. Unlike DJL Serving, which exports a metric only once it has a value, every metric is present from
 * the start.
 */
final class ServingMetrics {

  private static final double[] BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1.0, 2.5, 5.0, 10.0};

  private final String host;
  private final long gpuMemoryBytes;
  private final LongAdder response2xx = new LongAdder();
  private final LongAdder response4xx = new LongAdder();
  private final LongAdder response5xx = new LongAdder();
  private final LongAdder wlmError = new LongAdder();
  private final Map<String, LongAdder> modelLoadingErrors = new ConcurrentHashMap<>();
  private final Map<String, Histogram> queueTime = new ConcurrentHashMap<>();
  private final Map<String, Histogram> requestLatency = new ConcurrentHashMap<>();

  ServingMetrics(String host, long gpuMemoryBytes) {
    this.host = host;
    this.gpuMemoryBytes = gpuMemoryBytes;
  }

  /** Makes the per-model series of a model exist, at zero. */
  void model(String model) {
    queueTime.computeIfAbsent(model, m -> new Histogram());
    requestLatency.computeIfAbsent(model, m -> new Histogram());
    modelLoadingErrors.computeIfAbsent(model, m -> new LongAdder());
  }

  void answered(int status) {
    if (status >= 500) {
      response5xx.increment();
    } else if (status >= 400) {
      response4xx.increment();
    } else {
      response2xx.increment();
    }
  }

  void wlmError() {
    wlmError.increment();
  }

  void modelLoadingError(String model) {
    modelLoadingErrors.computeIfAbsent(model, m -> new LongAdder()).increment();
  }

  void queueTime(String model, long micros) {
    queueTime.computeIfAbsent(model, m -> new Histogram()).observe(micros);
  }

  void requestLatency(String model, long micros) {
    requestLatency.computeIfAbsent(model, m -> new Histogram()).observe(micros);
  }

  String prometheusText() {
    StringBuilder out = new StringBuilder();
    gauge(out, "GPUMemory_0", "Bytes", "Host", host, gpuMemoryBytes);
    counter(out, "Response_2XX", "Host", host, response2xx.sum());
    counter(out, "Response_4XX", "Host", host, response4xx.sum());
    counter(out, "Response_5XX", "Host", host, response5xx.sum());
    counter(out, "WlmError", "Host", host, wlmError.sum());
    help(out, "ModelLoadingError_total", "counter", "Count");
    new TreeMap<>(modelLoadingErrors).forEach((model, count) ->
        sample(out, "ModelLoadingError_total", "Model", model, null, Double.toString(count.sum())));
    histogram(out, "QueueTime", queueTime);
    histogram(out, "RequestLatency", requestLatency);
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String label, String value, long count) {
    help(out, name + "_total", "counter", "Count");
    sample(out, name + "_total", label, value, null, Double.toString(count));
  }

  private static void gauge(StringBuilder out, String name, String unit, String label, String value, double gauge) {
    help(out, name, "gauge", unit);
    sample(out, name, label, value, null, Double.toString(gauge));
  }

  private static void histogram(StringBuilder out, String name, Map<String, Histogram> byModel) {
    help(out, name, "histogram", "Microseconds");
    new TreeMap<>(byModel).forEach((model, histogram) -> histogram.write(out, name, model));
  }

  private static void help(StringBuilder out, String name, String type, String unit) {
    out.append("# HELP ").append(name).append(" : prometheus ").append(type).append(" metric, unit: ")
        .append(unit).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder out, String name, String label, String value, String le, String number) {
    out.append(name).append('{').append(label).append("=\"").append(escape(value)).append('"');
    if (le != null) {
      out.append(",le=\"").append(le).append('"');
    }
    out.append("} ").append(number).append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static final class Histogram {
    private final long[] counts = new long[BUCKETS.length + 1];
    private double sum;

    synchronized void observe(double value) {
      int i = 0;
      while (i < BUCKETS.length && value > BUCKETS[i]) {
        i++;
      }
      counts[i]++;
      sum += value;
    }

    synchronized void write(StringBuilder out, String name, String model) {
      long cumulative = 0;
      for (int i = 0; i <= BUCKETS.length; i++) {
        cumulative += counts[i];
        String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
        sample(out, name + "_bucket", "Model", model, le, Long.toString(cumulative));
      }
      sample(out, name + "_count", "Model", model, null, Long.toString(cumulative));
      sample(out, name + "_sum", "Model", model, null, Double.toString(sum));
    }
  }
}
