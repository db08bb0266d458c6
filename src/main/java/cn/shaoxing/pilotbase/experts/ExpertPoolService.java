package cn.shaoxing.pilotbase.experts;

import cn.shaoxing.pilotbase.platform.AppClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expert pool (专家库): experts, declared conflicts of interest, random panel draws with a
 * recorded seed, and declines that trigger a redraw.
 *
 * <p>Draws of one case are serialised: the initial draw and every redraw first lock the case's row
 * in {@code exp_case_lock} (SELECT ... FOR UPDATE, held until the transaction ends) and only then
 * read who was drawn before. Two experts declining at the same moment are therefore replaced one
 * after the other, and the second replacement excludes the first.
 */
@Service
public class ExpertPoolService {

  public static final String DRAW_INITIAL = "INITIAL";
  public static final String DRAW_REPLACEMENT = "REPLACEMENT";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final SecureRandom seeds = new SecureRandom();

  public ExpertPoolService(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Transactional
  public void save(Expert e) {
    int n =
        jdbc.update(
            "UPDATE exp_expert SET name=?, organisation=?, org_credit_code=?, specialities=?,"
                + " email=?, phone=?, active=? WHERE user_id=?",
            e.name(), e.organisation(), e.orgCreditCode(), String.join(",", e.specialities()),
            e.email(), e.phone(), e.active(), e.userId());
    if (n == 0) {
      jdbc.update(
          "INSERT INTO exp_expert (user_id, name, organisation, org_credit_code, specialities,"
              + " email, phone, active) VALUES (?,?,?,?,?,?,?,?)",
          e.userId(), e.name(), e.organisation(), e.orgCreditCode(),
          String.join(",", e.specialities()), e.email(), e.phone(), e.active());
    }
  }

  public List<Expert> list() {
    return jdbc.query("SELECT * FROM exp_expert ORDER BY user_id", ExpertPoolService::map);
  }

  private static Expert map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Expert(
        rs.getString("user_id"),
        rs.getString("name"),
        rs.getString("organisation"),
        rs.getString("org_credit_code"),
        Expert.splitSpecialities(rs.getString("specialities")),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getBoolean("active"));
  }

  public Optional<Expert> find(String userId) {
    return jdbc.query("SELECT * FROM exp_expert WHERE user_id=?", ExpertPoolService::map, userId).stream().findFirst();
  }

  /** Records that an expert has a conflict of interest with an organisation. */
  @Transactional
  public void declareConflict(String userId, String creditCode, String reason) {
    jdbc.update(
        "INSERT INTO exp_conflict (id, user_id, credit_code, reason, declared_at) VALUES (?,?,?,?,?)",
        UUID.randomUUID().toString(), userId, creditCode, reason, AppClock.timestamp());
  }

