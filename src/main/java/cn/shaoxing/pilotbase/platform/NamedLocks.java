package cn.shaoxing.pilotbase.platform;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Database row locks by name (table {@code pb_lock}, rows created by Flyway V32): {@link #lock}
 * holds the row until the surrounding transaction ends, so whoever takes the same lock meanwhile
 * waits and then sees what the first one committed. Works alike on H2 and PostgreSQL, and across
 * application nodes sharing one database.
 */
@Component
public class NamedLocks {

  private final JdbcTemplate jdbc;

  public NamedLocks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks {@code name} until the current transaction commits or rolls back (there must be one). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(String name) {
    List<String> rows = jdbc.queryForList(
        "SELECT lock_name FROM pb_lock WHERE lock_name=? FOR UPDATE", String.class, name);
    if (rows.isEmpty()) {
      throw new IllegalStateException("pb_lock has no row '" + name + "' (Flyway migration V32 missing?)");
    }
  }
}
