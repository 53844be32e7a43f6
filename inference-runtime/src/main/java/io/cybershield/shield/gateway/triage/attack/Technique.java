package io.cybershield.shield.gateway.triage.attack;

import java.util.List;

/**
 * An ATT&CK Enterprise technique or sub-technique, as findings name it.
 *
 * @param id {@code T1059} or {@code T1059.001}
 * @param name {@code PowerShell}
 * @param tactics the tactics it serves, in the catalog's order
 * @param subtechnique true for {@code Tnnnn.nnn}
 * @param url its page on attack.mitre.org
 */
public record Technique(String id, String name, List<Tactic> tactics, boolean subtechnique, String url) {

  public Technique {
    tactics = List.copyOf(tactics);
  }

  /** The technique a sub-technique belongs to ({@code T1059.001} → {@code T1059}); a technique is its own parent. */
  public String parentId() {
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }
}
