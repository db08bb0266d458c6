package cn.shaoxing.pilotbase.web;

import cn.shaoxing.pilotbase.identity.WebappSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 「登录已过期，请重新登录」: where our pages send a person whose webapp session has ended. */
@Controller
public class LoginExpiredController {

  @GetMapping(WebappSession.LOGIN_EXPIRED)
  public String expired(Model model) {
    model.addAttribute("login", WebappSession.LOGIN);
    return "login-expired";
  }
}
