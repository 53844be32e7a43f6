package io.cybershield.shield.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cybershield.shield.api.v1alpha1.model.spec.AccessRole;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimit;
import io.cybershield.shield.api.v1alpha1.model.spec.RateLimits;
import io.cybershield.shield.gateway.api.ApiException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rate limits of {@code spec.access.roles[].rateLimits}, in token buckets (Bucket4j) that refill greedily over a
 * minute: per principal (each caller holding the role) and per role (all its callers together), for requests and
 * for model tokens. A request is admitted only when every bucket it draws from has room; what it took from the
 * others is given back when one refuses. A refusal is 429 {@code RateLimited} with the seconds until the bucket has
 * room in {@code Retry-After}. Buckets are keyed by the limit they enforce, so a changed limit starts a fresh
 * bucket; unused ones are forgotten after ten minutes.
 */
@Singleton
public class RateLimiter {

  private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
      .expireAfterAccess(Duration.ofMinutes(10)).build();

  /** Tokens drawn for one request, to give back what it did not use. */
  public static final class Reservation {
    private final List<Bucket> drawn;
    private final long tokens;

    private Reservation(List<Bucket> drawn, long tokens) {
      this.drawn = drawn;
      this.tokens = tokens;
    }

    static final Reservation NONE = new Reservation(List.of(), 0);

    /** Gives back {@code unused} of the tokens drawn (at most what was drawn). */
    public void refund(long unused) {
      long back = Math.min(Math.max(0, unused), tokens);
      if (back > 0) {
        for (Bucket bucket : drawn) {
          bucket.addTokens(back);
        }
      }
    }
  }

  /** Admits one request of {@code principal} in {@code role}, or throws 429. */
  public void admitRequest(Principal principal, AccessRole role) {
    draw(principal, role, 1, "requests", RateLimit::requestsPerMinute);
  }

  /** Draws {@code tokens} model tokens for a request of {@code principal} in {@code role}, or throws 429. */
  public Reservation reserveTokens(Principal principal, AccessRole role, long tokens) {
    return draw(principal, role, Math.max(1, tokens), "tokens", RateLimit::tokensPerMinute);
  }

  private Reservation draw(Principal principal, AccessRole role, long amount, String what,
      Function<RateLimit, Integer> perMinute) {
    RateLimits limits = role == null ? null : role.rateLimits();
    if (limits == null) {
      return Reservation.NONE;
    }
    List<Bucket> drawn = new ArrayList<>(2);
    String roleName = role.name().name().toLowerCase(java.util.Locale.ROOT);
    drawFrom(drawn, limits.perPrincipal(), perMinute, amount, what,
        roleName + "|principal|" + principal.name(), "your " + what + " per minute as " + roleName);
    drawFrom(drawn, limits.perRole(), perMinute, amount, what, roleName + "|role",
        "the " + what + " per minute of all callers in the role " + roleName);
    return new Reservation(drawn, amount);
  }

  private void drawFrom(List<Bucket> drawn, RateLimit limit, Function<RateLimit, Integer> perMinute, long amount,
      String what, String key, String budget) {
    Integer capacity = limit == null ? null : perMinute.apply(limit);
    if (capacity == null) {
      return;
    }
    if (amount > capacity) {
      giveBack(drawn, amount);
      throw new ApiException(429, "RateLimited", "This request needs " + amount + " " + what + ", more than "
          + budget + " (" + capacity + ") allow at all; ask for fewer.", 60);
    }
    Bucket bucket = buckets.get(what + "|" + capacity + "|" + key, ignored -> Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(amount);
    if (!probe.isConsumed()) {
      giveBack(drawn, amount);
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw new ApiException(429, "RateLimited", "Rate limit reached: " + budget + " (" + capacity
          + ") are used up; retry in " + seconds + " s.", (int) Math.min(Integer.MAX_VALUE, seconds));
    }
    drawn.add(bucket);
  }

  private static void giveBack(List<Bucket> drawn, long amount) {
    for (Bucket bucket : drawn) {
      bucket.addTokens(amount);
    }
    drawn.clear();
  }
}
