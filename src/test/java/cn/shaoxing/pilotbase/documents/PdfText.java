package cn.shaoxing.pilotbase.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a generated PDF back as a person would: its text, and its first page as a picture. */
public final class PdfText {

  private PdfText() {}

  public static String of(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** The first page at 100 dpi under target/screenshots/documents-{name}.png. */
  public static Path screenshot(byte[] pdf, String name) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 100);
      Path out = Path.of("target", "screenshots", "documents-" + name + ".png");
      Files.createDirectories(out.getParent());
      ImageIO.write(image, "png", out.toFile());
      return out;
    }
  }
}
