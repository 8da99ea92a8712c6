-- The working-day calendar's holiday table (domain-spec §0.3): official public holidays (HOLIDAY, no work
-- even on a weekday) and 调休 make-up working days (WORKDAY, work on a Saturday or Sunday). Any other day
-- works Monday to Friday. No library carries current Chinese holiday data (build-facts), so administrators
-- keep this table through /api/calendar/days when the State Council publishes each year's schedule (around
-- November). The column is cal_day because DAY is a keyword in H2 2.x.
create table gf_calendar_day (
    cal_day     date         not null primary key,
    kind        varchar(16)  not null,
    name        varchar(100) not null,
    updated_by  varchar(255) not null,
    updated_at  datetime(3)  not null,
    constraint ck_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）.
-- 元旦 1/1; 春节 1/28–2/4, 1/26 (Sun) and 2/8 (Sat) work; 清明节 4/4–4/6; 劳动节 5/1–5/5, 4/27 (Sun) works;
-- 端午节 5/31–6/2; 国庆节、中秋节 10/1–10/8, 9/28 (Sun) and 10/11 (Sat) work.
insert into gf_calendar_day (cal_day, kind, name, updated_by, updated_at) values
    (date '2025-01-01', 'HOLIDAY', '元旦', 'system', timestamp '2024-11-12 00:00:00'),  -- 周三
    (date '2025-01-26', 'WORKDAY', '春节调休上班', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-01-28', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周二
    (date '2025-01-29', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周三
    (date '2025-01-30', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周四
    (date '2025-01-31', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周五
    (date '2025-02-01', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-02-02', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-02-03', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周一
    (date '2025-02-04', 'HOLIDAY', '春节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周二
    (date '2025-02-08', 'WORKDAY', '春节调休上班', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-04-04', 'HOLIDAY', '清明节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周五
    (date '2025-04-05', 'HOLIDAY', '清明节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-04-06', 'HOLIDAY', '清明节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-04-27', 'WORKDAY', '劳动节调休上班', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-05-01', 'HOLIDAY', '劳动节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周四
    (date '2025-05-02', 'HOLIDAY', '劳动节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周五
    (date '2025-05-03', 'HOLIDAY', '劳动节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-05-04', 'HOLIDAY', '劳动节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-05-05', 'HOLIDAY', '劳动节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周一
    (date '2025-05-31', 'HOLIDAY', '端午节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-06-01', 'HOLIDAY', '端午节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-06-02', 'HOLIDAY', '端午节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周一
    (date '2025-09-28', 'WORKDAY', '国庆节调休上班', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-10-01', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周三
    (date '2025-10-02', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周四
    (date '2025-10-03', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周五
    (date '2025-10-04', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周六
    (date '2025-10-05', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周日
    (date '2025-10-06', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周一
    (date '2025-10-07', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周二
    (date '2025-10-08', 'HOLIDAY', '国庆节、中秋节', 'system', timestamp '2024-11-12 00:00:00'),  -- 周三
    (date '2025-10-11', 'WORKDAY', '国庆节调休上班', 'system', timestamp '2024-11-12 00:00:00');  -- 周六

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）.
-- 元旦 1/1–1/3, 1/4 (Sun) works; 春节 2/15–2/23, 2/14 (Sat) and 2/28 (Sat) work; 清明节 4/4–4/6;
-- 劳动节 5/1–5/5, 5/9 (Sat) works; 端午节 6/19–6/21; 中秋节 9/25–9/27; 国庆节 10/1–10/7, 9/20 (Sun) and
-- 10/10 (Sat) work.
insert into gf_calendar_day (cal_day, kind, name, updated_by, updated_at) values
    (date '2026-01-01', 'HOLIDAY', '元旦', 'system', timestamp '2025-11-04 00:00:00'),  -- 周四
    (date '2026-01-02', 'HOLIDAY', '元旦', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-01-03', 'HOLIDAY', '元旦', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-01-04', 'WORKDAY', '元旦调休上班', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-02-14', 'WORKDAY', '春节调休上班', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-02-15', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-02-16', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周一
    (date '2026-02-17', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周二
    (date '2026-02-18', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周三
    (date '2026-02-19', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周四
    (date '2026-02-20', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-02-21', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-02-22', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-02-23', 'HOLIDAY', '春节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周一
    (date '2026-02-28', 'WORKDAY', '春节调休上班', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-04-04', 'HOLIDAY', '清明节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-04-05', 'HOLIDAY', '清明节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-04-06', 'HOLIDAY', '清明节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周一
    (date '2026-05-01', 'HOLIDAY', '劳动节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-05-02', 'HOLIDAY', '劳动节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-05-03', 'HOLIDAY', '劳动节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-05-04', 'HOLIDAY', '劳动节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周一
    (date '2026-05-05', 'HOLIDAY', '劳动节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周二
    (date '2026-05-09', 'WORKDAY', '劳动节调休上班', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-06-19', 'HOLIDAY', '端午节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-06-20', 'HOLIDAY', '端午节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-06-21', 'HOLIDAY', '端午节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-09-20', 'WORKDAY', '国庆节调休上班', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-09-25', 'HOLIDAY', '中秋节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-09-26', 'HOLIDAY', '中秋节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-09-27', 'HOLIDAY', '中秋节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-10-01', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周四
    (date '2026-10-02', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周五
    (date '2026-10-03', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周六
    (date '2026-10-04', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周日
    (date '2026-10-05', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周一
    (date '2026-10-06', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周二
    (date '2026-10-07', 'HOLIDAY', '国庆节', 'system', timestamp '2025-11-04 00:00:00'),  -- 周三
    (date '2026-10-10', 'WORKDAY', '国庆节调休上班', 'system', timestamp '2025-11-04 00:00:00');  -- 周六
