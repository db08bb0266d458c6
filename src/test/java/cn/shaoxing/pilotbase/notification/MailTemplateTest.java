package cn.shaoxing.pilotbase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

  @Test
  void fillsSubjectAndBodyFromTheTemplateNextToTheOwner() {
    Map<String, Object> values = new HashMap<>(Map.of("year", 2027, "org", "某$单位\\"));
    values.put("extra", null);
    MailTemplate m = MailTemplate.render(MailTemplateTest.class, "sample", values);
    assertThat(m.subject()).isEqualTo("2027年度通知");
    assertThat(m.body()).isEqualTo("某$单位\\：您好。\n第二行 2027");
  }

  @Test
  void aPlaceholderWithoutAValueFailsLoudly() {
    assertThatThrownBy(() -> MailTemplate.render(MailTemplateTest.class, "sample", Map.of("year", 1)))
        .hasMessageContaining("{org}");
  }

  @Test
  void aMissingTemplateFailsLoudly() {
    assertThatThrownBy(() -> MailTemplate.render(MailTemplateTest.class, "nope", Map.of()))
        .hasMessageContaining("mails/nope.txt");
  }
}
