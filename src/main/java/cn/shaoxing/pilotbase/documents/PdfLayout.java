package cn.shaoxing.pilotbase.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out an {@link OfficialDocument} on A4 pages in the spirit of GB/T 9704-2012 (党政机关公文格式):
 * margins 37 mm top and 28 mm left with a 156 mm text block, the issuing authority in red above a red
 * rule, the document number between them, the title centred in bold, the body with a two-character
 * first-line indent, the table of bases (its header repeated on each page), the issuer and date at the
 * right with a seal placeholder (a red circle with the authority's name and a star: a placeholder, the
 * real seal is applied to the printed copy), and page numbers 「— 1 —」. The font subset is embedded.
 *
 * <p>Any text is drawn as text, never interpreted; a character the font cannot draw (a rare CJK
 * character, a control character) becomes 「□」 so generation never fails on a name.
 */
final class PdfLayout {

  static final String AUTHORITY = "绍兴市科学技术局";

  private static final float MM = 72f / 25.4f;
  private static final PDRectangle A4 = PDRectangle.A4;
  private static final float LEFT = 28 * MM;
  private static final float WIDTH = 156 * MM;
  private static final float RIGHT = LEFT + WIDTH;
  private static final float TOP = A4.getHeight() - 30 * MM;
  private static final float BOTTOM = 30 * MM;
  private static final float[] RED = {0.85f, 0.05f, 0.08f};

  private static final float BODY_SIZE = 14f;
  private static final float BODY_LEADING = 25f;
  private static final float CELL_SIZE = 10.5f;
  private static final float CELL_LEADING = 15f;
  private static final float CELL_PAD = 4f;
  /** Punctuation that may not begin a line (避头点). */
  private static final String NO_LINE_START = "，。、；：？！）〕】］」』》〉”’％…·,.;:?!)]%";

  private final DocumentFonts fonts;
  private PDDocument doc;
  private PDFont regular;
  private PDFont bold;
  private PDPageContentStream out;
  private float y;

  private PdfLayout(DocumentFonts fonts) {
    this.fonts = fonts;
  }

  /** The PDF of {@code d}: one document at a time per JVM (the parsed fonts are shared). */
  static byte[] render(OfficialDocument d) {
    DocumentFonts fonts = DocumentFonts.get();
    synchronized (DocumentFonts.LOCK) {
      try {
        return new PdfLayout(fonts).draw(d);
      } catch (IOException e) {
        throw new UncheckedIOException("公文生成失败：" + e.getMessage(), e);
      }
    }
  }

