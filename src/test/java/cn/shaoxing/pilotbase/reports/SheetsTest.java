package cn.shaoxing.pilotbase.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook every export is written with: streaming, typed cells, formula-safe text. */
class SheetsTest {

  @Test
  void rowsLeaveMemoryAsTheSheetGrowsAndCellsKeepTheirTypes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long before = sheetTempFiles();
    try (Sheets book = new Sheets()) {
      Sheets.Table t = book.table("名录", new Sheets.Column("依托单位", 34), new Sheets.Column("排序", 8),
          new Sheets.Column("得分", 10), new Sheets.Column("日期", 12), new Sheets.Column("数据", 12));
      for (int i = 1; i <= 300; i++) {
        t.line().text(i == 1 ? "=1+1" : "单位" + i).whole(i).score(new BigDecimal("85.456"))
            .date(LocalDate.of(2110, 3, 1).plusDays(i)).figure(new BigDecimal("2500.5"));
      }
      assertThat(t.rows()).isEqualTo(300);
      // SXSSF: only the last WINDOW rows are in memory, the others were flushed to a temporary file
      assertThat(t.sheet().getLastFlushedRowNum()).isGreaterThanOrEqualTo(300 - Sheets.WINDOW);
      assertThat((Object) t.sheet().getRow(1)).isNull();
      assertThat((Object) t.sheet().getRow(300)).isNotNull();
      assertThat(sheetTempFiles()).as("the flushed rows' temporary file").isGreaterThan(before);
      book.write(out);
    }
    assertThat(sheetTempFiles()).as("deleted when the workbook is closed").isEqualTo(before);

    try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = read.getSheet("名录");
      assertThat(sheet.getLastRowNum()).isEqualTo(300);
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("依托单位");
      assertThat(read.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(0)).isEqualTo(34 * 256);

      Row first = sheet.getRow(1);
      Cell formula = first.getCell(0);
      assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
      assertThat(formula.getStringCellValue()).isEqualTo("'=1+1");
      assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1.0);
      assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(85.456);
      assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
      assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2110, 3, 2));
      assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(2500.5);
      assertThat(sheet.getRow(300).getCell(0).getStringCellValue()).isEqualTo("单位300");
    }
  }

  /** SXSSF's temporary sheet files (POI's default: {@code java.io.tmpdir/poifiles}). */
  static long sheetTempFiles() throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("poi-sxssf-sheet")).count();
    }
  }

  @Test
  void textThatASpreadsheetWouldRunGetsAQuote() {
    assertThat(Sheets.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(Sheets.safe("+86 575")).isEqualTo("'+86 575");
    assertThat(Sheets.safe("-1")).isEqualTo("'-1");
    assertThat(Sheets.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Sheets.safe("\t=1")).isEqualTo("'\t=1");
    assertThat(Sheets.safe("\r\n=1")).isEqualTo("'\r\n=1");
    assertThat(Sheets.safe("绍兴某公司=1")).isEqualTo("绍兴某公司=1");
    assertThat(Sheets.safe(null)).isNull();
    assertThat(Sheets.safe("长".repeat(40_000))).hasSize(Sheets.MAX_TEXT).endsWith("…");
  }
}
