package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway migrations (all of db/migration, as the application runs them) on H2 and on a real
 * PostgreSQL (embedded), the seed equal to {@link DefaultIndicatorTable}, and bureau-only rule
 * changes through {@link ScoringConfigService}. No Spring context: DataSource + Flyway + JDBC only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringMigrationDbTest {

  EmbeddedPostgres postgres;
  DataSource h2;
  DataSource pg;

  static final ScoringActor BUREAU = new ScoringActor("bureau1", List.of("bureau"));
  static final ScoringActor EXPERT = new ScoringActor("expert1", List.of("expert"));

  @BeforeAll
  void start() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:scoring_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    h2 = ds;
    postgres = EmbeddedPostgres.start();
    pg = postgres.getPostgresDatabase();
    for (DataSource d : List.of(h2, pg)) {
      Flyway.configure().dataSource(d).locations("classpath:db/migration")
          .table("pilotbase_schema_history").load().migrate();
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", pg));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void seedEqualsTheDefaultRuleSetAndBureauCanChangeIt(String name, DataSource ds) {
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    ScoringConfigService service = new ScoringConfigService(new JdbcScoringRepository(jdbc));

    IndicatorTable seeded = service.currentTable();
    seeded.validate();
    assertThat(seeded.version()).isZero();
    assertThat(seeded.settings()).isEqualTo(ScoringSettings.defaults());
    assertThat(seeded.indicators()).isEqualTo(DefaultIndicatorTable.indicators());

    // only the bureau may change a rule
    ScoringRule steeper = new ScoringRule.Linear(new BigDecimal("200"), new BigDecimal("3000"));
    assertThatThrownBy(() -> service.updateRule("serviceIncome", steeper, "调整", EXPERT))
        .isInstanceOf(ScoringAccessDeniedException.class).hasMessage("只有市科技局可以修改评分规则");
    assertThatThrownBy(() -> service.updateRule("serviceIncome", steeper, " ", BUREAU))
        .isInstanceOf(ScoringValidationException.class).hasMessage("修改评分规则须说明理由");
    assertThatThrownBy(() -> service.updateRule("serviceIncome",
        new ScoringRule.Linear(new BigDecimal("3000"), new BigDecimal("200")), "调整", BUREAU))
        .hasMessage("指标“中试服务收入”的线性规则上限200须大于下限3000");
    assertThatThrownBy(() -> service.updateRule("socialBenefit", new ScoringRule.RatioToBest(), "调整", BUREAU))
        .hasMessage("加分项“社会经济效益”只能由专家酌情赋分");
    assertThatThrownBy(() -> service.updateRule("managementRules", new ScoringRule.RatioToBest(), "调整", BUREAU))
        .hasMessage("指标“相关管理服务制度情况”没有计量单位，只能由专家评分");
    assertThatThrownBy(() -> service.updateRule("profit", steeper, "调整", BUREAU))
        .hasMessage("未知的评价指标：profit");
    assertThat(service.currentTable()).isEqualTo(seeded);

    IndicatorTable v1 = service.updateRule("serviceIncome", steeper, "2026年起提高服务收入满分标准", BUREAU);
    assertThat(v1.version()).isEqualTo(seeded.version() + 1);
    assertThat(v1.get("serviceIncome").ruleDescription())
        .isEqualTo("线性：≤200万元得0分，≥3000万元得满分20分，其间按比例计分");

    // LINEAR → TIERS and back: tiers are stored and reloaded in order
    ScoringRule tiers = new ScoringRule.Tiers(ScoringRule.tiers("100", "5", "500", "10", "2000", "20"));
    IndicatorTable v2 = service.updateRule("serviceIncome", tiers, "改为分档", BUREAU);
    assertThat(v2.get("serviceIncome").rule()).isEqualTo(tiers);
    IndicatorTable v3 = service.updateRule("siteArea", new ScoringRule.Linear(BigDecimal.ZERO, new BigDecimal("4000")),
        "场地面积改为线性", BUREAU);
    assertThat(v3.get("siteArea").rule().kind()).isEqualTo(RuleKind.LINEAR);

    ScoringSettings s = new ScoringSettings(true, 7, new BigDecimal("25"), new BigDecimal("8"));
    assertThatThrownBy(() -> service.updateSettings(s, "调整", EXPERT)).isInstanceOf(ScoringAccessDeniedException.class);
    IndicatorTable v4 = service.updateSettings(s, "专家组扩大到7人", BUREAU);
    assertThat(v4.settings()).isEqualTo(s);

    List<RuleChange> changes = service.changes();
    assertThat(changes).hasSize(4);
    assertThat(changes.get(0).target()).isEqualTo("settings");
    assertThat(changes.get(3).oldValue()).isEqualTo("线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分");
    assertThat(changes.get(3).reason()).isEqualTo("2026年起提高服务收入满分标准");
    assertThat(changes.get(3).changedBy()).isEqualTo("bureau1");

    // the changed table still scores
    v4.validate();
  }
}
