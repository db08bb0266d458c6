package cn.shaoxing.pilotbase.scoring;

import java.util.List;

/** Who asks for a configuration change: the authenticated user and the Camunda groups. */
public record ScoringActor(String userId, List<String> groupIds) {

  /** Camunda group of the bureau (see identity.Role.BUREAU). */
  public static final String BUREAU_GROUP = "bureau";

  public ScoringActor {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  public boolean isBureau() {
    return groupIds.contains(BUREAU_GROUP);
  }
}
