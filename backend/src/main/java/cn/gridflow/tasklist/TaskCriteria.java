package cn.gridflow.tasklist;

import java.time.OffsetDateTime;

/** What narrows an inbox: the scope (mine / my groups' / all I can see) and optional field filters. */
public record TaskCriteria(Scope scope, String processKey, String gridId, String communityId,
                           OffsetDateTime dueBefore, OffsetDateTime dueAfter, String text) {

    public enum Scope { mine, group, all }

    public TaskCriteria {
        scope = scope == null ? Scope.all : scope;
        processKey = blankToNull(processKey);
        gridId = blankToNull(gridId);
        communityId = blankToNull(communityId);
        text = blankToNull(text);
    }

    /** These criteria with every non-empty field of {@code narrower} laid over them. */
    public TaskCriteria narrowedBy(TaskCriteria narrower) {
        return new TaskCriteria(scope,
                firstNonNull(narrower.processKey, processKey), firstNonNull(narrower.gridId, gridId),
                firstNonNull(narrower.communityId, communityId), firstNonNull(narrower.dueBefore, dueBefore),
                firstNonNull(narrower.dueAfter, dueAfter), firstNonNull(narrower.text, text));
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
