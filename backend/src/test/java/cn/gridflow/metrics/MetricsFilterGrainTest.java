package cn.gridflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which grain of gf_metric_daily a filter, a scope and a grouping read: the smallest that keeps them all. */
class MetricsFilterGrainTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final MetricsScope CITY = new MetricsScope(true, List.of(), List.of());
    static final MetricsScope HEAD = new MetricsScope(false, List.of("C01"), List.of());
    static final MetricsScope LEADER = new MetricsScope(false, List.of(), List.of("ENFORCE"));

    private static MetricsFilter filter(String community, String grid, String dept, String category, String source,
                                        String mode) {
        return MetricsFilter.parse("2026-01-01", "2026-11-27", community, grid, dept, category, source, mode, TODAY);
    }

    @Test
    void everySingleDimensionFilterHasACoarseGrain() {
        assertThat(filter(null, null, null, null, null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.C);
        assertThat(filter(null, null, null, null, null, "WAR").grain(CITY, null)).isEqualTo(DailyCell.Grain.C);
        assertThat(filter("C01", null, null, null, null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.C);
        assertThat(filter(null, null, "ENFORCE", null, null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.D);
        assertThat(filter(null, "G0101", null, null, null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.G);
        assertThat(filter(null, null, null, "FOOD", null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.K);
        assertThat(filter(null, null, null, null, "HOTLINE_12345", null).grain(CITY, null))
                .isEqualTo(DailyCell.Grain.K);
    }

    @Test
    void scopesGroupingsAndCombinationsKeepWhatTheyNeed() {
        // grid with its community, mode, or a community head's scope: still the grid grain
        assertThat(filter("C01", "G0101", null, null, null, "WAR").grain(HEAD, null)).isEqualTo(DailyCell.Grain.G);
        assertThat(filter(null, null, null, "FOOD", "HOTLINE_12345", "PEACE").grain(CITY, null))
                .isEqualTo(DailyCell.Grain.K);
        assertThat(filter(null, null, null, null, null, null).grain(LEADER, null)).isEqualTo(DailyCell.Grain.D);
        assertThat(filter(null, null, null, null, null, null).grain(CITY, "department"))
                .isEqualTo(DailyCell.Grain.D);
        // combinations no coarse grain keeps fall to the finest
        assertThat(filter(null, "G0101", null, "FOOD", null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.F);
        assertThat(filter(null, null, "MARKET", "FOOD", null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.X);
        assertThat(filter(null, null, "MARKET", null, "HOTLINE_12345", "WAR").grain(CITY, null))
                .isEqualTo(DailyCell.Grain.X);
        assertThat(filter(null, null, null, "FOOD", null, null).grain(LEADER, null)).isEqualTo(DailyCell.Grain.X);
        assertThat(filter("C01", null, "MARKET", "FOOD", null, null).grain(CITY, null)).isEqualTo(DailyCell.Grain.F);
        assertThat(filter(null, null, null, "FOOD", null, null).grain(HEAD, null)).isEqualTo(DailyCell.Grain.F);
        assertThat(filter(null, "G0101", null, null, null, null).grain(CITY, "department"))
                .isEqualTo(DailyCell.Grain.F);
        assertThat(filter(null, null, null, null, null, null).grain(
                new MetricsScope(false, List.of("C01"), List.of("ENFORCE")), null)).isEqualTo(DailyCell.Grain.F);
    }

    @Test
    void theFinestGrainIsReadThroughItsMostSelectiveDimension() {
        DailyCell.Grain f = DailyCell.Grain.F;
        assertThat(filter(null, "G0101", "MARKET", "FOOD", null, null).dailyIndex(CITY, f))
                .isEqualTo("ix_metric_daily_grid");
        assertThat(filter(null, "G0101", null, "FOOD", null, null).dailyIndex(HEAD, f))
                .isEqualTo("ix_metric_daily_grid");
        assertThat(filter(null, null, null, "FOOD", null, null).dailyIndex(HEAD, f))
                .isEqualTo("ix_metric_daily_community");
        assertThat(filter("C01", null, "MARKET", null, null, null).dailyIndex(CITY, f))
                .isEqualTo("ix_metric_daily_community");
        assertThat(filter(null, null, "MARKET", "FOOD", null, null).dailyIndex(CITY, f))
                .isEqualTo("ix_metric_daily_dept");
        assertThat(filter(null, null, null, null, "HOTLINE_12345", null).dailyIndex(LEADER, f))
                .isEqualTo("ix_metric_daily_dept");
        // a department's categories and sources: the department's cells of X
        assertThat(filter(null, null, "MARKET", null, "HOTLINE_12345", null).dailyIndex(CITY, DailyCell.Grain.X))
                .isEqualTo("ix_metric_daily_dept");
        assertThat(filter(null, null, null, "FOOD", null, null).dailyIndex(LEADER, DailyCell.Grain.X))
                .isEqualTo("ix_metric_daily_dept");
        // communities OR departments: neither index holds every cell in scope
        assertThat(filter(null, null, null, "FOOD", null, null).dailyIndex(
                new MetricsScope(false, List.of("C01"), List.of("ENFORCE")), f)).isNull();
        // the coarse grains keep their primary key (day first)
        assertThat(filter(null, "G0101", null, null, null, null).dailyIndex(CITY, DailyCell.Grain.G)).isNull();
    }
}