  private byte[] draw(OfficialDocument d) throws IOException {
    try (PDDocument document = new PDDocument()) {
      doc = document;
      regular = PDType0Font.load(doc, fonts.regular, true);
      bold = PDType0Font.load(doc, fonts.bold, true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(safe(d.title()));
      info.setAuthor(AUTHORITY);
      info.setCreator("绍兴市科技成果转化中试基地平台");
      Calendar created = Calendar.getInstance(TimeZone.getTimeZone(cn.shaoxing.pilotbase.platform.AppClock.ZONE));
      info.setCreationDate(created);

      newPage();
      header(d.documentNumber());
      y -= 36;
      for (String line : balanced(safe(d.title()), bold, 20f, WIDTH - 40)) {
        centred(line, bold, 20f, y, false);
        y -= 32;
      }
      y -= 8;
      if (notBlank(d.addressee())) {
        ensure(BODY_LEADING);
        text(safe(d.addressee()), regular, BODY_SIZE, LEFT, y, false);
        y -= BODY_LEADING;
      }
      paragraphs(d.paragraphs());
      if (d.table() != null) {
        table(d.table());
      }
      paragraphs(d.afterTable());
      signature(d);
      if (notBlank(d.publicNote())) {
        ensure(BODY_LEADING);
        text("（" + safe(d.publicNote()) + "）", regular, BODY_SIZE, LEFT + 2 * BODY_SIZE, y, false);
        y -= BODY_LEADING;
      }
      out.close();
      pageNumbers();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = TOP;
  }

  /** Starts a new page unless {@code height} still fits above the bottom margin. */
  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  /** 发文机关标志 in red, the document number, the red rule. */
  private void header(String number) throws IOException {
    float size = 34f;
    y -= size;
    // widened letter spacing, as printed headers are
    float spacing = 6f;
    String name = AUTHORITY;
    float w = bold.getStringWidth(name) / 1000 * size + spacing * (name.length() - 1);
    out.beginText();
    out.setNonStrokingColor(RED[0], RED[1], RED[2]);
    out.setFont(bold, size);
    out.setCharacterSpacing(spacing);
    out.newLineAtOffset(LEFT + (WIDTH - w) / 2, y);
    out.showText(name);
    out.setCharacterSpacing(0);
    out.endText();
    out.setNonStrokingColor(0f, 0f, 0f);
    y -= 30;
    if (notBlank(number)) {
      centred(safe(number), regular, 15f, y, false);
    }
    y -= 12;
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(1.6f);
    out.moveTo(LEFT, y);
    out.lineTo(RIGHT, y);
    out.stroke();
    out.setStrokingColor(0f, 0f, 0f);
  }

  private void paragraphs(List<String> paragraphs) throws IOException {
    for (String p : paragraphs) {
      for (String line : wrap(safe(p), regular, BODY_SIZE, WIDTH, 2 * BODY_SIZE)) {
        ensure(BODY_LEADING);
        boolean first = line.startsWith("\u0000");
        String shown = first ? line.substring(1) : line;
        text(shown, regular, BODY_SIZE, LEFT + (first ? 2 * BODY_SIZE : 0), y, false);
        y -= BODY_LEADING;
      }
    }
  }

  private void table(OfficialDocument.Table t) throws IOException {
    y -= 6;
    if (notBlank(t.caption())) {
      ensure(BODY_LEADING + 40);
      centred(safe(t.caption()), bold, 13f, y, false);
      y -= BODY_LEADING - 4;
    }
    float total = 0;
    for (Float w : t.widths()) {
      total += w;
    }
    float[] cols = new float[t.widths().size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = WIDTH * t.widths().get(i) / total;
    }
    List<String> headers = t.headers().stream().map(PdfLayout::safe).toList();
    tableRow(headers, cols, true);
    for (List<String> row : t.rows()) {
      List<String> cells = row.stream().map(PdfLayout::safe).toList();
      if (rowHeight(cells, cols, false) > y - BOTTOM) {
        newPage();
        tableRow(headers, cols, true);
      }
      tableRow(cells, cols, false);
    }
    y -= 14;
  }

  private float rowHeight(List<String> cells, float[] cols, boolean header) throws IOException {
    int lines = 1;
    for (int i = 0; i < cols.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      lines = Math.max(lines, wrap(cell, header ? bold : regular, CELL_SIZE, cols[i] - 2 * CELL_PAD, 0).size());
    }
    return lines * CELL_LEADING + 2 * CELL_PAD;
  }

  private void tableRow(List<String> cells, float[] cols, boolean header) throws IOException {
    float h = rowHeight(cells, cols, header);
    if (h > y - BOTTOM) {
      newPage();
    }
    float x = LEFT;
    if (header) {
      out.setNonStrokingColor(0.93f, 0.93f, 0.93f);
      out.addRect(LEFT, y - h, WIDTH, h);
      out.fill();
      out.setNonStrokingColor(0f, 0f, 0f);
    }
    out.setLineWidth(0.6f);
    for (int i = 0; i < cols.length; i++) {
      out.addRect(x, y - h, cols[i], h);
      out.stroke();
      String cell = i < cells.size() ? cells.get(i) : "";
      List<String> lines = wrap(cell, header ? bold : regular, CELL_SIZE, cols[i] - 2 * CELL_PAD, 0);
      float ty = y - CELL_PAD - CELL_SIZE;
      for (String line : lines) {
        String shown = line.startsWith("\u0000") ? line.substring(1) : line;
        PDFont f = header ? bold : regular;
        float lw = f.getStringWidth(shown) / 1000 * CELL_SIZE;
        float tx = header ? x + (cols[i] - lw) / 2 : x + CELL_PAD;
        text(shown, f, CELL_SIZE, tx, ty, false);
        ty -= CELL_LEADING;
      }
      x += cols[i];
    }
    y -= h;
  }

  /** 发文机关署名 and 成文日期 at the right, the seal placeholder over them. */
  private void signature(OfficialDocument d) throws IOException {
    float needed = 130;
    if (y - needed < BOTTOM) {
      newPage();
    }
    y -= 40;
    String date = ChineseDates.of(d.date());
    float dateWidth = regular.getStringWidth(date) / 1000 * BODY_SIZE;
    float right = RIGHT - 4 * BODY_SIZE;
    float dateX = right - dateWidth;
    float nameWidth = regular.getStringWidth(AUTHORITY) / 1000 * BODY_SIZE;
    float centre = dateX + dateWidth / 2;
    text(AUTHORITY, regular, BODY_SIZE, centre - nameWidth / 2, y, false);
    float nameY = y;
    y -= BODY_LEADING;
    text(date, regular, BODY_SIZE, dateX, y, false);
    seal(centre, (nameY + y) / 2 + 5, 52);
    y -= BODY_LEADING * 2;
  }

  /** A red ring with the authority's name along its upper arc and a star: the seal's place. */
  private void seal(float cx, float cy, float r) throws IOException {
    out.saveGraphicsState();
    out.setStrokingColor(RED[0], RED[1], RED[2]);
    out.setNonStrokingColor(RED[0], RED[1], RED[2]);
    out.setLineWidth(2.2f);
    float k = 0.5523f * r;
    out.moveTo(cx + r, cy);
    out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    out.closePath();
    out.stroke();
    // five-pointed star
    float outer = r * 0.3f;
    float inner = outer * 0.382f;
    for (int i = 0; i < 10; i++) {
      double a = Math.toRadians(90 + i * 36);
      float rr = i % 2 == 0 ? outer : inner;
      float px = cx + (float) (rr * Math.cos(a));
      float py = cy + (float) (rr * Math.sin(a));
      if (i == 0) {
        out.moveTo(px, py);
      } else {
        out.lineTo(px, py);
      }
    }
    out.closePath();
    out.fill();
    // the name along the arc, from lower left over the top to lower right
    float size = 12.5f;
    String name = AUTHORITY;
    float span = 210f;
    float textRadius = r - size - 2;
    for (int i = 0; i < name.length(); i++) {
      double deg = 90 + span / 2 - i * span / (name.length() - 1);
      double a = Math.toRadians(deg);
      String ch = name.substring(i, i + 1);
      float w = bold.getStringWidth(ch) / 1000 * size;
      double rot = a - Math.PI / 2;
      float bx = cx + (float) (textRadius * Math.cos(a) - w / 2 * Math.cos(rot));
      float by = cy + (float) (textRadius * Math.sin(a) - w / 2 * Math.sin(rot));
      out.beginText();
      out.setFont(bold, size);
      out.setTextMatrix(Matrix.getRotateInstance(rot, bx, by));
      out.showText(ch);
      out.endText();
    }
    out.restoreGraphicsState();
  }

  private void pageNumbers() throws IOException {
    int n = doc.getNumberOfPages();
    for (int i = 0; i < n; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream s = new PDPageContentStream(doc, page,
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        String label = "— " + (i + 1) + " —";
        float w = regular.getStringWidth(label) / 1000 * 12f;
        s.beginText();
        s.setFont(regular, 12f);
        s.newLineAtOffset((A4.getWidth() - w) / 2, 18 * MM);
        s.showText(label);
        s.endText();
      }
    }
  }

  private void centred(String s, PDFont font, float size, float atY, boolean red) throws IOException {
    float w = font.getStringWidth(s) / 1000 * size;
    text(s, font, size, LEFT + (WIDTH - w) / 2, atY, red);
  }

  private void text(String s, PDFont font, float size, float x, float atY, boolean red) throws IOException {
    if (s.isEmpty()) {
      return;
    }
    out.beginText();
    if (red) {
      out.setNonStrokingColor(RED[0], RED[1], RED[2]);
    }
    out.setFont(font, size);
    out.newLineAtOffset(x, atY);
    out.showText(s);
    out.endText();
    if (red) {
      out.setNonStrokingColor(0f, 0f, 0f);
    }
  }

  /**
   * Lines of at most {@code width} points; {@code indent} on the first line of each paragraph (such a
   * line is marked with a leading U+0000, removed by the caller). CJK text breaks between any two
   * characters except before closing punctuation; explicit line breaks start a new paragraph.
   */
  private static List<String> wrap(String text, PDFont font, float size, float width, float indent)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String para : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      float used = indent;
      boolean first = true;
      int i = 0;
      while (i < para.length()) {
        int cp = para.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        float w = font.getStringWidth(ch) / 1000 * size;
        boolean fits = used + w <= width;
        if (!fits && line.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
          lines.add(mark(line.toString(), first && indent > 0));
          first = false;
          line.setLength(0);
          used = 0;
        }
        line.append(ch);
        used += w;
        i += Character.charCount(cp);
      }
      lines.add(mark(line.toString(), first && indent > 0));
    }
    return lines;
  }

  /** A title over several lines: lines of about equal length, not a full line and a short rest. */
  private static List<String> balanced(String text, PDFont font, float size, float width) throws IOException {
    List<String> lines = wrap(text, font, size, width, 0);
    if (lines.size() < 2) {
      return lines;
    }
    float total = font.getStringWidth(text.replace("\n", "")) / 1000 * size;
    float even = total / lines.size() + size;
    List<String> rebalanced = wrap(text, font, size, Math.min(width, even), 0);
    return rebalanced.size() == lines.size() ? rebalanced : lines;
  }

  private static String mark(String line, boolean indented) {
    return indented ? "\u0000" + line : line;
  }

  /** Text the fonts can draw: tabs become spaces, other control and missing characters 「□」. */
  static String safe(String s) {
    if (s == null) {
      return "";
    }
    DocumentFonts fonts = DocumentFonts.get();
    StringBuilder sb = new StringBuilder(s.length());
    s.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').codePoints().forEach(cp -> {
      if (cp == '\n') {
        sb.append('\n');
      } else if (Character.isISOControl(cp) || !fonts.canDraw(cp)) {
        sb.append(fonts.canDraw('□') ? '□' : '?');
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
