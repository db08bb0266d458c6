package cn.shaoxing.pilotbase.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What concurrent attempts came to: the results of those that succeeded, the causes of those that failed. */
public record Outcomes<T>(List<T> succeeded, List<Throwable> failed) {

  public static <T> Outcomes<T> of(List<Future<T>> attempts) throws InterruptedException, TimeoutException {
    List<T> ok = new ArrayList<>();
    List<Throwable> failed = new ArrayList<>();
    for (Future<T> f : attempts) {
      try {
        ok.add(f.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        failed.add(e.getCause());
      }
    }
    return new Outcomes<>(ok, failed);
  }
}
