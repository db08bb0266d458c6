package cn.shaoxing.pilotbase.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail as a real fault does (an uncaught exception with an English message),
 * so that the error pages for 500 can be tested through the real error dispatch (platform.ErrorPagesTest).
 */
@RestController
public class FaultProbe {

  public static final String MESSAGE = "probe fault: secret detail that must not reach a person";

  @GetMapping({"/test-probe/fault", "/api/test-probe/fault"})
  public String fault() {
    throw new IllegalStateException(MESSAGE);
  }
}
