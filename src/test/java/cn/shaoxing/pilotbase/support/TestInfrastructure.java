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
