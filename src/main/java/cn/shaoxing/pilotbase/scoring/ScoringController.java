package cn.shaoxing.pilotbase.scoring;

import java.util.List;
import java.util.Map;
import cn.shaoxing.pilotbase.identity.AccessGuard;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scoring configuration over HTTP. {@code /api/**} is behind Camunda HTTP Basic authentication
 * (set up by the identity capability); reading needs a login, changing needs group {@code bureau}
 * (403 otherwise). Errors come back as {@code {"message": "…"}} in Chinese.
 */
@RestController
@RequestMapping("/api/scoring")
public class ScoringController {

  /** Body of a rule change: the new rule and why. */
  public record RuleUpdate(ScoringRule rule, String reason) {}

  /** Body of a settings change: the new settings and why. */
  public record SettingsUpdate(ScoringSettings settings, String reason) {}

  private final ScoringConfigService config;
  private final AccessGuard guard;

  public ScoringController(ScoringConfigService config, AccessGuard guard) {
    this.config = config;
    this.guard = guard;
  }

  @GetMapping("/indicators")
  public IndicatorTable indicators() {
    actor();
    return config.currentTable();
  }

  @PutMapping("/indicators/{indicatorId}/rule")
  public IndicatorTable updateRule(@PathVariable String indicatorId, @RequestBody RuleUpdate body) {
    return config.updateRule(indicatorId, body.rule(), body.reason(), actor());
  }

  @PutMapping("/settings")
  public IndicatorTable updateSettings(@RequestBody SettingsUpdate body) {
    return config.updateSettings(body.settings(), body.reason(), actor());
  }

  @GetMapping("/changes")
  public List<RuleChange> changes() {
    actor();
    return config.changes();
  }

  /** The signed-in user (401 otherwise); whether it may change rules is the service's decision. */
  private ScoringActor actor() {
    Authentication auth = guard.current();
    return new ScoringActor(auth.getUserId(), auth.getGroupIds());
  }

  @ExceptionHandler(ScoringAccessDeniedException.class)
  ResponseEntity<Map<String, String>> forbidden(ScoringAccessDeniedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(ScoringValidationException.class)
  ResponseEntity<Map<String, String>> invalid(ScoringValidationException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }
}
