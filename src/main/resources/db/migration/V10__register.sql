-- Register of designated pilot bases (绍兴市科技成果转化中试基地) and their history.
CREATE TABLE reg_base (
  id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
  base_name          VARCHAR(100) NOT NULL,
  org_name           VARCHAR(200) NOT NULL,
  credit_code        VARCHAR(18)  NOT NULL,
  industry_chain     VARCHAR(64)  NOT NULL,
  reviewer_group     VARCHAR(64)  NOT NULL,
  designation_year   INTEGER      NOT NULL,
  document_number    VARCHAR(100) NOT NULL,
  document_date      DATE         NOT NULL,
  status             VARCHAR(16)  NOT NULL,
  source_application VARCHAR(64),
  designated_at      TIMESTAMP    NOT NULL,
  revoked_at         TIMESTAMP,
  revocation_reason  VARCHAR(2000)
);
CREATE INDEX reg_base_credit_code ON reg_base (credit_code);

CREATE TABLE reg_base_event (
  id              VARCHAR(64)  NOT NULL PRIMARY KEY,
  base_id         VARCHAR(64)  NOT NULL REFERENCES reg_base (id),
  event_type      VARCHAR(32)  NOT NULL,
  event_date      DATE         NOT NULL,
  document_number VARCHAR(100),
  note            VARCHAR(2000),
  recorded_at     TIMESTAMP    NOT NULL
);
CREATE INDEX reg_base_event_base ON reg_base_event (base_id);
