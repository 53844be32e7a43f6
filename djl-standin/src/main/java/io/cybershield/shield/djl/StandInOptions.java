package io.cybershield.shield.djl;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a {@link DjlStandIn} is started: where it listens, which model it pretends to serve, how its "load" goes
 * and how fast its scripted "model" talks. Build one with {@link #builder()}, or read a simulated pod's
 * environment with {@link #fromEnvironment(Map, String, int)}.
 *
 * @param host the address to listen on; any loopback address (127.0.0.1, 127.0.3.7, ...), default 127.0.0.1
 * @param port the port; 0 picks a free one (the port is chosen at once, also while loading)
 * @param modelName the name of the model loaded at startup, default {@code model} (what DJL calls
 *     {@code /opt/ml/model})
 * @param modelUrl the model's URL as {@code GET /models} shows it, default {@code file:/opt/ml/model/}
 * @param loadingTime how long the startup "load" takes; until then the port is closed and connections are
 *     refused, as DJL Serving's are. Models registered with {@code POST /models} take as long. Default 0
 * @param failedLoad the load fails: the port never opens and the "process" ends with exit code 1 after
 *     {@code loadingTime}
 * @param modelLoadingTimeout DJL's {@code MODEL_LOADING_TIMEOUT}: a {@code loadingTime} longer than this fails
 *     the load when it expires (exit code 1). Default 1200 s, the LMI image's
 * @param prometheus DJL's {@code SERVING_PROMETHEUS}: without it {@code GET /server/metrics} answers 400.
 *     Default false, as DJL's
 * @param tokensPerRequest how many tokens the scripted "model" says before its end-of-sequence token when a
 *     request lets it ({@code finish_reason} {@code eos_token}); a request's {@code max_new_tokens} (default 30)
 *     or {@code max_tokens} cuts it shorter ({@code finish_reason} {@code length}). Default 100
 * @param firstTokenDelay the time before the first byte of a generation, unless a {@link Behaviour} says
 *     otherwise. Default 0
 * @param tokenDelay the time between two tokens, unless a {@link Behaviour} says otherwise. Default 0
 * @param chunkedReadTimeout DJL's {@code chunked_read_timeout}: a generation that produces no chunk for this
 *     long is dropped without an answer. Default 120 s, as DJL's; tests use a short one
 * @param gpuMemoryBytes the value of the {@code GPUMemory_0} gauge. Default 0
 * @param hostname the {@code Host} label of the server metrics, default {@code localhost}
 * @param logSink where the stand-in writes what DJL Serving would print: an access line per answered request
 *     ({@code ACCESS_LOG /127.0.0.1:40312 "POST /invocations HTTP/1.1" 200 3ms}) and the end of a failed load;
 *     called on the event loop, so it must not block. Default none (the sandbox passes its container log)
 * @param certificateFile DJL's {@code certificate_file}: with {@code privateKeyFile}, the stand-in serves HTTPS
 *     (as DJL Serving does with an {@code https://} inference address) from this PEM certificate chain. Default
 *     none: plain HTTP
 * @param privateKeyFile DJL's {@code private_key_file}: the PEM private key (PKCS#8 or PKCS#1) of
 *     {@code certificateFile}
 */
public record StandInOptions(
    String host,
    int port,
    String modelName,
    String modelUrl,
    Duration loadingTime,
    boolean failedLoad,
    Duration modelLoadingTimeout,
    boolean prometheus,
    int tokensPerRequest,
    Duration firstTokenDelay,
    Duration tokenDelay,
    Duration chunkedReadTimeout,
    long gpuMemoryBytes,
    String hostname,
    Consumer<String> logSink,
    String certificateFile,
    String privateKeyFile) {

  /** The default host: DJL Serving itself binds 0.0.0.0, a stand-in only ever a loopback address. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_MODEL_NAME = "model";
  public static final String DEFAULT_MODEL_URL = "file:/opt/ml/model/";
  public static final Duration DEFAULT_MODEL_LOADING_TIMEOUT = Duration.ofSeconds(1200);
  public static final Duration DEFAULT_CHUNKED_READ_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_TOKENS_PER_REQUEST = 100;

  private static final Pattern NON_WORD = Pattern.compile("(\\W|^_)");

  public StandInOptions {
    host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    modelName = modelName == null || modelName.isBlank() ? DEFAULT_MODEL_NAME : modelName;
    modelUrl = modelUrl == null || modelUrl.isBlank() ? DEFAULT_MODEL_URL : modelUrl;
    loadingTime = nonNegative(loadingTime, Duration.ZERO, "loadingTime");
    modelLoadingTimeout = nonNegative(modelLoadingTimeout, DEFAULT_MODEL_LOADING_TIMEOUT, "modelLoadingTimeout");
    if (tokensPerRequest < 1) {
      throw new IllegalArgumentException("tokensPerRequest must be at least 1, not " + tokensPerRequest);
    }
    firstTokenDelay = nonNegative(firstTokenDelay, Duration.ZERO, "firstTokenDelay");
    tokenDelay = nonNegative(tokenDelay, Duration.ZERO, "tokenDelay");
    chunkedReadTimeout = nonNegative(chunkedReadTimeout, DEFAULT_CHUNKED_READ_TIMEOUT, "chunkedReadTimeout");
    if (chunkedReadTimeout.isZero()) {
      throw new IllegalArgumentException("chunkedReadTimeout must be positive");
    }
    if (gpuMemoryBytes < 0) {
      throw new IllegalArgumentException("gpuMemoryBytes must not be negative");
    }
    hostname = hostname == null || hostname.isBlank() ? "localhost" : hostname;
    certificateFile = certificateFile == null || certificateFile.isBlank() ? null : certificateFile;
    privateKeyFile = privateKeyFile == null || privateKeyFile.isBlank() ? null : privateKeyFile;
    if ((certificateFile == null) != (privateKeyFile == null)) {
      throw new IllegalArgumentException("HTTPS needs both a certificate file and a private key file");
    }
  }

  /** Whether the stand-in serves HTTPS. */
  public boolean tls() {
    return certificateFile != null;
  }

  /** The defaults: 127.0.0.1, a free port, model {@code model}, serving at once. */
  public static StandInOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Reads the options of a simulated DJL Serving pod from its container environment, the way DJL Serving reads
   * its own, plus {@code SANDBOX_*} knobs that script the stand-in:
   *
   * <ul>
   *   <li>{@code HF_MODEL_ID}: the model, named as DJL Serving names it: a hub id ({@code org/name}) becomes the
   *       whole id with every non-word character replaced by {@code _} ({@code meta-llama/Llama-3.1-8B} →
   *       {@code meta_llama_Llama_3_1_8B}); an {@code s3://} or {@code djl://} URL or a local path becomes its
   *       last path segment ({@code s3://bucket/models/llama-v7/} → {@code llama_v7}). Without it the model is
   *       {@code model} ({@code /opt/ml/model}).
   *   <li>{@code SERVING_PROMETHEUS}: {@code true} exposes {@code /server/metrics}.
   *   <li>{@code SERVING_CHUNKED_READ_TIMEOUT}: seconds without a chunk before a generation is dropped (120).
   *   <li>{@code MODEL_LOADING_TIMEOUT}: seconds a load may take before it fails (1200).
   *   <li>{@code HOSTNAME}: the {@code Host} label of the metrics (a pod's name).
   *   <li>{@code SERVING_INFERENCE_ADDRESS}: only its scheme counts ({@code https://} serves HTTPS; the address is
   *       the sandbox's to choose), with {@code SERVING_CERTIFICATE_FILE} and {@code SERVING_PRIVATE_KEY_FILE}
   *       (DJL's {@code certificate_file} and {@code private_key_file}), which it then requires.
   *   <li>{@code SANDBOX_LOADING_TIME}: how long the load takes (a duration: {@code 90s}, {@code 2m30s},
   *       {@code 500ms}, or plain seconds); default 0.
   *   <li>{@code SANDBOX_FAILED_LOAD}: {@code true} makes the load fail (exit code 1, the port never opens).
   *   <li>{@code SANDBOX_TOKENS_PER_REQUEST}: {@link #tokensPerRequest()} (100).
   *   <li>{@code SANDBOX_FIRST_TOKEN_DELAY}, {@code SANDBOX_TOKEN_DELAY}: durations, as above (0).
   *   <li>{@code SANDBOX_GPU_MEMORY_BYTES}: the {@code GPUMemory_0} gauge (0).
   * </ul>
   *
   * @throws IllegalArgumentException naming the variable whose value cannot be read
   */
  public static StandInOptions fromEnvironment(Map<String, String> env, String host, int port) {
    Objects.requireNonNull(env, "env");
    Builder builder = builder().host(host).port(port);
    String modelId = value(env, "HF_MODEL_ID");
    if (modelId != null) {
      builder.modelName(djlModelName(modelId)).modelUrl(djlModelUrl(modelId));
    }
    String prometheus = value(env, "SERVING_PROMETHEUS");
    builder.prometheus(Boolean.parseBoolean(prometheus));
    builder.chunkedReadTimeout(read(env, "SERVING_CHUNKED_READ_TIMEOUT", v -> Duration.ofSeconds(Long.parseLong(v)),
        DEFAULT_CHUNKED_READ_TIMEOUT));
    builder.modelLoadingTimeout(read(env, "MODEL_LOADING_TIMEOUT", v -> Duration.ofSeconds(Long.parseLong(v)),
        DEFAULT_MODEL_LOADING_TIMEOUT));
    builder.hostname(value(env, "HOSTNAME"));
    String address = value(env, "SERVING_INFERENCE_ADDRESS");
    if (address != null && address.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
      String certificate = value(env, "SERVING_CERTIFICATE_FILE");
      String key = value(env, "SERVING_PRIVATE_KEY_FILE");
      if (certificate == null || key == null) {
        throw new IllegalArgumentException("the stand-in's environment is invalid: SERVING_INFERENCE_ADDRESS is "
            + "https but SERVING_CERTIFICATE_FILE and SERVING_PRIVATE_KEY_FILE are not both set");
      }
      builder.tls(certificate, key);
    }
    builder.loadingTime(read(env, "SANDBOX_LOADING_TIME", Durations::parse, Duration.ZERO));
    builder.failedLoad(Boolean.parseBoolean(value(env, "SANDBOX_FAILED_LOAD")));
    builder.tokensPerRequest(read(env, "SANDBOX_TOKENS_PER_REQUEST", Integer::parseInt, DEFAULT_TOKENS_PER_REQUEST));
    builder.firstTokenDelay(read(env, "SANDBOX_FIRST_TOKEN_DELAY", Durations::parse, Duration.ZERO));
    builder.tokenDelay(read(env, "SANDBOX_TOKEN_DELAY", Durations::parse, Duration.ZERO));
    builder.gpuMemoryBytes(read(env, "SANDBOX_GPU_MEMORY_BYTES", Long::parseLong, 0L));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the stand-in's environment is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * The name DJL Serving 0.36.0 gives the model of {@code HF_MODEL_ID} ({@code ModelStore} and
   * {@code ModelInfo.inferModelNameFromUrl}).
   */
  static String djlModelName(String modelId) {
    String id = modelId.strip();
    if (id.startsWith("s3://") || id.startsWith("djl://") || id.startsWith("/") || id.startsWith("file:")) {
      String path = id.replaceFirst("^[a-z0-9]+://[^/]*", "").replaceFirst("^file:", "");
      boolean directory = path.endsWith("/") || id.startsWith("/") || id.startsWith("file:");
      while (path.endsWith("/") && path.length() > 1) {
        path = path.substring(0, path.length() - 1);
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (!directory) {
        name = withoutArchiveExtension(name);
      }
      return NON_WORD.matcher(name).replaceAll("_");
    }
    return NON_WORD.matcher(id).replaceAll("_");
  }

  static String djlModelUrl(String modelId) {
    String id = modelId.strip();
    if (id.startsWith("/")) {
      return "file:" + (id.endsWith("/") ? id : id + "/");
    }
    return id;
  }

  private static String withoutArchiveExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : new String[] {".tar.gz", ".tar.z", ".tgz", ".zip", ".tar"}) {
      if (lower.endsWith(extension)) {
        return name.substring(0, name.length() - extension.length());
      }
    }
    return name;
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <T> T read(Map<String, String> env, String name, Function<String, T> parser, T fallback) {
    String value = value(env, name);
    if (value == null) {
      return fallback;
    }
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + "=" + value + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Duration nonNegative(Duration value, Duration fallback, String name) {
    Duration result = value == null ? fallback : value;
    if (result.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, not " + result);
    }
    return result;
  }

  /** A builder of {@link StandInOptions}; every field starts at its default. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private String modelName = DEFAULT_MODEL_NAME;
    private String modelUrl = DEFAULT_MODEL_URL;
    private Duration loadingTime = Duration.ZERO;
    private boolean failedLoad;
    private Duration modelLoadingTimeout = DEFAULT_MODEL_LOADING_TIMEOUT;
    private boolean prometheus;
    private int tokensPerRequest = DEFAULT_TOKENS_PER_REQUEST;
    private Duration firstTokenDelay = Duration.ZERO;
    private Duration tokenDelay = Duration.ZERO;
    private Duration chunkedReadTimeout = DEFAULT_CHUNKED_READ_TIMEOUT;
    private long gpuMemoryBytes;
    private String hostname = "localhost";
    private Consumer<String> logSink;
    private String certificateFile;
    private String privateKeyFile;

    private Builder() {
    }

    private Builder(StandInOptions options) {
      host = options.host;
      port = options.port;
      modelName = options.modelName;
      modelUrl = options.modelUrl;
      loadingTime = options.loadingTime;
      failedLoad = options.failedLoad;
      modelLoadingTimeout = options.modelLoadingTimeout;
      prometheus = options.prometheus;
      tokensPerRequest = options.tokensPerRequest;
      firstTokenDelay = options.firstTokenDelay;
      tokenDelay = options.tokenDelay;
      chunkedReadTimeout = options.chunkedReadTimeout;
      gpuMemoryBytes = options.gpuMemoryBytes;
      hostname = options.hostname;
      logSink = options.logSink;
      certificateFile = options.certificateFile;
      privateKeyFile = options.privateKeyFile;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder modelName(String modelName) {
      this.modelName = modelName;
      return this;
    }

    public Builder modelUrl(String modelUrl) {
      this.modelUrl = modelUrl;
      return this;
    }

    public Builder loadingTime(Duration loadingTime) {
      this.loadingTime = loadingTime;
      return this;
    }

    public Builder failedLoad(boolean failedLoad) {
      this.failedLoad = failedLoad;
      return this;
    }

    public Builder modelLoadingTimeout(Duration modelLoadingTimeout) {
      this.modelLoadingTimeout = modelLoadingTimeout;
      return this;
    }

    public Builder prometheus(boolean prometheus) {
      this.prometheus = prometheus;
      return this;
    }

    public Builder tokensPerRequest(int tokensPerRequest) {
      this.tokensPerRequest = tokensPerRequest;
      return this;
    }

    public Builder firstTokenDelay(Duration firstTokenDelay) {
      this.firstTokenDelay = firstTokenDelay;
      return this;
    }

    public Builder tokenDelay(Duration tokenDelay) {
      this.tokenDelay = tokenDelay;
      return this;
    }

    public Builder chunkedReadTimeout(Duration chunkedReadTimeout) {
      this.chunkedReadTimeout = chunkedReadTimeout;
      return this;
    }

    public Builder gpuMemoryBytes(long gpuMemoryBytes) {
      this.gpuMemoryBytes = gpuMemoryBytes;
      return this;
    }

    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** Serves HTTPS from a PEM certificate chain and its private key (DJL's certificate_file, private_key_file). */
    public Builder tls(String certificateFile, String privateKeyFile) {
      this.certificateFile = certificateFile;
      this.privateKeyFile = privateKeyFile;
      return this;
    }

    public Builder logSink(Consumer<String> logSink) {
      this.logSink = logSink;
      return this;
    }

    public StandInOptions build() {
      return new StandInOptions(host, port, modelName, modelUrl, loadingTime, failedLoad, modelLoadingTimeout,
          prometheus, tokensPerRequest, firstTokenDelay, tokenDelay, chunkedReadTimeout, gpuMemoryBytes, hostname,
          logSink, certificateFile, privateKeyFile);
    }
  }
}
