package cn.gridflow.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A city department (大部门制) that takes dispatched events, e.g. ENFORCE. */
@Entity
@Table(name = "gf_department")
public class Department extends OrgUnit {

    protected Department() {
    }

    public Department(String id, String name, int sortOrder) {
        super(id, name, sortOrder);
    }
}
