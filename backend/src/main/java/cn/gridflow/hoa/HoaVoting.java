package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import cn.gridflow.process.hoa.HoaRules.RuleViolation;
import cn.gridflow.process.hoa.VoteTallyService;
import cn.gridflow.process.hoa.VoteTallyService.Ballot;
import cn.gridflow.process.hoa.VoteTallyService.Choice;
import cn.gridflow.process.hoa.VoteTallyService.Tally;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ${hoaVoting}}: the ballot box of 审3. Rounds open and close with the process; ballots come from the app
 * (an owner voting, or the committee recording paper ballots one by one or as an import) or as message
 * {@code MSG_BALLOT_CAST}. One ballot per owner per round: a second one is <b>refused</b> (409), never replaces the
 * first — a recorded ballot is evidence, and letting a later ballot overwrite it would let whoever records last
 * decide an owner's vote. The tally is {@link VoteTallyService} over the unit register.
 */
@ProcessBean
@Component("hoaVoting")
public class HoaVoting {

    /** A ballot as the app sends it: the unit (as on a paper ballot) or the owner, and optionally the area. */
    public record BallotInput(String unitId, String ownerId, String choice, Long areaCenti) {
    }

    public record Round(int roundNo, String status, Date opensAt, Date closesAt, int ballotCount, Long totalOwnerCount,
                        Long participatingCount, Long yesCount, Long totalAreaCenti, Long participatingAreaCenti,
                        Long yesAreaCenti, Boolean quorumMet, Boolean passed) {
    }

    public record RecordedBallot(String voterKey, String ownerName, String choice, long areaCenti, String channel,
                                 String recordedBy, Date recordedAt) {
    }

    private final JdbcTemplate jdbc;
    private final HoaEstates estates;
    private final HoaMatters matters;
    private final VoteTallyService tallyService;

    public HoaVoting(JdbcTemplate jdbc, HoaEstates estates, HoaMatters matters, VoteTallyService tallyService) {
        this.jdbc = jdbc;
        this.estates = estates;
        this.matters = matters;
        this.tallyService = tallyService;
    }

    // ------------------------------------------------------------------ process side

    public void open(DelegateExecution execution) {
        String matterId = (String) execution.getVariable("matterId");
        int round = ((Number) execution.getVariable("voteRound")).intValue();
        Date closes = (Date) execution.getVariable("voteCloseAt");
        if (jdbc.update("update gf_hoa_vote_round set status = 'OPEN', closes_at = ? where matter_id = ? and round_no = ?",
                ts(closes), matterId, round) == 0) {
            jdbc.update("insert into gf_hoa_vote_round (matter_id, round_no, status, opens_at, closes_at, ballot_count)"
                    + " values (?, ?, 'OPEN', ?, ?, 0)", matterId, round, HoaMatters.now(), ts(closes));
        }
    }

    /** MSG_BALLOT_CAST: the ballot's data are local to the message's event subprocess. */
    public void recordBallot(DelegateExecution execution) {
        String matterId = (String) execution.getVariable("matterId");
        BallotInput input = new BallotInput((String) execution.getVariable("unitId"),
                (String) execution.getVariable("voterKey"), (String) execution.getVariable("choice"), null);
        try {
            cast(matterId, List.of(input), "MESSAGE", "engine");
        } catch (ApiException e) {
            throw new RuleViolation(e.code(), "ballot refused: " + e.code());
        }
    }

    /** Closes the round first (under the row lock ballots take), then counts: no ballot slips in between. */
    public void tally(DelegateExecution execution) {
        String matterId = (String) execution.getVariable("matterId");
        int round = ((Number) execution.getVariable("voteRound")).intValue();
        jdbc.update("update gf_hoa_vote_round set status = 'CLOSED' where matter_id = ? and round_no = ?", matterId, round);
        String estateId = (String) execution.getVariable("propertyAreaId");
        List<Ballot> ballots = jdbc.query("select voter_key, choice from gf_hoa_ballot where matter_id = ? and round_no = ?",
                (rs, i) -> new Ballot(rs.getString(1), Choice.valueOf(rs.getString(2))), matterId, round);
        Tally tally = tallyService.tally(estates.units(estateId).stream().map(HoaEstates.UnitRow::toUnit).toList(),
                ballots);
        tally.writeTo(execution);
        jdbc.update("update gf_hoa_vote_round set total_owner_count = ?, participating_count = ?, yes_count = ?,"
                        + " total_area_centi = ?, participating_area_centi = ?, yes_area_centi = ?"
                        + " where matter_id = ? and round_no = ?", tally.totalOwnerCount(), tally.participatingCount(),
                tally.yesCount(), tally.totalAreaCenti(), tally.participatingAreaCenti(), tally.yesAreaCenti(),
                matterId, round);
    }

    public void close(DelegateExecution execution) {
        jdbc.update("update gf_hoa_vote_round set quorum_met = ?, passed = ? where matter_id = ? and round_no = ?",
                execution.getVariable("quorumMet"), execution.getVariable("passed"),
                execution.getVariable("matterId"), ((Number) execution.getVariable("voteRound")).intValue());
    }

    // ------------------------------------------------------------------ app side

