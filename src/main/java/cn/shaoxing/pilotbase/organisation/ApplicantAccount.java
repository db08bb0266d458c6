package cn.shaoxing.pilotbase.organisation;

import cn.shaoxing.pilotbase.identity.Role;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An applicant account (Camunda user in group {@code applicant}) bound to exactly one organisation:
 * it files applications for this unified social credit code only, and nobody else can.
 *
 * @param reviewerGroup the district or competent unit that opened the account (or that the bureau
 *     named when it opened it); that reviewer group sees the account
 */
public record ApplicantAccount(
    String userId, String creditCode, String orgName, String reviewerGroup, String createdBy,
    Instant createdAt) {

  /** Chinese name of the reviewer group, for people reading the list. */
  @JsonProperty("reviewerName")
  public String reviewerName() {
    return Role.byGroupId(reviewerGroup).map(Role::chineseName).orElse(reviewerGroup);
  }
}
