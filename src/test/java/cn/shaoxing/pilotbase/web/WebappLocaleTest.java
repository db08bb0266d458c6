package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import org.junit.jupiter.api.Test;

/** Tasklist, Cockpit, Admin and the welcome page speak Chinese to Chinese browsers. */
class WebappLocaleTest extends IntegrationTest {

  @Test
  void everyAppOffersChineseLabelsAndHidesTheMigrationBanner() throws Exception {
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
    var cockpit = rest.get("/camunda/app/cockpit/locales/zh.json", null);
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).contains("流程定义").contains("\"future\":\"%s后\"");
    assertThat(rest.get("/camunda/app/cockpit/scripts/config.js", null).body()).contains("availableLocales: ['en', 'zh']");
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      assertThat(rest.get("/camunda/app/" + app + "/styles/user-styles.css", null).body()).as(app)
          .contains(".ce-eol-banner");
    }
    assertThat(rest.get("/camunda/app/nosuchapp/locales/zh.json", null).statusCode()).isEqualTo(404);
  }

  @Test
  void ourPagesStylesheetIsServedWithoutLogin() {
    var css = new RestClient(baseUrl()).get("/css/pilotbase.css", null);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains("Noto Sans CJK SC");
  }
}
