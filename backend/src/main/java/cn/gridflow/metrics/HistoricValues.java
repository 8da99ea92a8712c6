package cn.gridflow.metrics;

import java.util.Date;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;

/** A variable's value as a history event carries it (raw columns by serializer), in the engine's Java types. */
final class HistoricValues {

    private HistoricValues() {
    }

    static Object of(HistoricVariableUpdateEventEntity e) {
        String serializer = e.getSerializerName();
        if (serializer == null) {
            return null;
        }
        return switch (serializer) {
            case "null" -> null;
            case "date" -> e.getLongValue() == null ? null : new Date(e.getLongValue());
            case "boolean" -> e.getLongValue() == null ? null : e.getLongValue() == 1L;
            case "integer", "short" -> e.getLongValue() == null ? null : e.getLongValue().intValue();
            case "long" -> e.getLongValue();
            case "double" -> e.getDoubleValue();
            default -> e.getTextValue();
        };
    }
}
