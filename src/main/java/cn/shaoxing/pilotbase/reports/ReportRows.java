package cn.shaoxing.pilotbase.reports;

import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.platform.AppClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the rows of an export as a stream: the driver fetches {@value #FETCH} rows at a time (on
 * PostgreSQL inside the export's read-only transaction, which makes it use a cursor) and each row
 * goes to the sheet before the next is read, so no list of the whole export is built.
 */
@Component
class ReportRows {

  static final int FETCH = 200;

  private final JdbcTemplate jdbc;

  ReportRows(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH);
  }

  void each(String sql, RowCallbackHandler row, Object... args) {
    jdbc.query(sql, row, args);
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /**
   * Expert names from the pool by user id (a small table), for the roles that may see who scored
   * (ADR 0030: bureau, party committee, administrators); a scorer not in the pool (the third party's
   * user) keeps its user id.
   */
  Map<String, String> expertNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.query("SELECT user_id, name FROM exp_expert", (RowCallbackHandler) rs ->
        names.put(rs.getString(1), rs.getString(2)));
    return names;
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  static LocalDate dayOf(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant().atZone(AppClock.ZONE).toLocalDate();
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** 推荐单位: the district or competent unit's Chinese name. */
  static String reviewer(String group) {
    return Role.byGroupId(group).map(Role::chineseName).orElse(group);
  }
}
