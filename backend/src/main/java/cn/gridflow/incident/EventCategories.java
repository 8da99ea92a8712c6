package cn.gridflow.incident;

import java.util.Set;

/**
 * Category codes a grid event may carry (domain-spec §1.3). Whether a category is admitted to the grid is the
 * admission decision's business; this list only tells a code from a typo.
 */
public final class EventCategories {

    public static final Set<String> ALL = Set.of("SAFETY_HAZARD", "DANGEROUS_HOUSE", "DISPUTE", "ENV_CLUTTER",
            "FACILITY_DAMAGE", "FOOD", "MARKET_ORDER", "SPECIAL_CARE", "EPIDEMIC_TASK", "EMERGENCY_TASK",
            "DEPT_DATA_FILLING", "FEE_COLLECTION", "OTHER");

    public static final Set<String> URGENCIES = Set.of("ROUTINE", "URGENT", "EMERGENCY");

    /** Channels that report through the intake API (patrol reports come through the start form). */
    public static final Set<String> INTAKE_SOURCES = Set.of("RESIDENT_APP", "HOTLINE_12345", "IOT_ALERT");

    private EventCategories() {
    }
}
