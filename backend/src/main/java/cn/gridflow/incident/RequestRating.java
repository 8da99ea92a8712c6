package cn.gridflow.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import cn.gridflow.process.ProcessBean;

/**
 * {@code ${requestRating}}: asks the reporter to rate the result (评价). The answer comes back as the message
 * MSG_RATING_RECEIVED with {@code satisfaction} = SATISFIED, BASIC or DISSATISFIED; after 3 days the process
 * records NO_RESPONSE.
 */
@ProcessBean
@Component("requestRating")
public class RequestRating implements JavaDelegate {

    private final ReporterNotices reporter;

    public RequestRating(ReporterNotices reporter) {
        this.reporter = reporter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reporter.send(execution, "RATING_REQUEST", "请评价您反映事项（" + execution.getProcessBusinessKey()
                + "）的办理结果：满意 / 基本满意 / 不满意", (String) execution.getVariable("resolutionNote"));
    }
}
