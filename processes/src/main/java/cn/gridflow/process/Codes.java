package cn.gridflow.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Lists of codes as forms and callers send them: a Collection, a JSON array (Spin, printed as JSON) or "A, B". */
public final class Codes {

    private Codes() {
    }

    public static List<String> of(Object value) {
        List<String> codes = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> codes.add(String.valueOf(v).strip()));
        } else if (value != null) {
            for (String part : value.toString().replaceAll("[\\[\\]\"\\s]", "").split(",")) {
                codes.add(part);
            }
        }
        codes.removeIf(String::isEmpty);
        return codes.stream().distinct().toList();
    }
}
