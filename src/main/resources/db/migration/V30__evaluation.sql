-- Biennial performance evaluation (§五.（三）, annex 绩效评价规则) and revocation (annex §三).

-- One evaluation cycle (e.g. 2026年度绩效评价).
CREATE TABLE eva_cycle (
  id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
  cycle_name          VARCHAR(100)  NOT NULL,
  cycle_year          INTEGER       NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  scoring_mode        VARCHAR(16)   NOT NULL,
  process_instance_id VARCHAR(64),
  table_version       BIGINT,
  grading_json        VARCHAR(100000),
  opened_at           TIMESTAMP     NOT NULL,
  publicity_start     TIMESTAMP,
  publicity_end       TIMESTAMP,
  document_number     VARCHAR(100),
  document_date       DATE
);
CREATE UNIQUE INDEX eva_cycle_name ON eva_cycle (cycle_name);

-- One base in one cycle: filing, audit, result with its working.
CREATE TABLE eva_participation (
  id                VARCHAR(64)   NOT NULL PRIMARY KEY,
  cycle_id          VARCHAR(64)   NOT NULL REFERENCES eva_cycle (id),
  base_id           VARCHAR(64)   NOT NULL REFERENCES reg_base (id),
  status            VARCHAR(16)   NOT NULL,
  figures_json      VARCHAR(100000),
  evidence_json     VARCHAR(100000),
  self_report       VARCHAR(100000),
  district_opinion  VARCHAR(2000),
  onsite_findings   VARCHAR(2000),
  absence_excused   BOOLEAN,
  absence_reason    VARCHAR(2000),
  total_score       DECIMAL(7,2),
  score_rank        INTEGER,
  grade             VARCHAR(16),
  grade_note        VARCHAR(2000),
  working           VARCHAR(100000)
);
CREATE UNIQUE INDEX eva_participation_cycle_base ON eva_participation (cycle_id, base_id);

-- One expert's (or the third party's) marks for one base in one cycle.
CREATE TABLE eva_sheet (
  id          VARCHAR(64)   NOT NULL PRIMARY KEY,
  cycle_id    VARCHAR(64)   NOT NULL REFERENCES eva_cycle (id),
  base_id     VARCHAR(64)   NOT NULL,
  scorer_id   VARCHAR(64)   NOT NULL,
  sheet_json  VARCHAR(100000)          NOT NULL,
  onsite      BOOLEAN       NOT NULL,
  opinion     VARCHAR(2000),
  saved_at    TIMESTAMP     NOT NULL
);
CREATE INDEX eva_sheet_cycle_base ON eva_sheet (cycle_id, base_id);

-- Objections raised during the publicity of a cycle.
CREATE TABLE eva_objection (
  id              VARCHAR(64)   NOT NULL PRIMARY KEY,
  cycle_id        VARCHAR(64)   NOT NULL REFERENCES eva_cycle (id),
  base_id         VARCHAR(64)   NOT NULL,
  objector        VARCHAR(200),
  content         VARCHAR(4000) NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  upheld          BOOLEAN,
  result          VARCHAR(2000),
  corrected_grade VARCHAR(16),
  registered_at   TIMESTAMP     NOT NULL
);

-- The account that fills a base's self-evaluation, when the base did not come from an
-- application on this platform (bases designated before the platform existed).
CREATE TABLE eva_base_account (
  base_id  VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES reg_base (id),
  user_id  VARCHAR(64)  NOT NULL
);

-- Revocation cases (annex §三).
CREATE TABLE rev_case (
  id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
  base_id             VARCHAR(64)   NOT NULL REFERENCES reg_base (id),
  credit_code         VARCHAR(18)   NOT NULL,
  cause               VARCHAR(32)   NOT NULL,
  cause_details       VARCHAR(4000) NOT NULL,
  evidence_refs       VARCHAR(4000),
  source_cycle_id     VARCHAR(64),
  status              VARCHAR(16)   NOT NULL,
  statement           VARCHAR(4000),
  proposal_reason     VARCHAR(2000),
  decision_note       VARCHAR(2000),
  document_number     VARCHAR(100),
  document_date       DATE,
  process_instance_id VARCHAR(64),
  opened_at           TIMESTAMP     NOT NULL,
  closed_at           TIMESTAMP
);
CREATE INDEX rev_case_credit_code ON rev_case (credit_code);
