package io.cybershield.shield.deploy.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseOsLib;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Runs an Argo CD health script the way Argo CD's controller does ({@code util/lua/lua.go}, gopher-lua, Lua 5.1), on
 * LuaJ (Lua 5.2):
 * <ul>
 * <li>the libraries of a script from {@code argocd-cm} without {@code resource.customizations.useOpenLibs}: base,
 * table, and a "safe" {@code os} with only {@code time} and {@code date} — no {@code string}, {@code math}, {@code io},
 * {@code debug}, no file loading ({@code package} and {@code require}, which Argo CD opens to let a script
 * {@code require("os")}, are left out too: a Shield check loads nothing). A script that calls {@code string.format}
 * works in Argo CD's own test run (which opens every library) and fails in the controller; here it fails as in the
 * controller;</li>
 * <li>Lua 5.1 names the 5.2 library lacks ({@code table.getn}, {@code unpack}) shimmed, and the 5.2-only
 * {@code table.pack}/{@code table.unpack} removed, so a script passing here uses only what gopher-lua has;</li>
 * <li>the object converted as {@code decodeValue} does: maps to tables, lists to arrays from 1, numbers to numbers,
 * JSON null to nil; the global {@code obj};</li>
 * <li>the returned table read as {@code ExecuteHealthLua} reads it: a status outside Healthy, Progressing, Degraded,
 * Suspended, Missing, Unknown becomes Unknown with Argo CD's message; a missing message is empty.</li>
 * </ul>
 */
final class ArgoLua {

  /** What a health script returns, as Argo CD's HealthStatus. */
  record Health(String status, String message) {
  }

  static final Set<String> STATUSES = Set.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");
  /** gitops-engine's message for a status outside the set. */
  static final String INVALID_HEALTH_STATUS = "Lua returned an invalid health status";

  private ArgoLua() {
  }

  /** The health the script gives the object. */
  static Health health(String script, JsonNode object) {
    Globals globals = globals();
    globals.set("obj", toLua(object));
    LuaValue result;
    try {
      result = globals.load(script, "health.lua").call();
    } catch (LuaError e) {
      throw new AssertionError("the health script failed: " + e.getMessage(), e);
    }
    if (result.isnil()) {
      return new Health("", "");
    }
    if (!result.istable()) {
      throw new AssertionError("the health script returned a " + result.typename() + ", not a table");
    }
    String status = result.get("status").isnil() ? "" : result.get("status").tojstring();
    String message = result.get("message").isnil() ? "" : result.get("message").tojstring();
    if (!STATUSES.contains(status)) {
      return new Health("Unknown", INVALID_HEALTH_STATUS);
    }
    return new Health(status, message);
  }

  /** The globals of a controller-side health script. */
  static Globals globals() {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    // LuaJ's libraries register in package.loaded; the package library goes again below
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new JseOsLib());
    LoadState.install(globals);
    LuaC.install(globals);

    // gopher-lua's base library reads no files; Argo CD preloads nothing else
    globals.set("dofile", LuaValue.NIL);
    globals.set("loadfile", LuaValue.NIL);
    globals.set("require", LuaValue.NIL);
    globals.set("module", LuaValue.NIL);
    globals.set("package", LuaValue.NIL);

    LuaValue fullOs = globals.get("os");
    LuaTable safeOs = new LuaTable();
    safeOs.set("time", fullOs.get("time"));
    safeOs.set("date", fullOs.get("date"));
    globals.set("os", safeOs);

    LuaValue table = globals.get("table");
    LuaValue unpack = table.get("unpack");
    table.set("pack", LuaValue.NIL);
    table.set("unpack", LuaValue.NIL);
    table.set("getn", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return LuaValue.valueOf(args.checktable(1).length());
      }
    });
    globals.set("unpack", unpack);
    return globals;
  }

  /** decodeValue of util/lua/lua.go. */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable array = new LuaTable();
      int index = 1;
      for (JsonNode item : node) {
        array.set(index++, toLua(item));
      }
      return array;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
