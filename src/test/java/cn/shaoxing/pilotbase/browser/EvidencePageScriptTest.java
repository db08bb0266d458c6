package cn.shaoxing.pilotbase.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The evidence page's script (static/js/evidence.js) in Chromium against a small in-memory stand-in
 * of the evidence API of docs/evidence.md, without the application: the real template (rendered by
 * Thymeleaf), the real script and style, our CSP. Slots grouped with 缺少/已上传, files with size,
 * type, uploader, time and 已封存, several files uploaded one request each, the server's Chinese
 * message next to the slot, times in Asia/Shanghai, the image viewer, deleting an own unsealed file, view mode, the slot
 * filter, and a refused case. Screenshots: target/screenshots/EvidencePageScriptTest/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidencePageScriptTest {

  @RegisterExtension static final Browser browser = new Browser();

  static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

  private HttpServer server;
  private String base;
  private final ObjectMapper json = new ObjectMapper();
  private final SpringTemplateEngine thymeleaf = new SpringTemplateEngine();
  /** slot -> files of the stand-in case. */
  private final Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
  private final Map<String, byte[]> bytes = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger uploads = new AtomicInteger();
  private Path pngFile;
  private Path pdfFile;
  private Path exeFile;

  @BeforeAll
  void start() throws Exception {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    thymeleaf.setTemplateResolver(resolver);
    for (String s : List.of("cond1", "cond2", "ind_siteArea", "onsitePhotos", "onsiteReport")) {
      files.put(s, new ArrayList<>());
    }
    byte[] sealedPdf = EvidenceBrowserTest.pdfBytes("sealed");
    addFile("cond1", "营业执照.pdf", "application/pdf", sealedPdf, "applicant1", true);

    Path dir = Files.createDirectories(Path.of("target", "evidence-script-files"));
    pngFile = dir.resolve("车间照片.png");
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB), "png", png);
    Files.write(pngFile, png.toByteArray());
    pdfFile = dir.resolve("场地租赁合同.pdf");
    Files.write(pdfFile, EvidenceBrowserTest.pdfBytes("lease"));
    exeFile = dir.resolve("setup.exe");
    Files.write(exeFile, new byte[] {'M', 'Z', 0, 0});

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  @Order(1)
  void theCaseIsShownGroupedWithMarksAndFileRows() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake");
    assertThat(ev.state()).as(ev.text()).isEqualTo("loaded");
    assertThat(ev.text()).contains("佐证材料：中试基地申报", "参评条件", "绩效指标", "现场核查",
        "缺少：条件（二）中试场地及设备");
    assertThat(ev.mark("cond1")).isEqualTo("已上传");
    assertThat(ev.mark("cond2")).isEqualTo("缺少");
    assertThat(ev.mark("ind_siteArea")).isEqualTo("未上传");
    assertThat(ev.fileNames("cond1")).containsExactly("营业执照.pdf");
    String row = ev.slot("cond1").findElement(By.cssSelector("tr[data-file]")).getText();
    assertThat(row).contains("营业执照.pdf", "PDF", "applicant1", "2026-11-20 09:30", "已封存", "查看", "下载")
        .doesNotContain("删除").containsPattern("\\d+(\\.\\d)? (B|KB)");
    browser.shot("佐证材料页：分组、缺少与已上传标记、已封存文件");
  }

  @Test
  @Order(2)
  void severalFilesAreUploadedOneRequestEachAndListed() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake");
    int before = uploads.get();
    ev.upload("cond2", pngFile, pdfFile);
    assertThat(uploads.get() - before).as("每个文件一个请求").isEqualTo(2);
    assertThat(ev.fileNames("cond2")).containsExactlyInAnyOrder("车间照片.png", "场地租赁合同.pdf");
    assertThat(ev.mark("cond2")).isEqualTo("已上传");
    assertThat(ev.slot("cond2").getText()).contains("未封存", "删除", "PNG 图片");
    assertThat(ev.text()).doesNotContain("缺少：");
    browser.shot("一次选择两个文件逐个上传");
  }

  @Test
  @Order(3)
  void theServersMessageIsShownNextToTheSlot() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake");
    ev.slot("ind_siteArea").findElement(By.cssSelector("input[type=file]")).sendKeys(exeFile.toAbsolutePath().toString());
    browser.waitFor("错误提示", d -> ev.slot("ind_siteArea").findElement(By.cssSelector(".ev-slot-error"))
        .getText().contains("不允许上传此类型的文件"));
    assertThat(ev.slot("ind_siteArea").findElement(By.cssSelector(".ev-slot-error")).getText()).contains("setup.exe");
    assertThat(ev.fileNames("ind_siteArea")).isEmpty();
    browser.shot("上传被拒绝时在材料栏旁显示服务器的中文提示");
  }

  @Test
  @Order(4)
  void anImageOpensInTheViewerAndAnOwnUnsealedFileIsDeletedAfterConfirming() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake");
    ev.viewImage("cond2", "车间照片.png");
    browser.shot("在页面内查看图片");
    ev.closeViewer();
    var row = ev.slot("cond2").findElements(By.cssSelector("tr[data-file]")).stream()
        .filter(r -> r.getText().contains("场地租赁合同.pdf")).findFirst().orElseThrow();
    browser.click(row.findElements(By.cssSelector("button.ev-link")).stream()
        .filter(b -> b.getText().equals("删除")).findFirst().orElseThrow());
    var confirm = browser.waitFor("确认删除", d -> ev.slot("cond2").findElements(By.cssSelector("button.ev-link")).stream()
        .filter(b -> b.getText().equals("确认删除")).findFirst().orElse(null));
    browser.shot("删除前在原处确认");
    browser.click(confirm);
    browser.waitFor("已删除", d -> !ev.fileNames("cond2").contains("场地租赁合同.pdf"));
    assertThat(ev.fileNames("cond2")).containsExactly("车间照片.png");
  }

  @Test
  @Order(5)
  void viewModeHasNoUploadOrDeleteAndTheSlotFilterShowsOnlyThoseSlots() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake?mode=view");
    assertThat(ev.state()).isEqualTo("loaded");
    assertThat(browser.driver().findElements(By.cssSelector("input[type=file]"))).isEmpty();
    assertThat(ev.text()).contains("车间照片.png", "本环节仅可查看").doesNotContain("删除", "选择文件上传");
    browser.shot("查看模式：无上传和删除");

    ev = EvidenceFrame.openPage(browser, base + "/evidence/application/fake?slots=onsitePhotos,onsiteReport");
    assertThat(browser.driver().findElements(By.cssSelector(".ev-slot")).stream()
        .map(e -> e.getAttribute("data-slot")).toList()).containsExactly("onsitePhotos", "onsiteReport");
    assertThat(ev.text()).contains("现场核查").doesNotContain("参评条件");
    browser.shot("现场核查只显示现场照片和核查报告");
  }

  @Test
  @Order(6)
  void aRefusedCaseShowsTheServersReasonAndNothingOfTheCase() {
    EvidenceFrame ev = EvidenceFrame.openPage(browser, base + "/evidence/application/denied");
    assertThat(ev.state()).isEqualTo("error");
    assertThat(ev.status()).isEqualTo("403");
    assertThat(ev.errorText()).contains("您无权查看该案件的佐证材料");
    assertThat(browser.driver().findElements(By.cssSelector(".ev-slot"))).isEmpty();
    browser.shot("无权查看时显示拒绝原因");
  }

  // ------------------------------------------------------------------ the stand-in

  private void addFile(String slot, String name, String type, byte[] content, String by, boolean sealed) {
    String id = "f" + ids.incrementAndGet();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("name", name);
    f.put("size", content.length);
    f.put("contentType", type);
    f.put("sha256", "0".repeat(64));
    f.put("uploadedBy", by);
    f.put("uploadedAt", "2026-11-20T09:30:00+08:00");
    f.put("sealed", sealed);
    f.put("url", "/api/evidence/files/" + id);
    files.get(slot).add(f);
    bytes.put(id, content);
  }

  private static final Map<String, String> LABELS = Map.of("cond1", "条件（一）独立法人及信用",
      "cond2", "条件（二）中试场地及设备", "ind_siteArea", "中试场地面积", "onsitePhotos", "现场照片",
      "onsiteReport", "现场核查报告");

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getQuery();
    String method = x.getRequestMethod();
    x.getResponseHeaders().set("Content-Security-Policy", CSP);
    x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    try {
      if (method.equals("GET") && path.startsWith("/evidence/application/")) {
        Context c = new Context();
        String id = path.substring("/evidence/application/".length());
        c.setVariable("kindName", "中试基地申报");
        c.setVariable("user", "applicant1");
        c.setVariable("caseRef", "application/" + id);
        c.setVariable("api", "/api/evidence/application/" + id);
        c.setVariable("view", query != null && query.contains("mode=view"));
        Matcher m = Pattern.compile("slots=([^&]*)").matcher(query == null ? "" : query);
        c.setVariable("slots", m.find() ? m.group(1) : "");
        send(x, 200, "text/html;charset=UTF-8", thymeleaf.process("evidence", c).getBytes(StandardCharsets.UTF_8));
      } else if (method.equals("GET") && (path.startsWith("/js/") || path.startsWith("/css/"))) {
        byte[] b = Files.readAllBytes(Path.of("src/main/resources/static", path));
        send(x, 200, path.endsWith(".js") ? "text/javascript" : "text/css", b);
      } else if (path.equals("/api/evidence/application/denied")) {
        sendJson(x, 403, Map.of("status", 403, "code", "forbidden", "messages", List.of("您无权查看该案件的佐证材料")));
      } else if (method.equals("GET") && path.equals("/api/evidence/application/fake")) {
        List<Map<String, Object>> slots = new ArrayList<>();
        files.forEach((slot, list) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("slot", slot);
          s.put("label", LABELS.get(slot));
          s.put("required", slot.startsWith("cond"));
          s.put("present", !list.isEmpty());
          s.put("canUpload", true);
          s.put("files", list);
          slots.add(s);
        });
        sendJson(x, 200, Map.of("case", "application/fake", "title", "上虞绿色化工中试有限公司", "canUpload", true,
            "slots", slots));
      } else if (method.equals("POST") && path.startsWith("/api/evidence/application/fake/")) {
        uploads.incrementAndGet();
        String slot = path.substring(path.lastIndexOf('/') + 1);
        byte[] body = x.getRequestBody().readAllBytes();
        String head = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("name=\"file\"; filename=\"([^\"]+)\"").matcher(head);
        String name = m.find() ? m.group(1) : "?";
        if (name.endsWith(".exe")) {
          sendJson(x, 400, Map.of("status", 400, "code", "type", "messages", List.of("不允许上传此类型的文件：" + name)));
          return;
        }
        String type = name.endsWith(".png") ? "image/png" : "application/pdf";
        int start = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 4;
        int end = indexOf(body, "\r\n--".getBytes(StandardCharsets.US_ASCII), start);
        byte[] content = java.util.Arrays.copyOfRange(body, start, end < 0 ? body.length : end);
        addFile(slot, name, type, content, "applicant1", false);
        sendJson(x, 201, files.get(slot).get(files.get(slot).size() - 1));
      } else if (method.equals("DELETE") && path.startsWith("/api/evidence/files/")) {
        String id = path.substring("/api/evidence/files/".length());
        files.values().forEach(l -> l.removeIf(f -> f.get("id").equals(id)));
        x.sendResponseHeaders(204, -1);
        x.close();
      } else if (method.equals("GET") && path.startsWith("/api/evidence/files/")) {
        String id = path.substring("/api/evidence/files/".length());
        String type = files.values().stream().flatMap(List::stream).filter(f -> f.get("id").equals(id))
            .map(f -> (String) f.get("contentType")).findFirst().orElse("application/octet-stream");
        x.getResponseHeaders().set("Content-Disposition", "inline");
        send(x, 200, type, bytes.get(id));
      } else {
        send(x, 404, "text/plain", new byte[0]);
      }
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
      send(x, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static int indexOf(byte[] data, byte[] what, int from) {
    outer:
    for (int i = from; i <= data.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void sendJson(HttpExchange x, int status, Object body) throws IOException {
    send(x, status, "application/json;charset=UTF-8", json.writeValueAsBytes(body));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      x.getResponseBody().write(body);
    }
    x.close();
  }
}
