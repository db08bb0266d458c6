package cn.shaoxing.pilotbase.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableTest {

  enum Decision implements Variable.Choice { APPROVE, SEND_BACK }

  static final Variable<Integer> YEAR = Variable.integer("roundYear");
  static final Variable<Decision> DECISION = Variable.choice("partyDecision", Decision.class);
  static final Variable<LocalDate> DATE = Variable.date("meetingDate");
  static final Variable<Boolean> FLAG = Variable.flag("confirmed");

  @Test
  void readsWhateverShapeTasklistOrTheApiSends() {
    assertThat(YEAR.of(Map.of("roundYear", 2031L))).isEqualTo(2031);
    assertThat(YEAR.of(Map.of("roundYear", 2031.0))).isEqualTo(2031);
    assertThat(YEAR.of(Map.of("roundYear", "2031"))).isEqualTo(2031);
    assertThat(YEAR.of(Map.of())).isNull();
    assertThat(DATE.of(Map.of("meetingDate", "2031-04-01T00:00:00"))).isEqualTo(LocalDate.of(2031, 4, 1));
    assertThat(FLAG.isTrue(Map.of("confirmed", "true"))).isTrue();
    assertThat(FLAG.isTrue(Map.of("confirmed", "yes"))).isFalse();
    assertThat(Variable.number("x").of(Map.of("x", "1.50"))).isEqualByComparingTo(new BigDecimal("1.5"));
  }

  @Test
  void aChoiceIsSpelledAsTheFormsSpellIt() {
    assertThat(Decision.SEND_BACK.value()).isEqualTo("sendBack");
    assertThat(DECISION.choices()).containsExactly("approve", "sendBack");
    assertThat(DECISION.of(Map.of("partyDecision", "sendBack"))).isEqualTo(Decision.SEND_BACK);
    assertThat(DECISION.of(Map.of("partyDecision", "somethingElse"))).isNull();
    Map<String, Object> vars = new HashMap<>();
    DECISION.put(vars, Decision.SEND_BACK);
    assertThat(vars).containsEntry("partyDecision", "sendBack");
    assertThat(YEAR.choices()).isEmpty();
    assertThat(Variable.strings("ids").of(Map.of("ids", "[\"a\",\"b\"]"))).isEqualTo(List.of("a", "b"));
  }
}
