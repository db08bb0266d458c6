-- Concurrency guards.
--
-- Named locks: a start that must happen once (the designation round of a year, an evaluation
-- cycle of a name) locks its row (SELECT ... FOR UPDATE) before it checks and inserts, so a second
-- start at the same moment waits and then sees the first one (clear message instead of a
-- duplicate-key error). The primary keys / unique indexes of dsg_round and eva_cycle stay the
-- last line of defence.
CREATE TABLE pb_lock (
  lock_name  VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO pb_lock (lock_name) VALUES ('designation-round-start');
INSERT INTO pb_lock (lock_name) VALUES ('evaluation-cycle-start');

-- One row per expert-draw case: the initial draw and every redraw of a case lock it, so two
-- experts declining at the same moment are replaced one after the other (never by the same expert).
CREATE TABLE exp_case_lock (
  case_ref    VARCHAR(64) NOT NULL PRIMARY KEY,
  created_at  TIMESTAMP   NOT NULL
);
INSERT INTO exp_case_lock (case_ref, created_at)
  SELECT case_ref, MIN(drawn_at) FROM exp_draw GROUP BY case_ref;
