package cn.shaoxing.pilotbase.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Several nodes on one PostgreSQL (ADR 0016) start one after the other: the engine's start on one node
 * (creating or updating Camunda's schema, seeding groups, grants, filters and users, auto-deploying
 * processes and forms) holds a PostgreSQL advisory lock, so two nodes started at the same moment on an
 * empty database do not both create the schema or both seed (the engine's schema creation is not
 * guarded against that; its deployment lock alone is). Taken before the engine is built (first
 * plugin), released when the application is ready; if the node dies on the way, PostgreSQL releases it
 * with the connection. On H2 (one process, the embedded default) it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** Any fixed number: the key of the advisory lock ("pilotbase startup"). */
  static final long KEY = 0x5058_4253_5441_5254L;
  private static final Duration MAX_WAIT = Duration.ofMinutes(10);

  private final DataSource dataSource;
  private Connection held;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        c.close();
        return;
      }
      c.setAutoCommit(true);
      long deadline = System.nanoTime() + MAX_WAIT.toNanos();
      long nextLog = 0;
      while (!tryLock(c)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("另一节点启动超过" + MAX_WAIT.toMinutes() + "分钟仍未完成，本节点放弃启动");
        }
        if (System.nanoTime() > nextLog) {
          LOG.info("另一节点正在启动（建表、初始化用户、部署流程），等待其完成后再启动流程引擎");
          nextLog = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        }
        Thread.sleep(500);
      }
      held = c;
      LOG.debug("已取得启动锁");
    } catch (SQLException e) {
      close(c);
      throw new IllegalStateException("无法取得启动锁：" + e.getMessage(), e);
    } catch (InterruptedException e) {
      close(c);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("等待启动锁时被中断", e);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, KEY);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The node is up (engine built, processes deployed, web server listening): the next node may start. */
  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement s = held.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
      LOG.debug("已释放启动锁");
    } catch (SQLException e) {
      LOG.warn("释放启动锁失败（连接关闭时由数据库释放）：{}", e.getMessage());
    } finally {
      close(held);
      held = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the lock goes with the session
      }
    }
  }
}
