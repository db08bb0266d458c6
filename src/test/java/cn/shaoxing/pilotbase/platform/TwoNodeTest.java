package cn.shaoxing.pilotbase.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.shaoxing.pilotbase.PilotBaseApplication;
import cn.shaoxing.pilotbase.identity.DemoUsers;
import cn.shaoxing.pilotbase.identity.Role;
import cn.shaoxing.pilotbase.support.ApplicationClassPath;
import cn.shaoxing.pilotbase.support.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, one database (issue 11, ADR 0016): two application JVMs (separate processes, as in
 * production; profile {@code demo,postgres}, job executor on, SMTP to one GreenMail) on one PostgreSQL
 * owned by this test (fixed port and data directory, so it can be stopped and started again). Both
 * nodes start at the same moment on the empty database. Then: a Tasklist login on node 1 completes a
 * task on node 2; timers due at once fire exactly once each; PostgreSQL restarts in the middle of a
 * case and the case ends with no lost task and no duplicate mail; node 1 is killed while timers are
 * due and node 2 fires them. Drives two small diagrams deployed over REST by the test
 * ({@code src/test/resources/twonode/two-node-probe.bpmn}). Node logs: {@code target/two-node/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeTest {

  private static final Path DIR = Path.of("target", "two-node").toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter REST_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final Path pgData = DIR.resolve("pgdata");
  private int pgPort;
  private EmbeddedPostgres postgres;
  private GreenMail smtp;
  private Node node1;
  private Node node2;
  /** Tasklist session of bureau1, signed in on node 1 (scenario a), reused after the database restart. */
  private CookieManager session;
  private HttpClient browser;
  private final Instant started = Instant.now();

  @BeforeAll
  void startDatabaseMailAndTwoNodes() throws Exception {
    deleteTree(DIR);
    Files.createDirectories(DIR);
    pgPort = freePort();
    postgres = startPostgres();
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // Both at the same moment on an empty database: Flyway, the engine's schema, seeding, deployment.
    node1 = Node.start(1, pgPort, smtp.getSmtp().getPort());
    node2 = Node.start(2, pgPort, smtp.getSmtp().getPort());
    node1.awaitUp(START_TIMEOUT);
    node2.awaitUp(START_TIMEOUT);
    log("both nodes up");
    try (Connection c = db(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM act_re_deployment")) {
      rs.next();
      assertThat(rs.getInt(1)).as("one auto-deployment although two nodes started together").isEqualTo(1);
    }
    try (Connection c = db(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM act_id_user WHERE id_ = 'bureau1'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
    deployProbe(node1);
  }

  @AfterAll
  void stopEverything() {
    for (Node n : new Node[] {node1, node2}) {
      if (n != null) {
        n.kill();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        log("stopping PostgreSQL: " + e);
      }
    }
    log("finished in " + Duration.between(started, Instant.now()).toSeconds() + " s");
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void tasklistLoginOnNodeOneCompletesATaskOnNodeTwo() throws Exception {
    String pi = start(node1, "two-node-case", "TN-A");
    String taskId = awaitTask(node2, pi, "Task_First");

    HttpResponse<String> login = loginToTasklist(node1, "bureau1");
    List<String> setCookies = login.headers().allValues("Set-Cookie");
    assertThat(setCookies).as("session cookie as configured: HttpOnly, SameSite=Lax")
        .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    assertThat(setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")))
        .allSatisfy(c -> assertThat(c.toLowerCase().split("samesite", -1)).as("one SameSite attribute: " + c).hasSize(2));

    // node 2 knows the session: Camunda's webapp authentication, its engine API, our session pages
    HttpResponse<String> who = webapp(node2, "GET", "/camunda/api/admin/auth/user/default", null);
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(JSON.readTree(who.body()).path("userId").asText()).isEqualTo("bureau1");
    HttpResponse<String> task = webapp(node2, "GET", "/camunda/api/engine/engine/default/task/" + taskId, null);
    assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
    HttpResponse<String> evidence = webapp(node2, "GET", "/api/evidence/draft/revocation", null);
    assertThat(evidence.statusCode()).as("evidence API with the Tasklist session (WebappSession) on node 2: " + evidence.body())
        .isEqualTo(200);
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(node2.url() + "/api/evidence/draft/revocation")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("without the session").isEqualTo(401);

    // claimed in Tasklist on node 1, completed on node 2 with the CSRF token node 1 issued
    HttpResponse<String> claim = webapp(node1, "POST",
        "/camunda/api/engine/engine/default/task/" + taskId + "/claim", "{\"userId\":\"bureau1\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> done = webapp(node2, "POST",
        "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", "{\"variables\":{}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(admin(node1).get("/engine-rest/task?processInstanceId=" + pi, "admin").body()).isEqualTo("[]");
    JsonNode completed = historicTask(node1, pi, "Task_First");
    assertThat(completed.path("deleteReason").asText()).isEqualTo("completed");
    assertThat(completed.path("assignee").asText()).isEqualTo("bureau1");
    // our own page with the session (WebappSession), on node 1 again: 已办 lists the task done on node 2
    HttpResponse<String> myDone = webapp(node1, "GET", "/my/done", null);
    assertThat(myDone.statusCode()).as("/my/done with the session").isEqualTo(200);
    assertThat(myDone.body()).contains("双节点测试第一步").contains("TN-A");
    awaitMails("TN-A", "双节点测试第一步", bureauAddresses());
  }

  @Test
  @Order(2)
  void timersDueAtOnceFireOnceEachOnTwoNodes() throws Exception {
    int n = 10;
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      instances.add(start(i % 2 == 0 ? node1 : node2, "two-node-timer", "TN-B-" + i));
    }
    List<String> jobs = new ArrayList<>();
    for (String pi : instances) {
      jobs.add(timerJob(node1, pi));
    }
    // due now, half through each node (each node's job executor is told of the jobs changed on it)
    for (int i = 0; i < jobs.size(); i++) {
      makeDue(i % 2 == 0 ? node1 : node2, jobs.get(i), Instant.now().minusSeconds(1));
    }
    for (String pi : instances) {
      awaitTask(node2, pi, "Task_AfterTimer");
    }
    assertTimersFiredOnce(instances);
    Map<String, Integer> byNode = firedBy(instances);
    log("timers fired by node: " + byNode);
    String bureau1 = email("bureau1");
    for (int i = 0; i < n; i++) {
      awaitMails("TN-B-" + i, "双节点测试定时后办理", List.of(bureau1));
    }
  }

  /**
   * A real designation round (designation-round.bpmn with its forms) across a PostgreSQL restart:
   * the bureau opens it on node 1, the application deadline falls due while the database is down,
   * after the restart a node closes the applications (the districts have nothing to rank) and the
   * bureau's 汇总 task appears; the bureau completes it on node 2 and the round closes. Every mail of
   * the round (the notice to applicants and reviewers, the task mail) arrives exactly once.
   */
  @Test
  @Order(3)
  void aDesignationRoundContinuesAcrossADatabaseRestart() throws Exception {
    RestClient bureau = new RestClient(node1.url());
    HttpResponse<String> started = bureau.postJson("/engine-rest/process-definition/key/designation-round/submit-form",
        "bureau1", "{\"variables\":{\"roundYear\":{\"value\":2090,\"type\":\"Long\"},"
            + "\"applicationDeadline\":{\"value\":\"2090-03-31\",\"type\":\"String\"},"
            + "\"panelSize\":{\"value\":3,\"type\":\"Long\"},\"formalCorrectionDays\":{\"value\":5,\"type\":\"Long\"},"
            + "\"roundNotice\":{\"value\":\"双节点测试评选通知\",\"type\":\"String\"}}}");
    assertThat(started.statusCode()).as("bureau1 opens the round: " + started.body()).isEqualTo(200);
    String round = JSON.readTree(started.body()).path("id").asText();
    String notice = "2090年度绍兴市科技成果转化中试基地评选通知";
    List<String> noticeTo = DemoUsers.ALL.stream()
        .filter(u -> u.role() == Role.APPLICANT || Role.reviewers().contains(u.role()))
        .map(u -> u.email()).toList();
    awaitMails(subjectContains(notice), notice, noticeTo);
    makeDue(node1, timerJob(node1, round), Instant.now().plusSeconds(2));

    restartPostgres("in the middle of the round");

    String confirm = awaitTask(node2, round, "Task_ConfirmRecommendations");
    awaitMails(subjectContains("新的待办任务：汇总区县及归口单位推荐"), "汇总 task mail", bureauAddresses());
    HttpResponse<String> done = new RestClient(node2.url()).postJson("/engine-rest/task/" + confirm + "/submit-form",
        "bureau2", "{\"variables\":{\"recommendationsConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}");
    assertThat(done.statusCode()).as("bureau2 confirms on node 2: " + done.body()).isEqualTo(204);

    JsonNode instance = JSON.readTree(admin(node1).get("/engine-rest/history/process-instance/" + round, "admin").body());
    assertThat(instance.path("state").asText()).as("the round ended").isEqualTo("COMPLETED");
    assertThat(count("SELECT count(*) FROM act_hi_actinst WHERE proc_inst_id_ = '" + round
        + "' AND act_id_ = 'Timer_ApplicationDeadline' AND end_time_ IS NOT NULL")).as("the deadline fired once").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM act_hi_actinst WHERE proc_inst_id_ = '" + round
        + "' AND act_id_ = 'EndEvent_NoCandidates'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM dsg_round WHERE round_year = 2090 AND status = 'CLOSED'")).isEqualTo(1);
    awaitMails(subjectContains(notice), notice, noticeTo);
    awaitMails(subjectContains("新的待办任务：汇总区县及归口单位推荐"), "汇总 task mail", bureauAddresses());
  }

  /** PostgreSQL down for 5 s under both running nodes, then up again on its port and data: both recover. */
  private void restartPostgres(String when) throws Exception {
    log("stopping PostgreSQL " + when);
    postgres.close();
    postgres = null;
    Thread.sleep(5_000);
    assertThat(node1.alive() && node2.alive()).as("nodes survive the outage").isTrue();
    postgres = startPostgres();
    log("PostgreSQL started again");
    node1.awaitUp(Duration.ofSeconds(90));
    node2.awaitUp(Duration.ofSeconds(90));
  }

  @Test
  @Order(4)
  void caseContinuesAcrossADatabaseRestartWithNoLostTaskAndNoDuplicateMail() throws Exception {
    String pi = start(node1, "two-node-case", "TN-D");
    String first = awaitTask(node2, pi, "Task_First");
    awaitMails("TN-D", "双节点测试第一步", bureauAddresses());
    complete(node2, first, "bureau2");
    awaitOutboxSettled();
    // the timer falls due while the database is down
    makeDue(node1, timerJob(node1, pi), Instant.now().plusSeconds(2));

    restartPostgres("in the middle of the case");

    String second = awaitTask(node1, pi, "Task_Second");
    // the Tasklist session made before the restart is still there, on either node
    HttpResponse<String> who = webapp(node2, "GET", "/camunda/api/admin/auth/user/default", null);
    assertThat(who.statusCode()).as("session after the database restart: " + who.body()).isEqualTo(200);
    HttpResponse<String> done = webapp(node1, "POST",
        "/camunda/api/engine/engine/default/task/" + second + "/submit-form", "{\"variables\":{}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);

    JsonNode instance = JSON.readTree(admin(node2).get("/engine-rest/history/process-instance/" + pi, "admin").body());
    assertThat(instance.path("state").asText()).as("the case ended").isEqualTo("COMPLETED");
    assertTimersFiredOnce(List.of(pi));
    assertThat(historicTask(node1, pi, "Task_First").path("deleteReason").asText()).isEqualTo("completed");
    assertThat(historicTask(node1, pi, "Task_Second").path("deleteReason").asText()).isEqualTo("completed");
    awaitMails("TN-D", "双节点测试第一步", bureauAddresses());
    awaitMails("TN-D", "双节点测试第二步", bureauAddresses());
  }

  @Test
  @Order(5)
  void nodeTwoFiresTheTimersWhenNodeOneIsKilled() throws Exception {
    int n = 12;
    List<String> instances = new ArrayList<>();
    List<String> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String pi = start(node2, "two-node-timer", "TN-C-" + i);
      instances.add(pi);
      jobs.add(timerJob(node2, pi));
    }
    // due now, through node 1 (so node 1's job executor goes for them first) ...
    for (String job : jobs) {
      makeDue(node1, job, Instant.now().minusSeconds(1));
    }
    // ... and node 1 dies as soon as it has taken some of them (it takes 3 per acquisition)
    String taken = "SELECT (SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND process_instance_id_ IN ("
        + in(instances) + ")) + (SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND process_instance_id_ IN ("
        + in(instances) + "))";
    try (Connection c = db(); Statement s = c.createStatement()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        try (ResultSet rs = s.executeQuery(taken)) {
          rs.next();
          if (rs.getLong(1) > 0) {
            break;
          }
        }
        if (System.nanoTime() > deadline) {
          fail("node 1 took no timer within 30 s; node logs in " + DIR);
        }
        Thread.sleep(10);
      }
    }
    node1.kill();
    log("node 1 killed");

    for (String pi : instances) {
      awaitTask(node2, pi, "Task_AfterTimer");
    }
    assertTimersFiredOnce(instances);
    Map<String, Integer> byNode = firedBy(instances);
    log("timers fired by node after the kill: " + byNode);
    assertThat(byNode.getOrDefault("node-2", 0)).as("node 2 fired the timers node 1 left: " + byNode).isPositive();
    // every timer's mail arrives (a mail node 1 had claimed when it died is sent by node 2 after the lease)
    String bureau1 = email("bureau1");
    for (int i = 0; i < n; i++) {
      awaitMailsAtLeastOnce("TN-C-" + i, "双节点测试定时后办理", bureau1);
    }
  }

  // --- the nodes -------------------------------------------------------------------------------

  /** One application JVM, started as an operator would: main class, environment, arguments. */
  static final class Node {
    final int id;
    final int port;
    final Process process;
    final Path log;

    private Node(int id, int port, Process process, Path log) {
      this.id = id;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Node start(int id, int pgPort, int smtpPort) throws IOException {
      int port = freePort();
      Path dir = Files.createDirectories(DIR.resolve("node" + id));
      Path log = DIR.resolve("node" + id + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = new ArrayList<>(List.of(java,
          "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai",
          "-cp", ApplicationClassPath.get(),
          PilotBaseApplication.class.getName(),
          "--camunda.bpm.job-execution.enabled=true",
          // a dead node's locked jobs are taken over after the lock time (production: 5 min default)
          "--camunda.bpm.job-execution.lock-time-in-millis=10000",
          "--camunda.bpm.job-execution.wait-time-in-millis=1000",
          "--camunda.bpm.job-execution.max-wait=2000",
          // the job log names the node that fired a timer
          "--camunda.bpm.generic-properties.properties.hostname=node-" + id,
          "--pilotbase.security.login-throttle.enabled=false",
          "--spring.datasource.hikari.connection-timeout=5000"));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.put("SPRING_PROFILES_ACTIVE", "demo,postgres");
      env.put("PORT", String.valueOf(port));
      env.put("PILOTBASE_DB_HOST", "localhost");
      env.put("PILOTBASE_DB_PORT", String.valueOf(pgPort));
      env.put("PILOTBASE_DB_NAME", "postgres");
      env.put("PILOTBASE_DB_USER", "postgres");
      env.put("PILOTBASE_DB_PASSWORD", "");
      env.put("PILOTBASE_SMTP_HOST", "127.0.0.1");
      env.put("PILOTBASE_SMTP_PORT", String.valueOf(smtpPort));
      env.put("PILOTBASE_MAIL_INTERVAL_MS", "500");
      env.put("PILOTBASE_MAIL_LEASE", "10s");
      env.put("PILOTBASE_BASE_URL", "http://localhost:" + port);
      env.put("PILOTBASE_LOG_FILE", DIR.resolve("node" + id + ".json").toString());
      TwoNodeTest.log("starting node " + id + " on port " + port + " (log " + log + ")");
      Process process = pb.start();
      // should the test JVM itself be stopped, the nodes go with it
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new Node(id, port, process, log);
    }

    String url() {
      return "http://localhost:" + port;
    }

    boolean alive() {
      return process.isAlive();
    }

    void awaitUp(Duration timeout) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail("node " + id + " exited with " + process.exitValue() + "; its log ends:\n" + tail());
        }
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
              .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        sleep(500);
      }
      fail("node " + id + " not healthy within " + timeout.toSeconds() + " s; its log ends:\n" + tail());
    }

    void kill() {
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    String tail() {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
      } catch (IOException e) {
        return "(no log: " + e + ")";
      }
    }
  }

  // --- PostgreSQL and mail ---------------------------------------------------------------------

  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setPort(pgPort)
        .setServerConfig("max_connections", "200")
        .start();
  }

  private Connection db() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "");
  }

  private long count(String sql) {
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void awaitOutboxSettled() {
    waitFor("the outbox has no pending mail", Duration.ofSeconds(30),
        () -> count("SELECT count(*) FROM notif_outbox WHERE status = 'PENDING'") == 0);
  }

  private static List<String> bureauAddresses() {
    return List.of(email("bureau1"), email("bureau2"));
  }

  private static String email(String user) {
    return DemoUsers.ALL.stream().filter(u -> u.id().equals(user)).findFirst().orElseThrow().email();
  }

  /** Mails of one case and task: exactly one to each address, none elsewhere (after a settling pause). */
  private void awaitMails(String businessKey, String taskName, List<String> addresses) {
    awaitMails(newTaskMail(businessKey, taskName), businessKey + " " + taskName, addresses);
  }

  /** The mails the test matches: exactly one to each address, none elsewhere (after a settling pause). */
  private void awaitMails(Predicate<MimeMessage> which, String what, List<String> addresses) {
    waitFor("mails of " + what + " to " + addresses, Duration.ofSeconds(60),
        () -> mails(which).keySet().containsAll(addresses));
    sleep(1_500); // three dispatch rounds: a second send would show now
    Map<String, Integer> want = new HashMap<>();
    addresses.forEach(a -> want.put(a, 1));
    assertThat(mails(which)).as("each mail of " + what + " exactly once").isEqualTo(want);
  }

  private void awaitMailsAtLeastOnce(String businessKey, String taskName, String address) {
    waitFor("a mail of " + businessKey + " " + taskName + " to " + address, Duration.ofSeconds(45),
        () -> mails(newTaskMail(businessKey, taskName)).containsKey(address));
  }

  /**
   * The "new task" messages of the task and case (an assigned task also gets a separate "assigned to
   * you" mail, TaskMailListener.onAssignment, not counted here).
   */
  private static Predicate<MimeMessage> newTaskMail(String businessKey, String taskName) {
    return m -> {
      try {
        String text = (m.getContent() instanceof String s ? s : GreenMailUtil.getBody(m)).replace("\r\n", "\n");
        return m.getSubject().equals("【中试基地平台】新的待办任务：" + taskName) && text.contains("业务编号：" + businessKey + "\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Predicate<MimeMessage> subjectContains(String text) {
    return m -> {
      try {
        return m.getSubject().contains(text);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Address → number of the received messages the predicate matches. */
  private Map<String, Integer> mails(Predicate<MimeMessage> which) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (which.test(m)) {
        try {
          for (var a : m.getAllRecipients()) {
            out.merge(a.toString(), 1, Integer::sum);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  // --- REST and the webapp ---------------------------------------------------------------------

  private static RestClient admin(Node node) {
    return new RestClient(node.url());
  }

  private void deployProbe(Node node) throws Exception {
    byte[] bpmn = Files.readAllBytes(Path.of("src/test/resources/twonode/two-node-probe.bpmn"));
    String boundary = "----twonode" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntwo-node-probe\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"two-node-probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + new String(bpmn, StandardCharsets.UTF_8) + "\r\n"
        + "--" + boundary + "--\r\n";
    HttpResponse<String> r = admin(node).send(HttpRequest.newBuilder(URI.create(node.url() + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), "admin");
    assertThat(r.statusCode()).as("deploy the probe diagrams: " + r.body()).isEqualTo(200);
  }

  private String start(Node node, String key, String businessKey) throws Exception {
    HttpResponse<String> r = admin(node).postJson("/engine-rest/process-definition/key/" + key + "/start", "admin",
        "{\"businessKey\":\"" + businessKey + "\"}");
    assertThat(r.statusCode()).as("start " + key + " on node " + node.id + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("id").asText();
  }

  private String awaitTask(Node node, String pi, String taskKey) {
    String[] id = new String[1];
    waitFor("task " + taskKey + " of " + pi, Duration.ofSeconds(60), () -> {
      HttpResponse<String> r = admin(node).get(
          "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey, "admin");
      if (r.statusCode() != 200) {
        return false;
      }
      JsonNode list = JSON.readTree(r.body());
      if (list.size() == 1) {
        id[0] = list.get(0).path("id").asText();
        return true;
      }
      return false;
    });
    return id[0];
  }

  private void complete(Node node, String taskId, String user) throws Exception {
    HttpResponse<String> r = admin(node).postJson("/engine-rest/task/" + taskId + "/submit-form", user, "{\"variables\":{}}");
    assertThat(r.statusCode()).as("complete " + taskId + " as " + user + ": " + r.body()).isEqualTo(204);
  }

  private String timerJob(Node node, String pi) {
    String[] id = new String[1];
    waitFor("timer job of " + pi, Duration.ofSeconds(30), () -> {
      JsonNode list = JSON.readTree(admin(node).get("/engine-rest/job?processInstanceId=" + pi + "&timers=true", "admin").body());
      if (list.size() == 1) {
        id[0] = list.get(0).path("id").asText();
        return true;
      }
      return false;
    });
    return id[0];
  }

  private void makeDue(Node node, String jobId, Instant due) {
    HttpResponse<String> r = admin(node).putJson("/engine-rest/job/" + jobId + "/duedate", "admin",
        "{\"duedate\":\"" + REST_DATE.format(due) + "\"}");
    assertThat(r.statusCode()).as("set due date of " + jobId + ": " + r.body()).isEqualTo(204);
  }

  private JsonNode historicTask(Node node, String pi, String taskKey) throws Exception {
    JsonNode list = JSON.readTree(admin(node).get(
        "/engine-rest/history/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey, "admin").body());
    assertThat(list.size()).as("one " + taskKey + " in the history of " + pi).isEqualTo(1);
    return list.get(0);
  }

  /** History: one finished timer event (Timer_Wait, Timer_Due) per instance, one successful job log entry per timer. */
  private void assertTimersFiredOnce(List<String> instances) {
    String in = in(instances);
    Map<String, Long> activities = new HashMap<>();
    Map<String, Long> successes = new HashMap<>();
    try (Connection c = db(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT proc_inst_id_, count(*) FROM act_hi_actinst WHERE act_id_ IN ('Timer_Wait', 'Timer_Due')"
          + " AND end_time_ IS NOT NULL AND proc_inst_id_ IN (" + in + ") GROUP BY proc_inst_id_")) {
        while (rs.next()) {
          activities.put(rs.getString(1), rs.getLong(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT process_instance_id_, count(*) FROM act_hi_job_log WHERE job_state_ = 2"
          + " AND process_instance_id_ IN (" + in + ") GROUP BY process_instance_id_")) {
        while (rs.next()) {
          successes.put(rs.getString(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Long> once = new HashMap<>();
    instances.forEach(pi -> once.put(pi, 1L));
    assertThat(activities).as("one timer activity per instance").isEqualTo(once);
    assertThat(successes).as("one successful timer job per instance").isEqualTo(once);
  }

  /** Node name (engine hostname) → timers of these instances it fired. */
  private Map<String, Integer> firedBy(List<String> instances) {
    Map<String, Integer> out = new LinkedHashMap<>();
    try (Connection c = db(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2"
            + " AND process_instance_id_ IN (" + in(instances) + ") GROUP BY hostname_ ORDER BY hostname_")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static String in(List<String> ids) {
    return String.join(",", ids.stream().map(i -> "'" + i.replace("'", "") + "'").toList());
  }

  /** Fetches Tasklist (CSRF cookie) on {@code node} and posts the login form, as the webapp does. */
  private HttpResponse<String> loginToTasklist(Node node, String user) throws Exception {
    session = new CookieManager();
    browser = HttpClient.newBuilder().cookieHandler(session).build();
    browser.send(HttpRequest.newBuilder(URI.create(node.url() + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(node.url() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("Tasklist login on node " + node.id + ": " + login.body()).isEqualTo(200);
    return login;
  }

  private String xsrf() {
    return session.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  /** A call of the signed-in browser (session and XSRF cookies; the token in the header for writes). */
  private HttpResponse<String> webapp(Node node, String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(30));
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static void waitFor(String what, Duration timeout, Callable<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (Boolean.TRUE.equals(condition.call())) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      sleep(200);
    }
    fail("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + (last == null ? "" : " (last error: " + last + ")") + "; node logs in " + DIR);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void log(String message) {
    System.out.println("[TwoNodeTest " + Instant.now() + "] " + message);
  }
}
