package cn.shaoxing.pilotbase.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Tasklist's {@code deps.js} (camunda-webapp-webjar 7.24.0) with one change (ADR 0014): form-js
 * shows an {@code iframe} component only when its URL matches {@code /^(https):\/\/*}/i}, so an
 * evidence page on our own origin over plain http (the embedded default, the tests) would read
 * "External content couldn't be loaded." The check is widened to also accept a same-origin
 * absolute path ({@code /evidence/...}, not {@code //host}). Computed once from the webjar; if the
 * webjar no longer contains the exact original check, this fails instead of serving something
 * half-patched ({@code FormJsIframePatchTest} fails the build first).
 */
public final class FormJsIframePatch {

  /** Where the webjar keeps the file (served as {@code /camunda/lib/deps.js}). */
  public static final String RESOURCE = "META-INF/resources/webjars/camunda/lib/deps.js";
  /** form-js's URL check of the iframe component, exactly as in the 7.24.0 webjar. */
  public static final String ORIGINAL = "Ue=/^(https):\\/\\/*/i";
  /** The widened check: https URLs as before, or a path on this origin. */
  public static final String WIDENED = "Ue=/^(https:\\/\\/|\\/(?!\\/))/i";

  private final byte[] plain;
  private final byte[] gzipped;
  private final String etag;

  private FormJsIframePatch(byte[] plain) {
    this.plain = plain;
    this.gzipped = gzip(plain);
    this.etag = "\"pb-" + sha256(plain).substring(0, 32) + "\"";
  }

  /** Reads the webjar's file from the class path and widens the check. */
  public static FormJsIframePatch fromClasspath(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Camunda webjar file not on the class path: " + RESOURCE);
      }
      return new FormJsIframePatch(patch(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with the one check widened; fails unless the original occurs exactly once. */
  public static String patch(String depsJs) {
    int at = depsJs.indexOf(ORIGINAL);
    if (at < 0 || depsJs.indexOf(ORIGINAL, at + 1) >= 0) {
      throw new IllegalStateException("deps.js: form-js iframe URL check " + ORIGINAL + " found "
          + (at < 0 ? "nowhere" : "more than once") + "; the Camunda webapp changed, see docs/adr/0014-evidence-in-tasklist.md");
    }
    return depsJs.substring(0, at) + WIDENED + depsJs.substring(at + ORIGINAL.length());
  }

  public byte[] plain() {
    return plain.clone();
  }

  byte[] plainRef() {
    return plain;
  }

  byte[] gzippedRef() {
    return gzipped;
  }

  public String etag() {
    return etag;
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
