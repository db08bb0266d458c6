package cn.shaoxing.pilotbase.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The register export's formula guard (CSV injection): every dangerous first character, and quoting. */
class CsvCellTest {

  @ParameterizedTest
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r", "\n"})
  void aDangerousFirstCharacterIsNeutralisedWithAQuote(String first) {
    String value = first + "HYPERLINK(\"http://evil.example\",\"点此\")";
    assertThat(DashboardController.cell(value))
        .isEqualTo("\"'" + value.replace("\"", "\"\"") + "\"");
  }

  @Test
  void aLineBreakAfterAFormulaOrBeforeItDoesNotSlipThrough() {
    assertThat(DashboardController.cell("=1+1\n某公司")).isEqualTo("\"'=1+1\n某公司\"");
    assertThat(DashboardController.cell("\n=cmd|' /C calc'!A0")).isEqualTo("\"'\n=cmd|' /C calc'!A0\"");
  }

  @Test
  void ordinaryTextIsOnlyQuoted() {
    assertThat(DashboardController.cell("绍兴某某新材料有限公司")).isEqualTo("\"绍兴某某新材料有限公司\"");
    assertThat(DashboardController.cell("A=B, \"C\"")).isEqualTo("\"A=B, \"\"C\"\"\"");
    assertThat(DashboardController.cell("")).isEqualTo("\"\"");
    assertThat(DashboardController.cell(null)).isEmpty();
  }
}
