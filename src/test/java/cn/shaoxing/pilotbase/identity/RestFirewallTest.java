package cn.shaoxing.pilotbase.identity;

import static cn.shaoxing.pilotbase.identity.RestFirewall.Caller.ADMINISTRATOR;
import static cn.shaoxing.pilotbase.identity.RestFirewall.Caller.BUREAU;
import static cn.shaoxing.pilotbase.identity.RestFirewall.Caller.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.identity.RestFirewall.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The firewall's rules on their own (the running API: TrustMatrixTest). */
class RestFirewallTest {

  @Test
  void aPersonWorksOnTasksAndQueriesButOperatesNothing() {
    assertThat(RestFirewall.decide("POST", "task/42/submit-form", PERSON).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(RestFirewall.decide("POST", "task/42/claim", PERSON).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(RestFirewall.decide("POST", "filter/f1/list", PERSON).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(RestFirewall.decide("GET", "task", PERSON).verdict()).isEqualTo(Verdict.ALLOW);
    for (String write : new String[] {"job/j1/execute", "job/j1/retries", "process-instance/p1/variables",
        "process-instance/p1/modification", "task/42/variables/expert", "task/42/assignee", "task/42/identity-links",
        "message", "signal", "deployment/create", "history/cleanup", "task/42/delegate", "task/42/resolve"}) {
      assertThat(RestFirewall.decide("POST", write, PERSON).verdict()).as(write).isEqualTo(Verdict.DENY);
      assertThat(RestFirewall.decide("POST", write, BUREAU).verdict()).as(write).isEqualTo(Verdict.DENY);
      assertThat(RestFirewall.decide("POST", write, ADMINISTRATOR).verdict()).as(write).isEqualTo(Verdict.ALLOW);
    }
  }

  @Test
  void wholeCaseDataIsTheBureausAndAdministrators() {
    for (String read : new String[] {"process-instance/p1", "history/variable-instance", "history/detail",
        "variable-instance", "job", "execution", "history/identity-link-log"}) {
      assertThat(RestFirewall.decide("GET", read, PERSON).verdict()).as(read).isEqualTo(Verdict.DENY_CASE_DATA);
      assertThat(RestFirewall.decide("GET", read, BUREAU).verdict()).as(read).isEqualTo(Verdict.ALLOW);
    }
    assertThat(RestFirewall.decide("GET", "history/task", PERSON).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(RestFirewall.decide("POST", "history/variable-instance", PERSON).verdict())
        .isEqualTo(Verdict.DENY_CASE_DATA);
  }

  @Test
  void completeAndStartBecomeFormSubmissions() {
    var complete = RestFirewall.decide("POST", "task/42/complete", ADMINISTRATOR);
    assertThat(complete.verdict()).isEqualTo(Verdict.REWRITE);
    assertThat(complete.path()).isEqualTo("task/42/submit-form");
    var start = RestFirewall.decide("POST", "process-definition/key/designation-application/start", PERSON);
    assertThat(start.path()).isEqualTo("process-definition/key/designation-application/submit-form");
    assertThat(RestFirewall.decide("POST", "process-definition/key/x/start", ADMINISTRATOR).verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void jsonDepthIgnoresBracketsInsideStrings() {
    assertThat(RestFirewallFilter.depth("{\"a\":[1,{\"b\":\"[[[[\"}]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
    assertThat(RestFirewallFilter.depth("[".repeat(40).getBytes(StandardCharsets.UTF_8))).isEqualTo(40);
  }
}
