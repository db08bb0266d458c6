package cn.shaoxing.pilotbase.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of one official document, laid out by {@link PdfLayout} in the spirit of GB/T 9704:
 * red header, document number (where one exists), title, addressee, body, table, issuer with seal
 * placeholder and date, and 公开方式. Texts are plain Chinese; nothing in them is interpreted.
 *
 * @param documentNumber e.g. 绍市科〔2026〕12号; null or blank for documents without one
 * @param addressee the line before the body (主送机关 or the organisation addressed), may be blank
 * @param table the table of bases, or null
 * @param publicNote 公开方式 line at the end, e.g. 此件公开发布; may be blank
 */
public record OfficialDocument(String title, String documentNumber, LocalDate date, String addressee,
    List<String> paragraphs, Table table, List<String> afterTable, String publicNote) {

  public OfficialDocument {
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    afterTable = afterTable == null ? List.of() : List.copyOf(afterTable);
  }

  /** A table: a caption above it, its headers, the relative width of each column and its rows. */
  public record Table(String caption, List<String> headers, List<Float> widths, List<List<String>> rows) {
    public Table {
      if (headers.size() != widths.size()) {
        throw new IllegalArgumentException("表格的列数与列宽数不一致");
      }
      rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
    }
  }
}
