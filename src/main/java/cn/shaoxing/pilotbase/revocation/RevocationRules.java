package cn.shaoxing.pilotbase.revocation;

import static cn.shaoxing.pilotbase.revocation.RevocationVariables.BASE_CREDIT_CODE;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.DOCUMENT_DATE;
import static cn.shaoxing.pilotbase.revocation.RevocationVariables.MEETING_DATE;

import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.forms.CompletionRule;
import cn.shaoxing.pilotbase.forms.FormRule;
import cn.shaoxing.pilotbase.register.RegisterService;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Domain checks of the revocation forms. */
@Configuration(proxyBeanMethods = false)
public class RevocationRules {

  private final RegisterService register;
  private final RevocationService revocations;

  public RevocationRules(RegisterService register, RevocationService revocations) {
    this.register = register;
    this.revocations = revocations;
  }

  @Bean
  public CompletionRule revocationStartRule() {
    return new FormRule("revocation-start", (v, e) -> {
      String code = BASE_CREDIT_CODE.of(v);
      if (code != null) {
        register.findActiveByCreditCode(code).ifPresentOrElse(b -> {
          if (revocations.openCase(b.id()).isPresent()) {
            e.add(BASE_CREDIT_CODE.name(), "该基地已有进行中的撤销程序");
          }
        }, () -> e.add(BASE_CREDIT_CODE.name(), "名录中没有该统一社会信用代码的有效中试基地"));
      }
    });
  }

  @Bean
  public CompletionRule revocationPartyRule() {
    return new FormRule("revocation-party-decision", (v, e) -> {
      LocalDate meeting = MEETING_DATE.of(v);
      if (meeting != null && meeting.isAfter(AppClock.today())) {
        e.add(MEETING_DATE.name(), "党组会议日期不能晚于今天");
      }
    });
  }

  @Bean
  public CompletionRule revocationPublicationRule() {
    return new FormRule("revocation-publication", (v, e) -> {
      LocalDate date = DOCUMENT_DATE.of(v);
      if (date != null && date.isAfter(AppClock.today())) {
        e.add(DOCUMENT_DATE.name(), "发文日期不能晚于今天");
      }
    });
  }

}
