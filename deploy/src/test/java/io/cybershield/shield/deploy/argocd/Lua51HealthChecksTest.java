package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same cases as {@link HealthChecksTest}, on a real Lua 5.1 (Debian's {@code lua5.1}, the language gopher-lua
 * implements), each script run in an environment of only the base and table libraries and a safe {@code os}.
 * Skipped where {@code lua5.1} is not installed ({@code apt-get install lua5.1}).
 */
class Lua51HealthChecksTest {

  private static final String RUNNER = """
      local input = assert(loadfile(arg[1]))
      local chunk = assert(loadfile(arg[2]))
      local env = {}
      for _, name in ipairs({"assert", "error", "ipairs", "next", "pairs", "pcall", "print", "select", "tonumber",
          "tostring", "type", "unpack", "xpcall", "rawequal", "rawget", "rawset", "setmetatable", "getmetatable",
          "loadstring", "_VERSION"}) do
        env[name] = _G[name]
      end
      env.table = table
      env.os = {time = os.time, date = os.date}
      env._G = env
      env.obj = input()
      setfenv(chunk, env)
      local hs = chunk()
      io.write(tostring(hs.status), "\\0", tostring(hs.message or ""))
      """;

  private static Optional<Path> lua;

  @BeforeAll
  static void findLua() {
    lua = Stream.of("/usr/bin/lua5.1", "/usr/local/bin/lua5.1").map(Path::of).filter(Files::isExecutable).findFirst();
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGetsTheHealthItsTestNamesOnLua51(@TempDir Path work) throws IOException {
    assumeTrue(lua.isPresent(), "lua5.1 is not installed (apt-get install lua5.1)");
    Path runner = Files.writeString(work.resolve("runner.lua"), RUNNER);
    return ShieldArgoCd.KINDS.stream().flatMap(kind -> ShieldArgoCd.cases(kind).stream()
        .map(c -> DynamicTest.dynamicTest(kind + " " + c.inputPath(), () -> {
          Path input = work.resolve(kind + "-" + c.input().getFileName() + ".lua");
          Files.writeString(input, "return " + literal(ShieldArgoCd.yaml(c.input())) + "\n", StandardCharsets.UTF_8);
          Path script = ShieldArgoCd.customization(kind).resolve("health.lua");
          Process process = new ProcessBuilder(lua.get().toString(), runner.toString(), input.toString(),
              script.toString()).redirectErrorStream(true).start();
          String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(process.exitValue()).as(out).isZero();
          String[] health = out.split("\0", 2);
          assertThat(new ArgoLua.Health(health[0], health.length > 1 ? health[1] : ""))
              .isEqualTo(new ArgoLua.Health(c.status(), c.message()));
        })));
  }

  /** The object as a Lua table constructor, converted as Argo CD converts it. */
  static String literal(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nil";
    }
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append('[').append(quote(field.getKey())).append("]=").append(literal(field.getValue())).append(',');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("{");
      node.forEach(item -> out.append(literal(item)).append(','));
      return out.append('}').toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return quote(node.asText());
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append('\\').append(c);
      } else if (c < 0x80) {
        out.append((char) c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.append('"').toString();
  }
}
