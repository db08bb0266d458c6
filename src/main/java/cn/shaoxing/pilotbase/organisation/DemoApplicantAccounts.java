package cn.shaoxing.pilotbase.organisation;

import cn.shaoxing.pilotbase.identity.IdentityProperties;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the demo users (profile {@code demo}, and the tests): binds applicant1..applicant3 to their
 * organisations so they can file. Idempotent; a binding that exists is left as it is.
 */
@Component
public class DemoApplicantAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(DemoApplicantAccounts.class);

  /** A demo applicant's organisation. */
  public record Binding(String userId, String creditCode, String orgName, String reviewerGroup) {}

  public static final Binding APPLICANT1 = new Binding("applicant1",
      CreditCode.withCheckDigit("91330602MA2BRW001"), "越城精密医药中试有限公司", "districtYuecheng");
  public static final Binding APPLICANT2 = new Binding("applicant2",
      CreditCode.withCheckDigit("91330603MA2BRW002"), "柯桥纺织新材料中试中心", "districtKeqiao");
  public static final Binding APPLICANT3 = new Binding("applicant3",
      CreditCode.withCheckDigit("91330604MA2BRW003"), "上虞绿色化工中试有限公司", "districtShangyu");
  public static final List<Binding> ALL = List.of(APPLICANT1, APPLICANT2, APPLICANT3);

  private final IdentityProperties props;
  private final ApplicantAccountService accounts;
  private final IdentityService identity;

  public DemoApplicantAccounts(IdentityProperties props, ApplicantAccountService accounts,
      IdentityService identity) {
    this.props = props;
    this.accounts = accounts;
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    if (!props.seedDemoUsers()) {
      return;
    }
    for (Binding b : ALL) {
      boolean userExists = identity.createUserQuery().userId(b.userId()).count() > 0;
      if (userExists && accounts.findByUser(b.userId()).isEmpty()
          && accounts.findByCreditCode(b.creditCode()).isEmpty()) {
        accounts.bind(b.userId(), b.creditCode(), b.orgName(), b.reviewerGroup(), "system");
        LOG.info("演示申报账号 {} 已绑定 {}（{}）", b.userId(), b.orgName(), b.creditCode());
      }
    }
  }
}
