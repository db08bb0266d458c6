package cn.shaoxing.pilotbase.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;

/**
 * What a file is, by its content (Apache Tika's magic bytes, then the entries of a ZIP container for
 * OFD, DOCX and XLSX), never by the name or the type the client sends; and a safe name to show.
 */
final class ContentCheck {

  /** An allowed type: its content type and the extensions its name may end with. */
  record Kind(String label, String contentType, List<String> extensions) {}

  static final Kind PDF = new Kind("PDF", "application/pdf", List.of("pdf"));
  static final Kind JPEG = new Kind("JPEG", "image/jpeg", List.of("jpg", "jpeg"));
  static final Kind PNG = new Kind("PNG", "image/png", List.of("png"));
  static final Kind OFD = new Kind("OFD", "application/ofd", List.of("ofd"));
  static final Kind DOCX = new Kind("DOCX",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
  static final Kind XLSX = new Kind("XLSX",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));

  static final String ALLOWED = "PDF、JPEG、PNG、OFD、DOCX、XLSX";
  static final int MAX_NAME = 120;

  private static final Tika TIKA = new Tika();
  private static final Map<String, Kind> BY_MAGIC = Map.of(
      "application/pdf", PDF, "image/jpeg", JPEG, "image/png", PNG);
  private static final int MAX_ZIP_ENTRIES = 10_000;

  private ContentCheck() {}

  /** The allowed kind of these bytes, or null (executables, scripts, archives, anything else). */
  static Kind detect(byte[] bytes) {
    String magic = TIKA.detect(bytes);
    Kind k = BY_MAGIC.get(magic);
    if (k != null) {
      return k;
    }
    if ("application/zip".equals(magic) || magic.startsWith("application/x-tika-ooxml")
        || magic.startsWith("application/vnd.openxmlformats")) {
      return zipKind(bytes);
    }
    return null;
  }

  /** OFD (OFD.xml at the root), DOCX (word/document.xml), XLSX (xl/workbook.xml); other ZIPs are archives. */
  private static Kind zipKind(byte[] bytes) {
    Set<String> names = new HashSet<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      int n = 0;
      while ((e = zip.getNextEntry()) != null && n++ < MAX_ZIP_ENTRIES) {
        names.add(e.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    if (names.contains("OFD.xml")) {
      return OFD;
    }
    if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
      return DOCX;
    }
    if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
      return XLSX;
    }
    return null;
  }

  /**
   * The name to keep and show: the last path segment only, without control characters or
   * characters reserved on common file systems, trimmed, at most {@value #MAX_NAME} characters
   * (the extension kept). Null when nothing usable is left.
   */
  static String sanitise(String original) {
    if (original == null) {
      return null;
    }
    String n = original;
    int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(cut + 1);
    StringBuilder b = new StringBuilder();
    n.codePoints().forEach(cp -> {
      if (!Character.isISOControl(cp) && "<>:\"|?*".indexOf(cp) < 0
          && Character.getType(cp) != Character.FORMAT) {
        b.appendCodePoint(cp);
      }
    });
    n = b.toString().trim();
    while (n.startsWith(".")) {
      n = n.substring(1).trim();
    }
    if (n.isEmpty()) {
      return null;
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      String ext = extension(n);
      String keep = ext.isEmpty() ? "" : "." + ext;
      int room = MAX_NAME - keep.length();
      n = n.substring(0, n.offsetByCodePoints(0, Math.max(1, room))) + keep;
    }
    return n;
  }

  /** Whether the original name tried to be a path (contains a separator or a ".." segment). */
  static boolean looksLikePath(String original) {
    return original != null && (original.contains("/") || original.contains("\\") || original.contains(".."));
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
