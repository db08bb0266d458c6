package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.designation.PublicityNotices;
import cn.shaoxing.pilotbase.register.RegisterService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Public publicity page (公示), no login: bases under publicity, the period, how to object. */
@Controller
public class PublicityController {

  private final PublicityNotices notices;

  public PublicityController(PublicityNotices notices) {
    this.notices = notices;
  }

  @GetMapping("/public/publicity")
  public String publicity(Model model) {
    model.addAttribute("notices", notices.current());
    model.addAttribute("unifiedName", RegisterService.UNIFIED_NAME);
    return "public/publicity";
  }
}
