package cn.gridflow.process.hoa;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The owners' vote count of domain-spec §2.2/§2.5 under Civil Code art. 278, in exact integer arithmetic: areas in
 * 0.01 m² and head counts as {@code long}, thresholds compared by cross-multiplication, never by division.
 * "以上" (at least) includes the boundary; "过半数" (more than half) is strict (art. 1259).
 * <p>
 * Counting rules (judicial interpretation quoted in [S29]): area is the registered area of each unit; the owner count
 * is the number of units, except that all units of one buyer count as one owner and all unsold or undelivered
 * developer units together count as one owner. Each such owner casts one ballot for all of their units.
 * <p>
 * Lives in the processes module so that the model tests count exactly as the backend does.
 */
public class VoteTallyService {

    /** The voter key of all unsold/undelivered developer units: they vote, and count, as one owner. */
    public static final String DEVELOPER = "DEVELOPER";

    public enum Choice { YES, NO, ABSTAIN }

    /** One 专有部分 with its registered (登记簿) area. {@code ownerId} is ignored for unsold developer units. */
    public record Unit(String unitId, String ownerId, long areaCenti, boolean developerUnsold) {
        public Unit {
            if (areaCenti <= 0) {
                throw new IllegalArgumentException("unit " + unitId + ": registered area must be positive");
            }
            if (!developerUnsold && (ownerId == null || ownerId.isBlank())) {
                throw new IllegalArgumentException("unit " + unitId + ": a sold unit needs an owner");
            }
        }

        public String voterKey() {
            return developerUnsold ? DEVELOPER : ownerId;
        }
    }

    /** One owner's ballot (the voter key of {@link Unit#voterKey()}). */
    public record Ballot(String voterKey, Choice choice) {
    }

    public record Tally(long totalOwnerCount, long participatingCount, long yesCount,
                        long totalAreaCenti, long participatingAreaCenti, long yesAreaCenti) {

        /** At least two thirds of the area took part: participating × 3 ≥ total × 2. */
        public boolean pQuorumArea() {
            return atLeast(participatingAreaCenti, 2, totalAreaCenti, 3);
        }

        public boolean pQuorumCount() {
            return atLeast(participatingCount, 2, totalOwnerCount, 3);
        }

        /** At least three quarters of the participating area said yes: yes × 4 ≥ participating × 3. */
        public boolean superArea() {
            return participatingAreaCenti > 0 && atLeast(yesAreaCenti, 3, participatingAreaCenti, 4);
        }

        public boolean superCount() {
            return participatingCount > 0 && atLeast(yesCount, 3, participatingCount, 4);
        }

        /** More than half of the participating area said yes: yes × 2 > participating. */
        public boolean majArea() {
            return Math.multiplyExact(yesAreaCenti, 2) > participatingAreaCenti;
        }

        public boolean majCount() {
            return Math.multiplyExact(yesCount, 2) > participatingCount;
        }

        /** The variables of §2.2 and the DMN inputs of §2.5, all primitives. */
        public void writeTo(VariableScope scope) {
            scope.setVariable("totalOwnerCount", totalOwnerCount);
            scope.setVariable("participatingCount", participatingCount);
            scope.setVariable("yesCount", yesCount);
            scope.setVariable("totalAreaCenti", totalAreaCenti);
            scope.setVariable("participatingAreaCenti", participatingAreaCenti);
            scope.setVariable("yesAreaCenti", yesAreaCenti);
            scope.setVariable("pQuorumArea", pQuorumArea());
            scope.setVariable("pQuorumCount", pQuorumCount());
            scope.setVariable("superArea", superArea());
            scope.setVariable("superCount", superCount());
            scope.setVariable("majArea", majArea());
            scope.setVariable("majCount", majCount());
        }

        /** part/whole ≥ num/den, i.e. part × den ≥ whole × num; overflow throws rather than giving a wrong answer. */
        private static boolean atLeast(long part, long num, long whole, long den) {
            return Math.multiplyExact(part, den) >= Math.multiplyExact(whole, num);
        }
    }

    /**
     * Counts the ballots over the electorate. A ballot from a voter key outside the electorate, or a second ballot
     * from the same voter key, is a programming error here: the ballot box refuses both before they are stored.
     */
    public Tally tally(Collection<Unit> electorate, Collection<Ballot> ballots) {
        Map<String, Long> areaByVoter = new HashMap<>();
        Set<String> unitIds = new HashSet<>();
        for (Unit unit : electorate) {
            if (!unitIds.add(unit.unitId())) {
                throw new IllegalArgumentException("unit " + unit.unitId() + " is listed twice");
            }
            areaByVoter.merge(unit.voterKey(), unit.areaCenti(), Math::addExact);
        }
        if (areaByVoter.isEmpty()) {
            throw new IllegalArgumentException("the electorate is empty");
        }
        long totalArea = areaByVoter.values().stream().reduce(0L, Math::addExact);
        long participating = 0;
        long yes = 0;
        long participatingArea = 0;
        long yesArea = 0;
        Set<String> voted = new HashSet<>();
        for (Ballot ballot : ballots) {
            Long area = areaByVoter.get(ballot.voterKey());
            if (area == null) {
                throw new IllegalArgumentException(ballot.voterKey() + " is not an owner of this estate");
            }
            if (!voted.add(ballot.voterKey())) {
                throw new IllegalArgumentException(ballot.voterKey() + " has already voted in this round");
            }
            participating++;
            participatingArea = Math.addExact(participatingArea, area);
            if (ballot.choice() == Choice.YES) {
                yes++;
                yesArea = Math.addExact(yesArea, area);
            }
        }
        return new Tally(areaByVoter.size(), participating, yes, totalArea, participatingArea, yesArea);
    }
}
