package cn.shaoxing.pilotbase.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real PostgreSQL server and one GreenMail SMTP server per test JVM, shared by every Spring
 * test so the Spring context is built once. GreenMail can be stopped and restarted on the same
 * port to simulate an SMTP outage.
 */
public final class TestInfrastructure {

  private static EmbeddedPostgres postgres;
  private static GreenMail greenMail;
  private static int smtpPort;
  private static String h2Url;

  private TestInfrastructure() {}

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("无法启动嵌入式PostgreSQL", e);
      }
    }
    return postgres;
  }

  public static synchronized String postgresJdbcUrl() {
    return postgres().getJdbcUrl("postgres", "postgres");
  }

  /** A fresh H2 file database under target/benchmark-h2, as the embedded default uses. */
  public static synchronized String h2JdbcUrl() {
    if (h2Url != null) {
      return h2Url;
    }
    java.nio.file.Path dir = java.nio.file.Path.of("target", "benchmark-h2").toAbsolutePath();
    try {
      org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    h2Url = "jdbc:h2:file:" + dir.resolve("pilotbase") + ";DB_CLOSE_ON_EXIT=FALSE";
    return h2Url;
  }

  public static synchronized int smtpPort() {
    if (smtpPort == 0) {
      smtpPort = freePort();
      startSmtp();
    }
    return smtpPort;
  }

  public static synchronized GreenMail smtp() {
    smtpPort();
    return greenMail;
  }

  public static synchronized void stopSmtp() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public static synchronized void startSmtp() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
