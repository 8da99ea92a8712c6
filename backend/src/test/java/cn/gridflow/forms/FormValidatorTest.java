package cn.gridflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The server-side twin of form-js validation, field type by field type. */
class FormValidatorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final FormValidator validator = new FormValidator(json);

    private JsonNode schema(String components) throws Exception {
        return json.readTree("{\"components\":" + components + "}");
    }

    private static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<String> problems(Runnable submission) {
        try {
            submission.run();
        } catch (ApiException e) {
            return e.fieldErrors().stream().map(p -> p.field() + ":" + p.code()).toList();
        }
        throw new AssertionError("submission was accepted");
    }

    @Test
    void numbersAreTypedAndRangeChecked() throws Exception {
        JsonNode form = schema("""
                [{"key":"members","label":"委员人数","type":"number","validate":{"min":3,"max":15}},
                 {"key":"score","label":"得分","type":"number"},
                 {"key":"area","label":"面积","type":"number"}]""");
        VariableMap ok = validator.validate(form, values("members", 9, "score", "88.5", "area", 4000000000L), Map::of);
        assertThat(ok.get("members")).isEqualTo(9);
        assertThat(ok.get("score")).isEqualTo(88.5);
        assertThat(ok.get("area")).isEqualTo(4000000000L);

        assertThat(problems(() -> validator.validate(form, values("members", 2, "score", "abc"), Map::of)))
                .containsExactlyInAnyOrder("members:field.min", "score:field.type.number");
    }

    @Test
    void readOnlyFieldsCannotBeOverwrittenAndHiddenConditionsDoNotDemand() throws Exception {
        JsonNode form = schema("""
                [{"key":"description","type":"textarea","disabled":true},
                 {"key":"reason","type":"textfield","validate":{"required":true},"conditional":{"hide":"=ok"}},
                 {"key":"note","type":"textfield"}]""");
        VariableMap result = validator.validate(form, values("description", "tampered", "note", "n"), Map::of);
        assertThat(result).doesNotContainKey("description").containsEntry("note", "n");
    }

    @Test
    void choicesComeFromTheFormOrFromTheServersOptionLists() throws Exception {
        JsonNode form = schema("""
                [{"key":"gridId","type":"select","valuesKey":"gridOptions","validate":{"required":true}},
                 {"key":"tags","type":"checklist","values":[{"label":"甲","value":"A"},{"label":"乙","value":"B"}]}]""");
        Map<String, Object> data = Map.of("gridOptions", List.of(Map.of("label", "一网格", "value", "G0101")));
        VariableMap ok = validator.validate(form, values("gridId", "G0101", "tags", List.of("A", "B")), () -> data);
        assertThat(ok.get("gridId")).isEqualTo("G0101");
        assertThat((Object) ok.getValueTyped("tags")).isInstanceOf(JsonValue.class);
        assertThat(((JsonValue) ok.getValueTyped("tags")).getValueSerialized()).isEqualTo("[\"A\",\"B\"]");

        assertThat(problems(() -> validator.validate(form, values("gridId", "G0201", "tags", List.of("C")), () -> data)))
                .containsExactlyInAnyOrder("gridId:field.option", "tags:field.option");
    }

    @Test
    void textLengthCountsCharactersNotBytesAndPatternsMatchLikeTheBrowser() throws Exception {
        JsonNode form = schema("""
                [{"key":"name","type":"textfield","validate":{"minLength":2,"maxLength":4}},
                 {"key":"phone","type":"textfield","validate":{"pattern":"^1[3-9][0-9]{9}$"}},
                 {"key":"mail","type":"textfield","validate":{"validationType":"email"}}]""");
        assertThat(validator.validate(form, values("name", "龙港社区", "phone", "13800138000", "mail", "a@b.cn"),
                Map::of)).containsEntry("name", "龙港社区");
        assertThat(problems(() -> validator.validate(form, values("name", "龙", "phone", "2380013800", "mail", "x"),
                Map::of))).containsExactlyInAnyOrder("name:field.minLength", "phone:field.pattern", "mail:field.email");
    }

    @Test
    void theServersOptionListsAreFetchedOnlyForAFormThatUsesThemAndOnlyOnce() throws Exception {
        JsonNode plain = schema("[{\"key\":\"note\",\"type\":\"textfield\"}]");
        validator.validate(plain, values("note", "x"), () -> {
            throw new AssertionError("option lists fetched for a form without valuesKey");
        });

        JsonNode twoLists = schema("""
                [{"key":"gridId","type":"select","valuesKey":"gridOptions"},
                 {"key":"dept","type":"select","valuesKey":"deptOptions"}]""");
        int[] fetched = {0};
        validator.validate(twoLists, values("gridId", "G0101", "dept", "ENFORCE"), () -> {
            fetched[0]++;
            return Map.of("gridOptions", List.of(Map.of("value", "G0101")), "deptOptions", List.of("ENFORCE"));
        });
        assertThat(fetched[0]).isEqualTo(1);
    }

    @Test
    void fieldsInsideGroupsAreValidatedAndUnknownKeysRefused() throws Exception {
        JsonNode form = schema("""
                [{"type":"group","components":[{"key":"inner","type":"textfield","validate":{"required":true}}]},
                 {"type":"text","text":"说明"}]""");
        assertThat(problems(() -> validator.validate(form, values("other", "x"), Map::of)))
                .containsExactlyInAnyOrder("inner:field.required", "other:field.unknown");
    }

    @Test
    void theGenericFormKeepsScalarsAndStoresStructuresAsJsonNeverAsJavaObjects() {
        VariableValues generic = new VariableValues(json);
        VariableMap variables = generic.fromJson(values("note", "ok", "count", 3, "ok", true,
                "items", List.of(1, 2), "meta", Map.of("a", 1)));
        assertThat(variables.get("count")).isEqualTo(3);
        assertThat((Object) variables.getValueTyped("items")).isInstanceOf(JsonValue.class);
        assertThat((Object) variables.getValueTyped("meta")).isInstanceOf(JsonValue.class);
        assertThatThrownBy(() -> generic.fromJson(values("1bad", "x")))
                .isInstanceOf(ApiException.class);
    }
}
