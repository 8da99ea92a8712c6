package cn.gridflow.process;

import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * {@code ${admissionList}}: adds an approved matter to the grid-matter admission list (网格事项准入清单, domain-spec §1.3)
 * by deploying a new version of the {@code grid-matter-admission} decision with one more rule, placed above the
 * refusals so the FIRST hit policy admits it. A temporary item carries its end date in the rule itself, so it
 * expires without anyone acting.
 */
public class AdmissionList {

    public static final String DECISION_KEY = "grid-matter-admission";
    private static final Pattern ITEM_CODE = Pattern.compile("\"GRID-([LT])-(\\d+)\"");

    public void publish(DelegateExecution execution) {
        String category = (String) execution.getVariable("categoryCode");
        if (category == null || !category.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new BadUserRequestException("事项类别编码须为大写字母、数字和下划线 / categoryCode must be an upper-case code, not "
                    + category);
        }
        boolean temporary = Boolean.TRUE.equals(execution.getVariable("temporary"));
        Date validTo = temporary
                ? FormDates.endOfDay(execution.getVariable("validTo"), FormDates.VALID_TO_MISSING) : null;
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        DecisionDefinition current = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        DmnModelInstance model = Dmn.readModelFromStream(repository.getDecisionModel(current.getId()));
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        String itemCode = nextCode(table.getRules(), temporary ? "T" : "L");

        Rule rule = model.newInstance(Rule.class);
        rule.setId(DECISION_KEY + "_" + itemCode.replace('-', '_'));
        Description description = model.newInstance(Description.class);
        description.setTextContent("经审批纳入准入清单 " + itemCode + "：" + execution.getVariable("itemName") + "（"
                + execution.getVariable("requestingDept") + " 申请，依据：" + execution.getVariable("legalBasis") + "）"
                + (temporary ? "，临时事项，" + day(validTo) + " 起失效" : ""));
        rule.setDescription(description);
        rule.getInputEntries().add(input(model, "\"" + category + "\""));
        rule.getInputEntries().add(input(model, "-"));
        rule.getInputEntries().add(input(model, temporary
                ? "< date and time(\"" + new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(validTo) + "\")" : "-"));
        rule.getInputEntries().add(input(model, "-"));
        rule.getOutputEntries().add(output(model, "true"));
        rule.getOutputEntries().add(output(model, "\"" + itemCode + "\""));
        rule.getOutputEntries().add(output(model, "null"));
        table.insertElementAfter(rule, lastAdmitting(table.getRules()));

        Dmn.validateModel(model);
        repository.createDeployment().name("网格事项准入清单 " + itemCode).source("grid-matter-admission-request")
                .addModelInstance(DECISION_KEY + ".dmn", model).deploy();
        execution.setVariable("admissionItemCode", itemCode);
        execution.setVariable("admissionListVersion", current.getVersion() + 1);
    }

    private static String nextCode(Collection<Rule> rules, String kind) {
        int highest = 0;
        for (Rule rule : rules) {
            for (OutputEntry entry : rule.getOutputEntries()) {
                Matcher code = ITEM_CODE.matcher(entry.getText().getTextContent());
                if (code.matches() && code.group(1).equals(kind)) {
                    highest = Math.max(highest, Integer.parseInt(code.group(2)));
                }
            }
        }
        return String.format("GRID-%s-%02d", kind, highest + 1);
    }

    /** The last rule that admits (its first output is true): new items go right below the existing ones. */
    private static Rule lastAdmitting(Collection<Rule> rules) {
        List<Rule> admitting = rules.stream()
                .filter(r -> "true".equals(r.getOutputEntries().iterator().next().getText().getTextContent().strip()))
                .toList();
        if (admitting.isEmpty()) {
            throw new IllegalStateException("the admission decision has no admitting rule to follow");
        }
        return admitting.get(admitting.size() - 1);
    }

    private static InputEntry input(DmnModelInstance model, String expression) {
        InputEntry entry = model.newInstance(InputEntry.class);
        entry.setText(text(model, expression));
        return entry;
    }

    private static OutputEntry output(DmnModelInstance model, String expression) {
        OutputEntry entry = model.newInstance(OutputEntry.class);
        entry.setText(text(model, expression));
        return entry;
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    private static String day(Date date) {
        return new SimpleDateFormat("yyyy-MM-dd HH:mm").format(date);
    }
}
