package cn.shaoxing.pilotbase.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shaoxing.pilotbase.support.EvidenceFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pilotbase.evidence.store=filesystem}: content-addressed, written whole, no name from the client. */
class FilesystemEvidenceStoreTest {

  @TempDir Path dir;

  @Test
  void bytesLandUnderTheirHashAndNoTemporaryFileRemains() throws Exception {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(dir);
    byte[] pdf = EvidenceFixtures.pdf();
    String sha = EvidenceService.sha256(pdf);
    assertThat(store.writesBeforeRow()).isTrue();
    store.put("f1", sha, pdf);
    store.put("f2", sha, pdf); // same content: same file
    Path file = dir.resolve(sha.substring(0, 2)).resolve(sha);
    assertThat(file).exists();
    assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
    assertThat(store.get("f2", sha)).isEqualTo(pdf);
    try (var all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).toList()).containsExactly(file);
    }
    store.delete("f1", sha); // kept: another row may share the content
    assertThat(file).exists();
  }

  @Test
  void onlyAHashIsEverAPath() {
    FilesystemEvidenceStore store = new FilesystemEvidenceStore(dir);
    assertThatThrownBy(() -> store.put("f", "../../etc/passwd", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
