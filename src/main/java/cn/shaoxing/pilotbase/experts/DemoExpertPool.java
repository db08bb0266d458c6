package cn.shaoxing.pilotbase.experts;

import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: puts the demo users expert1..expert6 into the expert pool so a panel can be
 * drawn in a fresh installation. Production fills the pool itself (no demo data).
 */
@Component
@Profile("demo")
public class DemoExpertPool {

  private static final String[][] EXPERTS = {
    {"expert1", "王教授", "浙江大学", "biomedicine,newMaterials"},
    {"expert2", "李研究员", "中国科学院宁波材料所", "newMaterials"},
    {"expert3", "陈教授", "浙江工业大学", "integratedCircuits,highEndEquipment"},
    {"expert4", "赵高工", "绍兴文理学院", "modernTextiles,greenChemicals"},
    {"expert5", "周博士", "浙江理工大学", "biomedicine,newEnergy"},
    {"expert6", "吴教授", "杭州电子科技大学", "integratedCircuits,other"},
  };

  private final ExpertPoolService pool;

  public DemoExpertPool(ExpertPoolService pool) {
    this.pool = pool;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    for (String[] e : EXPERTS) {
      if (pool.find(e[0]).isEmpty()) {
        pool.save(new Expert(e[0], e[1], e[2], null, List.of(e[3].split(",")),
            e[0] + "@example.cn", null, true));
      }
    }
  }
}
