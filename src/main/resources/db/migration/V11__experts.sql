-- Expert pool, declared conflicts of interest and the audit trail of every random draw.
CREATE TABLE exp_expert (
  user_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name             VARCHAR(100) NOT NULL,
  organisation     VARCHAR(200) NOT NULL,
  org_credit_code  VARCHAR(18),
  specialities     VARCHAR(500) NOT NULL,
  email            VARCHAR(200),
  phone            VARCHAR(50),
  active           BOOLEAN      NOT NULL
);

CREATE TABLE exp_conflict (
  id           VARCHAR(64)   NOT NULL PRIMARY KEY,
  user_id      VARCHAR(64)   NOT NULL REFERENCES exp_expert (user_id),
  credit_code  VARCHAR(18)   NOT NULL,
  reason       VARCHAR(1000) NOT NULL,
  declared_at  TIMESTAMP     NOT NULL
);
CREATE INDEX exp_conflict_user ON exp_conflict (user_id);

-- One row per draw (initial panel or replacement). The seed and the ordered pool of eligible
-- candidates are stored so that anyone can re-run the draw and get the same experts.
CREATE TABLE exp_draw (
  id              VARCHAR(64)   NOT NULL PRIMARY KEY,
  case_ref        VARCHAR(64)   NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  seed            BIGINT        NOT NULL,
  requested       INTEGER       NOT NULL,
  eligible_pool   VARCHAR(4000) NOT NULL,
  excluded        VARCHAR(4000) NOT NULL,
  chosen          VARCHAR(1000) NOT NULL,
  drawn_at        TIMESTAMP     NOT NULL
);
CREATE INDEX exp_draw_case ON exp_draw (case_ref);

-- Experts who declined a case: never drawn again for it.
CREATE TABLE exp_decline (
  id          VARCHAR(64)   NOT NULL PRIMARY KEY,
  case_ref    VARCHAR(64)   NOT NULL,
  user_id     VARCHAR(64)   NOT NULL,
  kind        VARCHAR(16)   NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  declined_at TIMESTAMP     NOT NULL
);
CREATE INDEX exp_decline_case ON exp_decline (case_ref);
