package cn.gridflow.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A 网格 of a community, or a 微网格 when it has a parent grid. */
@Entity
@Table(name = "gf_grid")
public class Grid {

    @Id
    private String id;

    @Column(name = "community_id", nullable = false)
    private String communityId;

    @Column(name = "parent_id")
    private String parentId;

    @Column(nullable = false)
    private String name;

    private Integer households;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected Grid() {
    }

    public Grid(String id, String communityId, String parentId, String name, Integer households, int sortOrder) {
        this.id = id;
        this.communityId = communityId;
        this.parentId = parentId;
        this.name = name;
        this.households = households;
        this.sortOrder = sortOrder;
    }

    public String getId() {
        return id;
    }

    public String getCommunityId() {
        return communityId;
    }

    public String getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public Integer getHouseholds() {
        return households;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isMicroGrid() {
        return parentId != null;
    }
}
