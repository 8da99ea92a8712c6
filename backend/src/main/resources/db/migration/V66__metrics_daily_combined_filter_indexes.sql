-- Combined filters (two or more of community, grid, department, category, source) read the finest grain F of
-- gf_metric_daily, which has about one cell per event: its primary key starts with the day, so a year by
-- category + department scanned every F cell of the year (1.9 s on MariaDB at 1,000,000 events). These indexes
-- let such a query read only the cells of its most selective dimension; the dimensions after it are checked in
-- the index (index condition pushdown) before a cell is read. Counter updates do not touch them (the indexed
-- columns are the cell's key), so they cost only when a new cell is inserted.
--   grid + anything                               -> ix_metric_daily_grid
--   community (a head's scope) + dept/category/source -> ix_metric_daily_community
--   department + category and/or source           -> ix_metric_daily_dept
create index ix_metric_daily_grid on gf_metric_daily (grain, grid_id, stat_day);
create index ix_metric_daily_community on gf_metric_daily (grain, community_id, lead_dept, category, source,
    stat_day);
create index ix_metric_daily_dept on gf_metric_daily (grain, lead_dept, category, source, stat_day);
