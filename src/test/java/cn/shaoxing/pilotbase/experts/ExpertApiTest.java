package cn.shaoxing.pilotbase.experts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bureau maintains the expert pool through /api/experts; nobody else may. */
class ExpertApiTest extends IntegrationTest {

  @Autowired ExpertPoolService pool;

  @Test
  void bureauMaintainsThePoolWithValidatedInput() {
    RestClient rest = new RestClient(baseUrl());
    String body = """
        {"name": "钱专家", "organisation": "浙江大学绍兴研究院", "orgCreditCode": "12330000MB0000001X",
         "specialities": ["集成电路", "新材料"], "email": "expert1@pilotbase.example.cn", "phone": "0575-88000000"}""";
    assertThat(rest.putJson("/api/experts/expert1", "keqiao1", body).statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/experts", "expert1").statusCode()).isEqualTo(403);
    assertThat(rest.get("/api/experts", null).statusCode()).isEqualTo(401);

    var bad = rest.putJson("/api/experts/keqiao1", "bureau1",
        body.replace("钱专家", "").replace("12330000MB0000001X", "123").replace("[\"集成电路\", \"新材料\"]", "[]"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("EXPERT_INVALID").contains("不在“评审专家”组").contains("姓名为必填项")
        .contains("信用代码格式不正确").contains("至少填写一个专业领域");
    assertThat(pool.find("keqiao1")).isEmpty();

    var ok = rest.putJson("/api/experts/expert1", "bureau1", body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(pool.find("expert1")).hasValueSatisfying(e -> {
      assertThat(e.organisation()).isEqualTo("浙江大学绍兴研究院");
      assertThat(e.specialities()).containsExactly("集成电路", "新材料");
    });
    assertThat(rest.get("/api/experts", "bureau1").body()).contains("浙江大学绍兴研究院");

    var badConflict = rest.postJson("/api/experts/expert1/conflicts", "bureau1", "{\"creditCode\": \"x\", \"reason\": \"\"}");
    assertThat(badConflict.statusCode()).isEqualTo(400);
    assertThat(badConflict.body()).contains("回避理由为必填项");
    var conflict = rest.postJson("/api/experts/expert1/conflicts", "bureau1",
        "{\"creditCode\": \"91330600MA2BXXXX0Y\", \"reason\": \"曾在该单位任职\"}");
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(200);
    assertThat(pool.hasConflict("expert1", "91330600MA2BXXXX0Y")).isTrue();
  }

  private Expert original;

  @org.junit.jupiter.api.BeforeEach
  void remember() {
    original = pool.find("expert1").orElse(null);
  }

  @org.junit.jupiter.api.AfterEach
  void restore() {
    if (original != null) {
      pool.save(original);
    }
  }
}
