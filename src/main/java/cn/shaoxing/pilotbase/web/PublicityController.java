package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.designation.PublicityNotices;
import cn.shaoxing.pilotbase.documents.CaseRefs;
import cn.shaoxing.pilotbase.documents.DocumentKind;
import cn.shaoxing.pilotbase.documents.DocumentService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.shaoxing.pilotbase.register.RegisterService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public publicity page (公示), no login: bases under publicity, the period, how to object. */
@Controller
public class PublicityController {

  private final PublicityNotices notices;
  private final DocumentService documents;

  public PublicityController(PublicityNotices notices, DocumentService documents) {
    this.notices = notices;
    this.documents = documents;
  }

  @GetMapping("/public/publicity")
  public String publicity(Model model) {
    List<PublicityNotices.Notice> current = notices.current();
    model.addAttribute("notices", current);
    // the publicity notice as issued (PDF, public: anyone may download it), by round year
    Map<Integer, String> pdf = new HashMap<>();
    for (PublicityNotices.Notice n : current) {
      documents.find(DocumentKind.ROUND_PUBLICITY, CaseRefs.round(n.year()))
          .ifPresent(d -> pdf.put(n.year(), d.publicHref()));
    }
    model.addAttribute("pdf", pdf);
    model.addAttribute("unifiedName", RegisterService.UNIFIED_NAME);
    return "public/publicity";
  }
}
