package cn.shaoxing.pilotbase.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.regex.Pattern;

/**
 * {@code pilotbase.evidence.store=filesystem}: bytes under {@code pilotbase.evidence.dir}, addressed
 * by their SHA-256 ({@code ab/abcdef…}); nothing the client sent is part of the path. Written to a
 * temporary file in the same directory, forced to disk and moved atomically into place before the
 * row is inserted, so a committed row always finds its bytes; a rolled-back upload may leave a file
 * that no row names (harmless: the same content reuses it). Files are never deleted (another row may
 * share the content; sealed files are kept for the record).
 */
class FilesystemEvidenceStore implements EvidenceStore {

  static final String NAME = "filesystem";
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  FilesystemEvidenceStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void put(String fileId, String sha256, byte[] bytes) {
    Path target = path(sha256);
    try {
      Files.createDirectories(target.getParent());
      if (Files.exists(target) && Files.size(target) == bytes.length) {
        return;
      }
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          ch.write(java.nio.ByteBuffer.wrap(bytes));
          ch.force(true);
        }
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
          // written by a concurrent upload of the same content
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法保存上传的文件", e);
    }
  }

  @Override
  public byte[] get(String fileId, String sha256) {
    try {
      return Files.readAllBytes(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取文件 " + fileId, e);
    }
  }

  @Override
  public void delete(String fileId, String sha256) {
    // content-addressed: another file may have the same bytes; kept
  }

  Path path(String sha256) {
    if (!SHA.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}
