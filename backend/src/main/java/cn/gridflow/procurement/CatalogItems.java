package cn.gridflow.procurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The catalogue (目录清单): items in their current state, and every published version of the whole catalogue. */
@Component
public class CatalogItems {

    public static final List<String> LISTED = List.of("PUBLISHED", "SUSPENDED");

    public record Item(String itemCode, String itemName, String itemClass, String deliveryMode, String legalBasis,
                       String serviceNature, String deptId, String status, String statusReason, String processInstanceId,
                       String proposedBy, Date createdAt, Date updatedAt) {
    }

    public record Publication(int version, Date publishedAt, String reason, int itemCount) {
    }

    public record PublishedItem(String itemCode, String itemName, String itemClass, String deliveryMode,
                                String legalBasis, String deptId, String status) {
    }

    public record Review(String id, String itemCode, int necessityScore, boolean legalChange, int poorGrades,
                         String adjustment, Date createdAt) {
    }

    private final JdbcTemplate jdbc;

    public CatalogItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the item already exists (a step that runs again) */
    public boolean insert(Item item) {
        if (find(item.itemCode()).isPresent()) {
            return false;
        }
        Timestamp now = now();
        try {
            jdbc.update("""
                    insert into gf_procurement_item (item_code, item_name, item_class, delivery_mode, legal_basis,
                        service_nature, dept_id, status, proc_inst_id, proposed_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    item.itemCode(), item.itemName(), item.itemClass(), item.deliveryMode(), item.legalBasis(),
                    item.serviceNature(), item.deptId(), item.status(), item.processInstanceId(), item.proposedBy(),
                    now, now);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public Optional<Item> find(String itemCode) {
        return jdbc.query("select * from gf_procurement_item where item_code = ?", CatalogItems::item, itemCode)
                .stream().findFirst();
    }

    public Page<Item> page(String status, int page, int size) {
        String where = status == null || status.isBlank() ? "" : " where status = ?";
        Object[] args = where.isEmpty() ? new Object[0] : new Object[] {status};
        Long total = jdbc.queryForObject("select count(*) from gf_procurement_item" + where, Long.class, args);
        List<Item> items = jdbc.query("select * from gf_procurement_item" + where
                + " order by updated_at desc, item_code limit " + size + " offset " + (long) page * size,
                CatalogItems::item, args);
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    public void setStatus(String itemCode, String status, String reason) {
        jdbc.update("update gf_procurement_item set status = ?, status_reason = ?, updated_at = ? where item_code = ?",
                status, reason, now(), itemCode);
    }

    /** Suspends a published item; an item already removed stays removed. */
    public boolean suspend(String itemCode, String reason) {
        return jdbc.update("update gf_procurement_item set status = 'SUSPENDED', status_reason = ?, updated_at = ?"
                + " where item_code = ? and status = 'PUBLISHED'", reason, now(), itemCode) > 0;
    }

    /** A suspended item published again; @return false when it was not suspended (nothing changed) */
    public boolean reinstate(String itemCode, String reason) {
        return jdbc.update("update gf_procurement_item set status = 'PUBLISHED', status_reason = ?, updated_at = ?"
                + " where item_code = ? and status = 'SUSPENDED'", reason, now(), itemCode) > 0;
    }

    public void revise(String itemCode, String itemName, String legalBasis) {
        jdbc.update("update gf_procurement_item set item_name = ?, legal_basis = ?, updated_at = ? where item_code = ?",
                itemName, legalBasis, now(), itemCode);
    }

    /**
     * Publishes the catalogue as it stands now: a new version holding every listed item. Versions are numbered
     * without gaps; two publications at once both get a number (the loser of the primary key retries).
     */
    public int publish(String reason) {
        for (int attempt = 0; ; attempt++) {
            Integer last = jdbc.queryForObject("select max(version_no) from gf_procurement_publication", Integer.class);
            int version = last == null ? 1 : last + 1;
            List<Item> listed = jdbc.query("select * from gf_procurement_item where status in ('PUBLISHED', 'SUSPENDED')"
                    + " order by item_code", CatalogItems::item);
            try {
                jdbc.update("insert into gf_procurement_publication (version_no, published_at, reason, item_count)"
                        + " values (?, ?, ?, ?)", version, now(), reason, listed.size());
            } catch (DuplicateKeyException raced) {
                if (attempt < 3) {
                    continue;
                }
                throw raced;
            }
            for (Item item : listed) {
                jdbc.update("""
                        insert into gf_procurement_publication_item (version_no, item_code, item_name, item_class,
                            delivery_mode, legal_basis, dept_id, status) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                        version, item.itemCode(), item.itemName(), item.itemClass(), item.deliveryMode(),
                        item.legalBasis(), item.deptId(), item.status());
            }
            return version;
        }
    }

    public Page<Publication> publications(int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from gf_procurement_publication", Long.class);
        List<Publication> items = jdbc.query("select * from gf_procurement_publication order by version_no desc limit "
                + size + " offset " + (long) page * size, CatalogItems::publication);
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    public Optional<Publication> publication(int version) {
        return jdbc.query("select * from gf_procurement_publication where version_no = ?", CatalogItems::publication,
                version).stream().findFirst();
    }

    public Optional<Publication> latestPublication() {
        return jdbc.query("select * from gf_procurement_publication order by version_no desc limit 1",
                CatalogItems::publication).stream().findFirst();
    }

    public List<PublishedItem> publishedItems(int version) {
        return jdbc.query("select * from gf_procurement_publication_item where version_no = ? order by item_code",
                (rs, n) -> new PublishedItem(rs.getString("item_code"), rs.getString("item_name"),
                        rs.getString("item_class"), rs.getString("delivery_mode"), rs.getString("legal_basis"),
                        rs.getString("dept_id"), rs.getString("status")), version);
    }

    /** What changed from one published version to the next: items added, removed, and changed field by field. */
    public record Diff(List<PublishedItem> added, List<PublishedItem> removed, List<Change> changed) {
    }

    public record Change(String itemCode, String itemName, Map<String, List<String>> fields) {
    }

    public static Diff diff(List<PublishedItem> before, List<PublishedItem> after) {
        Map<String, PublishedItem> old = new LinkedHashMap<>();
        before.forEach(i -> old.put(i.itemCode(), i));
        List<PublishedItem> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (PublishedItem now : after) {
            PublishedItem was = old.remove(now.itemCode());
            if (was == null) {
                added.add(now);
                continue;
            }
            Map<String, List<String>> fields = new LinkedHashMap<>();
            compare(fields, "itemName", was.itemName(), now.itemName());
            compare(fields, "itemClass", was.itemClass(), now.itemClass());
            compare(fields, "deliveryMode", was.deliveryMode(), now.deliveryMode());
            compare(fields, "legalBasis", was.legalBasis(), now.legalBasis());
            compare(fields, "status", was.status(), now.status());
            if (!fields.isEmpty()) {
                changed.add(new Change(now.itemCode(), now.itemName(), fields));
            }
        }
        return new Diff(added, List.copyOf(old.values()), changed);
    }

    private static void compare(Map<String, List<String>> fields, String name, String was, String now) {
        if (!Objects.equals(was, now)) {
            fields.put(name, java.util.Arrays.asList(was, now));
        }
    }

    /** @return false when this review was recorded before (its activity instance ran again) */
    public boolean recordReview(String itemCode, int score, boolean legalChange, int poorGrades, String adjustment,
                                String activityInstanceId) {
        Integer seen = jdbc.queryForObject("select count(*) from gf_procurement_review where activity_inst = ?",
                Integer.class, activityInstanceId);
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update("""
                insert into gf_procurement_review (id, item_code, necessity_score, legal_change, poor_grades,
                    adjustment, activity_inst, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), itemCode, score, legalChange, poorGrades, adjustment, activityInstanceId,
                now());
        return true;
    }

    public List<Review> reviews(String itemCode) {
        return jdbc.query("select * from gf_procurement_review where item_code = ? order by created_at desc",
                (rs, n) -> new Review(rs.getString("id"), rs.getString("item_code"), rs.getInt("necessity_score"),
                        rs.getBoolean("legal_change"), rs.getInt("poor_grades"), rs.getString("adjustment"),
                        rs.getTimestamp("created_at")), itemCode);
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getString("item_code"), rs.getString("item_name"), rs.getString("item_class"),
                rs.getString("delivery_mode"), rs.getString("legal_basis"), rs.getString("service_nature"),
                rs.getString("dept_id"), rs.getString("status"), rs.getString("status_reason"),
                rs.getString("proc_inst_id"), rs.getString("proposed_by"), rs.getTimestamp("created_at"),
                rs.getTimestamp("updated_at"));
    }

    private static Publication publication(ResultSet rs, int n) throws SQLException {
        return new Publication(rs.getInt("version_no"), rs.getTimestamp("published_at"), rs.getString("reason"),
                rs.getInt("item_count"));
    }

    static Timestamp now() {
        return Timestamp.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    }

    static Timestamp timestamp(Date date) {
        return date == null ? null : Timestamp.from(Instant.ofEpochMilli(date.getTime()));
    }
}
