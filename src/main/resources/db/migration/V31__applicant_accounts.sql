-- Applicant accounts bound to exactly one organisation: only the bound account may file
-- applications for that unified social credit code (统一社会信用代码). Accounts are opened by a
-- district / competent unit (its own reviewer group) or by the bureau (POST /api/applicant-accounts).
CREATE TABLE org_account (
  user_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
  credit_code     VARCHAR(18)  NOT NULL,
  org_name        VARCHAR(200) NOT NULL,
  reviewer_group  VARCHAR(64)  NOT NULL,
  created_by      VARCHAR(64)  NOT NULL,
  created_at      TIMESTAMP    NOT NULL,
  CONSTRAINT org_account_credit_code UNIQUE (credit_code)
);
CREATE INDEX org_account_reviewer_group ON org_account (reviewer_group);
