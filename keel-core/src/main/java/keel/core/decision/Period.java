package keel.core.decision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The base period of a decision type: its forecasts, lead times and review periods count these. */
public enum Period {
    DAY(365.0), WEEK(52.0), MONTH(12.0);

    private final double perYear;

    Period(double perYear) {
        this.perYear = perYear;
    }

    /** How many of these periods make a year (for yearly holding-cost rates). */
    public double perYear() {
        return perYear;
    }

    /** The date {@code n} periods after {@code date}. */
    public LocalDate plus(LocalDate date, long n) {
        return switch (this) {
            case DAY -> date.plusDays(n);
            case WEEK -> date.plusWeeks(n);
            case MONTH -> date.plusMonths(n);
        };
    }

    /** Whole periods from {@code from} to {@code to}. */
    public long between(LocalDate from, LocalDate to) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(from, to);
            case WEEK -> ChronoUnit.WEEKS.between(from, to);
            case MONTH -> ChronoUnit.MONTHS.between(from, to);
        };
    }
}
