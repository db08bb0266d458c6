package cn.shaoxing.pilotbase.experts;

import cn.shaoxing.pilotbase.support.MigratedH2;
import javax.sql.DataSource;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.platform.NamedLocks;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The concurrency guards on the embedded default database (H2, all Flyway migrations): the
 * expert-draw case lock and the named start locks serialise two transactions, as they do on
 * PostgreSQL ({@link ExpertDrawConcurrencyTest}). No Spring context: DataSource + Flyway + JDBC.
 */
class DrawLocksH2Test {

  JdbcTemplate jdbc;
  TransactionTemplate tx;
  ExpertPoolService pool;
  ExecutorService threads = Executors.newFixedThreadPool(2);

  @BeforeEach
  void migrate() {
    DataSource ds = MigratedH2.create("locks", "");
    jdbc = new JdbcTemplate(ds);
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
    tx = new TransactionTemplate(transactions);
    pool = new ExpertPoolService(jdbc, transactions);
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void concurrentRedrawsOfOneCaseGetDifferentExperts() throws Exception {
    for (int i = 1; i <= 4; i++) {
      pool.save(new Expert("h2e" + i, "专家" + i, "单位" + i, null, List.of("chainX"), null, null, true));
    }
    pool.save(new Expert("h2e5", "专家5", "单位5", null, List.of("other"), null, null, true));
    DrawCase c = new DrawCase("h2-" + UUID.randomUUID(), "某单位", null, "chainX");
    List<String> panel = tx.execute(s -> pool.drawPanel(c, 3)).chosen();

    CyclicBarrier together = new CyclicBarrier(2);
    Future<DrawResult> a = threads.submit(() -> {
      together.await(10, TimeUnit.SECONDS);
      return tx.execute(s -> pool.declineAndRedraw(c, panel.get(0), DeclineKind.UNAVAILABLE, "出差", panel));
    });
    Future<DrawResult> b = threads.submit(() -> {
      together.await(10, TimeUnit.SECONDS);
      return tx.execute(s -> pool.declineAndRedraw(c, panel.get(1), DeclineKind.CONFLICT, "曾合作", panel));
    });

    assertThat(a.get(30, TimeUnit.SECONDS).chosen()).doesNotContainAnyElementsOf(b.get(30, TimeUnit.SECONDS).chosen());
    List<String> everDrawn = pool.draws(c.caseRef()).stream().flatMap(d -> d.chosen().stream()).toList();
    assertThat(everDrawn).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void aNamedLockMakesTheSecondTransactionWaitForTheFirst() throws Exception {
    NamedLocks locks = new NamedLocks(jdbc);
    CountDownLatch firstHolds = new CountDownLatch(1);
    Future<Long> first = threads.submit(() -> tx.execute(s -> {
      locks.lock("designation-round-start");
      firstHolds.countDown();
      sleep(400);
      return System.nanoTime();
    }));
    assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
    Future<Long> second = threads.submit(() -> tx.execute(s -> {
      locks.lock("designation-round-start");
      return System.nanoTime();
    }));
    // the second got the lock only after the first committed
    assertThat(second.get(30, TimeUnit.SECONDS)).isGreaterThan(first.get(30, TimeUnit.SECONDS));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
