package cn.shaoxing.pilotbase.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with all Flyway migrations, for tests without a Spring context. */
public final class MigratedH2 {

  private MigratedH2() {}

  /** {@code options} are appended to the URL (e.g. {@code ";LOCK_TIMEOUT=10000"}). */
  public static DataSource create(String name, String options) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + "_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + options);
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration")
        .table("pilotbase_schema_history").load().migrate();
    return ds;
  }
}
