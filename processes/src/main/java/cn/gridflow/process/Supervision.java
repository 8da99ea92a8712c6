package cn.gridflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code ${supervision}}: the supervision ladder (督办, domain-spec §0.3) of a grid event. Yellow light at the yellow
 * point, red light (督办单, breach) at the SLA, 通报 at level 3, and level 2 after a second failed verification.
 * Each step happens once per event even when its timer fires again after a rework.
 */
public class Supervision {

    /** Where the ladder's messages go; the backend sends them through its notification outbox. */
    @FunctionalInterface
    public interface Notifier {
        void toGroup(DelegateExecution execution, String kind, String groupId, String subject);
    }

    public static final String SUPERVISOR = "sgc-supervisor";
    public static final String AUTHORITY = "governance-admin";

    private final Notifier notifier;

    public Supervision(Notifier notifier) {
        this.notifier = notifier;
    }

    public void yellow(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("yellowNotified"))) {
            return;
        }
        execution.setVariable("yellowNotified", true);
        String subject = "黄灯预警：" + execution.getProcessBusinessKey() + " 已用去 80% 办理时限";
        notifier.toGroup(execution, "YELLOW", handlerGroup(execution), subject);
        notifier.toGroup(execution, "YELLOW", leaderGroup(execution), subject);
    }

    public void red(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("redNotified"))) {
            return;
        }
        execution.setVariable("redNotified", true);
        execution.setVariable("slaBreached", true);
        raiseTo(execution, 2);
        String subject = "红灯督办单：" + execution.getProcessBusinessKey() + " 已超过办理时限";
        notifier.toGroup(execution, "RED", leaderGroup(execution), subject);
        notifier.toGroup(execution, "RED", SUPERVISOR, subject);
    }

    public void level3(DelegateExecution execution) {
        if (level(execution) >= 3) {
            return;
        }
        raiseTo(execution, 3);
        notifier.toGroup(execution, "LEVEL3", AUTHORITY,
                "通报：" + execution.getProcessBusinessKey() + " 超期未办结，计入双向考核");
    }

    /** A reopened event gets a new SLA, so its yellow and red lights may come again (slaBreached stays on record). */
    public void restartLadder(DelegateExecution execution) {
        execution.setVariable("yellowNotified", false);
        execution.setVariable("redNotified", false);
    }

    /** A department let the signing window pass: the event goes back to dispatch at level 1 at least (§1.6). */
    public void signOverdue(DelegateExecution execution) {
        raiseTo(execution, 1);
        String subject = "逾期未签收：" + execution.getProcessBusinessKey() + " 已退回重新分拨";
        notifier.toGroup(execution, "SIGN_OVERDUE", leaderGroup(execution), subject);
        notifier.toGroup(execution, "SIGN_OVERDUE", "sgc-dispatcher", subject);
    }

    /** A second (and any later) failed verification escalates to level 2 and tells the supervisor (§1.2 step 9). */
    public void verifyFailed(DelegateExecution execution) {
        Object round = execution.getVariable("verifyRound");
        if (round instanceof Number n && n.intValue() >= 2) {
            raiseTo(execution, 2);
            notifier.toGroup(execution, "VERIFY_FAILED", SUPERVISOR,
                    "督办：" + execution.getProcessBusinessKey() + " 核查第 " + n.intValue() + " 次未通过");
        }
    }

    private static int level(DelegateExecution execution) {
        Object level = execution.getVariable("escalationLevel");
        return level instanceof Number n ? n.intValue() : 0;
    }

    private static void raiseTo(DelegateExecution execution, int level) {
        execution.setVariable("escalationLevel", Math.max(level, level(execution)));
    }

    /** Who handles the event at its level. */
    static String handlerGroup(DelegateExecution execution) {
        return switch (String.valueOf(execution.getVariable("handlingLevel"))) {
            case "GRID" -> Groups.scopedId("grid-staff", (String) execution.getVariable("gridId"));
            case "COMMUNITY" -> Groups.scopedId("community-staff", (String) execution.getVariable("communityId"));
            default -> execution.getVariable("leadDept") == null ? "sgc-dispatcher"
                    : Groups.scopedId("dept-handler", (String) execution.getVariable("leadDept"));
        };
    }

    /** The handler's leader: 网格长, 社区书记 or the department's 分管领导. */
    static String leaderGroup(DelegateExecution execution) {
        return switch (String.valueOf(execution.getVariable("handlingLevel"))) {
            case "GRID" -> Groups.scopedId("grid-leader", (String) execution.getVariable("gridId"));
            case "COMMUNITY" -> Groups.scopedId("community-head", (String) execution.getVariable("communityId"));
            default -> execution.getVariable("leadDept") == null ? SUPERVISOR
                    : Groups.scopedId("dept-leader", (String) execution.getVariable("leadDept"));
        };
    }
}
