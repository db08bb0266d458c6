-- Issue 9: the designation round scores with the bureau's indicator table (package scoring).
-- The round keeps the table it read when it opened (JSON of scoring.IndicatorTable) and its
-- version (scoring_rule_change.change_id); each application records the version it was scored
-- with and the working (the whole computation in Chinese).
ALTER TABLE dsg_round ADD COLUMN table_version BIGINT;
ALTER TABLE dsg_round ADD COLUMN indicator_table VARCHAR(100000);
ALTER TABLE dsg_application ADD COLUMN table_version BIGINT;
ALTER TABLE dsg_application ADD COLUMN score_working VARCHAR(100000);
-- One expert's sheet (scoring.ExpertSheet as JSON); the expert's own total is filled when the
-- round scores its cohort, so it may be empty before.
ALTER TABLE dsg_expert_review ADD COLUMN sheet_json VARCHAR(20000);
ALTER TABLE dsg_expert_review ALTER COLUMN total DROP NOT NULL;
