package cn.shaoxing.pilotbase.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scoring configuration over HTTP on the running application (PostgreSQL): read by any
 * signed-in user, changed by the bureau only; and the grade decision as deployed in the engine.
 */
class ScoringApiTest extends IntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired GradingService gradingService;
  @Autowired GradeDecision gradeDecision;
  @Autowired ScoringConfigService config;

  @Test
  void anyoneSignedInReadsTheTable() throws Exception {
    assertThat(send("GET", "/api/scoring/indicators", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> r = send("GET", "/api/scoring/indicators", "expert1:demo", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("中试服务收入").contains("线性：≤100万元得0分，≥2000万元得满分20分，其间按比例计分");
  }

  @Test
  void onlyTheBureauChangesARule() throws Exception {
    String body = "{\"rule\":{\"kind\":\"LINEAR\",\"floor\":50,\"cap\":600},\"reason\":\"提高研发费用满分标准\"}";
    HttpResponse<String> expert = send("PUT", "/api/scoring/indicators/rdSpend/rule", "expert1:demo", body);
    assertThat(expert.statusCode()).isEqualTo(403);
    assertThat(expert.body()).contains("只有市科技局可以修改评分规则");

    HttpResponse<String> invalid = send("PUT", "/api/scoring/indicators/rdSpend/rule", "bureau1:demo",
        "{\"rule\":{\"kind\":\"LINEAR\",\"floor\":600,\"cap\":50},\"reason\":\"x\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("指标“中试基地研发费用”的线性规则上限50须大于下限600");

    HttpResponse<String> ok = send("PUT", "/api/scoring/indicators/rdSpend/rule", "bureau1:demo", body);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("线性：≤50万元得0分，≥600万元得满分5分");
    assertThat(config.currentTable().get("rdSpend").rule())
        .isEqualTo(new ScoringRule.Linear(new BigDecimal("50"), new BigDecimal("600")));
    assertThat(send("GET", "/api/scoring/changes", "bureau2:demo", null).body()).contains("提高研发费用满分标准");

    // restore the default for other tests sharing the database
    config.updateRule("rdSpend", DefaultIndicatorTable.table().get("rdSpend").rule(), "测试后恢复默认",
        new ScoringActor("bureau1", List.of("bureau")));
  }

  @Test
  void deployedDecisionGradesAndTheQuotaHolds() {
    assertThat(gradeDecision).isInstanceOf(EngineGradeDecision.class);
    assertThat(gradeDecision.gradeFor(new BigDecimal("85"))).isEqualTo(Grade.EXCELLENT);
    assertThat(gradeDecision.gradeFor(new BigDecimal("84.99"))).isEqualTo(Grade.GOOD);
    assertThat(gradeDecision.gradeFor(new BigDecimal("60"))).isEqualTo(Grade.PASS);
    assertThat(gradeDecision.gradeFor(new BigDecimal("59.99"))).isEqualTo(Grade.FAIL);
    var p = gradingService.formGrades(List.of(
        new GradingService.Candidate("a", "甲", new BigDecimal("95")),
        new GradingService.Candidate("b", "乙", new BigDecimal("90")),
        new GradingService.Candidate("c", "丙", new BigDecimal("70"))), List.of(), new BigDecimal("30"));
    assertThat(p.excellentQuota()).isEqualTo(1);
    assertThat(p.base("b").grade()).isEqualTo(Grade.GOOD);
  }

  HttpResponse<String> send(String method, String path, String basic, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    if (basic != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
