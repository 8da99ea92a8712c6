package cn.gridflow.incident;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.SlaTimers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${computeDueDates}}: turns the SLA decision's durations into dates on the working-day calendar (natural time
 * in war mode, as the decision's {@code calendar} says): signDueAt, slaDueAt, the yellow light at {@code yellowPct}
 * of the way, and level3At (通报) after the red light. The computation is {@link SlaTimers#start}, the same that
 * recomputes them after a change of mode, so the two cannot drift. Uses the engine clock, so tests can move it.
 */
@ProcessBean
@Component("computeDueDates")
public class ComputeDueDates implements JavaDelegate {

    private final SlaTimers slaTimers;

    public ComputeDueDates(SlaTimers slaTimers) {
        this.slaTimers = slaTimers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        slaTimers.start(execution);
    }
}