    /**
     * Records ballots all-or-nothing: every input is checked against the unit register first (a non-owner, an
     * unknown unit, a non-positive or wrong area, an unknown choice, the same owner twice are 400 with the row of
     * each problem); then the open round is locked and the ballots stored (round closed → 409, an owner who has
     * already voted in this round → 409). Any refusal leaves nothing stored.
     */
    @Transactional
    public int cast(String matterId, List<BallotInput> inputs, String channel, String recordedBy) {
        HoaMatters.Matter matter = matters.byId(matterId).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
        if (inputs == null || inputs.isEmpty()) {
            throw ApiException.badRequest("hoa.ballot.empty");
        }
        List<HoaEstates.UnitRow> units = estates.units(matter.estateId());
        Map<String, HoaEstates.UnitRow> byUnit = units.stream()
                .collect(Collectors.toMap(HoaEstates.UnitRow::id, Function.identity()));
        Map<String, Long> areaByVoter = units.stream().collect(Collectors.groupingBy(u -> u.toUnit().voterKey(),
                Collectors.summingLong(HoaEstates.UnitRow::areaCenti)));
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            BallotInput in = inputs.get(i);
            String field = "ballots[" + i + "]";
            Optional<String> voterKey = voterKeyOf(in, byUnit, areaByVoter);
            if (voterKey.isEmpty()) {
                problems.add(new FieldProblem(field, "hoa.ballot.not-owner", i + 1));
                continue;
            }
            if (in.areaCenti() != null && in.areaCenti() <= 0) {
                problems.add(new FieldProblem(field, "hoa.ballot.area-invalid", i + 1));
                continue;
            }
            if (in.areaCenti() != null && in.unitId() != null && in.areaCenti() != byUnit.get(in.unitId()).areaCenti()) {
                problems.add(new FieldProblem(field, "hoa.ballot.area-mismatch", i + 1));
                continue;
            }
            Choice choice;
            try {
                choice = Choice.valueOf(String.valueOf(in.choice()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "hoa.ballot.choice-invalid", i + 1));
                continue;
            }
            if (!seen.add(voterKey.get())) {
                problems.add(new FieldProblem(field, "hoa.ballot.twice-in-batch", i + 1));
                continue;
            }
            rows.add(new Object[] {UUID.randomUUID().toString(), matterId, 0, voterKey.get(), choice.name(), areaByVoter.get(voterKey.get()),
                    channel, recordedBy, HoaMatters.now()});
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "hoa.ballot.invalid", problems);
        }
        Integer round = openRound(matterId)
                .orElseThrow(() -> ApiException.conflict("hoa.round.closed"));
        // Taking the round's row lock serialises ballots with the tally, which closes the round under the same lock.
        if (jdbc.update("update gf_hoa_vote_round set ballot_count = ballot_count + ? where matter_id = ?"
                + " and round_no = ? and status = 'OPEN'", rows.size(), matterId, round) == 0) {
            throw ApiException.conflict("hoa.round.closed");
        }
        for (Object[] row : rows) {
            row[2] = round;
            try {
                jdbc.update("insert into gf_hoa_ballot (id, matter_id, round_no, voter_key, choice, area_centi, channel,"
                        + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
            } catch (DuplicateKeyException e) {
                throw ApiException.conflict("hoa.ballot.duplicate", row[3]);
            }
        }
        return rows.size();
    }

    private static Optional<String> voterKeyOf(BallotInput in, Map<String, HoaEstates.UnitRow> byUnit,
                                               Map<String, Long> areaByVoter) {
        if (in.unitId() != null) {
            HoaEstates.UnitRow unit = byUnit.get(in.unitId());
            if (unit == null) {
                return Optional.empty();
            }
            String key = unit.toUnit().voterKey();
            return in.ownerId() == null || in.ownerId().equals(key) ? Optional.of(key) : Optional.empty();
        }
        return in.ownerId() != null && areaByVoter.containsKey(in.ownerId()) ? Optional.of(in.ownerId())
                : Optional.empty();
    }

    public Optional<Integer> openRound(String matterId) {
        return jdbc.queryForList("select round_no from gf_hoa_vote_round where matter_id = ? and status = 'OPEN'",
                Integer.class, matterId).stream().findFirst();
    }

    public List<Round> rounds(String matterId) {
        return jdbc.query("select round_no, status, opens_at, closes_at, ballot_count, total_owner_count,"
                        + " participating_count, yes_count, total_area_centi, participating_area_centi, yes_area_centi,"
                        + " quorum_met, passed from gf_hoa_vote_round where matter_id = ? order by round_no",
                (rs, i) -> new Round(rs.getInt(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
                        rs.getInt(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Long.class),
                        rs.getObject(11, Long.class), rs.getObject(12, Boolean.class), rs.getObject(13, Boolean.class)),
                matterId);
    }

    public List<RecordedBallot> ballots(String matterId, int round, String estateId) {
        Map<String, String> names = estates.units(estateId).stream().filter(u -> u.ownerId() != null && !u.developerUnsold())
                .collect(Collectors.toMap(HoaEstates.UnitRow::ownerId, u -> u.ownerName() == null ? u.ownerId() : u.ownerName(),
                        (a, b) -> a));
        return jdbc.query("select voter_key, choice, area_centi, channel, recorded_by, recorded_at from gf_hoa_ballot"
                        + " where matter_id = ? and round_no = ? order by recorded_at, voter_key",
                (rs, i) -> new RecordedBallot(rs.getString(1),
                        VoteTallyService.DEVELOPER.equals(rs.getString(1)) ? "开发建设单位（未售）"
                                : names.getOrDefault(rs.getString(1), rs.getString(1)),
                        rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6)),
                matterId, round);
    }

    private static Timestamp ts(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
