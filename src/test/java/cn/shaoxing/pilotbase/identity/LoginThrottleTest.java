package cn.shaoxing.pilotbase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import cn.shaoxing.pilotbase.support.RestClient;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue "Trust" 5: wrong passwords never lock an account for good (anyone could lock out admin), and
 * guessing is refused per client address with 429. Uses expert5 and made-up names only; every test
 * leaves expert5 unlocked and the counters of 127.0.0.1 (the whole suite's address) empty.
 */
class LoginThrottleTest extends IntegrationTest {

  private static final String USER = "expert5";
  private static final String ADDRESS = "127.0.0.1";

  @Autowired LoginThrottle throttle;
  @Autowired LoginThrottleProperties settings;

  private RestClient rest;
  private IdentityService identity;

  @BeforeEach
  void setUp() {
    rest = new RestClient(baseUrl());
    identity = engine.getIdentityService();
  }

  @AfterEach
  void leaveNothingLocked() {
    throttle.clearAddress(ADDRESS);
    identity.clearAuthentication();
    identity.unlockUser(USER);
  }

  @Test
  void twelveWrongPasswordsOnlyDelayTheAccountNeverLockItForGood() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts())
        .as("no permanent lock").isEqualTo(Integer.MAX_VALUE);
    Date t = new Date();
    for (int i = 0; i < 12; i++) {
      t = new Date(t.getTime() + 61_000); // past the engine's delay, so every attempt is really checked
      ClockUtil.setCurrentTime(t);
      assertThat(identity.checkPassword(USER, "wrong" + i)).isFalse();
    }
    UserEntity user = (UserEntity) identity.createUserQuery().userId(USER).singleResult();
    assertThat(user.getAttempts()).as("more than the old limit of 10").isEqualTo(12);
    assertThat(user.getLockExpirationTime()).as("delay capped at 60 s")
        .isAfter(t).isBeforeOrEqualTo(new Date(t.getTime() + 60_000));
    assertThat(identity.checkPassword(USER, "demo")).as("still delayed").isFalse();

    ClockUtil.setCurrentTime(new Date(t.getTime() + 61_000));
    assertThat(rest.get("/engine-rest/task", USER).statusCode())
        .as("right password works again once the delay is over").isEqualTo(200);
    assertThat(((UserEntity) identity.createUserQuery().userId(USER).singleResult()).getAttempts()).isZero();
  }

  @Test
  void repeatedWrongPasswordsFromOneAddressAreRefusedWith429AndBackOff() throws Exception {
    for (int i = 0; i < settings.maxFailuresPerUser(); i++) {
      assertThat(rest.get("/engine-rest/task", USER + ":wrong" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> refused = rest.get("/api/calendar/2026", USER + ":wrong");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(refused.body()).contains("\"status\":429").contains("\"code\":\"TOO_MANY_LOGIN_ATTEMPTS\"")
        .contains("登录失败次数过多，请于 60 秒后再试");
    assertThat(rest.get("/engine-rest/task", USER).statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(webappLogin(USER, "demo").statusCode()).as("webapp login shares the counter").isEqualTo(429);
    assertThat(rest.get("/engine-rest/task", "bureau1").statusCode()).as("other users from the same address")
        .isEqualTo(200);

    // After the refusal, one more failure doubles it.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
    assertThat(rest.get("/engine-rest/task", USER + ":wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> longer = rest.get("/engine-rest/task", USER + ":wrong");
    assertThat(longer.statusCode()).isEqualTo(429);
    assertThat(longer.headers().firstValue("Retry-After")).hasValue("120");
    assertThat(throttle.block(10)).as("capped").isEqualTo(Duration.ofMinutes(15));
    ClockUtil.reset();

    // A wrong password in the webapp login counts too, and a right one clears the user's counter.
    throttle.clearAddress(ADDRESS);
    identity.unlockUser(USER);
    assertThat(webappLogin(USER, "wrong").statusCode()).isEqualTo(401);
    identity.unlockUser(USER); // the engine's own 3 s delay, not the subject here
    assertThat(webappLogin(USER, "demo").statusCode()).isEqualTo(200);
    for (int i = 0; i < settings.maxFailuresPerUser() - 1; i++) {
      assertThat(rest.get("/engine-rest/task", USER + ":wrong" + i).statusCode()).isEqualTo(401);
    }
    assertThat(rest.get("/engine-rest/task", USER + ":wrong").statusCode())
        .as("the earlier failure was forgotten by the successful login").isEqualTo(401);
  }

  @Test
  void administratorLiftsTheRefusalOfAUserOthersMayNot() {
    for (int i = 0; i < settings.maxFailuresPerUser(); i++) {
      rest.get("/engine-rest/task", USER + ":wrong" + i);
    }
    assertThat(rest.get("/engine-rest/task", USER).statusCode()).isEqualTo(429);

    HttpResponse<String> denied = delete("/api/security/login-locks/" + USER, "bureau1");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("系统管理员");
    assertThat(delete("/api/security/login-locks/" + USER, null).statusCode()).isEqualTo(401);
    assertThat(delete("/api/security/login-locks/nosuchuser", "admin").statusCode()).isEqualTo(404);

    HttpResponse<String> lifted = delete("/api/security/login-locks/" + USER, "admin");
    assertThat(lifted.statusCode()).isEqualTo(200);
    assertThat(lifted.body()).contains("已解除用户 expert5 的登录限制");
    assertThat(rest.get("/engine-rest/task", USER).statusCode()).as("engine delay and counters gone").isEqualTo(200);

    for (int i = 0; i < settings.maxFailuresPerUser(); i++) {
      rest.get("/engine-rest/task", USER + ":wrong" + i);
    }
    assertThat(delete("/api/security/login-locks/address/" + ADDRESS, "bureau1").statusCode()).isEqualTo(403);
    assertThat(delete("/api/security/login-locks/address/" + ADDRESS, "admin").statusCode()).isEqualTo(200);
    identity.unlockUser(USER);
    assertThat(rest.get("/engine-rest/task", USER).statusCode()).isEqualTo(200);
  }

  @Test
  void sprayingManyNamesFromOneAddressStopsEveryLoginFromIt() {
    for (int i = 0; i < settings.maxFailuresPerAddress(); i++) {
      assertThat(rest.get("/api/calendar/2026", "nosuchuser" + i + ":guess").statusCode()).isEqualTo(401);
    }
    assertThat(rest.get("/api/calendar/2026", "bureau1").statusCode()).isEqualTo(429);
    assertThat(rest.get("/actuator/metrics", "admin").statusCode()).as("actuator Basic too").isEqualTo(429);
    assertThat(rest.get("/actuator/health", null).statusCode()).as("anonymous health is no login").isEqualTo(200);
    throttle.clearAddress(ADDRESS);
    assertThat(rest.get("/api/calendar/2026", "bureau1").statusCode()).isEqualTo(200);
  }

  @Test
  void credentialsSentWhereNothingChecksThemNeitherCountNorReset() {
    for (int i = 0; i < settings.maxFailuresPerUser() - 1; i++) {
      rest.get("/engine-rest/task", USER + ":wrong" + i);
    }
    // /actuator/health is anonymous: a Basic header there proves nothing and must not clear the count.
    assertThat(rest.get("/actuator/health", USER + ":wrong").statusCode()).isEqualTo(200);
    assertThat(rest.get("/engine-rest/task", USER + ":wrong").statusCode()).isEqualTo(401);
    assertThat(rest.get("/engine-rest/task", USER + ":wrong").statusCode()).isEqualTo(429);
  }

  private HttpResponse<String> delete(String path, String user) {
    return rest.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).DELETE(), user);
  }

  /** The Tasklist login form as a browser posts it (CSRF cookie and header). */
  private HttpResponse<String> webappLogin(String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
