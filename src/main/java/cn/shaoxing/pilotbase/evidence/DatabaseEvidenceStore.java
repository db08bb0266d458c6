package cn.shaoxing.pilotbase.evidence;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default store: the bytes in {@code evd_content}, in the same transaction as the metadata. */
class DatabaseEvidenceStore implements EvidenceStore {

  static final String NAME = "database";

  private final JdbcTemplate jdbc;

  DatabaseEvidenceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean writesBeforeRow() {
    return false;
  }

  @Override
  public void put(String fileId, String sha256, byte[] bytes) {
    // evd_content references evd_file: the row is inserted by the caller first in this store
    jdbc.update("INSERT INTO evd_content (file_id, bytes) VALUES (?, ?)", fileId, bytes);
  }

  @Override
  public byte[] get(String fileId, String sha256) {
    try {
      return jdbc.queryForObject("SELECT bytes FROM evd_content WHERE file_id=?",
          (rs, i) -> rs.getBytes(1), fileId);
    } catch (EmptyResultDataAccessException e) {
      throw new IllegalStateException("evd_content has no bytes for file " + fileId, e);
    }
  }

  @Override
  public void delete(String fileId, String sha256) {
    jdbc.update("DELETE FROM evd_content WHERE file_id=?", fileId);
  }
}
