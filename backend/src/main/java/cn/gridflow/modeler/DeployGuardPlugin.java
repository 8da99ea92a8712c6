package cn.gridflow.modeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Hooks the deploy policy into the engine itself, so no path around it exists: a deployer that runs before the BPMN
 * and DMN deployers refuses what {@link DeployPolicy} refuses (as a {@link ParseException}, which engine-rest answers
 * with 400 and the problems per resource), one that runs after them records the author, and the expression manager
 * sees only the allow-listed beans.
 */
@Component
public class DeployGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ProcessBeanAllowList allowList;
    private final DeployPolicy policy;
    private final DeploymentRecords records;
    private final MessageSource messages;

    public DeployGuardPlugin(ApplicationContext context, ProcessBeanAllowList allowList, DeployPolicy policy,
                             DeploymentRecords records, MessageSource messages) {
        this.context = context;
        this.allowList = allowList;
        this.policy = policy;
        this.records = records;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(allowList.asExpressionBeans());
        configuration.setExpressionManager(new GuardedExpressionManager(context, allowList.asExpressionBeans()));
        List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        pre.add(this::refuseUnsafe);
        configuration.setCustomPreDeployers(pre);
        List<Deployer> post = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        post.add(this::recordAuthor);
        configuration.setCustomPostDeployers(post);
    }

    private void refuseUnsafe(DeploymentEntity deployment) {
        // Deployers also run when a deployment is loaded again into the cache: only new ones are checked.
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<DeployPolicy.Refusal> refusals = policy.check(resource.getName(), resource.getBytes());
            if (!refusals.isEmpty()) {
                List<Problem> problems = refusals.stream().map(r -> (Problem) new RefusalProblem(
                        messages.getMessage("error." + r.code(), r.args().toArray(), r.code(), locale),
                        r.line(), r.column(), r.elementId())).toList();
                String summary = messages.getMessage("error.DESIGNER_REFUSED",
                        new Object[]{resource.getName(), problems.get(0).getMessage()}, locale);
                throw new PolicyRefusal(summary, resource.getName(), problems);
            }
        }
    }

    private void recordAuthor(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        records.record(deployment.getId(), user, deployment.getSource(),
                deployment.getDeploymentTime() != null ? deployment.getDeploymentTime() : ClockUtil.getCurrentTime());
    }

    /** A refusal by GridFlow's policy rather than by the engine's own parser. */
    static final class PolicyRefusal extends ParseException {
        PolicyRefusal(String message, String resource, List<Problem> problems) {
            super(message, resource, problems, List.of());
        }
    }

    record RefusalProblem(String message, int line, int column, String elementId) implements Problem {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public String getMainElementId() {
            return elementId;
        }

        @Override
        public List<String> getElementIds() {
            return elementId == null ? List.of() : List.of(elementId);
        }
    }
}
