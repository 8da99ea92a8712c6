package cn.gridflow.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What GridFlow lets into the engine, whatever the client: applied by {@link DeployGuardPlugin} to every new
 * deployment (the designer endpoint, engine-rest's {@code /deployment/create} and redeploy, start-up auto-deployment).
 * <ul>
 *   <li>only BPMN, DMN and Camunda Forms, each at most {@code gridflow.modeler.max-resource-bytes};</li>
 *   <li>well-formed XML without DOCTYPE (no entities at all, so no XXE);</li>
 *   <li>no scripts of any kind (script tasks, script listeners and mappings, scripted conditions, DMN script
 *       languages): script engines cannot be sandboxed;</li>
 *   <li>no {@code camunda:class}: Java is reached only through allow-listed beans;</li>
 *   <li>expressions name only allow-listed beans ({@link ProcessBeanAllowList}) and none of the members that lead
 *       out of it ({@link ExpressionGuard#FORBIDDEN_MEMBERS}).</li>
 * </ul>
 */
@Component
public class DeployPolicy {

    /** One reason a resource is refused; {@code code} is a message key below {@code error.}. */
    public record Refusal(String resource, String code, List<Object> args, int line, int column, String elementId) {
    }

    private static final Set<String> EL_KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
            "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

    /** DMN expression languages that cannot run scripts. */
    private static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel",
            "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessBeanAllowList beans;
    private final long maxResourceBytes;

    public DeployPolicy(ProcessBeanAllowList beans,
                        @Value("${gridflow.modeler.max-resource-bytes:1048576}") long maxResourceBytes) {
        this.beans = beans;
        this.maxResourceBytes = maxResourceBytes;
    }

    public long maxResourceBytes() {
        return maxResourceBytes;
    }

    public List<Refusal> check(String resourceName, byte[] content) {
        String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
        Kind kind = Kind.of(name);
        if (kind == null) {
            return List.of(refusal(resourceName, "DESIGNER_RESOURCE_TYPE", List.of(resourceName)));
        }
        if (content.length > maxResourceBytes) {
            return List.of(refusal(resourceName, "DESIGNER_TOO_LARGE",
                    List.of(resourceName, String.valueOf(maxResourceBytes / 1024))));
        }
        return kind == Kind.FORM ? checkForm(resourceName, content) : checkXml(resourceName, content, kind);
    }

    enum Kind {
        BPMN, DMN, FORM;

        static Kind of(String lowerCaseName) {
            if (lowerCaseName.endsWith(".bpmn") || lowerCaseName.endsWith(".bpmn20.xml")) {
                return BPMN;
            }
            if (lowerCaseName.endsWith(".dmn") || lowerCaseName.endsWith(".dmn11.xml")) {
                return DMN;
            }
            return lowerCaseName.endsWith(".form") ? FORM : null;
        }
    }

    private List<Refusal> checkForm(String resource, byte[] content) {
        try {
            JsonNode form = JSON.readTree(content);
            if (form == null || !form.isObject() || !form.path("components").isArray()) {
                return List.of(refusal(resource, "DESIGNER_FORM_JSON", List.of()));
            }
            return List.of();
        } catch (IOException e) {
            return List.of(refusal(resource, "DESIGNER_FORM_JSON", List.of()));
        }
    }

    private List<Refusal> checkXml(String resource, byte[] content, Kind kind) {
        List<Refusal> found = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Never resolve anything: a DOCTYPE is refused below before any entity could be expanded.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = null;
        Deque<String> ids = new ArrayDeque<>();
        Deque<String> elements = new ArrayDeque<>();
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            while (xml.hasNext()) {
                int event = xml.next();
                Location at = xml.getLocation();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> {
                        found.add(new Refusal(resource, "DESIGNER_DOCTYPE", List.of(), at.getLineNumber(),
                                at.getColumnNumber(), null));
                        return found;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String id = xml.getAttributeValue(null, "id");
                        ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
                        String element = xml.getLocalName();
                        elements.push(element);
                        String elementId = ids.peek().isEmpty() ? null : ids.peek();
                        if (kind == Kind.BPMN) {
                            checkBpmnElement(resource, xml, element, elementId, at, found);
                        } else {
                            String language = xml.getAttributeValue(null, "expressionLanguage");
                            if (language != null && !DMN_LANGUAGES.contains(language.toLowerCase(Locale.ROOT))) {
                                found.add(new Refusal(resource, "DESIGNER_EXPRESSION_LANGUAGE", List.of(language),
                                        at.getLineNumber(), at.getColumnNumber(), elementId));
                            }
                        }
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            checkExpressions(resource, xml.getAttributeValue(i), elementId, at, found, false);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        String elementId = ids.isEmpty() || ids.peek().isEmpty() ? null : ids.peek();
                        boolean dmnText = kind == Kind.DMN && "text".equals(elements.peek());
                        checkExpressions(resource, xml.getText(), elementId, at, found, dmnText);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ids.pop();
                        elements.pop();
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            found.add(new Refusal(resource, "DESIGNER_MALFORMED",
                    List.of(at == null ? 0 : at.getLineNumber(), plainMessage(e)),
                    at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(), null));
        } finally {
            close(xml);
        }
        return found;
    }

    private static void checkBpmnElement(String resource, XMLStreamReader xml, String element, String elementId,
                                         Location at, List<Refusal> found) {
        boolean script = element.equals("scriptTask") || element.equals("script");
        for (int i = 0; i < xml.getAttributeCount() && !script; i++) {
            String attribute = xml.getAttributeLocalName(i);
            script = attribute.equals("scriptFormat")
                    || (attribute.equals("language") && element.equals("conditionExpression"));
        }
        if (script) {
            found.add(new Refusal(resource, "DESIGNER_SCRIPT", List.of(elementId == null ? element : elementId),
                    at.getLineNumber(), at.getColumnNumber(), elementId));
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attribute = xml.getAttributeLocalName(i);
            if (attribute.equals("class") || attribute.equals("variableMappingClass")) {
                found.add(new Refusal(resource, "DESIGNER_JAVA_CLASS", List.of(xml.getAttributeValue(i)),
                        at.getLineNumber(), at.getColumnNumber(), elementId));
            }
        }
    }

    /**
     * JUEL expressions ({@code ${..}}, {@code #{..}}) anywhere in BPMN; in DMN also the bare texts of decision tables
     * (FEEL or JUEL), where only the forbidden members are looked for since FEEL names are variables, not beans.
     */
    private void checkExpressions(String resource, String text, String elementId, Location at,
                                  List<Refusal> found, boolean bareExpression) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (bareExpression) {
            for (Identifier identifier : identifiers(text)) {
                if (ExpressionGuard.FORBIDDEN_MEMBERS.contains(identifier.name())
                        || identifier.name().equals("external")) {
                    found.add(new Refusal(resource, "DESIGNER_EXPRESSION_FORBIDDEN", List.of(identifier.name()),
                            at.getLineNumber(), at.getColumnNumber(), elementId));
                }
            }
        }
        for (String expression : expressions(text)) {
            for (Identifier identifier : identifiers(expression)) {
                String name = identifier.name();
                if (ExpressionGuard.FORBIDDEN_MEMBERS.contains(name)) {
                    found.add(new Refusal(resource, "DESIGNER_EXPRESSION_FORBIDDEN", List.of(name),
                            at.getLineNumber(), at.getColumnNumber(), elementId));
                } else if (identifier.root() && !EL_KEYWORDS.contains(name) && !beans.allows(name)
                        && beans.isBean(name)) {
                    found.add(new Refusal(resource, "DESIGNER_BEAN_NOT_ALLOWED", List.of(name),
                            at.getLineNumber(), at.getColumnNumber(), elementId));
                }
            }
        }
    }

    /** The bodies of the {@code ${..}} / {@code #{..}} expressions in a text, braces inside string literals skipped. */
    static List<String> expressions(String text) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int start = i + 2;
                int depth = 1;
                char quote = 0;
                int j = start;
                for (; j < text.length() && depth > 0; j++) {
                    char d = text.charAt(j);
                    if (quote != 0) {
                        if (d == '\\') {
                            j++;
                        } else if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                }
                result.add(text.substring(start, Math.max(start, depth == 0 ? j - 1 : j)));
                i = j;
            } else {
                i++;
            }
        }
        return result;
    }

    record Identifier(String name, boolean root) {
    }

    /** Identifiers outside string literals; {@code root} when not reached through a dot (a variable or a bean). */
    static List<Identifier> identifiers(String expression) {
        List<Identifier> result = new ArrayList<>();
        int i = 0;
        char previous = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < expression.length() && expression.charAt(j) != c) {
                    j += expression.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                previous = c;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < expression.length() && Character.isJavaIdentifierPart(expression.charAt(j))) {
                    j++;
                }
                result.add(new Identifier(expression.substring(i, j), previous != '.'));
                previous = 'a';
                i = j;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = c;
                }
                i++;
            }
        }
        return result;
    }

    private static Refusal refusal(String resource, String code, List<Object> args) {
        return new Refusal(resource, code, args, 0, 0, null);
    }

    private static String plainMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + "Message: ".length()).trim() : message.trim();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open but the in-memory stream
            }
        }
    }
}
