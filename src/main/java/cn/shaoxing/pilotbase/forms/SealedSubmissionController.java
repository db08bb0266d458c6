package cn.shaoxing.pilotbase.forms;

import cn.shaoxing.pilotbase.identity.AccessGuard;
import cn.shaoxing.pilotbase.identity.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sealed expert reviews of a case (docs/adr/0030-need-to-know.md): the bureau and the party
 * committee read all of them; an expert reads only its own; nobody else reads any.
 */
@RestController
public class SealedSubmissionController {

  private final SealedSubmissions sealed;
  private final AccessGuard guard;

  public SealedSubmissionController(SealedSubmissions sealed, AccessGuard guard) {
    this.sealed = sealed;
    this.guard = guard;
  }

  @GetMapping("/api/reviews/{processInstanceId}")
  public List<Map<String, Object>> reviews(@PathVariable String processInstanceId) {
    Authentication auth = guard.requireAny(Role.BUREAU, Role.PARTY_COMMITTEE, Role.EXPERT);
    boolean all = AccessGuard.hasAny(auth, Role.BUREAU, Role.PARTY_COMMITTEE);
    return sealed.ofProcessInstance(processInstanceId).stream()
        .filter(s -> all || auth.getUserId().equals(s.userId()))
        .map(s -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", s.id());
          m.put("formId", s.formId());
          m.put("expert", s.userId());
          m.put("submittedAt", s.submittedAt());
          m.put("values", s.values());
          return m;
        }).toList();
  }
}
