package cn.gridflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code gridflow.calendar.*} as Spring Boot binds it from application.yml or the environment. */
class CalendarPropertiesTest {

    private static CalendarProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("gridflow.calendar", CalendarProperties.class);
    }

    @Test
    void defaultsAreLonggangOfficeHours() {
        CalendarProperties defaults = bind(Map.of());
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(defaults.periods()).extracting(p -> p.start() + "-" + p.end())
                .containsExactly("08:30-12:00", "13:30-17:30");
        assertThat(defaults.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void hoursZoneAndIntervalCanBeSet() {
        CalendarProperties summer = bind(Map.of(
                "gridflow.calendar.working-hours", "08:30-12:00,14:30-18:00",
                "gridflow.calendar.zone", "Asia/Urumqi",
                "gridflow.calendar.refresh-interval", "5m"));
        assertThat(summer.periods().get(1).end()).isEqualTo(LocalTime.of(18, 0));
        assertThat(summer.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(summer.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsenseHoursStopTheStart() {
        assertThatThrownBy(() -> bind(Map.of("gridflow.calendar.working-hours", "17:30-08:30")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
