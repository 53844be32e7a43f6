package io.cybershield.shield.sandbox.runtime;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fake image for the runtime's tests: prints what the container was given, then answers
 * {@code GET /q/health/ready} on {@code QUARKUS_HTTP_HOST:QUARKUS_HTTP_PORT}, as the gateway does, until it is
 * stopped. Only JDK classes, so it runs from the test classes alone.
 */
public final class FakeGatewayMain {

  private FakeGatewayMain() {
  }

  public static void main(String[] args) throws Exception {
    for (String name : List.of("SHIELD_MODEL", "SHIELD_NAMESPACE", "POD_NAME", "POD_UID", "POD_IP", "NODE_NAME",
        "SERVICE_ACCOUNT", "FROM_CONFIGMAP", "EXPANDED", "QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT")) {
      System.out.println(name + "=" + System.getenv(name));
    }
    System.out.println("SECRET_SET=" + "s3cr3t".equals(System.getenv("FROM_SECRET")));
    String kubeconfig = System.getenv("KUBECONFIG");
    System.out.println("KUBECONFIG_SERVER=" + (kubeconfig == null ? null : Files.readAllLines(Path.of(kubeconfig))
        .stream().filter(l -> l.trim().startsWith("server:")).map(l -> l.trim().substring("server:".length()).trim())
        .findFirst().orElse(null)));
    HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv("QUARKUS_HTTP_HOST"),
        Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
    server.createContext("/q/health/ready", exchange -> {
      byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    System.err.println("listening on " + server.getAddress());
    Thread.currentThread().join();
  }
}
