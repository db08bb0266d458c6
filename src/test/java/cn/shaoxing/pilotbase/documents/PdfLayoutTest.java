package cn.shaoxing.pilotbase.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout alone (no Spring): text as text, odd characters, several pages, a small embedded subset. */
class PdfLayoutTest {

  @Test
  void chineseDatesAreWrittenInWords() {
    assertThat(ChineseDates.of(LocalDate.of(2026, 11, 27))).isEqualTo("二〇二六年十一月二十七日");
    assertThat(ChineseDates.of(LocalDate.of(2030, 1, 10))).isEqualTo("二〇三〇年一月十日");
    assertThat(ChineseDates.of(LocalDate.of(2105, 10, 31))).isEqualTo("二一〇五年十月三十一日");
  }

  @Test
  void oddNamesAreDrawnAsTextAndMissingGlyphsDoNotBreakGeneration() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("1", "=1+1", "越城区科技局"));
    rows.add(List.of("2", "<b>粗体</b>有限公司", "柯桥区科技局"));
    rows.add(List.of("3", "𠀀鿏\u0007稀有字科技有限公司", "上虞区科技局"));
    OfficialDocument d = new OfficialDocument("关于=1+1与<b>的测试通知", "绍市科〔2102〕9号",
        LocalDate.of(2102, 3, 4), "各有关单位：", List.of("正文第一段，包含特殊字符𠀀与鿏。"),
        new OfficialDocument.Table("名单", List.of("序号", "单位名称", "推荐单位"), List.of(1f, 5f, 3f), rows),
        List.of(), "此件公开发布");

    byte[] pdf = PdfLayout.render(d);

    PdfText.screenshot(pdf, "layout-sample");
    String text = PdfText.of(pdf);
    assertThat(text).contains("绍兴市科学技术局", "绍市科〔2102〕9号", "=1+1", "<b>粗体</b>有限公司",
        "稀有字科技有限公司", "二一〇二年三月四日", "此件公开发布");
    assertThat(pdf.length).as("a one-page document embeds a font subset, not 15 MB").isLessThan(1_000_000);
  }

  @Test
  void aLongTableRunsOverSeveralPagesWithItsHeaderOnEach() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 80; i++) {
      rows.add(List.of(String.valueOf(i), "绍兴第" + i + "中试基地有限公司", "越城区科技局"));
    }
    OfficialDocument d = new OfficialDocument("长名单", null, LocalDate.of(2102, 3, 4), null, List.of("正文。"),
        new OfficialDocument.Table(null, List.of("序号", "单位名称", "推荐单位"), List.of(1f, 5f, 3f), rows),
        List.of(), null);

    byte[] pdf = PdfLayout.render(d);

    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(1);
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      assertThat(stripper.getText(doc)).contains("单位名称", "— 2 —");
    }
    assertThat(PdfText.of(pdf)).contains("绍兴第80中试基地有限公司");
  }
}
