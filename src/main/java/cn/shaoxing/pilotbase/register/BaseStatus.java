package cn.shaoxing.pilotbase.register;

/** Whether a designation is in force. */
public enum BaseStatus {
  ACTIVE,
  REVOKED
}
