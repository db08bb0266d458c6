-- Annual designation rounds (one per year) and the applications filed in them.
CREATE TABLE dsg_round (
  round_year            INTEGER      NOT NULL PRIMARY KEY,
  process_instance_id   VARCHAR(64),
  application_deadline  DATE         NOT NULL,
  status                VARCHAR(24)  NOT NULL,
  panel_size            INTEGER      NOT NULL,
  publicity_start       TIMESTAMP,
  publicity_end         TIMESTAMP,
  objection_contact     VARCHAR(500),
  document_number       VARCHAR(100),
  document_date         DATE,
  opened_by             VARCHAR(64),
  opened_at             TIMESTAMP    NOT NULL
);

CREATE TABLE dsg_application (
  id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
  round_year           INTEGER       NOT NULL REFERENCES dsg_round (round_year),
  process_instance_id  VARCHAR(64),
  applicant_user_id    VARCHAR(64)   NOT NULL,
  org_name             VARCHAR(200)  NOT NULL,
  credit_code          VARCHAR(18)   NOT NULL,
  reviewer_group       VARCHAR(64)   NOT NULL,
  industry_chain       VARCHAR(64)   NOT NULL,
  contact_email        VARCHAR(200),
  status               VARCHAR(32)   NOT NULL,
  district_rank        INTEGER,
  final_score          DECIMAL(7,2),
  onsite_findings      VARCHAR(4000),
  outcome_reason       VARCHAR(4000),
  filing               VARCHAR(20000) NOT NULL,
  submitted_at         TIMESTAMP     NOT NULL,
  updated_at           TIMESTAMP     NOT NULL
);
CREATE INDEX dsg_application_round ON dsg_application (round_year, status);

-- One row per expert review actually submitted (declines are in exp_decline).
CREATE TABLE dsg_expert_review (
  id               VARCHAR(64)   NOT NULL PRIMARY KEY,
  application_id   VARCHAR(64)   NOT NULL REFERENCES dsg_application (id),
  expert_user_id   VARCHAR(64)   NOT NULL,
  indicator_scores VARCHAR(1000) NOT NULL,
  bonus            DECIMAL(5,2)  NOT NULL,
  total            DECIMAL(6,2)  NOT NULL,
  conditions_met   BOOLEAN       NOT NULL,
  recommend        BOOLEAN       NOT NULL,
  opinion          VARCHAR(4000) NOT NULL,
  onsite_requested BOOLEAN       NOT NULL,
  submitted_at     TIMESTAMP     NOT NULL
);
CREATE INDEX dsg_expert_review_app ON dsg_expert_review (application_id);

CREATE TABLE dsg_objection (
  id               VARCHAR(64)   NOT NULL PRIMARY KEY,
  round_year       INTEGER       NOT NULL REFERENCES dsg_round (round_year),
  application_id   VARCHAR(64)   NOT NULL REFERENCES dsg_application (id),
  objector_name    VARCHAR(100),
  objector_contact VARCHAR(200),
  anonymous        BOOLEAN       NOT NULL,
  content          VARCHAR(4000) NOT NULL,
  evidence         VARCHAR(4000),
  status           VARCHAR(16)   NOT NULL,
  outcome_reason   VARCHAR(4000),
  registered_by    VARCHAR(64),
  registered_at    TIMESTAMP     NOT NULL,
  closed_at        TIMESTAMP
);
CREATE INDEX dsg_objection_round ON dsg_objection (round_year, status);
