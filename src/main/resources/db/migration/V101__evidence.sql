-- Evidence materials (佐证材料, docs/evidence.md): files of a case and slot, their bytes, and who
-- downloaded which file when. Works on H2 (embedded default) and PostgreSQL.
--
-- case_ref: application/{id}, evaluation/{participationId}, objection/{id}, revocation/{id}, or
-- draft/{purpose}/{userId} for files uploaded on a start form before the case exists (moved to the
-- new case when the start form is submitted). removed_at: removed by its uploader before it was
-- sealed (the row stays for the record, the bytes of the database store are deleted).
CREATE TABLE evd_file (
  id            VARCHAR(64)   NOT NULL PRIMARY KEY,
  case_ref      VARCHAR(200)  NOT NULL,
  slot          VARCHAR(64)   NOT NULL,
  file_name     VARCHAR(200)  NOT NULL,
  content_type  VARCHAR(100)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  sha256        VARCHAR(64)   NOT NULL,
  store         VARCHAR(16)   NOT NULL,
  uploaded_by   VARCHAR(64)   NOT NULL,
  uploaded_at   TIMESTAMP     NOT NULL,
  sealed_at     TIMESTAMP,
  removed_at    TIMESTAMP,
  removed_by    VARCHAR(64)
);
CREATE INDEX evd_file_case ON evd_file (case_ref, slot);

-- The bytes of the database store (the default), written in the same transaction as the row above.
CREATE TABLE evd_content (
  file_id  VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES evd_file (id),
  bytes    BYTEA        NOT NULL
);

-- One row per case that ever had a file: uploads to one case lock it (SELECT ... FOR UPDATE), so
-- concurrent uploads keep the case's size limit.
CREATE TABLE evd_case_lock (
  case_ref    VARCHAR(200) NOT NULL PRIMARY KEY,
  created_at  TIMESTAMP    NOT NULL
);

-- Download audit: every download of a file, readable by the bureau.
CREATE TABLE evd_download (
  id             VARCHAR(64)   NOT NULL PRIMARY KEY,
  file_id        VARCHAR(64)   NOT NULL REFERENCES evd_file (id),
  case_ref       VARCHAR(200)  NOT NULL,
  user_id        VARCHAR(64)   NOT NULL,
  downloaded_at  TIMESTAMP     NOT NULL
);
CREATE INDEX evd_download_case ON evd_download (case_ref);
