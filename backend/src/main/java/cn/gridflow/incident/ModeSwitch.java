package cn.gridflow.incident;

import java.util.Arrays;
import java.util.List;

import cn.gridflow.org.Grid;
import cn.gridflow.org.GridRepository;
import cn.gridflow.notification.Notification;
import cn.gridflow.notification.Notifications;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${modeSwitch}}: carries out a confirmed 平战转换 for the communities in scope — records their mode (new grid
 * events read it), tells their open grid events ({@code MSG_MODE_CHANGED}), pushes the alert to every grid and
 * micro-grid there, and activates (at the end: deactivates) the micro-grid duty rosters.
 */
@ProcessBean
@Component("modeSwitch")
public class ModeSwitch {

    private final CommunityModes modes;
    private final GridRepository grids;
    private final Notifications notifications;
    private final DutyRosters rosters;

    public ModeSwitch(CommunityModes modes, GridRepository grids, Notifications notifications, DutyRosters rosters) {
        this.modes = modes;
        this.grids = grids;
        this.notifications = notifications;
        this.rosters = rosters;
    }

    public void apply(DelegateExecution execution, String mode) {
        List<String> scope = scopeOf(execution);
        String subject = (CommunityModes.WAR.equals(mode) ? "转入战时状态：" : "解除战时状态，恢复平时：")
                + execution.getVariable("warningType") + " " + execution.getVariable("warningLevel");
        for (String communityId : scope) {
            modes.set(communityId, mode, execution.getProcessInstanceId());
            // Open grid events there take the new mode; grid-event recomputes their deadlines in a job of its own.
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("MSG_MODE_CHANGED")
                    .processInstanceVariableEquals("communityId", communityId).setVariable("cityMode", mode)
                    .correlateAll();
            notifications.toGroup(execution, "MODE_" + mode, Groups.scopedId("community-head", communityId), subject);
        }
        // Down to every grid of the scope (Ningbo reached villages in about 6 minutes, domain-spec [S11]).
        for (Grid grid : grids.findAll()) {
            if (!grid.isMicroGrid() && scope.contains(grid.getCommunityId())) {
                notifications.toGroup(execution, "MODE_" + mode, Groups.scopedId("grid-staff", grid.getId()), subject);
                notifications.toGroup(execution, "MODE_" + mode, Groups.scopedId("grid-leader", grid.getId()), subject);
            }
        }
    }

    /**
     * 启用微网格值守: the roster of every micro-grid in scope becomes active for this switch (stored rows), and each
     * person on duty is told — in the app when they have an account, by phone otherwise. Runs as a job of its own;
     * run twice, it activates and notifies once (rows keyed by switch and entry, one outbox key per person).
     */
    public void activateDutyRosters(DelegateExecution execution) {
        String switchId = execution.getProcessInstanceId();
        rosters.activate(switchId, scopeOf(execution));
        for (DutyRosters.OnDuty duty : rosters.active()) {
            if (!duty.switchId().equals(switchId)) {
                continue;
            }
            String subject = "战时值守启动：" + duty.microGridName() + " " + duty.role() + "（" + duty.shift() + "），"
                    + execution.getVariable("warningType") + " " + execution.getVariable("warningLevel");
            String dedupKey = switchId + ":DUTY_ON:" + duty.microGridId() + ":" + duty.personName() + ":"
                    + duty.role();
            if (duty.userId() != null) {
                notifications.send(dedupKey, "DUTY_ON", Notification.RecipientKind.USER, duty.userId(), subject,
                        null, execution.getProcessBusinessKey(), switchId);
            } else if (duty.phone() != null) {
                notifications.send(dedupKey, "DUTY_ON", Notification.RecipientKind.PHONE, duty.phone(), subject,
                        null, execution.getProcessBusinessKey(), switchId);
            }
        }
    }

    /** 解除微网格值守: the rosters this switch activated stand down. */
    public void deactivateDutyRosters(DelegateExecution execution) {
        rosters.deactivate(execution.getProcessInstanceId(), scopeOf(execution));
    }

    public void escalateConfirmation(DelegateExecution execution) {
        notifications.toGroup(execution, "MODE_CONFIRMATION_LATE", "emergency-command",
                "平战转换 30 分钟未决，请副指挥长决定：" + execution.getVariable("reason"));
    }

    static List<String> scopeOf(DelegateExecution execution) {
        Object scope = execution.getVariable("scopeCommunityIds");
        if (scope == null || scope.toString().isBlank()) {
            throw new IllegalArgumentException("scopeCommunityIds is missing");
        }
        return Arrays.stream(scope.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
