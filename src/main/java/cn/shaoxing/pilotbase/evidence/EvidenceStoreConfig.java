package cn.shaoxing.pilotbase.evidence;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Picks the store of {@code pilotbase.evidence.store} (database, the default, or filesystem). */
@Configuration(proxyBeanMethods = false)
class EvidenceStoreConfig {

  @Bean
  EvidenceStore evidenceStore(EvidenceProperties props, JdbcTemplate jdbc) {
    return switch (props.getStore() == null ? "database" : props.getStore().trim().toLowerCase()) {
      case DatabaseEvidenceStore.NAME -> new DatabaseEvidenceStore(jdbc);
      case FilesystemEvidenceStore.NAME -> new FilesystemEvidenceStore(Path.of(props.getDir()));
      default -> throw new IllegalStateException(
          "pilotbase.evidence.store must be database or filesystem, not " + props.getStore());
    };
  }
}
