package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.gridflow.notification.Notifications;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${hoaFund}}: 业财代理 payments against the approved budget of a resolution, in fen. Recording a payment is
 * idempotent per payment process (a job or a completion that runs twice pays once); recovery after a revoked
 * resolution marks every payment of the matter for recovery and tells the agent, also once.
 */
@ProcessBean
@Component("hoaFund")
public class HoaFund {

    public record Payment(String id, String resolutionNo, long amountFen, String paymentRef, String status,
                          Instant paidAt, Instant recoveredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Notifications notifications;

    public HoaFund(JdbcTemplate jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    public long paid(String resolutionNo) {
        Long paid = jdbc.queryForObject("select coalesce(sum(amount_fen), 0) from gf_hoa_payment"
                + " where resolution_no = ? and status = 'PAID'", Long.class, resolutionNo);
        return paid == null ? 0 : paid;
    }

    public long remaining(String resolutionNo, long budgetFen) {
        return budgetFen - paid(resolutionNo);
    }

    /** amount ≤ approved budget − paid; the remainder is shown to the two approvers. */
    public void checkBudget(DelegateExecution execution) {
        long budget = ((Number) execution.getVariable("budgetFen")).longValue();
        long amount = ((Number) execution.getVariable("amountFen")).longValue();
        long remaining = remaining((String) execution.getVariable("resolutionNo"), budget);
        execution.setVariable("remainingFen", remaining);
        boolean within = amount > 0 && amount <= remaining;
        execution.setVariable("withinBudget", within);
        if (!within) {
            execution.setVariable("paymentStatus", "REFUSED_OVER_BUDGET");
        }
    }

    public void checkApprovals(DelegateExecution execution) {
        execution.setVariable("bothApproved", Boolean.TRUE.equals(execution.getVariable("chairApproved"))
                && Boolean.TRUE.equals(execution.getVariable("memberApproved")));
    }

    public void recordPayment(DelegateExecution execution) {
        execution.setVariable("paymentStatus", "PAID");
        if (jdbc.queryForObject("select count(*) from gf_hoa_payment where proc_inst_id = ?", Integer.class,
                execution.getProcessInstanceId()) > 0) {
            return;
        }
        try {
            jdbc.update("insert into gf_hoa_payment (id, matter_id, resolution_no, proc_inst_id, amount_fen, payment_ref,"
                            + " status, paid_at) values (?, ?, ?, ?, ?, ?, 'PAID', ?)", UUID.randomUUID().toString(),
                    execution.getVariable("matterId"),
                    execution.getVariable("resolutionNo"), execution.getProcessInstanceId(),
                    ((Number) execution.getVariable("amountFen")).longValue(), execution.getVariable("paymentRef"),
                    HoaMatters.now());
        } catch (DuplicateKeyException raced) {
            // recorded by the other run
        }
    }

    /** Compensation of the payment activity: the resolution was revoked after money moved. */
    public void recoverPayments(DelegateExecution execution) {
        String matterId = (String) execution.getVariable("matterId");
        int marked = jdbc.update("update gf_hoa_payment set status = 'RECOVERY_REQUESTED', recovered_at = ?"
                + " where matter_id = ? and status = 'PAID'", HoaMatters.now(), matterId);
        execution.setVariable("paymentStatus", "RECOVERY_REQUESTED");
        if (marked > 0) {
            notifications.toGroup(execution, "HOA_PAYMENT_RECOVERY",
                    Groups.scopedId("fin-agent", (String) execution.getVariable("propertyAreaId")),
                    "决议被撤销，请追回已付款项：" + execution.getVariable("title") + "（" + matterId + "）");
        }
    }

    public List<Payment> of(String matterId) {
        return jdbc.query("select id, resolution_no, amount_fen, payment_ref, status, paid_at, recovered_at"
                        + " from gf_hoa_payment where matter_id = ? order by paid_at, id",
                (rs, i) -> new Payment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), matterId);
    }
}
