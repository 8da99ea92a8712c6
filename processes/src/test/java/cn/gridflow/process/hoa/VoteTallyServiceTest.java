package cn.gridflow.process.hoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.gridflow.process.hoa.VoteTallyService.Ballot;
import cn.gridflow.process.hoa.VoteTallyService.Choice;
import cn.gridflow.process.hoa.VoteTallyService.Tally;
import cn.gridflow.process.hoa.VoteTallyService.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Civil Code art. 278 arithmetic (domain-spec §2.2, §2.5, §2.7), boundaries first, then random electorates. */
class VoteTallyServiceTest {

    private final VoteTallyService service = new VoteTallyService();

    /** §2.7: 400 owners of one unit each, 100.00 m² each, 40,000.00 m² in all. */
    private static List<Unit> fourHundredOwners() {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            units.add(new Unit("U" + i, "O" + i, 10_000, false));
        }
        return units;
    }

    /** The first {@code voters} owners vote, the first {@code yes} of them in favour. */
    private static List<Ballot> ballots(int voters, int yes) {
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            ballots.add(new Ballot("O" + i, i <= yes ? Choice.YES : Choice.NO));
        }
        return ballots;
    }

    @Test
    void twoHundredSixtySevenOfFourHundredMeetTheTwoThirdsQuorumAndTwoHundredSixtySixDoNot() {
        Tally met = service.tally(fourHundredOwners(), ballots(267, 200));
        assertThat(met.participatingCount()).isEqualTo(267);
        assertThat(met.pQuorumCount()).isTrue();
        assertThat(met.pQuorumArea()).isTrue();

        Tally missed = service.tally(fourHundredOwners(), ballots(266, 200));
        assertThat(missed.pQuorumCount()).isFalse();
        assertThat(missed.pQuorumArea()).isFalse();
    }

    @ParameterizedTest(name = "participating area {0} of 4,000,000 → quorum {1}")
    @CsvSource({"2666667, true", "2666666, false", "2666668, true"})
    void theAreaQuorumIsExactToTheHundredthOfASquareMetre(long participatingArea, boolean quorum) {
        // Owner A holds the participating area, owner B the rest; only A votes.
        List<Unit> units = List.of(new Unit("A", "A", participatingArea, false),
                new Unit("B", "B", 4_000_000 - participatingArea, false));
        Tally tally = service.tally(units, List.of(new Ballot("A", Choice.YES)));
        assertThat(tally.totalAreaCenti()).isEqualTo(4_000_000);
        assertThat(tally.pQuorumArea()).isEqualTo(quorum);
    }

    @Test
    void twoHundredTwentyFourYesOfThreeHundredFailTheThreeQuartersCountAndTwoHundredTwentyFivePass() {
        Tally fails = service.tally(fourHundredOwners(), ballots(300, 224));
        assertThat(fails.superCount()).isFalse();
        assertThat(fails.majCount()).isTrue();
        Tally passes = service.tally(fourHundredOwners(), ballots(300, 225));
        assertThat(passes.superCount()).isTrue();
        assertThat(passes.superArea()).isTrue();
    }

    @ParameterizedTest(name = "{1} yes of {0} participants → majority {2}")
    @CsvSource({"280, 140, false", "280, 141, true", "281, 140, false", "281, 141, true"})
    void moreThanHalfIsStrict(int voters, int yes, boolean majority) {
        Tally tally = service.tally(fourHundredOwners(), ballots(voters, yes));
        assertThat(tally.majCount()).isEqualTo(majority);
        assertThat(tally.majArea()).isEqualTo(majority);
    }

    @Test
    void h4AreaPassesThreeQuartersWhileTheCountDoesNot() {
        // 300 owners / 30,000 m² take part; 224 yes owners hold 23,000 m² (76.7 %) but are 74.67 % of the heads.
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            long area = i <= 216 ? 10_268 : i <= 224 ? 10_264 : i < 300 ? 9_210 : i == 300 ? 9_250 : 10_000;
            units.add(new Unit("U" + i, "O" + i, area, false));
        }
        Tally tally = service.tally(units, ballots(300, 224));
        assertThat(tally.totalAreaCenti()).isEqualTo(4_000_000);
        assertThat(tally.participatingAreaCenti()).isEqualTo(3_000_000);
        assertThat(tally.yesAreaCenti()).isEqualTo(2_300_000);
        assertThat(tally.yesCount()).isEqualTo(224);
        assertThat(tally.superArea()).isTrue();
        assertThat(tally.superCount()).isFalse();
    }

    @Test
    void allUnitsOfOneBuyerCountAsOneOwnerWithTheirSummedArea() {
        List<Unit> units = List.of(
                new Unit("1-101", "zhang", 9_050, false),
                new Unit("1-102", "zhang", 8_025, false),
                new Unit("P-17", "zhang", 1_200, false),
                new Unit("1-201", "li", 9_050, false));
        Tally tally = service.tally(units, List.of(new Ballot("zhang", Choice.YES)));
        assertThat(tally.totalOwnerCount()).isEqualTo(2);
        assertThat(tally.totalAreaCenti()).isEqualTo(27_325);
        assertThat(tally.participatingCount()).isEqualTo(1);
        assertThat(tally.yesAreaCenti()).isEqualTo(18_275);
    }

    @Test
    void allUnsoldDeveloperUnitsCountAsOneOwner() {
        List<Unit> units = List.of(
                new Unit("2-101", null, 10_000, true),
                new Unit("2-102", "ignored-for-unsold", 10_000, true),
                new Unit("2-103", null, 10_000, true),
                new Unit("2-201", "wang", 10_000, false));
        Tally tally = service.tally(units, List.of(new Ballot(VoteTallyService.DEVELOPER, Choice.NO),
                new Ballot("wang", Choice.YES)));
        assertThat(tally.totalOwnerCount()).isEqualTo(2);
        assertThat(tally.participatingAreaCenti()).isEqualTo(40_000);
        assertThat(tally.yesAreaCenti()).isEqualTo(10_000);
        assertThat(tally.majCount()).isFalse(); // 1 of 2 is not more than half
    }

    @Test
    void anAbstentionTakesPartButIsNotAYes() {
        Tally tally = service.tally(fourHundredOwners(), List.of(new Ballot("O1", Choice.ABSTAIN),
                new Ballot("O2", Choice.YES)));
        assertThat(tally.participatingCount()).isEqualTo(2);
        assertThat(tally.yesCount()).isEqualTo(1);
        assertThat(tally.majCount()).isFalse();
    }

    @Test
    void nobodyVotingNeitherMeetsTheQuorumNorPassesAnything() {
        Tally tally = service.tally(fourHundredOwners(), List.of());
        assertThat(tally.pQuorumCount()).isFalse();
        assertThat(tally.superCount()).isFalse();
        assertThat(tally.superArea()).isFalse();
        assertThat(tally.majArea()).isFalse();
    }

    @Test
    void refusesWhatTheBallotBoxMustNeverLetThrough() {
        assertThatThrownBy(() -> new Unit("X", "x", -100, false)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Unit("X", "x", 0, false)).hasMessageContaining("positive");
        assertThatThrownBy(() -> service.tally(fourHundredOwners(), List.of(new Ballot("stranger", Choice.YES))))
                .hasMessageContaining("not an owner");
        assertThatThrownBy(() -> service.tally(fourHundredOwners(),
                List.of(new Ballot("O1", Choice.YES), new Ballot("O1", Choice.NO)))).hasMessageContaining("already");
        assertThatThrownBy(() -> service.tally(List.of(), List.of())).hasMessageContaining("empty");
    }

    @Test
    void hugeAreasOverflowLoudlyRatherThanSilently() {
        List<Unit> units = List.of(new Unit("A", "a", Long.MAX_VALUE / 2, false),
                new Unit("B", "b", Long.MAX_VALUE / 2, false));
        Tally tally = service.tally(units, List.of(new Ballot("a", Choice.YES)));
        assertThatThrownBy(tally::pQuorumArea).isInstanceOf(ArithmeticException.class);
    }

    // ---- property-style: random electorates near the thresholds against a plain reference ----

    /** The reference: per-owner aggregation written out by hand, thresholds as "the smallest whole number needed". */
    private record Reference(long owners, long voters, long yes, long area, long votingArea, long yesArea) {
        static Reference of(List<Unit> units, Map<String, Choice> votes) {
            Map<String, Long> areaOf = new LinkedHashMap<>();
            for (Unit u : units) {
                String who = u.developerUnsold() ? "DEVELOPER" : u.ownerId();
                areaOf.put(who, areaOf.getOrDefault(who, 0L) + u.areaCenti());
            }
            long area = 0, votingArea = 0, yesArea = 0, voters = 0, yes = 0;
            for (Map.Entry<String, Long> owner : areaOf.entrySet()) {
                area += owner.getValue();
                Choice c = votes.get(owner.getKey());
                if (c != null) {
                    voters++;
                    votingArea += owner.getValue();
                    if (c == Choice.YES) {
                        yes++;
                        yesArea += owner.getValue();
                    }
                }
            }
            return new Reference(areaOf.size(), voters, yes, area, votingArea, yesArea);
        }

        /** ⌈whole × num / den⌉ without fractions: the fewest that make "num/den 以上". */
        static long needed(long whole, long num, long den) {
            return (whole * num + den - 1) / den;
        }

        boolean quorumCount() { return voters >= needed(owners, 2, 3); }
        boolean quorumArea() { return votingArea >= needed(area, 2, 3); }
        boolean superCount() { return voters > 0 && yes >= needed(voters, 3, 4); }
        boolean superArea() { return votingArea > 0 && yesArea >= needed(votingArea, 3, 4); }
        boolean majCount() { return yes > voters / 2; }
        boolean majArea() { return yesArea > votingArea / 2; }
    }

    @Test
    void agreesWithTheReferenceOverThousandsOfRandomElectoratesNearEachThreshold() {
        Random random = new Random(20261127L);
        int quorumFlips = 0;
        int superFlips = 0;
        for (int round = 0; round < 3_000; round++) {
            List<Unit> units = new ArrayList<>();
            int unitCount = 3 + random.nextInt(600);
            int buyers = Math.max(1, unitCount - random.nextInt(1 + unitCount / 5)); // some buyers hold several units
            for (int u = 0; u < unitCount; u++) {
                boolean unsold = random.nextInt(25) == 0;
                String owner = "B" + random.nextInt(buyers);
                long area = 3_000 + random.nextInt(30_000) + (random.nextBoolean() ? 0 : 1); // odd hundredths too
                units.add(new Unit("U" + u, owner, area, unsold));
            }
            List<String> voterKeys = units.stream().map(Unit::voterKey).distinct().toList();
            List<String> shuffled = new ArrayList<>(voterKeys);
            java.util.Collections.shuffle(shuffled, random);
            // Participation within a few owners of two thirds, yes votes within a few of three quarters or a half.
            int voting = clamp(Reference.needed(shuffled.size(), 2, 3) + random.nextInt(5) - 2, shuffled.size());
            int yesTarget = random.nextBoolean() ? (int) Reference.needed(voting, 3, 4) : voting / 2;
            int yes = clamp(yesTarget + random.nextInt(5) - 2, voting);
            Map<String, Choice> votes = new LinkedHashMap<>();
            List<Ballot> ballots = new ArrayList<>();
            for (int i = 0; i < voting; i++) {
                Choice c = i < yes ? Choice.YES : (random.nextInt(4) == 0 ? Choice.ABSTAIN : Choice.NO);
                votes.put(shuffled.get(i), c);
                ballots.add(new Ballot(shuffled.get(i), c));
            }
            java.util.Collections.shuffle(ballots, random);

            Tally tally = service.tally(units, ballots);
            Reference ref = Reference.of(units, votes);
            String why = "electorate #" + round;
            assertThat(tally.totalOwnerCount()).as(why).isEqualTo(ref.owners());
            assertThat(tally.totalAreaCenti()).as(why).isEqualTo(ref.area());
            assertThat(tally.participatingCount()).as(why).isEqualTo(ref.voters());
            assertThat(tally.participatingAreaCenti()).as(why).isEqualTo(ref.votingArea());
            assertThat(tally.yesCount()).as(why).isEqualTo(ref.yes());
            assertThat(tally.yesAreaCenti()).as(why).isEqualTo(ref.yesArea());
            assertThat(tally.pQuorumCount()).as(why).isEqualTo(ref.quorumCount());
            assertThat(tally.pQuorumArea()).as(why).isEqualTo(ref.quorumArea());
            assertThat(tally.superCount()).as(why).isEqualTo(ref.superCount());
            assertThat(tally.superArea()).as(why).isEqualTo(ref.superArea());
            assertThat(tally.majCount()).as(why).isEqualTo(ref.majCount());
            assertThat(tally.majArea()).as(why).isEqualTo(ref.majArea());
            quorumFlips += ref.quorumCount() ? 1 : 0;
            superFlips += ref.superCount() ? 1 : 0;
        }
        // The generator really straddles the thresholds: both outcomes occur many times.
        assertThat(quorumFlips).isBetween(300, 2_700);
        assertThat(superFlips).isBetween(300, 2_700);
    }

    private static int clamp(long value, int max) {
        return (int) Math.max(0, Math.min(max, value));
    }
}
