-- One row per address a notice has been delivered to. A notice (notif_outbox row) to a group is sent
-- as one message per member; when SMTP fails for some of them, the retry sends only to the addresses
-- not yet listed here, so nobody gets the same notice twice.
CREATE TABLE notif_delivery (
  outbox_id  VARCHAR(36)  NOT NULL,
  address    VARCHAR(320) NOT NULL,
  sent_at    TIMESTAMP    NOT NULL,
  CONSTRAINT pk_notif_delivery PRIMARY KEY (outbox_id, address),
  CONSTRAINT fk_notif_delivery_outbox FOREIGN KEY (outbox_id) REFERENCES notif_outbox (id)
);
