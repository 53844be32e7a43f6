package io.cybershield.shield.sandbox.runtime;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake image for the runtime's tests: prints what the container was given, then answers
 * {@code GET /q/health/ready} on {@code QUARKUS_HTTP_HOST:QUARKUS_HTTP_PORT}, as the gateway does, until it is
 * stopped; after {@code POST /test/down} the readiness check answers 503. Only JDK classes, so it runs from the
 * test classes alone.
 */
public final class FakeGatewayMain {

  private FakeGatewayMain() {
  }

  public static void main(String[] args) throws Exception {
    for (String name : List.of("HOSTNAME", "SHIELD_MODEL", "SHIELD_NAMESPACE", "POD_NAME", "POD_UID", "POD_IP", "NODE_NAME",
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
    AtomicBoolean up = new AtomicBoolean(true);
    server.createContext("/q/health/ready", exchange -> {
      byte[] body = (up.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(up.get() ? 200 : 503, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.createContext("/test/down", exchange -> {
      up.set(false);
      System.out.println("readiness now DOWN");
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    System.err.println("listening on " + server.getAddress());
    Thread.currentThread().join();
  }
}
