package cn.shaoxing.pilotbase.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The account that acts for a designated base: it fills the self-evaluation, is told of a planned
 * revocation and states its case, and receives the base's results. In this order: the account
 * recorded for the base ({@code eva_base_account}, bases designated before the platform); else
 * the applicant account bound to the base's credit code ({@code org_account}, ADR 0006); else the
 * account that filed the application the base was designated from.
 */
@Service
public class BaseAccounts {

  private final JdbcTemplate jdbc;

  public BaseAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> accountOf(String baseId) {
    List<String> recorded = jdbc.queryForList(
        "SELECT user_id FROM eva_base_account WHERE base_id=?", String.class, baseId);
    if (!recorded.isEmpty()) {
      return Optional.of(recorded.get(0));
    }
    List<String> bound = jdbc.queryForList("SELECT o.user_id FROM reg_base b JOIN org_account o"
        + " ON o.credit_code = b.credit_code WHERE b.id=?", String.class, baseId);
    if (!bound.isEmpty()) {
      return Optional.of(bound.get(0));
    }
    return jdbc.queryForList("SELECT a.applicant_user_id FROM reg_base b JOIN dsg_application a"
        + " ON a.id = b.source_application WHERE b.id=?", String.class, baseId).stream().findFirst();
  }

  /** Records the account of a base (a base designated before the platform, or a new contact). */
  public void setAccount(String baseId, String userId) {
    if (jdbc.update("UPDATE eva_base_account SET user_id=? WHERE base_id=?", userId, baseId) == 0) {
      jdbc.update("INSERT INTO eva_base_account (base_id, user_id) VALUES (?,?)", baseId, userId);
    }
  }
}
