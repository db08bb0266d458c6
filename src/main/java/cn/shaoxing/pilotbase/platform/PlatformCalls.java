package cn.shaoxing.pilotbase.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The platform's own questions and actions on the engine, neither limited nor widened by the signed-in
 * caller's grants (ADR 0030: the caller's role or case was checked by our code first): the caller's
 * engine authentication is put aside for the call and restored afterwards, also when it fails.
 */
public final class PlatformCalls {

  private PlatformCalls() {}

  public static <T> T asPlatform(IdentityService identity, Supplier<T> work) {
    Authentication saved = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (saved != null) {
        identity.setAuthentication(saved);
      }
    }
  }

  public static void asPlatform(IdentityService identity, Runnable work) {
    asPlatform(identity, () -> {
      work.run();
      return null;
    });
  }
}
