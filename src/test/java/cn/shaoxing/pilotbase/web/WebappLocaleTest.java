package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import org.junit.jupiter.api.Test;

/** Tasklist, Admin and the welcome page speak Chinese to Chinese browsers. */
class WebappLocaleTest extends IntegrationTest {

  @Test
  void tasklistOffersChineseLabelsWithEnglishForNewKeys() throws Exception {
    RestClient rest = new RestClient(baseUrl());
    var config = rest.get("/camunda/app/tasklist/scripts/config.js", null);
    assertThat(config.body()).contains("availableLocales: ['en', 'zh']");

    var zh = rest.get("/camunda/app/tasklist/locales/zh.json", null);
    assertThat(zh.statusCode()).isEqualTo(200);
    var labels = new com.fasterxml.jackson.databind.ObjectMapper().readTree(zh.body()).path("labels");
    assertThat(labels.path("TASKLIST_APP").asText()).isEqualTo("任务列表");
    var en = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(rest.get("/camunda/app/tasklist/locales/en.json", null).body().replace("\uFEFF", "")).path("labels");
    assertThat(labels.size()).as("every English key has a label").isEqualTo(en.size());

    assertThat(rest.get("/camunda/app/admin/locales/zh.json", null).body()).contains("管理台");
    assertThat(rest.get("/camunda/app/cockpit/locales/zh.json", null).statusCode()).isEqualTo(404);
  }

  @Test
  void ourPagesStylesheetIsServedWithoutLogin() {
    var css = new RestClient(baseUrl()).get("/css/pilotbase.css", null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains("Noto Sans CJK SC");
  }
}
