package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.web.DashboardService.ChainCount;
import cn.shaoxing.pilotbase.web.DashboardService.Snapshot;
import cn.shaoxing.pilotbase.web.DashboardService.TaskLoad;
import java.util.stream.Collectors;

/**
 * One-sentence Chinese summaries of the dashboard's charts: the {@code aria-label} of each chart
 * (role="img"), so a screen reader announces what the picture says; the numbers are in the table
 * view under each chart.
 */
public record DashboardCharts(String progress, String chains, String districts, String grades, String work) {

  public static DashboardCharts of(Snapshot s) {
    String progress = s.progress().isEmpty()
        ? "中试基地认定进度图：尚无认定的基地。目标" + s.goal() + "家以上。"
        : "中试基地认定进度图：截至" + s.progress().get(s.progress().size() - 1).year() + "年有效基地"
            + s.active() + "家，目标" + s.goal() + "家以上，完成" + s.progressPercent() + "%。";
    String chains = "按产业链分布图：" + s.byChain().stream().filter(c -> c.count() > 0 || c.key())
        .map(DashboardCharts::chain).collect(Collectors.joining("，")) + "。";
    String districts = "按区、县（市）及归口单位分布图：" + s.byDistrict().stream().filter(c -> c.count() > 0)
        .map(c -> c.label() + c.count() + "家").collect(Collectors.joining("，"))
        + (s.byDistrict().stream().allMatch(c -> c.count() == 0) ? "尚无有效基地" : "") + "。";
    String grades = s.grades().isEmpty() ? "各评价周期评价档次分布图：尚无形成档次的评价周期。"
        : "各评价周期评价档次分布图：" + s.grades().stream()
            .map(g -> g.cycle() + "（" + g.status() + "）" + g.grades().stream().filter(c -> c.count() > 0)
                .map(c -> c.label() + c.count() + "家").collect(Collectors.joining("、")))
            .collect(Collectors.joining("；")) + "。";
    long open = s.openWork().stream().mapToLong(TaskLoad::open).sum();
    long overdue = s.openWork().stream().mapToLong(TaskLoad::overdue).sum();
    String work = "在办事项图：" + s.openWork().size() + "个环节共" + open + "项在办，其中" + overdue + "项已逾期。";
    return new DashboardCharts(progress, chains, districts, grades, work);
  }

  private static String chain(ChainCount c) {
    return c.label() + (c.key() ? "（重点产业链）" : "") + c.count() + "家";
  }
}
