package cn.gridflow.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Validates a submission against its Camunda Form (form-js schema) on the server, as the browser does:
 * required, type, length, range, pattern and allowed options. Returns typed engine variables (primitives or
 * JSON, never Java-serialized objects). Any problem rejects the whole submission, so nothing half-written reaches
 * the engine.
 */
@Component
public class FormValidator {

    /** form-js components that hold a value the user enters. */
    private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox",
            "checklist", "radio", "select", "taglist", "datetime");
    private static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist");
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{5,19}$");

    private final ObjectMapper json;

    public FormValidator(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param formData the data the form was rendered with: option lists of {@code valuesKey} fields live there.
     *                 Asked for only when a field needs it, at most once (it costs queries on every completion).
     */
    public VariableMap validate(JsonNode schema, Map<String, Object> submitted,
                                Supplier<Map<String, Object>> formData) {
        Supplier<Map<String, Object>> once = memoized(formData);
        List<JsonNode> fields = new ArrayList<>();
        collectFields(schema.path("components"), fields);
        Set<String> known = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        VariableMap variables = Variables.createVariables();
        for (JsonNode field : fields) {
            String key = field.path("key").asText();
            known.add(key);
            // Read-only fields show process data; a submission must not overwrite it.
            if (field.path("disabled").asBoolean(false) || field.path("readonly").asBoolean(false)) {
                continue;
            }
            checkField(field, key, submitted.get(key), submitted.containsKey(key), once, problems, variables);
        }
        for (String key : submitted.keySet()) {
            if (!known.contains(key)) {
                problems.add(new FieldProblem(key, "field.unknown", key));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "FORM_INVALID", problems);
        }
        return variables;
    }

    private void collectFields(JsonNode components, List<JsonNode> into) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
                into.add(component);
            } else if (CONTAINER_TYPES.contains(type)) {
                collectFields(component.path("components"), into);
            }
        }
    }

    private void checkField(JsonNode field, String key, Object value, boolean present, Supplier<Map<String, Object>> formData,
                            List<FieldProblem> problems, VariableMap variables) {
        String label = field.path("label").asText(key);
        JsonNode rules = field.path("validate");
        String type = field.path("type").asText();
        // A field shown only under a condition cannot be demanded when the condition hides it; the engine's
        // model decides then. Its value, when given, is still checked.
        boolean conditional = field.hasNonNull("conditional");
        if (isEmpty(value)) {
            if (rules.path("required").asBoolean(false) && !conditional) {
                problems.add(new FieldProblem(key, "field.required", label));
            } else if (present && !"checkbox".equals(type)) {
                variables.putValue(key, null);
            } else if ("checkbox".equals(type) && present) {
                variables.putValue(key, false);
            }
            return;
        }
        int before = problems.size();
        Object typed = switch (type) {
            case "number" -> number(field, key, label, value, problems);
            case "checkbox" -> bool(key, label, value, problems);
            case "checklist", "taglist" -> list(field, key, label, value, formData, problems);
            case "radio", "select" -> option(field, key, label, value, formData, problems);
            default -> text(field, key, label, value, problems);
        };
        if (problems.size() == before) {
            if (typed instanceof List<?> items) {
                variables.putValueTyped(key, SpinValues.jsonValue(json.valueToTree(items).toString()).create());
            } else {
                variables.putValue(key, typed);
            }
        }
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        Object[] cache = new Object[1];
        return () -> {
            if (cache[0] == null) {
                cache[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) cache[0];
            return value;
        };
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static Object text(JsonNode field, String key, String label, Object value, List<FieldProblem> problems) {
        if (!(value instanceof String text)) {
            problems.add(new FieldProblem(key, "field.type.string", label));
            return null;
        }
        JsonNode rules = field.path("validate");
        int length = text.codePointCount(0, text.length());
        if (rules.has("minLength") && length < rules.get("minLength").asInt()) {
            problems.add(new FieldProblem(key, "field.minLength", label, rules.get("minLength").asText()));
        }
        if (rules.has("maxLength") && length > rules.get("maxLength").asInt()) {
            problems.add(new FieldProblem(key, "field.maxLength", label, rules.get("maxLength").asText()));
        }
        if (rules.hasNonNull("pattern") && !matches(rules.get("pattern").asText(), text)) {
            problems.add(new FieldProblem(key, "field.pattern", label));
        }
        String validationType = rules.path("validationType").asText("");
        if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
            problems.add(new FieldProblem(key, "field.email", label));
        }
        if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
            problems.add(new FieldProblem(key, "field.phone", label));
        }
        return text;
    }

    /** form-js tests patterns with {@code RegExp.test}, i.e. a match anywhere unless the pattern anchors itself. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("form pattern does not compile: " + pattern, e);
        }
    }

    private static Object number(JsonNode field, String key, String label, Object value,
                                 List<FieldProblem> problems) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(key, "field.type.number", label));
            return null;
        }
        JsonNode rules = field.path("validate");
        if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
            problems.add(new FieldProblem(key, "field.min", label, rules.get("min").asText()));
        }
        if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
            problems.add(new FieldProblem(key, "field.max", label, rules.get("max").asText()));
        }
        // Whole numbers become Integer (Long when they do not fit), as engine-rest types JSON numbers.
        if (number.stripTrailingZeros().scale() <= 0) {
            long whole = number.longValue();
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        }
        return number.doubleValue();
    }

    private static Object bool(String key, String label, Object value, List<FieldProblem> problems) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        problems.add(new FieldProblem(key, "field.type.boolean", label));
        return null;
    }

    private Object option(JsonNode field, String key, String label, Object value, Supplier<Map<String, Object>> formData,
                          List<FieldProblem> problems) {
        if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            problems.add(new FieldProblem(key, "field.type.string", label));
            return null;
        }
        if (!allowedValues(field, formData).contains(value.toString())) {
            problems.add(new FieldProblem(key, "field.option", label, value));
            return null;
        }
        return value;
    }

    private Object list(JsonNode field, String key, String label, Object value, Supplier<Map<String, Object>> formData,
                        List<FieldProblem> problems) {
        if (!(value instanceof List<?> items)) {
            problems.add(new FieldProblem(key, "field.type.list", label));
            return null;
        }
        Set<String> allowed = allowedValues(field, formData);
        for (Object item : items) {
            if (item == null || !allowed.contains(item.toString())) {
                problems.add(new FieldProblem(key, "field.option", label, item));
                return null;
            }
        }
        return items;
    }

    /** Static {@code values}, or the option list the server put into the form data under {@code valuesKey}. */
    private Set<String> allowedValues(JsonNode field, Supplier<Map<String, Object>> formData) {
        Set<String> allowed = new HashSet<>();
        JsonNode options = field.has("values") ? field.get("values")
                : json.valueToTree(formData.get().getOrDefault(field.path("valuesKey").asText(), List.of()));
        for (JsonNode option : options) {
            allowed.add(option.isObject() ? option.path("value").asText() : option.asText());
        }
        return allowed;
    }
}
