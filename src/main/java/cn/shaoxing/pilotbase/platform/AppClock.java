package cn.shaoxing.pilotbase.platform;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application clock (ADR 0009): the engine's {@code ClockUtil}, so that timers, task dates and our
 * own records move together when a test moves time, and the one zone of the platform, Shaoxing's.
 */
public final class AppClock {

  /** Every date of the platform is a Shaoxing date, whatever zone the server runs in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private AppClock() {}

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Now, for a timestamp column of our own tables. */
  public static Timestamp timestamp() {
    return new Timestamp(now().getTime());
  }

  public static LocalDate today() {
    return dateOf(now());
  }

  public static LocalDate dateOf(Date instant) {
    return instant.toInstant().atZone(ZONE).toLocalDate();
  }

  /** 00:00 of a Shaoxing day, as the engine's Date. */
  public static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(ZONE).toInstant());
  }
}
