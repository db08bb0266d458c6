-- Named lock (pb_lock, V32) under which the missing-calendar warning checks for an open
-- 补录工作日历 (process calendar-upkeep) of a year and starts one: one open upkeep per year, also with
-- several nodes.
INSERT INTO pb_lock (lock_name) VALUES ('calendar-upkeep-start');
