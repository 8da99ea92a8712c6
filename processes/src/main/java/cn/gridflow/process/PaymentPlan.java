package cn.gridflow.process;

import java.util.Date;

/**
 * A contract's payment plan in fen (domain-spec §0.3: money is Long fen, so sums are exact): an advance of
 * {@code prepayPct} at signing, then one instalment per evaluation period; the last instalment takes the
 * remainder of the division, so the plan always adds up to the price.
 */
public record PaymentPlan(long priceFen, int prepayPct, int periods) {

    public PaymentPlan {
        if (priceFen < 0 || prepayPct < 0 || prepayPct > 100 || periods < 1) {
            throw new IllegalArgumentException("invalid payment plan " + priceFen + "/" + prepayPct + "/" + periods);
        }
    }

    public long advanceFen() {
        return Math.multiplyExact(priceFen, prepayPct) / 100;
    }

    /** The instalment of period {@code period} (1-based), before the grade's pay percentage. */
    public long instalmentFen(int period) {
        if (period < 1 || period > periods) {
            throw new IllegalArgumentException("period " + period + " outside 1.." + periods);
        }
        long rest = priceFen - advanceFen();
        long base = rest / periods;
        return period < periods ? base : rest - base * (periods - 1);
    }

    /** What is paid of an amount at a grade's pay percentage; the withheld rest is never paid (floored to the fen). */
    public static long payable(long amountFen, int payPct) {
        return Math.multiplyExact(amountFen, payPct) / 100;
    }

    /** The part of the advance that covers service after {@code at}, pro rata by days: recovered on withdrawal. */
    public static long unearned(long advanceFen, Date termStart, Date termEnd, Date at) {
        long total = termEnd.getTime() - termStart.getTime();
        long left = Math.max(0, Math.min(total, termEnd.getTime() - at.getTime()));
        if (total <= 0) {
            return 0;
        }
        return Math.multiplyExact(advanceFen, left / 60_000) / (total / 60_000);
    }
}
