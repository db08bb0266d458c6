-- Submissions of sealed forms (expert reviews): kept here instead of in process variables and
-- their history, so that no other participant can read them through the engine's API.
CREATE TABLE frm_sealed_submission (
  id                  VARCHAR(64)     NOT NULL PRIMARY KEY,
  form_id             VARCHAR(100)    NOT NULL,
  task_id             VARCHAR(64)     NOT NULL,
  process_instance_id VARCHAR(64)     NOT NULL,
  user_id             VARCHAR(128),
  content             VARCHAR(200000) NOT NULL,
  submitted_at        TIMESTAMP       NOT NULL
);
CREATE INDEX frm_sealed_submission_pi ON frm_sealed_submission (process_instance_id);