  public boolean hasConflict(String userId, String creditCode) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM exp_conflict WHERE user_id=? AND credit_code=?",
            Integer.class, userId, creditCode);
    return n != null && n > 0;
  }

  /** Draws the initial panel for a case with a fresh random seed. */
  @Transactional
  public DrawResult drawPanel(DrawCase c, int size) {
    lockCase(c.caseRef());
    return draw(c, size, Set.of(), DRAW_INITIAL, seeds.nextLong());
  }

  /**
   * Records that {@code userId} declined the case and draws one replacement, excluding everyone
   * already on the panel, everyone drawn for the case before (read under the case lock, so a
   * replacement drawn by a concurrent decline is seen) and everyone who declined before.
   */
  @Transactional
  public DrawResult declineAndRedraw(
      DrawCase c, String userId, DeclineKind kind, String reason, List<String> currentPanel) {
    lockCase(c.caseRef());
    jdbc.update(
        "INSERT INTO exp_decline (id, case_ref, user_id, kind, reason, declined_at) VALUES (?,?,?,?,?,?)",
        UUID.randomUUID().toString(), c.caseRef(), userId, kind.name(), reason, AppClock.timestamp());
    if (kind == DeclineKind.CONFLICT && c.orgCreditCode() != null) {
      declareConflict(userId, c.orgCreditCode(), reason);
    }
    Set<String> onPanel = new HashSet<>(currentPanel);
    draws(c.caseRef()).forEach(d -> onPanel.addAll(d.chosen()));
    return draw(c, 1, onPanel, DRAW_REPLACEMENT, seeds.nextLong());
  }

  /**
   * Locks the case's row until the transaction ends, creating it on the case's first draw. When two
   * transactions create it at the same moment, the second insert fails on the primary key (after
   * the first commits) inside a savepoint, and it then waits for and takes the lock as usual.
   */
  private void lockCase(String caseRef) {
    if (!lockCaseRow(caseRef)) {
      try {
        savepoint.executeWithoutResult(s -> jdbc.update(
            "INSERT INTO exp_case_lock (case_ref, created_at) VALUES (?,?)", caseRef, AppClock.timestamp()));
      } catch (DuplicateKeyException e) {
        // created by a concurrent first draw of the same case: lock it below
      }
      if (!lockCaseRow(caseRef)) {
        throw new IllegalStateException("抽取专家失败：无法锁定抽取记录 " + caseRef);
      }
    }
  }

  private boolean lockCaseRow(String caseRef) {
    return !jdbc.queryForList("SELECT case_ref FROM exp_case_lock WHERE case_ref=? FOR UPDATE",
        String.class, caseRef).isEmpty();
  }

  /** Visible for audit tests: a draw with a given seed. */
  @Transactional
  public DrawResult draw(DrawCase c, int size, Set<String> onPanel, String kind, long seed) {
    Map<String, String> excluded = new LinkedHashMap<>();
    List<PanelDraw.Candidate> eligible = new ArrayList<>();
    Set<String> declined =
        Set.copyOf(
            jdbc.queryForList(
                "SELECT user_id FROM exp_decline WHERE case_ref=?", String.class, c.caseRef()));
    for (Expert e : list()) {
      String why = exclusionReason(e, c, onPanel, declined);
      if (why != null) {
        excluded.put(e.userId(), why);
      } else {
        eligible.add(new PanelDraw.Candidate(e.userId(), e.covers(c.industryChain())));
      }
    }
    List<String> chosen = PanelDraw.choose(eligible, seed, size);
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO exp_draw (id, case_ref, kind, seed, requested, eligible_pool, excluded, chosen,"
            + " drawn_at) VALUES (?,?,?,?,?,?,?,?,?)",
        id, c.caseRef(), kind, seed, size,
        eligible.stream()
            .map(x -> x.userId() + ":" + (x.specialityMatch() ? 1 : 0))
            .collect(Collectors.joining(",")),
        excluded.entrySet().stream()
            .map(x -> x.getKey() + "=" + x.getValue())
            .collect(Collectors.joining(";")),
        String.join(",", chosen),
        AppClock.timestamp());
    return new DrawResult(id, seed, eligible, excluded, chosen);
  }

  /** The recorded draws of a case, oldest first. */
  public List<DrawResult> draws(String caseRef) {
    return jdbc.query(
        "SELECT * FROM exp_draw WHERE case_ref=? ORDER BY drawn_at, kind",
        (rs, i) ->
            new DrawResult(
                rs.getString("id"),
                rs.getLong("seed"),
                parsePool(rs.getString("eligible_pool")),
                parseExcluded(rs.getString("excluded")),
                Arrays.stream(rs.getString("chosen").split(",")).filter(s -> !s.isEmpty()).toList()),
        caseRef);
  }

  private String exclusionReason(Expert e, DrawCase c, Set<String> onPanel, Set<String> declined) {
    if (!e.active()) {
      return "已停用";
    }
    if (onPanel.contains(e.userId())) {
      return "已在本专家组";
    }
    if (declined.contains(e.userId())) {
      return "已回避或谢绝本项评审";
    }
    if (c.orgCreditCode() != null && c.orgCreditCode().equals(e.orgCreditCode())) {
      return "与申报单位为同一单位";
    }
    if (c.orgName() != null && c.orgName().equals(e.organisation())) {
      return "与申报单位为同一单位";
    }
    if (c.orgCreditCode() != null && hasConflict(e.userId(), c.orgCreditCode())) {
      return "已声明利益冲突";
    }
    return null;
  }

  private static List<PanelDraw.Candidate> parsePool(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(","))
        .map(x -> x.split(":"))
        .map(p -> new PanelDraw.Candidate(p[0], "1".equals(p[1])))
        .toList();
  }

  private static Map<String, String> parseExcluded(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    if (s != null && !s.isBlank()) {
      for (String part : s.split(";")) {
        int eq = part.indexOf('=');
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }

}
