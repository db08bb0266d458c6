package cn.shaoxing.pilotbase.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code pilotbase.evidence.*}: where the bytes go ({@code database}, the default, or
 * {@code filesystem} under {@code dir}) and the size limits per file and per case.
 */
@ConfigurationProperties("pilotbase.evidence")
public class EvidenceProperties {

  private String store = "database";
  private String dir = "./data/evidence";
  private DataSize maxFileSize = DataSize.ofMegabytes(20);
  private DataSize maxCaseSize = DataSize.ofMegabytes(200);

  public String getStore() {
    return store;
  }

  public void setStore(String store) {
    this.store = store;
  }

  public String getDir() {
    return dir;
  }

  public void setDir(String dir) {
    this.dir = dir;
  }

  public DataSize getMaxFileSize() {
    return maxFileSize;
  }

  public void setMaxFileSize(DataSize maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  public DataSize getMaxCaseSize() {
    return maxCaseSize;
  }

  public void setMaxCaseSize(DataSize maxCaseSize) {
    this.maxCaseSize = maxCaseSize;
  }
}
