package cn.shaoxing.pilotbase.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The CJK font of the documents: Noto Serif SC (SIL Open Font License), regular and bold, put on the
 * class path under {@code fonts/} by the build (ADR 0032). Each file is 15 MB: it is read and parsed
 * once per JVM, on first use. A parsed {@link TrueTypeFont} reads its glyphs lazily and is not safe for
 * concurrent use, so {@link PdfLayout} renders one document at a time while it holds {@link #LOCK}.
 */
final class DocumentFonts {

  static final Object LOCK = new Object();
  static final String REGULAR = "fonts/400Regular/NotoSerifSC_400Regular.ttf";
  static final String BOLD = "fonts/700Bold/NotoSerifSC_700Bold.ttf";

  private static volatile DocumentFonts instance;

  final TrueTypeFont regular;
  final TrueTypeFont bold;
  private final CmapLookup regularCmap;
  private final CmapLookup boldCmap;

  private DocumentFonts(TrueTypeFont regular, TrueTypeFont bold) throws IOException {
    this.regular = regular;
    this.bold = bold;
    this.regularCmap = regular.getUnicodeCmapLookup();
    this.boldCmap = bold.getUnicodeCmapLookup();
  }

  static DocumentFonts get() {
    DocumentFonts f = instance;
    if (f == null) {
      synchronized (DocumentFonts.class) {
        f = instance;
        if (f == null) {
          try {
            f = new DocumentFonts(parse(REGULAR), parse(BOLD));
          } catch (IOException e) {
            throw new UncheckedIOException("公文字体无法读取：" + e.getMessage(), e);
          }
          instance = f;
        }
      }
    }
    return f;
  }

  /** Whether both faces can draw the code point (a missing glyph is replaced, never a failure). */
  boolean canDraw(int codePoint) {
    return regularCmap.getGlyphId(codePoint) != 0 && boldCmap.getGlyphId(codePoint) != 0;
  }

  private static TrueTypeFont parse(String resource) throws IOException {
    try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("类路径上没有 " + resource + "（由 Maven 构建下载，见 ADR 0032）");
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    }
  }
}
