package cn.gridflow.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GridRepository extends JpaRepository<Grid, String> {

    List<Grid> findAllByOrderBySortOrderAscIdAsc();
}
