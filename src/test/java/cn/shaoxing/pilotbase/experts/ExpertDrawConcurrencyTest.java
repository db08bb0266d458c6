package cn.shaoxing.pilotbase.experts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shaoxing.pilotbase.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two experts of one panel declining at the same moment (two engine transactions on PostgreSQL)
 * never get the same replacement: the redraws of a case are serialised by the case's row lock.
 */
class ExpertDrawConcurrencyTest extends IntegrationTest {

  /** A speciality only this test's experts have, so the draw's preferences are known. */
  static final String CHAIN = "drawConcurrencyTest";
  static final List<String> MATCHING = List.of("drawc1", "drawc2", "drawc3", "drawc4");
  static final String OTHER = "drawc5";

  @Autowired ExpertPoolService pool;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void retireTestExperts() {
    // keep the shared pool as other tests expect it
    for (String id : concat(MATCHING, OTHER)) {
      pool.find(id).ifPresent(e -> pool.save(new Expert(e.userId(), e.name(), e.organisation(),
          e.orgCreditCode(), e.specialities(), e.email(), e.phone(), false)));
    }
  }

  @Test
  void twoConcurrentDeclinesGetDifferentReplacements() throws Exception {
    for (String id : MATCHING) {
      pool.save(new Expert(id, "并发专家" + id, "某研究院" + id, null, List.of(CHAIN), null, null, true));
    }
    pool.save(new Expert(OTHER, "并发专家" + OTHER, "某研究院" + OTHER, null, List.of("otherChain"), null, null, true));

    // Panel of 3 out of the 4 experts of the case's chain: exactly one of them is left, so two
    // redraws that do not see each other would both prefer that one.
    DrawCase c = new DrawCase("drawc-" + UUID.randomUUID(), "并发抽取测试单位", null, CHAIN);
    List<String> panel = pool.drawPanel(c, 3).chosen();
    assertThat(panel).hasSize(3).allMatch(MATCHING::contains);

    CyclicBarrier together = new CyclicBarrier(2);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<DrawResult>> redraws = new ArrayList<>();
      for (String declining : panel.subList(0, 2)) {
        redraws.add(threads.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          // one transaction per decline, as the engine's task completion would run it
          return tx.execute(s -> pool.declineAndRedraw(c, declining, DeclineKind.UNAVAILABLE, "同一时间无法参加", panel));
        }));
      }
      String first = redraws.get(0).get(30, TimeUnit.SECONDS).chosen().get(0);
      String second = redraws.get(1).get(30, TimeUnit.SECONDS).chosen().get(0);

      assertThat(first).isNotEqualTo(second);
      assertThat(List.of(first, second)).doesNotContainAnyElementsOf(panel);
    } finally {
      threads.shutdownNow();
    }

    // No expert was drawn twice for the case: 3 + 1 + 1 different experts over three draws.
    List<String> everDrawn = pool.draws(c.caseRef()).stream().flatMap(d -> d.chosen().stream()).toList();
    assertThat(pool.draws(c.caseRef())).hasSize(3);
    assertThat(everDrawn).hasSize(5).doesNotHaveDuplicates();
  }

  private static List<String> concat(List<String> list, String one) {
    List<String> all = new ArrayList<>(list);
    all.add(one);
    return all;
  }
}
