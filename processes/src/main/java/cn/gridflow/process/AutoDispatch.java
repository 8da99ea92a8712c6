package cn.gridflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code ${autoDispatch}}: 自动分拨 for clear-cut categories (domain-spec §1.2 step 8.1). When the DRD
 * {@code dept-by-category} named a lead department, the first dispatch needs no dispatcher: this step records it as
 * the dispatcher's form would ({@code leadDept}) and says who dispatched ({@code dispatchedBy}), so the record, the
 * timeline and the archive show that the system, not a person, sent the event to the department. A return, a sign
 * timeout or an unknown department still goes to the human {@code dispatch} task.
 */
public class AutoDispatch {

    /** Who dispatched, as shown to users. */
    public static final String BY_SYSTEM = "系统自动分拨";

    public void record(DelegateExecution execution) {
        Object leadDept = execution.getVariable("leadDept");
        if (leadDept == null || leadDept.toString().isBlank()) {
            throw new IllegalStateException("auto-dispatch needs the lead department of the category");
        }
        execution.setVariable("leadDept", leadDept.toString());
        execution.setVariable("autoDispatchedTo", leadDept.toString());
        execution.setVariable("dispatchedBy", BY_SYSTEM);
        execution.setVariable("dispatchNote", BY_SYSTEM + "：按事项类别由 " + leadDept + " 牵头");
    }
}
