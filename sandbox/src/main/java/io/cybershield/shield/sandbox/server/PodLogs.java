package io.cybershield.shield.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log}: the API server's choice of container (registry
 * {@code LogLocation}) and the kubelet's check of that container's state ({@code validateContainerLogStatus}), both
 * refusing with their own words as a 400, then the container's output from {@link ContainerLogs} as
 * {@code text/plain}, chunked; with {@code follow=true} the answer stays open and passes on new lines until the
 * container ends or the client leaves.
 *
 * <p>Options: {@code container}, {@code follow}, {@code tailLines}, {@code limitBytes} and {@code previous} act as on
 * a real cluster. {@code timestamps}, {@code sinceSeconds} and {@code sinceTime} are accepted and ignored: the
 * sandbox keeps no time per line, and inventing one would be worse than none. The sandbox keeps no output of a
 * container's earlier runs, so {@code previous=true} on a container that did terminate before gives an empty log.
 */
final class PodLogs {

  private PodLogs() {
  }

  /**
   * Answers a log request for {@code pod} (as stored), or throws the {@link ApiException} the real server would send.
   */
  static void serve(HttpServerResponse response, JsonNode pod, RequestPath path, ContainerLogs logs) {
    String name = pod.path("metadata").path("name").asText();
    String namespace = pod.path("metadata").path("namespace").asText();
    String container = container(pod, name, path.param("container"));
    boolean previous = path.flag("previous");
    boolean follow = path.flag("follow");
    Long tailLines = number(path.param("tailLines"));
    Long limitBytes = number(path.param("limitBytes"));
    boolean onNode = !pod.path("spec").path("nodeName").asText("").isEmpty();
    if (onNode) {
      checkContainerState(pod, name, container, previous);
    }
    response.setStatusCode(200).putHeader("Content-Type", "text/plain").setChunked(true);
    if (!onNode || previous) {
      // a pod on no node has no kubelet to ask (the registry hands back no location): the answer is empty
      response.end();
      return;
    }
    new Reader(response, tailLines, limitBytes).read(logs, namespace, name, container, follow);
  }

  /** The registry's choice of container, as {@code LogLocation} makes it. */
  static String container(JsonNode pod, String name, String requested) {
    List<String> containers = names(pod.path("spec").path("containers"));
    List<String> initContainers = names(pod.path("spec").path("initContainers"));
    if (requested == null || requested.isEmpty()) {
      if (containers.size() == 1) {
        return containers.get(0);
      }
      if (containers.isEmpty()) {
        throw Statuses.badRequest("a container name must be specified for pod " + name);
      }
      String message = "a container name must be specified for pod " + name + ", choose one of: ["
          + String.join(" ", containers) + "]";
      if (!initContainers.isEmpty()) {
        message += " or one of the init containers: [" + String.join(" ", initContainers) + "]";
      }
      throw Statuses.badRequest(message);
    }
    if (!containers.contains(requested) && !initContainers.contains(requested)) {
      throw Statuses.badRequest("container " + requested + " is not valid for pod " + name);
    }
    return requested;
  }

  /** The kubelet's {@code validateContainerLogStatus}: whether the container has a log to read yet. */
  static void checkContainerState(JsonNode pod, String name, String container, boolean previous) {
    JsonNode status = find(pod.path("status").path("containerStatuses"), container);
    if (status == null) {
      status = find(pod.path("status").path("initContainerStatuses"), container);
    }
    if (status == null) {
      status = find(pod.path("status").path("ephemeralContainerStatuses"), container);
    }
    String quoted = "container \"" + container + "\" in pod \"" + name + "\"";
    if (status == null) {
      throw Statuses.badRequest(quoted + " is not available");
    }
    JsonNode lastTerminated = status.path("lastState").path("terminated");
    JsonNode state = status.path("state");
    if (previous) {
      if (lastTerminated.isMissingNode() || lastTerminated.path("containerID").asText("").isEmpty()) {
        throw Statuses.badRequest("previous terminated " + quoted + " not found");
      }
      return;
    }
    if (state.has("running")) {
      return;
    }
    if (state.has("terminated")) {
      if (state.path("terminated").path("containerID").asText("").isEmpty()
          && lastTerminated.path("containerID").asText("").isEmpty()) {
        throw Statuses.badRequest(quoted + " is terminated");
      }
      return;
    }
    if (!lastTerminated.isMissingNode()) {
      if (lastTerminated.path("containerID").asText("").isEmpty()) {
        throw Statuses.badRequest(quoted + " is terminated");
      }
      return;
    }
    if (state.has("waiting")) {
      String reason = state.path("waiting").path("reason").asText("");
      switch (reason) {
        case "ErrImagePull":
          throw Statuses.badRequest(quoted + " is waiting to start: image can't be pulled");
        case "ImagePullBackOff":
          throw Statuses.badRequest(quoted + " is waiting to start: trying and failing to pull image");
        default:
          throw Statuses.badRequest(quoted + " is waiting to start: " + reason);
      }
    }
    throw Statuses.badRequest(quoted + " is waiting to start - no logs yet");
  }

