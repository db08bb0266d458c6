-- Issue 12 (Excel exports): each base's score with its working per indicator, as JSON of
-- scoring.BaseScore, written when the cycle scores its cohort; the export of a cycle's scores reads
-- it (the indicator table of a cycle may change afterwards, so the scores are not recomputed).
ALTER TABLE eva_participation ADD COLUMN score_json VARCHAR(100000);
