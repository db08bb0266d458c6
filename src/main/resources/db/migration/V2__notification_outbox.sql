-- Transactional outbox for e-mail notifications: rows are written in the same transaction as the
-- engine change that caused them (so a rollback removes them and a commit keeps them), then sent
-- asynchronously, retried while SMTP is down, and never deleted.
CREATE TABLE notif_outbox (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  recipient_kind  VARCHAR(8)     NOT NULL,
  recipient       VARCHAR(200)   NOT NULL,
  subject         VARCHAR(300)   NOT NULL,
  body            VARCHAR(10000) NOT NULL,
  task_id         VARCHAR(64),
  status          VARCHAR(10)    NOT NULL,
  attempts        INTEGER        NOT NULL,
  next_attempt_at TIMESTAMP      NOT NULL,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP      NOT NULL,
  sent_at         TIMESTAMP,
  addresses       VARCHAR(2000),
  CONSTRAINT ck_notif_outbox_kind CHECK (recipient_kind IN ('USER', 'GROUP', 'ADDRESS')),
  CONSTRAINT ck_notif_outbox_status CHECK (status IN ('PENDING', 'SENT', 'LOGGED', 'FAILED', 'NOBODY'))
);
CREATE INDEX ix_notif_outbox_due ON notif_outbox (status, next_attempt_at);
