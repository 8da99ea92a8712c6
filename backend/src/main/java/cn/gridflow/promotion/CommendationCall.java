package cn.gridflow.promotion;

import java.time.LocalDate;
import java.util.List;

import cn.gridflow.notification.Notification;
import cn.gridflow.notification.Notifications;
import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.promotion.RoundSetup;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${commendationCall.announceThisYear()}}: the yearly call of §4.4 step 1 ("in December", BK) — communities and
 * departments are told to nominate. Called by the timer start of {@code commendation-yearly-call}; one notice per
 * group and year, however often the job runs.
 */
@ProcessBean
@Component("commendationCall")
public class CommendationCall {

    /** Who nominates (art. 21: by community or department). */
    static final List<String> NOMINATING_GROUPS = List.of("community-head", "dept-leader");

    private final Notifications notifications;

    public CommendationCall(Notifications notifications) {
        this.notifications = notifications;
    }

    public void announceThisYear() {
        announce(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), RoundSetup.ZONE).getYear());
    }

    /** @return how many groups were told now (0 when this year's call went out before) */
    public int announce(int year) {
        int sent = 0;
        for (String group : NOMINATING_GROUPS) {
            if (notifications.send("commendation-call:" + year + ":" + group, "COMMENDATION_CALL",
                    Notification.RecipientKind.GROUP, group, year + " 年度社区治理表彰开始推荐：请在「发起 → 社区治理表彰奖励」"
                            + "中推荐社区居委会、驻社区单位、社会组织、社区工作者、网格员或志愿者", null,
                    "commendation-call-" + year, null)) {
                sent++;
            }
        }
        return sent;
    }
}
