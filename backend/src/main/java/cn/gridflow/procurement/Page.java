package cn.gridflow.procurement;

import java.util.List;

/** One page of a server-side paged list. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    static int size(int requested) {
        return Math.max(1, Math.min(requested, MAX_SIZE));
    }
}
