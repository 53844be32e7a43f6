package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lua environment the health checks are tested in is the one Argo CD's controller gives them. */
class ArgoLuaTest {

  private static final JsonNode OBJECT = ShieldArgoCd.YAML.createObjectNode()
      .put("kind", "ShieldModel")
      .set("status", ShieldArgoCd.YAML.createObjectNode().put("observedGeneration", 3)
          .set("conditions", ShieldArgoCd.YAML.createArrayNode()
              .add(ShieldArgoCd.YAML.createObjectNode().put("type", "Ready").put("status", "True"))
              .add(ShieldArgoCd.YAML.createObjectNode().put("type", "Degraded").put("status", "False"))));

  @Test
  void onlyTheBaseTableAndSafeOsLibrariesAreThere() {
    String script = """
        local present = {}
        for _, name in ipairs({"string", "math", "io", "debug", "package", "require", "dofile", "loadfile"}) do
          if _G[name] ~= nil then table.insert(present, name) end
        end
        local os_functions = {}
        for name, _ in pairs(os) do table.insert(os_functions, name) end
        table.sort(os_functions)
        return {status = "Healthy", message = "present: " .. table.concat(present, ",")
            .. "; os: " .. table.concat(os_functions, ",")}
        """;

    assertThat(ArgoLua.health(script, OBJECT)).isEqualTo(new ArgoLua.Health("Healthy", "present: ; os: date,time"));
  }

  @Test
  void aScriptCallingTheStringLibraryFailsAsInTheController() {
    assertThatThrownBy(() -> ArgoLua.health("return {status = string.format('%s', 'Healthy')}", OBJECT))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the health script failed");
  }

  @Test
  void lua51NamesAreShimmedAnd52OnesRemoved() {
    String script = """
        local t = {"a", "b", "c"}
        local first = unpack(t)
        return {status = "Healthy", message = first .. table.getn(t) .. tostring(table.unpack) .. tostring(table.pack)}
        """;

    assertThat(ArgoLua.health(script, OBJECT)).isEqualTo(new ArgoLua.Health("Healthy", "a3nilnil"));
  }

  @Test
  void theObjectIsConvertedAsArgoCdConvertsIt() {
    String script = """
        local c = obj.status.conditions
        return {status = c[1].status == "True" and "Healthy" or "Degraded",
            message = obj.kind .. " " .. #c .. " " .. c[2].type .. " " .. (obj.status.observedGeneration + 1)
                .. " " .. tostring(obj.spec)}
        """;

    assertThat(ArgoLua.health(script, OBJECT)).isEqualTo(new ArgoLua.Health("Healthy", "ShieldModel 2 Degraded 4 nil"));
  }

  @Test
  void aStatusOutsideArgoCdsSetIsUnknownAndANilResultIsEmpty() {
    assertThat(ArgoLua.health("return {status = \"Fine\", message = \"ok\"}", OBJECT))
        .isEqualTo(new ArgoLua.Health("Unknown", "Lua returned an invalid health status"));
    assertThat(ArgoLua.health("return {status = \"Healthy\"}", OBJECT))
        .isEqualTo(new ArgoLua.Health("Healthy", ""));
  }
}
