package cn.gridflow.modeler;

/** Small BPMN models for the designer tests, each a complete diagram-less process the engine accepts as is. */
final class Models {

    private Models() {
    }

    static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="gridflow-test">
                  <process id="%s" name="设计测试" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="toWork" sourceRef="start" targetRef="work"/>
                    %s
                    <sequenceFlow id="toEnd" sourceRef="work" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(key, body);
    }

    static String userTask(String key, String name) {
        return process(key, "<userTask id=\"work\" name=\"" + name + "\" camunda:candidateGroups=\"sgc-dispatcher\" "
                + "camunda:dueDate=\"${dateTime().plusDays(1).toDate()}\"/>");
    }

    static String serviceTask(String key, String expression) {
        return process(key, "<serviceTask id=\"work\" name=\"自动处理\" camunda:expression=\"" + expression + "\"/>");
    }

    static String scriptTask(String key) {
        return process(key, "<scriptTask id=\"work\" name=\"脚本\" scriptFormat=\"javascript\">"
                + "<script>java.lang.Runtime.getRuntime().exec('id')</script></scriptTask>");
    }

    static String scriptListener(String key) {
        return process(key, "<userTask id=\"work\" name=\"办理\" camunda:candidateGroups=\"sgc-dispatcher\">"
                + "<extensionElements><camunda:executionListener event=\"start\">"
                + "<camunda:script scriptFormat=\"groovy\">println 'x'</camunda:script>"
                + "</camunda:executionListener></extensionElements></userTask>");
    }

    static String xxe(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="%s" name="&secret;" isExecutable="true"><startEvent id="start"/></process>
                </definitions>
                """.formatted(key);
    }

    static String malformed(String key) {
        return userTask(key, "办理").replace("</process>", "</proces>");
    }

    /** A valid model made larger than {@code bytes} by an XML comment. */
    static String oversized(String key, int bytes) {
        return userTask(key, "办理").replace("<startEvent", "<!-- " + "x".repeat(bytes) + " -->\n<startEvent");
    }
}
