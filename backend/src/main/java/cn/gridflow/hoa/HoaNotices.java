package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.notification.Notifications;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** {@code ${hoaNotices}}: messages of the decision process, through the notification outbox (once per step). */
@ProcessBean
@Component("hoaNotices")
public class HoaNotices {

    private final Notifications notifications;

    public HoaNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** 审2 past its due date: the community's party secretary (社区书记) is asked to see to it. */
    public void partyReviewOverdue(DelegateExecution execution) {
        notifications.toGroup(execution, "HOA_PARTY_REVIEW_OVERDUE",
                Groups.scopedId("community-head", (String) execution.getVariable("communityId")),
                "党组织审核逾期：" + execution.getVariable("title") + "（" + execution.getVariable("matterId") + "）");
    }

    public void notifyProposers(DelegateExecution execution) {
        String subject = "议案未获党组织审核同意：" + execution.getVariable("title") + "。意见："
                + execution.getVariable("partyOpinion");
        Object proposer = execution.getVariable("proposerId");
        if (proposer != null) {
            notifications.toUser(execution, "HOA_PARTY_REJECTED", proposer.toString(), subject);
        }
        notifications.toGroup(execution, "HOA_PARTY_REJECTED",
                Groups.scopedId("hoa-chair", (String) execution.getVariable("propertyAreaId")), subject);
    }

    /** A statement anomaly not rectified within 10 working days goes to the community's party secretary. */
    public void rectifyOverdue(DelegateExecution execution) {
        notifications.toGroup(execution, "HOA_RECTIFY_OVERDUE",
                Groups.scopedId("community-head", (String) execution.getVariable("communityId")),
                "业财代理账目异常逾期未整改：" + execution.getVariable("title") + "（" + execution.getVariable("statementPeriod")
                        + "）");
    }
}
