package cn.gridflow.admin;

import cn.gridflow.common.ApiException;

/** The bounds of the admin lists' paging: a page can be asked for, not the whole directory at once. */
final class Paging {

    static final String INVALID = "ADMIN_PAGE_INVALID";
    static final int MAX_SIZE = 100;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest(INVALID, MAX_SIZE);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
