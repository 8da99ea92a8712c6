package cn.gridflow.process.promotion;

import java.util.List;
import java.util.Map;

/**
 * What the promotion processes read from and report to the personnel side: who applied to a round, where an
 * applicant works, and every change of a candidate's state. The backend keeps these in its own tables for the round
 * board and the applicant's view; model tests keep them in memory. {@code record} is an upsert, so a job that runs
 * twice leaves the same state.
 */
public interface PromotionLedger {

    List<String> applicants(String roundKey);

    String communityOf(String applicantId);

    void record(String roundKey, String applicantId, String status, Map<String, Object> facts);

    void archive(String roundKey);
}
