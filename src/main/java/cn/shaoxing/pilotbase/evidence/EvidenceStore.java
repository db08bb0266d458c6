package cn.shaoxing.pilotbase.evidence;

/**
 * Where the bytes of a file live. Called inside the upload's transaction before its row is
 * inserted: when {@link #put} returns, the bytes are durable (database: in the same transaction;
 * filesystem: on disk), so a committed row always has its bytes.
 */
public interface EvidenceStore {

  /** The name recorded in {@code evd_file.store}. */
  String name();

  /** True when {@link #put} must come before the row (the filesystem), false when after it (the database, by its foreign key). */
  default boolean writesBeforeRow() {
    return true;
  }

  void put(String fileId, String sha256, byte[] bytes);

  byte[] get(String fileId, String sha256);

  /** Forgets the bytes of a removed, unsealed file (a store shared by content may keep them). */
  void delete(String fileId, String sha256);
}
