package cn.gridflow.modeler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * GridFlow's own model rules, the server's copy of the modeler's bpmnlint plugin "gridflow"
 * ({@code frontend/src/features/designer/lint/rules.ts}), applied to what GridFlow's designer endpoint deploys:
 * <ul>
 *   <li>{@code gridflow/user-task-assignment}: a user task has candidate groups or an assignee, and a due date;</li>
 *   <li>{@code gridflow/service-task-bean}: a service or send task calls an allow-listed bean
 *       ({@code ${bean}} / {@code ${bean.method(..)}}), unless it is an external task; no Java class;</li>
 *   <li>{@code gridflow/no-script}: no script tasks, inline scripts or scripted conditions;</li>
 *   <li>{@code gridflow/form-exists}: every fixed {@code camunda:formRef} names a deployed form.</li>
 * </ul>
 * Engine-rest's {@code /deployment/create} does not apply these: third-party models must still deploy there, under
 * the safety policy ({@link DeployPolicy}) alone.
 */
@Component
public class GridFlowLint {

    /** One broken rule at one element; {@code message} is in the caller's language and names rule and element. */
    public record Finding(String rule, String elementId, String message, int line, int column) {
    }

    private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][\\w$]*)\\s*(\\()?");

    /** The engine's own expression functions: a service task may compute a value with them, no bean needed. */
    private static final Set<String> BUILT_IN_FUNCTIONS = Set.of("now", "dateTime", "currentUser",
            "currentUserGroups");

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private final ProcessBeanAllowList beans;
    private final MessageSource messages;

    public GridFlowLint(ProcessBeanAllowList beans, MessageSource messages) {
        this.beans = beans;
        this.messages = messages;
    }

    /**
     * @param formExists whether a form key is deployed
     * @return the broken rules in document order; empty also for XML that cannot be read (the deploy policy and the
     *         engine report that with its line)
     */
    public List<Finding> check(String bpmn, Predicate<String> formExists) {
        List<Finding> found = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader xml = null;
        String flowId = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
            // the nearest enclosing element with an id: where an inline script of a listener is reported
            List<String> ids = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    ids.remove(ids.size() - 1);
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String id = xml.getAttributeValue(null, "id");
                String owner = id != null ? id : ids.isEmpty() ? null : ids.get(ids.size() - 1);
                ids.add(owner);
                Location at = xml.getLocation();
                String element = xml.getLocalName();
                boolean camunda = CAMUNDA.equals(xml.getNamespaceURI());
                if (!camunda) {
                    switch (element) {
                        case "userTask" -> {
                            userTask(xml, id, at, found);
                            form(xml, id, at, formExists, found);
                        }
                        case "startEvent" -> form(xml, id, at, formExists, found);
                        case "serviceTask", "sendTask" -> serviceTask(xml, id, at, found);
                        case "scriptTask" -> found.add(finding("no-script", "LINT_SCRIPT_TASK", id, at));
                        case "sequenceFlow" -> flowId = id;
                        case "conditionExpression" -> {
                            if (!blank(xml.getAttributeValue(null, "language"))) {
                                found.add(finding("no-script", "LINT_SCRIPTED_CONDITION", flowId, at));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (element.equals("script") && found.stream().noneMatch(
                        f -> f.rule().equals("no-script") && Objects.equals(f.elementId(), owner))) {
                    found.add(finding("no-script", "LINT_INLINE_SCRIPT", owner, at));
                }
            }
        } catch (XMLStreamException e) {
            return List.of();
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // an in-memory stream holds nothing
                }
            }
        }
        return found;
    }

    private void userTask(XMLStreamReader xml, String id, Location at, List<Finding> found) {
        if (blank(camunda(xml, "candidateGroups")) && blank(camunda(xml, "assignee"))) {
            found.add(finding("user-task-assignment", "LINT_USER_TASK_NO_ASSIGNMENT", id, at));
        }
        if (blank(camunda(xml, "dueDate"))) {
            found.add(finding("user-task-assignment", "LINT_USER_TASK_NO_DUE_DATE", id, at));
        }
    }

    private void serviceTask(XMLStreamReader xml, String id, Location at, List<Finding> found) {
        if ("external".equals(trim(camunda(xml, "type")))) {
            return;
        }
        if (!blank(camunda(xml, "class"))) {
            found.add(finding("service-task-bean", "LINT_JAVA_CLASS", id, at));
            return;
        }
        String expression = blank(camunda(xml, "delegateExpression")) ? camunda(xml, "expression")
                : camunda(xml, "delegateExpression");
        if (blank(expression)) {
            found.add(finding("service-task-bean", "LINT_NO_BEAN", id, at));
            return;
        }
        Matcher root = EXPRESSION_ROOT.matcher(expression);
        boolean matched = root.find();
        String bean = matched ? root.group(1) : null;
        if (matched && root.group(2) != null && BUILT_IN_FUNCTIONS.contains(bean)) {
            return;
        }
        if (bean == null || !beans.allows(bean)) {
            found.add(finding("service-task-bean", "LINT_UNKNOWN_BEAN", id, at, bean == null ? expression : bean));
        }
    }

    private void form(XMLStreamReader xml, String id, Location at, Predicate<String> formExists,
                      List<Finding> found) {
        String ref = trim(camunda(xml, "formRef"));
        if (!ref.isEmpty() && !ref.contains("${") && !ref.contains("#{") && !formExists.test(ref)) {
            found.add(finding("form-exists", "LINT_FORM_NOT_FOUND", id, at, ref));
        }
    }

    private Finding finding(String rule, String code, String elementId, Location at, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        String what = messages.getMessage("error." + code, args, code, locale);
        String element = elementId == null ? "?" : elementId;
        String message = messages.getMessage("error.LINT_FINDING", new Object[]{element, "gridflow/" + rule, what},
                what, locale);
        return new Finding("gridflow/" + rule, elementId, message, at.getLineNumber(), at.getColumnNumber());
    }

    private static String camunda(XMLStreamReader xml, String attribute) {
        return xml.getAttributeValue(CAMUNDA, attribute);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
