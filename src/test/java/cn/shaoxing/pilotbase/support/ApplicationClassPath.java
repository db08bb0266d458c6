package cn.shaoxing.pilotbase.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** The class path to start the application in a JVM of its own (TwoNodeTest, the benchmark's cold start). */
public final class ApplicationClassPath {

  private ApplicationClassPath() {}

  /**
   * The test JVM's class path without the test classes: their Spring components (the test suite's
   * coverage plugin) must not be scanned into the application. Surefire may hide the class path in a
   * manifest-only booter jar; then it is read from the manifest.
   */
  public static String get() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>(List.of(cp.split(File.pathSeparator)));
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      try (JarFile jar = new JarFile(entries.get(0))) {
        String manifest = jar.getManifest() == null ? null
            : jar.getManifest().getMainAttributes().getValue("Class-Path");
        if (manifest != null) {
          entries = new ArrayList<>();
          for (String url : manifest.trim().split("\\s+")) {
            entries.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return String.join(File.pathSeparator, entries.stream()
        .filter(e -> !e.replace('\\', '/').replaceAll("/$", "").endsWith("/test-classes"))
        .toList());
  }
}
