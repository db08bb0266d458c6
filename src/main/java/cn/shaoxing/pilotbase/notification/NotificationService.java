package cn.shaoxing.pilotbase.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;

/**
 * PLACEHOLDER (designation branch only) for the lead's transactional mail outbox on main, same
 * contract. Replaced by main's class when main is merged.
 */
@Service
public class NotificationService {

  /** A queued message. */
  public record Queued(String to, String subject, String body) {}

  private final List<Queued> queued = new CopyOnWriteArrayList<>();

  public void notifyUser(String userId, String subject, String body) {
    queued.add(new Queued("user:" + userId, subject, body));
  }

  public void notifyGroup(String groupId, String subject, String body) {
    queued.add(new Queued("group:" + groupId, subject, body));
  }

  public void notifyAddress(String email, String subject, String body) {
    queued.add(new Queued(email, subject, body));
  }

  public List<Queued> queued() {
    return queued;
  }
}
