package io.cybershield.shield.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's HTTP client, as the gateway will use one, for the cases a raw socket is not needed. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private Http() {
  }

  static HttpResponse<String> get(DjlStandIn standIn, String path) throws IOException, InterruptedException {
    return CLIENT.send(request(standIn.uri(), path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(DjlStandIn standIn, String path, String body)
      throws IOException, InterruptedException {
    return CLIENT.send(request(standIn.uri(), path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> send(DjlStandIn standIn, String method, String path)
      throws IOException, InterruptedException {
    return CLIENT.send(request(standIn.uri(), path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
  }

  static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }
}
