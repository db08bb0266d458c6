package cn.shaoxing.pilotbase.evidence;

import cn.shaoxing.pilotbase.identity.Role;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Who asks: the signed-in user and its Camunda groups (roles, {@link Role}). */
public record Viewer(String userId, Set<String> groups) {

  public static Viewer of(String userId, Collection<String> groups) {
    return new Viewer(userId, groups == null ? Set.of() : Set.copyOf(groups));
  }

  /** Member of one of the roles (administrators are not implied here). */
  public boolean is(Role... roles) {
    return Arrays.stream(roles).anyMatch(r -> groups.contains(r.groupId()));
  }

  public boolean inGroup(String groupId) {
    return groupId != null && groups.contains(groupId);
  }

  public boolean admin() {
    return groups.contains(Role.ADMIN.groupId());
  }

  /** The bureau, the party committee and administrators read every case (docs/evidence.md). */
  public boolean readsEverything() {
    return admin() || is(Role.BUREAU, Role.PARTY_COMMITTEE);
  }

  public List<String> groupList() {
    return List.copyOf(groups);
  }
}
