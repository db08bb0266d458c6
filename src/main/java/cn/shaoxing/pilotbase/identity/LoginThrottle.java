package cn.shaoxing.pilotbase.identity;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed-login counters per client address, in memory (one node; a restart forgets them, which only
 * lifts a temporary refusal early). The engine itself only delays the next login of a user by a few
 * seconds (its permanent lock is switched off, see application.yaml), so this is what stops guessing.
 *
 * <p>Two counters per failure, because a permanent or address-wide lock could be used against
 * others: (address, user name) is refused after {@code maxFailuresPerUser} failures, so a guesser is
 * stopped on the account it attacks while the same office (or every test of the suite, all from
 * 127.0.0.1) keeps logging in with other names; the address as a whole is refused after the larger
 * {@code maxFailuresPerAddress} failures, which stops password spraying over many user names. A
 * refusal lasts {@code firstBlock} and doubles with every failure after it (the failures during a
 * refusal are not even tried), up to {@code maxBlock}; counters are forgotten after {@code window}
 * without failure or refusal. A successful login clears its (address, user name) counter only: a
 * success must not let one valid account reset the address-wide count of a sprayer.
 *
 * <p>Time follows Camunda's clock ({@code platform.AppClock}, over {@code ClockUtil}), like the engine's own login delay, so tests can move it.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  /** Above this many counters, expired ones are dropped at the next failure. */
  private static final int PRUNE_ABOVE = 10_000;

  /** One user name from one address; {@code user == null}: the address as a whole. */
  private record Key(String address, String user) {}

  private record Counter(int failures, Instant last, Instant blockedUntil) {}

  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final LoginThrottleProperties settings;
  private final Supplier<Instant> clock;

  @Autowired
  public LoginThrottle(LoginThrottleProperties settings) {
    this(settings, () -> AppClock.now().toInstant());
  }

  LoginThrottle(LoginThrottleProperties settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long logins of {@code user} from {@code address} are still refused; zero when they may try. */
  public Duration retryAfter(String address, String user) {
    if (!settings.enabled()) {
      return Duration.ZERO;
    }
    Instant now = clock.get();
    Duration forUser = remaining(counters.get(new Key(address, name(user))), now);
    Duration forAddress = remaining(counters.get(new Key(address, null)), now);
    return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
  }

  /** A login of {@code user} from {@code address} was refused by the engine (wrong password, unknown user). */
  public void failed(String address, String user) {
    if (!settings.enabled()) {
      return;
    }
    Instant now = clock.get();
    count(new Key(address, name(user)), settings.maxFailuresPerUser(), now);
    count(new Key(address, null), settings.maxFailuresPerAddress(), now);
    if (counters.size() > PRUNE_ABOVE) {
      counters.values().removeIf(c -> expired(c, now));
    }
  }

  /** A login of {@code user} from {@code address} succeeded. */
  public void succeeded(String address, String user) {
    counters.remove(new Key(address, name(user)));
  }

  /** Forgets the counters of a user name from every address; returns how many there were. */
  public int clearUser(String user) {
    String name = name(user);
    int before = counters.size();
    counters.keySet().removeIf(k -> name.equals(k.user()));
    return before - counters.size();
  }

  /** Forgets every counter of an address (its own and those of user names from it). */
  public int clearAddress(String address) {
    int before = counters.size();
    counters.keySet().removeIf(k -> k.address().equals(address));
    return before - counters.size();
  }

  private void count(Key key, int threshold, Instant now) {
    Counter after = counters.compute(key, (k, c) -> {
      int failures = (c == null || expired(c, now)) ? 1 : c.failures() + 1;
      Instant blockedUntil = failures >= threshold ? now.plus(block(failures - threshold)) : Instant.MIN;
      return new Counter(failures, now, blockedUntil);
    });
    if (after.blockedUntil().isAfter(now)) {
      LOG.warn("登录失败次数过多，暂停受理：地址 {}，用户 {}，失败 {} 次，{} 秒后可再试", key.address(),
          key.user() == null ? "（全部用户）" : key.user(), after.failures(),
          Duration.between(now, after.blockedUntil()).toSeconds());
    }
  }

  /** firstBlock × 2^extra, capped at maxBlock. */
  Duration block(int extra) {
    Duration d = settings.firstBlock().multipliedBy(1L << Math.min(extra, 30));
    return d.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : d;
  }

  private boolean expired(Counter c, Instant now) {
    Instant lastActivity = c.blockedUntil().isAfter(c.last()) ? c.blockedUntil() : c.last();
    return now.isAfter(lastActivity.plus(settings.window()));
  }

  private static Duration remaining(Counter c, Instant now) {
    return c != null && c.blockedUntil().isAfter(now) ? Duration.between(now, c.blockedUntil()) : Duration.ZERO;
  }

  /** User ids are compared case-insensitively, so "Admin" and "admin" share a counter. */
  private static String name(String user) {
    return user == null ? "" : user.toLowerCase(Locale.ROOT);
  }
}
