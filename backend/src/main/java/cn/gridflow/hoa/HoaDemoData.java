package cn.gridflow.hoa;

import java.util.ArrayList;
import java.util.List;

import cn.gridflow.demo.DemoUser;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo estates for the owners'-committee decisions: 华中花园 (EST01, community C01) with 30 owners over 36 units —
 * two owners hold a second unit and four units are unsold, so the register shows both counting rules — and
 * 湖前小区 (EST02, C02) with 6 owners. Committee, party organisation, filing officer, supervisor and agent users.
 * Runs after the shared start-up sequence; idempotent.
 */
@Component
@ConditionalOnProperty(name = "gridflow.demo.enabled", havingValue = "true")
public class HoaDemoData {

    private static final Logger log = LoggerFactory.getLogger(HoaDemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
            "彭", "曾", "肖", "田", "董", "袁"};

    static final List<DemoUser> STAFF = List.of(
            new DemoUser("hoachair01", "陈", "建国", List.of("hoa-chair", "hoa-chair:EST01", "hoa-member", "hoa-member:EST01")),
            new DemoUser("hoamember01", "林", "晓燕", List.of("hoa-member", "hoa-member:EST01")),
            new DemoUser("hoamember02", "郑", "海", List.of("hoa-member", "hoa-member:EST01")),
            new DemoUser("hoachair02", "蔡", "明", List.of("hoa-chair", "hoa-chair:EST02", "hoa-member", "hoa-member:EST02")),
            new DemoUser("party01", "叶", "红", List.of("party-org", "party-org:C01")),
            new DemoUser("party02", "潘", "文", List.of("party-org", "party-org:C02")),
            new DemoUser("filing01", "方", "琳", List.of("community-filing", "community-filing:C01")),
            new DemoUser("hoasuper01", "金", "涛", List.of("hoa-supervisor", "hoa-supervisor:EST01")),
            new DemoUser("finagent01", "章", "会计", List.of("fin-agent", "fin-agent:EST01")),
            new DemoUser("property01", "华中物业", "客服", List.of("property-company", "property-company:EST01")));

    private final HoaEstates estates;
    private final IdentityService identityService;

    public HoaDemoData(HoaEstates estates, IdentityService identityService) {
        this.estates = estates;
        this.identityService = identityService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void load() {
        estates.ensure(new HoaEstates.Estate("EST01", "华中花园", "C01", 7));
        estates.ensure(new HoaEstates.Estate("EST02", "湖前小区", "C02", 5));
        STAFF.forEach(this::user);
        List<HoaEstates.UnitRow> units = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String owner = String.format("owner%02d", i);
            String name = SURNAMES[i - 1] + "业主";
            user(new DemoUser(owner, SURNAMES[i - 1], "业主", List.of("owner", "owner:EST01")));
            // 89.50 m² to 147.50 m² in steps of 2 m²
            units.add(new HoaEstates.UnitRow("EST01-" + (i <= 15 ? "1" : "2") + "-" + (100 + i), (i <= 15 ? "1" : "2")
                    + "幢" + (100 + i) + "室", owner, name, 8_950 + (i - 1) * 200L, false));
        }
        units.add(new HoaEstates.UnitRow("EST01-1-201", "1幢201室", "owner01", "王业主", 9_120, false));
        units.add(new HoaEstates.UnitRow("EST01-P-008", "车位P008", "owner02", "李业主", 1_250, false));
        for (int i = 1; i <= 4; i++) {
            units.add(new HoaEstates.UnitRow("EST01-3-30" + i, "3幢30" + i + "室", null, "开发建设单位（未售）", 11_000, true));
        }
        units.forEach(u -> estates.addUnit("EST01", u));
        for (int i = 31; i <= 36; i++) {
            String owner = String.format("owner%02d", i);
            user(new DemoUser(owner, SURNAMES[i - 1], "业主", List.of("owner", "owner:EST02")));
            estates.addUnit("EST02", new HoaEstates.UnitRow("EST02-1-" + (100 + i), "1幢" + (100 + i) + "室", owner,
                    SURNAMES[i - 1] + "业主", 10_000, false));
        }
        log.info("hoa demo: estates EST01 (36 units, 31 owners by the counting rules) and EST02 (6 units)");
    }

    private void user(DemoUser demo) {
        DemoUser.ensure(identityService, List.of(demo));
    }
}
