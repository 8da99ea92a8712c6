package cn.gridflow.procurement;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.PaymentPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${contractPayments}}: pays a contract's advance and instalments and recovers the unearned advance, each as
 * a stored record keyed by its obligation, so a job that runs twice pays once.
 */
@ProcessBean
@Component("contractPayments")
public class ContractPayments {

    private final Contracts contracts;

    public ContractPayments(Contracts contracts) {
        this.contracts = contracts;
    }

    public void payAdvance(DelegateExecution execution) {
        payAdvance(ServiceContracts.contractId(execution));
    }

    public Contracts.Payment payAdvance(String contractId) {
        PaymentPlan plan = plan(contractId);
        return contracts.pay(contractId + ":ADVANCE", contractId, "ADVANCE", 0, plan.advanceFen(), 100,
                plan.advanceFen());
    }

    public void payInstalment(DelegateExecution execution) {
        payInstalment(ServiceContracts.contractId(execution),
                ServiceContracts.intOf(execution.getVariable("periodIndex")),
                ServiceContracts.intOf(execution.getVariable("payPct")));
    }

    /** Instalment {@code period} at the grade's pay percentage; the withheld rest is not paid later. */
    public Contracts.Payment payInstalment(String contractId, int period, int payPct) {
        long base = plan(contractId).instalmentFen(period);
        return contracts.pay(contractId + ":INSTALMENT:" + period, contractId, "INSTALMENT", period, base, payPct,
                PaymentPlan.payable(base, payPct));
    }

    /** The compensation handler of the advance: recovers the part covering the term after the withdrawal. */
    public void recoverAdvance(DelegateExecution execution) {
        String contractId = ServiceContracts.contractId(execution);
        Contracts.Contract contract = contracts.find(contractId).orElseThrow();
        long advance = contracts.payment(contractId + ":ADVANCE").map(Contracts.Payment::amountFen).orElse(0L);
        long unearned = PaymentPlan.unearned(advance, contract.termStart(), contract.termEnd(),
                ClockUtil.getCurrentTime());
        contracts.pay(contractId + ":RECOVERY", contractId, "RECOVERY", null, advance, 100, unearned);
        execution.setVariable("recoveredFen", unearned);
    }

    /** 决算: the totals go onto the process for the archive. */
    public void settle(DelegateExecution execution) {
        String contractId = ServiceContracts.contractId(execution);
        long paid = 0;
        long recovered = 0;
        for (Contracts.Payment p : contracts.payments(contractId)) {
            if ("RECOVERY".equals(p.kind())) {
                recovered += p.amountFen();
            } else {
                paid += p.amountFen();
            }
        }
        execution.setVariable("paidFen", paid - recovered);
    }

    private PaymentPlan plan(String contractId) {
        Contracts.Contract c = contracts.find(contractId)
                .orElseThrow(() -> new IllegalStateException("no contract " + contractId));
        return new PaymentPlan(c.priceFen(), c.prepayPct(), c.instalments());
    }
}
