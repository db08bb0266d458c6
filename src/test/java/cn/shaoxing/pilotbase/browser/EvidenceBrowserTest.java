package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.AsyncSteps;
import cn.shaoxing.pilotbase.experts.Expert;
import cn.shaoxing.pilotbase.experts.ExpertPoolService;
import cn.shaoxing.pilotbase.organisation.CreditCode;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10: evidence files in Tasklist (docs/evidence.md, ADR 0014). An applicant uploads a PDF
 * and a PNG (and the other conditions' files) through the iframe of the application start form and
 * submits; the district and the third party open them from their tasks; an expert drawn for the
 * case opens them; an expert not drawn and another applicant are refused, on the page and by the
 * file's address; the bureau reads who downloaded what. Screenshots:
 * target/screenshots/EvidenceBrowserTest/.
 *
 * <p>Needs the evidence API of docs/evidence.md ({@code /api/evidence/**} with the Tasklist
 * session). The round has a year of its own (next year), so the walk of DesignationRoundBrowserTest
 * (this year) is not disturbed; the applicant is applicant3 (上虞区), whom no other walk designates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceBrowserTest extends BrowserWalk {

  @RegisterExtension static final Browser browser = new Browser();

  @Override
  Browser browser() {
    return browser;
  }

  @Autowired ExpertPoolService experts;

  final ObjectMapper json = new ObjectMapper();
  final LocalDate today = LocalDate.now(cn.shaoxing.pilotbase.platform.AppClock.ZONE);
  final int year = today.getYear() + 1;
  final String org = "上虞绿色化工中试有限公司";
  final String code = CreditCode.withCheckDigit("91330604MA2BRW003");
  static final String PDF_NAME = "营业执照及信用报告.pdf";
  static final String PNG_NAME = "中试车间照片.png";

  Path pdf;
  Path png;
  final List<Path> otherConditions = new ArrayList<>();
  String roundId;
  String applicationInstance;
  String applicationId;
  String evaluationInstance;
  /** The file addresses as the evidence API lists them: PDF, PNG. */
  String pdfUrl;
  String pngUrl;

  @Test
  @Order(1)
  void theBureauOpensARound() throws Exception {
    tasklist = new Tasklist(browser, baseUrl()).withJobExecutor(() -> AsyncSteps.settle(engine));
    rest = new RestClient(baseUrl());
    writeFiles();
    seedExpertPool();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-round")
        .variableValueEquals("roundYear", year).count()).as("本测试的评选年度 %s 尚无评选", year).isZero();
    tasklist.login("bureau1");
    FormJs form = tasklist.startProcess("年度中试基地评选");
    form.text("评选年度", year)
        .date("申报截止日期", today.plusDays(14).toString())
        .text("每个申报的评审专家人数", 3)
        .text("形式审查补正期限（工作日）", 5)
        .text("评选通知正文", year + "年度中试基地评选通知（佐证材料测试）");
    tasklist.submitStartForm();
    roundId = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("designation-round")
        .variableValueEquals("roundYear", year).singleResult().getId();
  }

  @Test
  @Order(2)
  void theApplicantUploadsAPdfAndAPngThroughTheStartFormAndSubmits() {
    tasklist.login("applicant3");
    FormJs f = tasklist.startProcess("中试基地申报");
    fillApplication(f);
    browser.shot("申报单位填写申报表");

    EvidenceFrame ev = EvidenceFrame.enter(browser, f);
    assertThat(ev.state()).as("佐证材料页：%s", ev.text()).isEqualTo("loaded");
    assertThat(ev.mark("cond1")).isEqualTo("缺少");
    browser.shot("申报表中的佐证材料：六项参评条件缺少");
    ev.upload("cond1", pdf);
    ev.upload("cond2", png);
    String[] rest = {"cond3", "cond4", "cond5", "cond6"};
    for (int i = 0; i < rest.length; i++) {
      ev.upload(rest[i], otherConditions.get(i));
    }
    assertThat(ev.fileNames("cond1")).containsExactly(PDF_NAME);
    assertThat(ev.fileNames("cond2")).containsExactly(PNG_NAME);
    for (String s : List.of("cond1", "cond2", "cond3", "cond4", "cond5", "cond6")) {
      assertThat(ev.mark(s)).as(s).isEqualTo("已上传");
    }
    assertThat(ev.text()).contains("未封存", "删除");
    ev.viewImage("cond2", PNG_NAME);
    browser.shot("申报单位在表单内上传PDF和PNG并查看图片");
    ev.closeViewer();
    ev.leave();

    tasklist.submitStartForm();
    ProcessInstance app = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-application").processInstanceBusinessKey(year + "-" + code).singleResult();
    assertThat(app).as("申报流程实例").isNotNull();
    applicationInstance = app.getId();
    applicationId = (String) engine.getRuntimeService().getVariable(applicationInstance, "applicationId");
    assertThat(applicationId).isNotBlank();

    // the draft became the application's evidence, sealed with the submitted start form
    JsonNode c = caseAs("bureau1");
    JsonNode cond1 = slot(c, "cond1");
    assertThat(cond1.path("files")).hasSize(1);
    assertThat(cond1.path("files").get(0).path("name").asText()).isEqualTo(PDF_NAME);
    assertThat(cond1.path("files").get(0).path("sealed").asBoolean()).as("提交后封存").isTrue();
    pdfUrl = fileUrl(cond1.path("files").get(0));
    pngUrl = fileUrl(slot(c, "cond2").path("files").get(0));
  }

  @Test
  @Order(3)
  void theDistrictOpensTheFilesFromItsReviewTaskAndRecommends() {
    tasklist.login("shangyu1");
    Task review = task(applicationInstance, "Task_DistrictReview");
    FormJs form = openGroupTask("shangyu1", review);
    EvidenceFrame ev = EvidenceFrame.enter(browser, form);
    assertOpensBothFiles(ev, "上虞区科技局");
    assertThat(ev.text()).as("查看模式没有上传和删除").doesNotContain("选择文件上传", "删除");
    browser.shot("区县审核任务中查看申报单位的佐证材料");
    ev.leave();

    tasklist.claim();
    tasklist.taskForm().checkbox("材料真实", true).checkbox("材料完整", true).checkbox("材料规范，符合参评条件", true)
        .option("审核结论", "推荐")
        .text("审核意见（退回或不予推荐时必填，申报单位可见）", "佐证材料齐全，同意推荐");
    tasklist.complete();
    assertThat(history(applicationInstance).getEndActivityId()).isEqualTo("EndEvent_Recommended");

    operatorFiresTimer(roundId, "Timer_ApplicationDeadline");
    // the districts rank their recommendations (walked in the browser by DesignationRoundBrowserTest)
    cn.shaoxing.pilotbase.support.DesignationTestSupport.rankAll(engine, roundId);
    tasklist.login("bureau1");
    openGroupTask("bureau1", task(roundId, "Task_ConfirmRecommendations"));
    tasklist.claim();
    tasklist.taskForm().checkbox("确认推荐已汇总完毕", true);
    tasklist.complete();
    evaluationInstance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("designation-evaluation").superProcessInstanceId(roundId).singleResult().getId();
  }

  @Test
  @Order(4)
  void theThirdPartyOpensTheFilesInTheFormalReviewAndPasses() {
    tasklist.login("third1");
    FormJs form = openGroupTask("third1", task(evaluationInstance, "Task_FormalReview"));
    EvidenceFrame ev = EvidenceFrame.enter(browser, form);
    assertOpensBothFiles(ev, "第三方机构");
    browser.shot("第三方机构形式审查时查看佐证材料");
    ev.leave();
    tasklist.claim();
    FormJs f = tasklist.taskForm();
    for (String l : List.of("条件（一）：独立法人及经营满一年、无严重失信（营业执照、信用报告）",
        "条件（二）：中试场地及设备（产权/租赁证明、设备清单）", "条件（三）：人才团队（人员清单、社保证明）",
        "条件（四）：管理制度及收费标准", "条件（五）：中试服务业绩（服务合同、项目清单）",
        "条件（六）：安全环保（相关证明、无事故承诺）", "绩效指标佐证材料")) {
      f.checkbox(l, true);
    }
    f.option("形式审查结论", "通过").text("审查意见（退回或不通过时必填）", "佐证材料齐全");
    tasklist.complete();
  }

  @Test
  @Order(5)
  void aDrawnExpertOpensTheFilesFromItsReviewTask() {
    List<Task> panel = engine.getTaskService().createTaskQuery().processInstanceId(evaluationInstance)
        .taskDefinitionKey("Task_ExpertReview").list();
    assertThat(panel).as("抽取的专家").isNotEmpty();
    Task t = panel.get(0);
    tasklist.login(t.getAssignee());
    tasklist.chooseFilter("我的待办");
    FormJs form = tasklist.openTask(t.getId());
    EvidenceFrame ev = EvidenceFrame.enter(browser, form);
    assertOpensBothFiles(ev, "抽取的专家 " + t.getAssignee());
    browser.shot("抽取的专家在评审任务中查看佐证材料");
    ev.leave();
  }

  @Test
  @Order(6)
  void anExpertNotDrawnAndAnotherApplicantAreRefusedOnThePageAndByTheFileAddress() {
    List<String> drawn = engine.getTaskService().createTaskQuery().processInstanceId(evaluationInstance)
        .taskDefinitionKey("Task_ExpertReview").list().stream().map(Task::getAssignee).toList();
    String outsider = List.of("expert1", "expert2", "expert3", "expert4", "expert5", "expert6").stream()
        .filter(e -> !drawn.contains(e)).findFirst().orElseThrow();
    for (String user : List.of(outsider, "applicant2")) {
      tasklist.login(user);
      EvidenceFrame ev = EvidenceFrame.openPage(browser, baseUrl() + "/evidence/application/" + applicationId);
      assertThat(ev.state()).as("%s 打开佐证材料页", user).isEqualTo("error");
      assertThat(ev.status()).isEqualTo("403");
      assertThat(ev.text()).doesNotContain(PDF_NAME, PNG_NAME);
      browser.shot(user + "无权查看该申报的佐证材料");
      for (String url : List.of(pdfUrl, pngUrl)) {
        Map<String, Object> r = ev.fetch(url);
        assertThat(((Number) r.get("status")).intValue()).as("%s 直接访问 %s", user, url).isEqualTo(403);
      }
      HttpResponse<String> api = rest.get("/api/evidence/application/" + applicationId, user);
      assertThat(api.statusCode()).as("%s 经 API 读取", user).isEqualTo(403);
      assertThat(rest.get(pdfUrl, user).statusCode()).isEqualTo(403);
    }
  }

  @Test
  @Order(7)
  void theBureauReadsTheDownloadAudit() throws Exception {
    HttpResponse<String> audit = rest.get("/api/evidence/application/" + applicationId + "/downloads", "bureau1");
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("shangyu1", "third1").contains(PDF_NAME);
    List<String> drawn = engine.getTaskService().createTaskQuery().processInstanceId(evaluationInstance)
        .taskDefinitionKey("Task_ExpertReview").list().stream().map(Task::getAssignee).toList();
    assertThat(drawn.stream().anyMatch(audit.body()::contains)).as("专家的下载被记录：%s", audit.body()).isTrue();
    assertThat(rest.get("/api/evidence/application/" + applicationId + "/downloads", "shangyu1").statusCode())
        .as("审计记录仅市科技局可读").isEqualTo(403);

    tasklist.login("bureau1");
    // the case's evidence page shows the bureau the audit under the files
    browser.open(baseUrl() + "/evidence/application/" + applicationId + "?mode=view");
    browser.waitFor("下载记录", d -> browser.bodyText().contains("下载记录") && browser.bodyText().contains("shangyu1"));
    browser.scrollTo(browser.visible(By.id("ev-audit")));
    browser.shot("市科技局查看佐证材料下载记录");
  }

  // ------------------------------------------------------------------ helpers

  /** The page lists both files; the image shows in the viewer; both addresses give the bytes. */
  private void assertOpensBothFiles(EvidenceFrame ev, String who) {
    assertThat(ev.state()).as("%s 打开佐证材料：%s", who, ev.text()).isEqualTo("loaded");
    assertThat(ev.fileNames("cond1")).as(who).containsExactly(PDF_NAME);
    assertThat(ev.fileNames("cond2")).as(who).containsExactly(PNG_NAME);
    assertThat(ev.text()).contains("已封存");
    ev.viewImage("cond2", PNG_NAME);
    ev.closeViewer();
    Map<String, Object> p = ev.fetch(ev.fileUrl("cond1", PDF_NAME));
    assertThat(((Number) p.get("status")).intValue()).as("%s 打开PDF", who).isEqualTo(200);
    assertThat((String) p.get("type")).startsWith("application/pdf");
    assertThat((String) p.get("disposition")).startsWith("inline");
    assertThat(((Number) p.get("bytes")).longValue()).isEqualTo(size(pdf));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode caseAs(String user) {
    HttpResponse<String> r = rest.get("/api/evidence/application/" + applicationId, user);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return json.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  private static JsonNode slot(JsonNode c, String name) {
    for (JsonNode s : c.path("slots")) {
      if (name.equals(s.path("slot").asText())) {
        return s;
      }
    }
    throw new AssertionError("没有材料栏 " + name + "：" + c);
  }

  private static String fileUrl(JsonNode file) {
    String url = file.path("url").asText("");
    return url.isEmpty() ? "/api/evidence/files/" + file.path("id").asText() : url.replaceFirst("^https?://[^/]+", "");
  }

  Task task(String processInstanceId, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).singleResult();
  }

  private void fillApplication(FormJs f) {
    f.text("参评主体（单位）名称", org)
        .text("统一社会信用代码", code)
        .date("注册日期", "2017-06-12")
        .select("所属区、县（市）科技部门或市级归口管理单位", "上虞区科技局")
        .select("服务的主要产业链", "新材料")
        .text("联系人", "王工")
        .text("联系电话", "0575-82001234")
        .text("联系邮箱", "wang@shangyu-pilot.example.cn")
        .checkbox("（一）参评主体或依托单位具有独立法人资格，已注册并正常经营满一年", true)
        .checkbox("（一）未发生严重违法失信行为", true)
        .checkbox("（二）具有工艺验证、放大生产、产品检测必需的固定场所和设备", true)
        .text("场地与设备情况说明", "中试车间2600平方米，配套分析检测中心")
        .checkbox("（三）拥有与中试服务相适应的人才团队和工程技术带头人", true)
        .text("人才团队情况说明", "技术带头人为正高级工程师，团队36人")
        .checkbox("（四）有明晰的对外服务程序、收费标准及知识产权和商业秘密保护制度", true)
        .text("管理制度情况说明", "对外服务程序和收费标准已公开")
        .checkbox("（五）围绕我市主导产业开展开放式中试服务，成效明显", true)
        .text("中试服务业绩说明", "近三年提供中试服务28项")
        .checkbox("（六）近一年内未发生重大安全、质量事故或严重环境违法行为", true)
        .checkbox("（六）具备必需的安全、环保设施及措施，符合国家、省和我市要求", true)
        .text("安全环保情况说明", "通过ISO14001认证")
        .text("中试场地面积（平方米）", 2600)
        .text("中试仪器设备原值（万元）", 1800)
        .text("本科及以上中试人才总数（人）", 36)
        .text("中试基地研发费用（万元）", 600)
        .text("中试服务成果（项目）数（项）", 28)
        .text("中试服务收入（万元）", 900)
        .text("中试服务成果（项目）落地数（项）", 9)
        .text("中试落地成果（项目）经济效益（万元）", 3100)
        .text("相关资质情况（质量管理、安全、环保等）", "ISO9001、ISO14001")
        .checkbox("本单位承诺所填报内容及佐证材料真实、准确、完整，如有虚假愿承担相应责任", true);
    assertThat(f.errors()).as("表单校验提示").isEmpty();
  }

  /** A small real PDF and PNG (type checked by content on the server) and one PDF per other condition. */
  private void writeFiles() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "evidence-browser-files"));
    pdf = dir.resolve(PDF_NAME);
    Files.write(pdf, pdfBytes("Business licence and credit report"));
    png = dir.resolve(PNG_NAME);
    BufferedImage img = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x2a7a2a));
    g.fillRect(0, 0, 160, 100);
    g.setColor(Color.WHITE);
    g.fillRect(20, 30, 120, 40);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    Files.write(png, out.toByteArray());
    String[] names = {"人才团队清单.pdf", "对外服务制度及收费标准.pdf", "中试服务合同清单.pdf", "安全环保证明.pdf"};
    for (String n : names) {
      Path p = dir.resolve(n);
      Files.write(p, pdfBytes(n.replace(".pdf", "").length() + " pages"));
      otherConditions.add(p);
    }
  }

  /** A minimal valid one-page PDF with a line of text. */
  static byte[] pdfBytes(String text) {
    String content = "BT /F1 18 Tf 40 100 Td (" + text.replaceAll("[()\\\\]", "") + ") Tj ET";
    String[] objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    StringBuilder sb = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.length; i++) {
      offsets.add(sb.length());
      sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int xref = sb.length();
    sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (int o : offsets) {
      sb.append(String.format("%010d 00000 n \n", o));
    }
    sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  void seedExpertPool() {
    String[] chains = {"integratedCircuits", "biomedicine", "newMaterials", "highEndEquipment", "modernTextiles", "greenChemicals"};
    for (int i = 1; i <= 6; i++) {
      if (experts.find("expert" + i).isEmpty()) {
        experts.save(new Expert("expert" + i, "专家" + i, "浙江某大学" + i,
            CreditCode.withCheckDigit(String.format("9133060%010d", 900 + i)), List.of(chains[i - 1]),
            "expert" + i + "@example.cn", "1380000000" + i, true));
      }
    }
  }
}
