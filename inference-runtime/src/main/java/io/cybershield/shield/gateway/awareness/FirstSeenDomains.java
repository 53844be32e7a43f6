package io.cybershield.shield.gateway.awareness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sender domains this gateway replica has seen, the least recently seen forgotten first once {@code capacity}
 * are held. It knows only what passed through this replica since it started: another replica, or a restart, has
 * its own memory. So a domain is called new only once the store has seen {@code warmup} emails — before that every
 * domain would be "new" — and the sign weighs little: it says "not seen here lately", not "registered yesterday"
 * (the {@code X-Domain-Age} hint says that).
 */
public final class FirstSeenDomains {

  private final int warmup;
  private final Map<String, Boolean> seen;
  private long observed;

  public FirstSeenDomains(int capacity, int warmup) {
    this.warmup = warmup;
    this.seen = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** A store that never calls a domain new (for analyses that must not depend on what came before). */
  public static FirstSeenDomains disabled() {
    return new FirstSeenDomains(0, Integer.MAX_VALUE);
  }

  /** Records an email from {@code domain}; whether the domain is new here (and the store warm enough to say so). */
  public synchronized boolean firstSeen(String domain) {
    if (domain == null) {
      return false;
    }
    boolean known = seen.put(domain, Boolean.TRUE) != null;
    boolean warm = observed >= warmup;
    observed++;
    return warm && !known;
  }

  public synchronized int size() {
    return seen.size();
  }
}
