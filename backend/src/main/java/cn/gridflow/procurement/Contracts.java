package cn.gridflow.procurement;

import static cn.gridflow.procurement.CatalogItems.now;
import static cn.gridflow.procurement.CatalogItems.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gridflow.process.ContractTerms;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Service contracts, their evaluations and their payments (money in fen), and the providers. */
@Component
public class Contracts {

    public record Contract(String contractId, String itemCode, String deptId, long budgetFen, String providerId,
                           Long priceFen, String serviceItems, String qualityKpis, String paymentMethod,
                           Integer termMonths, Boolean stableContinuous, Date termStart, Date termEnd, String evalCycle,
                           Integer prepayPct, Integer instalments, String status, String processInstanceId,
                           String createdBy, Date createdAt, Date updatedAt, String communityId) {
    }

    public record Evaluation(String id, String contractId, String kind, Integer periodNo, int score, String grade,
                             int payPct, String note, String evaluatedBy, Date createdAt, String communitySatisfaction,
                             String communityFeedback) {
    }

    public record Payment(String id, String contractId, String kind, Integer periodNo, long baseFen, int payPct,
                          long amountFen, Date createdAt) {
    }

    private final JdbcTemplate jdbc;

    public Contracts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(String contractId, String itemCode, String deptId, String communityId, long budgetFen,
                          String processInstanceId, String createdBy) {
        if (find(contractId).isPresent()) {
            return false;
        }
        try {
            jdbc.update("""
                    insert into gf_procurement_contract (contract_id, item_code, dept_id, community_id, budget_fen,
                        status, proc_inst_id, created_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?)""",
                    contractId, itemCode, deptId, communityId, budgetFen, processInstanceId, createdBy, now(), now());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public Optional<Contract> find(String contractId) {
        return jdbc.query("select * from gf_procurement_contract where contract_id = ?", Contracts::contract,
                contractId).stream().findFirst();
    }

    public Page<Contract> page(String status, String itemCode, int page, int size) {
        return page(status, itemCode, null, page, size);
    }

    /** @param providerIds when not null, only contracts awarded to one of these providers (a provider's own) */
    public Page<Contract> page(String status, String itemCode, List<String> providerIds, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (providerIds != null) {
            if (providerIds.isEmpty()) {
                return new Page<>(List.of(), 0, page, size);
            }
            where.append(" and provider_id in (").append(String.join(", ", java.util.Collections.nCopies(
                    providerIds.size(), "?"))).append(")");
            args.addAll(providerIds);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = ?");
            args.add(status);
        }
        if (itemCode != null && !itemCode.isBlank()) {
            where.append(" and item_code = ?");
            args.add(itemCode);
        }
        Long total = jdbc.queryForObject("select count(*) from gf_procurement_contract" + where, Long.class,
                args.toArray());
        List<Contract> items = jdbc.query("select * from gf_procurement_contract" + where
                + " order by created_at desc, contract_id limit " + size + " offset " + (long) page * size,
                Contracts::contract, args.toArray());
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    public void setStatus(String contractId, String status) {
        jdbc.update("update gf_procurement_contract set status = ?, updated_at = ? where contract_id = ?", status,
                now(), contractId);
    }

    public void awarded(String contractId, String providerId, long priceFen) {
        jdbc.update("update gf_procurement_contract set provider_id = ?, price_fen = ?, status = 'DRAFTING',"
                + " updated_at = ? where contract_id = ?", providerId, priceFen, now(), contractId);
    }

    public void signed(String contractId, String serviceItems, String qualityKpis, String paymentMethod,
                       int termMonths, boolean stable, Date termStart, Date termEnd, String evalCycle, int prepayPct,
                       int instalments, long priceFen) {
        jdbc.update("""
                update gf_procurement_contract set service_items = ?, quality_kpis = ?, payment_method = ?,
                    term_months = ?, stable_continuous = ?, term_start = ?, term_end = ?, eval_cycle = ?,
                    prepay_pct = ?, instalments = ?, price_fen = ?, status = 'IN_FORCE', updated_at = ?
                where contract_id = ?""", serviceItems, qualityKpis, paymentMethod, termMonths, stable,
                timestamp(termStart), timestamp(termEnd), evalCycle, prepayPct, instalments, priceFen, now(),
                contractId);
    }

    /** @return false when this evaluation was recorded before (the recording step ran again) */
    public boolean recordEvaluation(String contractId, String itemCode, String kind, Integer periodNo, int score,
                                    String grade, int payPct, String note, String evaluatedBy,
                                    String communitySatisfaction, String communityFeedback,
                                    String activityInstanceId) {
        Integer seen = jdbc.queryForObject("select count(*) from gf_procurement_evaluation where activity_inst = ?",
                Integer.class, activityInstanceId);
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update("""
                insert into gf_procurement_evaluation (id, contract_id, item_code, kind, period_no, score, grade,
                    pay_pct, note, evaluated_by, community_satisfaction, community_feedback, activity_inst, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), contractId,
                itemCode, kind, periodNo, score, grade, payPct, note, evaluatedBy, communitySatisfaction,
                communityFeedback, activityInstanceId, now());
        return true;
    }

    public List<Evaluation> evaluations(String contractId) {
        return jdbc.query("select * from gf_procurement_evaluation where contract_id = ? order by created_at, id",
                (rs, n) -> new Evaluation(rs.getString("id"), rs.getString("contract_id"), rs.getString("kind"),
                        (Integer) rs.getObject("period_no", Integer.class), rs.getInt("score"), rs.getString("grade"),
                        rs.getInt("pay_pct"), rs.getString("note"), rs.getString("evaluated_by"),
                        rs.getTimestamp("created_at"), rs.getString("community_satisfaction"),
                        rs.getString("community_feedback")), contractId);
    }

    /** Grades of 差 given to any contract of the item since the date (catalog-adjustment's "two 差 in two years"). */
    public int poorGradesSince(String itemCode, Date since) {
        Integer count = jdbc.queryForObject("select count(*) from gf_procurement_evaluation where item_code = ?"
                + " and grade = ? and created_at >= ?", Integer.class, itemCode, ContractTerms.POOR, timestamp(since));
        return count == null ? 0 : count;
    }

    public List<String> gradesSince(String itemCode, Date since) {
        return jdbc.queryForList("select grade from gf_procurement_evaluation where item_code = ? and created_at >= ?"
                + " order by created_at", String.class, itemCode, timestamp(since));
    }

    /**
     * Records a payment or recovery once per obligation ({@code idemKey}). A second call for the same obligation
     * (a job run twice, on one node or two) finds the row and records nothing.
     *
     * @return the payment as recorded, the first time or before
     */
    public Payment pay(String idemKey, String contractId, String kind, Integer periodNo, long baseFen, int payPct,
                       long amountFen) {
        Optional<Payment> existing = payment(idemKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("""
                    insert into gf_procurement_payment (id, contract_id, kind, period_no, base_fen, pay_pct,
                        amount_fen, idem_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID().toString(), contractId, kind, periodNo, baseFen, payPct, amountFen, idemKey,
                    now());
        } catch (DuplicateKeyException raced) {
            // another node recorded it between our look and our insert: theirs stands
        }
        return payment(idemKey).orElseThrow();
    }

    public Optional<Payment> payment(String idemKey) {
        return jdbc.query("select * from gf_procurement_payment where idem_key = ?", Contracts::payment, idemKey)
                .stream().findFirst();
    }

    public List<Payment> payments(String contractId) {
        return jdbc.query("select * from gf_procurement_payment where contract_id = ? order by created_at, period_no",
                Contracts::payment, contractId);
    }

    public void ensureProvider(String providerId, String name) {
        Integer seen = jdbc.queryForObject("select count(*) from gf_procurement_provider where provider_id = ?",
                Integer.class, providerId);
        if (seen == null || seen == 0) {
            try {
                jdbc.update("insert into gf_procurement_provider (provider_id, name, created_at) values (?, ?, ?)",
                        providerId, name, now());
            } catch (DuplicateKeyException raced) {
                // created by a concurrent award
            }
        }
    }

    public void restrictProvider(String providerId, Date until) {
        jdbc.update("update gf_procurement_provider set restricted_until = ? where provider_id = ?", timestamp(until),
                providerId);
    }

    public Optional<Date> restrictedUntil(String providerId) {
        return jdbc.query("select restricted_until from gf_procurement_provider where provider_id = ?",
                (rs, n) -> (Date) rs.getTimestamp(1), providerId).stream().filter(java.util.Objects::nonNull)
                .findFirst();
    }

    public Optional<String> providerName(String providerId) {
        return jdbc.query("select name from gf_procurement_provider where provider_id = ?",
                (rs, n) -> rs.getString(1), providerId).stream().findFirst();
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getString("id"), rs.getString("contract_id"), rs.getString("kind"),
                (Integer) rs.getObject("period_no", Integer.class), rs.getLong("base_fen"), rs.getInt("pay_pct"),
                rs.getLong("amount_fen"), rs.getTimestamp("created_at"));
    }

    private static Contract contract(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getString("contract_id"), rs.getString("item_code"), rs.getString("dept_id"),
                rs.getLong("budget_fen"), rs.getString("provider_id"), (Long) rs.getObject("price_fen", Long.class),
                rs.getString("service_items"), rs.getString("quality_kpis"), rs.getString("payment_method"),
                (Integer) rs.getObject("term_months", Integer.class),
                (Boolean) rs.getObject("stable_continuous", Boolean.class), rs.getTimestamp("term_start"),
                rs.getTimestamp("term_end"), rs.getString("eval_cycle"),
                (Integer) rs.getObject("prepay_pct", Integer.class), (Integer) rs.getObject("instalments", Integer.class),
                rs.getString("status"), rs.getString("proc_inst_id"), rs.getString("created_by"),
                rs.getTimestamp("created_at"), rs.getTimestamp("updated_at"), rs.getString("community_id"));
    }
}
