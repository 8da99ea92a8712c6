-- The community a service contract serves (its community-staff give the feedback of each periodic evaluation,
-- domain-spec §3.4 step 8), and that feedback kept with the evaluation it went into.
alter table gf_procurement_contract add column community_id varchar(32);
alter table gf_procurement_evaluation add column community_satisfaction varchar(16);
alter table gf_procurement_evaluation add column community_feedback varchar(1000);
