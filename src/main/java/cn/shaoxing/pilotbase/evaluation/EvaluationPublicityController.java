package cn.shaoxing.pilotbase.evaluation;

import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentKind;
import cn.shaoxing.pilotbase.documents.DocumentService;
import cn.shaoxing.pilotbase.platform.AppClock;
import cn.shaoxing.pilotbase.calendar.WorkingDays;
import cn.shaoxing.pilotbase.register.RegisterService;
import cn.shaoxing.pilotbase.scoring.Grade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Public listing (公示) of the evaluation results under publicity: base, grade, publicity period
 * and how to object. Anonymous (/public/**); shows no scores' working and no materials. People get
 * the HTML page, programs the same content as JSON ({@code .json}).
 */
@Controller
public class EvaluationPublicityController {

  private final EvaluationService evaluations;
  private final RegisterService register;
  private final DocumentService documents;

  public EvaluationPublicityController(EvaluationService evaluations, RegisterService register,
      DocumentService documents) {
    this.evaluations = evaluations;
    this.register = register;
    this.documents = documents;
  }

  @GetMapping("/public/evaluation/publicity")
  public String page(Model model) {
    model.addAttribute("cycles", publicity());
    return "public/evaluation-publicity";
  }

  @GetMapping("/public/evaluation/publicity.json")
  @ResponseBody
  public List<Map<String, Object>> publicity() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Cycle c : evaluations.cyclesInStatus(CycleStatus.PUBLICITY)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("评价周期", c.name());
      // dates in Shanghai, as the designation notice: the timer fires at 00:00 after the last day
      m.put("公示开始", c.publicityStart().atZone(AppClock.ZONE).toLocalDate().toString());
      m.put("公示截止", c.publicityEnd().atZone(AppClock.ZONE).toLocalDate().minusDays(1).toString());
      m.put("异议方式", "公示期内以书面形式向绍兴市科技局成果转化处提出，须写明事实和理由");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Participation p : evaluations.participations(c.id())) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("单位名称", register.findById(p.baseId()).orElseThrow().orgName());
        r.put("评价结果", p.grade() == null ? "" : Grade.valueOf(p.grade()).chineseName());
        rows.add(r);
      }
      m.put("名单", rows);
      // the publicity notice as issued (PDF, public), ADR 0032
      documents.find(DocumentKind.EVALUATION_PUBLICITY, CaseRefs.cycle(c.id()))
          .ifPresent(d -> m.put("公示文件", d.publicHref()));
      out.add(m);
    }
    return out;
  }
}
