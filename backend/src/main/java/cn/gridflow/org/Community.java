package cn.gridflow.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A 社区 managed directly by the city (市管社区). */
@Entity
@Table(name = "gf_community")
public class Community extends OrgUnit {

    protected Community() {
    }

    public Community(String id, String name, int sortOrder) {
        super(id, name, sortOrder);
    }
}
