package cn.gridflow.modeler;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gridflow.common.ApiException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys a designer's model as a new version. The policy and the author record apply inside the engine
 * ({@link DeployGuardPlugin}); here only what the designer's edit needs: a version made from a stale one is
 * refused (409) so that one designer's deployment does not silently overwrite another's change.
 */
@Component
public class ModelDeployments {

    static final String SOURCE = "GridFlow designer";

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");

    public record Deployed(String deploymentId, ModelKind kind, String key, int version) {
    }

    /** A process that breaks GridFlow's own rules; nothing was deployed. */
    public static final class LintRefusal extends RuntimeException {
        private final String resource;
        private final List<GridFlowLint.Finding> findings;

        LintRefusal(String resource, List<GridFlowLint.Finding> findings) {
            super(findings.get(0).message());
            this.resource = resource;
            this.findings = List.copyOf(findings);
        }

        public String resource() {
            return resource;
        }

        public List<GridFlowLint.Finding> findings() {
            return findings;
        }
    }

    private final RepositoryService repositoryService;
    private final ModelLibrary library;
    private final TransactionTemplate transactions;
    private final DeployPolicy policy;
    private final GridFlowLint lint;

    public ModelDeployments(RepositoryService repositoryService, ModelLibrary library,
                            TransactionTemplate transactions, DeployPolicy policy, GridFlowLint lint) {
        this.repositoryService = repositoryService;
        this.library = library;
        this.transactions = transactions;
        this.policy = policy;
        this.lint = lint;
    }

    /**
     * @param baseVersion the version the designer opened, or null for a new model
     */
    public Deployed deploy(ModelKind kind, String key, String content, Integer baseVersion) {
        if (content == null || content.isBlank()) {
            throw ApiException.badRequest("DESIGNER_EMPTY");
        }
        if (kind == ModelKind.PROCESS) {
            refuseBrokenRules(key + kind.extension(), content);
        }
        // One transaction: the engine's deployment lock orders concurrent deployments, and the version check after
        // deploying rolls this one back if another deployment of the same model got in first.
        try {
            return deployChecked(kind, key, content, baseVersion);
        } catch (ParseException | AuthorizationException e) {
            throw e;
        } catch (ProcessEngineException e) {
            // e.g. a DMN table the engine cannot transform: the model's fault, not the server's
            throw ApiException.badRequest("DESIGNER_ENGINE_REJECTED", key + kind.extension(), e.getMessage());
        }
    }

    /**
     * GridFlow's own rules, for models deployed through GridFlow. An unsafe model (scripts, XXE, beans outside the
     * allow-list, ...) is left to the engine's deploy guard, so that it gets the same refusal on every path.
     */
    private void refuseBrokenRules(String resource, String content) {
        if (!policy.check(resource, content.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
            return;
        }
        List<GridFlowLint.Finding> findings = lint.check(content,
                form -> library.latestVersion(ModelKind.FORM, form) > 0);
        if (!findings.isEmpty()) {
            throw new LintRefusal(resource, findings);
        }
    }

    private Deployed deployChecked(ModelKind kind, String key, String content, Integer baseVersion) {
        return transactions.execute(status -> {
            DeploymentBuilder deployment = repositoryService.createDeployment()
                    .name(key).source(SOURCE).addString(key + kind.extension(), content);
            if (kind == ModelKind.PROCESS) {
                addReferencedForms(deployment, content);
            }
            DeploymentWithDefinitions result = deployment.deployWithResult();
            int version = deployedVersion(kind, key, result);
            if (baseVersion != null && version != baseVersion + 1) {
                status.setRollbackOnly();
                throw ApiException.conflict("DESIGNER_STALE_VERSION", key, version - 1, baseVersion);
            }
            return new Deployed(result.getId(), kind, key, version);
        });
    }

    /**
     * GridFlow's models bind their forms with {@code camunda:formRefBinding="deployment"}: a form is looked up in
     * the process's own deployment. A new version of the process therefore carries the latest version of every
     * form it references, so that its tasks keep their forms.
     */
    private void addReferencedForms(DeploymentBuilder deployment, String bpmn) {
        Matcher refs = FORM_REF.matcher(bpmn);
        Set<String> added = new HashSet<>();
        while (refs.find()) {
            String formKey = refs.group(1);
            int latest = library.latestVersion(ModelKind.FORM, formKey);
            if (latest > 0 && added.add(formKey)) {
                ModelLibrary.Content form = library.content(ModelKind.FORM, formKey, latest);
                deployment.addString(formKey + ModelKind.FORM.extension(), form.content());
            }
        }
    }

    private int deployedVersion(ModelKind kind, String key, DeploymentWithDefinitions result) {
        List<Integer> versions = switch (kind) {
            case PROCESS -> result.getDeployedProcessDefinitions().stream()
                    .filter(d -> d.getKey().equals(key)).map(d -> d.getVersion()).toList();
            case DECISION -> result.getDeployedDecisionDefinitions().stream()
                    .filter(d -> d.getKey().equals(key)).map(d -> d.getVersion()).toList();
            case FORM -> List.of();
        };
        // a form's version, or a model whose id the designer changed: the latest of the key
        return versions.isEmpty() ? library.latestVersion(kind, key) : versions.get(0);
    }
}
