package cn.shaoxing.pilotbase.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One .xlsx workbook written while it is filled, with the look every export shares. SXSSF keeps only
 * the last {@value #WINDOW} rows of each sheet in memory and flushes the others to a temporary file,
 * which {@link #close()} deletes. Every sheet has a bold, frozen header row and fixed column widths;
 * a cell is text, a whole number, a score (two decimals) or a date (yyyy-mm-dd), never a formula.
 */
final class Sheets implements AutoCloseable {

  /** Rows of a sheet kept in memory; older rows are on disk. */
  static final int WINDOW = 100;

  /** Excel's limit for the text of one cell. */
  static final int MAX_TEXT = 32_767;

  /** First characters that make Excel, LibreOffice or WPS read a cell as a formula once saved as CSV. */
  private static final String FORMULA_START = "=+-@\t\r\n";

  /** A column: its header and its width in characters (a CJK character counts as two). */
  record Column(String header, int width) {}

  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final CellStyle header;
  private final CellStyle text;
  private final CellStyle wrapped;
  private final CellStyle figure;
  private final CellStyle whole;
  private final CellStyle score;
  private final CellStyle date;

  Sheets() {
    workbook.setCompressTempFiles(true);
    DataFormat formats = workbook.createDataFormat();
    Font bold = workbook.createFont();
    bold.setBold(true);
    header = workbook.createCellStyle();
    header.setFont(bold);
    text = style(formats.getFormat("@"));
    wrapped = style(formats.getFormat("@"));
    wrapped.setWrapText(true);
    figure = style(formats.getFormat("0.####"));
    whole = style(formats.getFormat("0"));
    score = style(formats.getFormat("0.00"));
    date = style(formats.getFormat("yyyy-mm-dd"));
  }

  private CellStyle style(short format) {
    CellStyle s = workbook.createCellStyle();
    s.setDataFormat(format);
    return s;
  }

  /** A new sheet with its header row frozen. */
  Table table(String name, Column... columns) {
    SXSSFSheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < columns.length; i++) {
      sheet.setColumnWidth(i, Math.min(255, columns[i].width()) * 256);
      Cell c = row.createCell(i);
      c.setCellValue(columns[i].header());
      c.setCellStyle(header);
    }
    sheet.createFreezePane(0, 1);
    return new Table(sheet);
  }

  /** Writes the workbook (the flushed rows are read back from their temporary files). */
  void write(OutputStream out) throws IOException {
    workbook.write(out);
  }

  @Override
  public void close() throws IOException {
    workbook.dispose();
    workbook.close();
  }

  /**
   * Text as typed by a person, safe as a cell: a leading = + - @, tab or line break gets a single
   * quote (as in the register's CSV), so that the text stays text when the sheet is saved as CSV.
   */
  static String safe(String v) {
    if (v == null || v.isEmpty()) {
      return v;
    }
    String s = FORMULA_START.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }

  /** One sheet, filled row by row below its header. */
  final class Table {
    private final SXSSFSheet sheet;
    private int next = 1;

    private Table(SXSSFSheet sheet) {
      this.sheet = sheet;
    }

    Line line() {
      return new Line(sheet.createRow(next++));
    }

    /** Data rows written so far (the header not counted). */
    int rows() {
      return next - 1;
    }

    SXSSFSheet sheet() {
      return sheet;
    }
  }

  /** One row, filled cell by cell from the left; a null value leaves its cell empty. */
  final class Line {
    private final Row row;
    private int column;

    private Line(Row row) {
      this.row = row;
    }

    /** A string cell (never a formula, whatever the text). */
    Line text(String v) {
      return string(v, text);
    }

    /** A string cell of several lines, wrapped. */
    Line lines(String v) {
      return string(v, wrapped);
    }

    private Line string(String v, CellStyle style) {
      Cell c = row.createCell(column++);
      c.setCellStyle(style);
      if (v != null) {
        c.setCellValue(safe(v));
      }
      return this;
    }

    /** A reported figure (m², 万元, persons…): up to four decimals. */
    Line figure(BigDecimal v) {
      return number(v == null ? null : v.doubleValue(), figure);
    }

    Line whole(Number v) {
      return number(v == null ? null : v.doubleValue(), whole);
    }

    Line score(BigDecimal v) {
      return number(v == null ? null : v.doubleValue(), score);
    }

    Line date(LocalDate v) {
      Cell c = row.createCell(column++);
      c.setCellStyle(date);
      if (v != null) {
        c.setCellValue(v);
      }
      return this;
    }

    private Line number(Double v, CellStyle style) {
      Cell c = row.createCell(column++);
      c.setCellStyle(style);
      if (v != null) {
        c.setCellValue(v);
      }
      return this;
    }
  }
}
