package cn.gridflow.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CommunityRepository extends JpaRepository<Community, String> {

    List<Community> findAllByOrderBySortOrderAscIdAsc();
}