  private static List<String> names(JsonNode containers) {
    List<String> out = new ArrayList<>();
    containers.forEach(c -> out.add(c.path("name").asText()));
    return out;
  }

  private static JsonNode find(JsonNode statuses, String container) {
    for (JsonNode status : statuses) {
      if (container.equals(status.path("name").asText())) {
        return status;
      }
    }
    return null;
  }

  private static Long number(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Statuses.badRequest("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
    }
  }

  /**
   * Passes lines from {@link ContainerLogs} to the answer. The lines handed over before {@code read} returns are the
   * ones kept so far, and {@code tailLines} keeps the last of those; every later line is new and goes out at once.
   */
  private static final class Reader {
    private final HttpServerResponse response;
    private final Long tailLines;
    private final Long limitBytes;
    private final Deque<String> kept = new ArrayDeque<>();
    private long written;
    private boolean live;
    private boolean ended;
    private boolean done;
    private ContainerLogs.Subscription subscription;

    Reader(HttpServerResponse response, Long tailLines, Long limitBytes) {
      this.response = response;
      this.tailLines = tailLines == null || tailLines < 0 ? null : tailLines;
      this.limitBytes = limitBytes == null || limitBytes <= 0 ? null : limitBytes;
    }

    void read(ContainerLogs logs, String namespace, String pod, String container, boolean follow) {
      response.closeHandler(v -> stop());
      // nothing is written until read returns, so a failing ContainerLogs still gets its error answered as a Status
      ContainerLogs.Subscription opened = logs.read(namespace, pod, container, follow, this::line, this::end);
      boolean closeNow;
      synchronized (this) {
        subscription = opened;
        live = true;
        if (!response.closed()) {
          // the head goes out at once, as the kubelet flushes it, so a follower sees the answer begin
          response.write(Buffer.buffer());
        }
        while (!kept.isEmpty() && !done) {
          send(kept.removeFirst());
        }
        if (ended || response.closed()) {
          finish();
        }
        closeNow = done;
      }
      if (closeNow) {
        opened.close();
      }
    }

    private void line(String line) {
      boolean limitReached;
      synchronized (this) {
        if (done) {
          return;
        }
        if (!live) {
          kept.addLast(line);
          if (tailLines != null && kept.size() > tailLines) {
            kept.removeFirst();
          }
          return;
        }
        send(line);
        limitReached = done;
      }
      if (limitReached) {
        stop();
      }
    }

    private synchronized void end() {
      ended = true;
      if (live) {
        finish();
      }
    }

    /** Writes one line, cut where {@code limitBytes} runs out (the kubelet limits bytes, not lines). */
    private void send(String line) {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      int length = bytes.length;
      if (limitBytes != null && written + length >= limitBytes) {
        length = (int) (limitBytes - written);
      }
      if (length > 0 && !response.closed()) {
        response.write(Buffer.buffer(bytes).slice(0, length));
      }
      written += length;
      if (limitBytes != null && written >= limitBytes) {
        finish();
      }
    }

    /** Ends the answer once; the caller closes the subscription outside the lock. */
    private void finish() {
      if (done) {
        return;
      }
      done = true;
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }

    private void stop() {
      ContainerLogs.Subscription toClose;
      synchronized (this) {
        done = true;
        toClose = subscription;
        subscription = null;
      }
      if (toClose != null) {
        toClose.close();
      }
    }
  }
}
