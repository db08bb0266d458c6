package cn.shaoxing.pilotbase.evidence;

import java.time.Instant;

/** One stored file's metadata ({@code evd_file}). */
public record EvidenceFile(String id, String caseRef, String slot, String name, String contentType,
    long size, String sha256, String store, String uploadedBy, Instant uploadedAt, Instant sealedAt,
    Instant removedAt) {

  public boolean sealed() {
    return sealedAt != null;
  }

  public boolean removed() {
    return removedAt != null;
  }
}
