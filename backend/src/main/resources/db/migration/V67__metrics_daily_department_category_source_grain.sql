-- One more grain of gf_metric_daily, so a department with a category and/or a source no longer reads the finest
-- grain F (one cell per event): a year by department + source read 37,000 cells of F through ix_metric_daily_dept
-- and took 0.6 s on MariaDB at 1,000,000 events, even with F in the buffer pool.
--   'X' day x department x category x source x mode
-- MetricsStore keeps it in the engine's transaction like the others (DailyCell.Grain), the rebuild recomputes it;
-- here it is filled once for an existing database by rolling up F, which keeps every dimension.

insert into gf_metric_daily (grain, stat_day, community_id, grid_id, lead_dept, category, source, city_mode,
    total, open_count, closed_count, sign_settled, signed_in_time, closed_with_sla, closed_in_time, rated,
    satisfied, reopened, handling_ms_sum, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12,
    h13, h14, h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28, h29, h30, h31)
select 'X', stat_day, '', '', lead_dept, category, source, city_mode,
    sum(total), sum(open_count), sum(closed_count), sum(sign_settled), sum(signed_in_time),
    sum(closed_with_sla), sum(closed_in_time), sum(rated), sum(satisfied), sum(reopened),
    sum(handling_ms_sum), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07),
    sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17),
    sum(h18), sum(h19), sum(h20), sum(h21), sum(h22), sum(h23), sum(h24), sum(h25), sum(h26), sum(h27),
    sum(h28), sum(h29), sum(h30), sum(h31)
from gf_metric_daily where grain = 'F'
group by stat_day, lead_dept, category, source, city_mode;
