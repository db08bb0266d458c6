package cn.shaoxing.pilotbase.documents;

/**
 * Who may read a document that is not public, besides the bureau, the party committee and
 * administrators: the applicant's or base's account ({@code userId}, may be null when the base has no
 * account) and its district or competent unit ({@code groupId}).
 */
public record Audience(String userId, String groupId) {

  public static final Audience PUBLIC = new Audience(null, null);
}
