package keel.app.http;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import keel.core.decision.DecisionType;
import keel.core.review.Status;

/**
 * Who may see and do what (invariant 7: a user sees and acts only on the decision types their role
 * allows). Every refusal is logged with who, what and why.
 */
final class Access {
    private final PrintStream log;
    private final Clock clock;

    Access(PrintStream log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    static boolean isOwner(Account a, DecisionType t) {
        return a.role() == Role.OWNER && t.owner().map(p -> p.id().equals(a.id())).orElse(false);
    }

    static boolean isAccountable(Account a, DecisionType t) {
        return a.role() == Role.ACCOUNTABLE && t.accountable().map(p -> p.id().equals(a.id())).orElse(false);
    }

    /** Whether {@code a} may read this decision type, its queue, recommendations, value and health. */
    static boolean canRead(Account a, DecisionType t) {
        return switch (a.role()) {
            case ANALYST, ADMIN -> true;
            case OWNER -> isOwner(a, t);
            case ACCOUNTABLE -> isAccountable(a, t);
            case AUDITOR -> false;
        };
    }

    /** Owners act on their own open recommendations; the accountable person on escalated ones. */
    static boolean canAct(Account a, DecisionType t, Status status) {
        return isOwner(a, t) && status != Status.ESCALATED || isAccountable(a, t) && status == Status.ESCALATED;
    }

    static boolean canReadLedger(Account a) {
        return a.role() == Role.AUDITOR || a.role() == Role.ADMIN;
    }

    void requireRead(Account a, DecisionType t, String what) {
        if (!canRead(a, t)) throw refuse(a, what, a.role().label() + " " + a.id() + " may not read decision type " + t.name()
                + " (owner " + t.owner().map(p -> p.id()).orElse("-") + ", accountable "
                + t.accountable().map(p -> p.id()).orElse("-") + ")");
    }

    void requireAct(Account a, DecisionType t, Status status, String what) {
        if (canAct(a, t, status)) return;
        String why = status == Status.ESCALATED
                ? "it is escalated, so only its accountable person " + t.accountable().map(p -> p.id()).orElse("-") + " may act"
                : "only the owner of " + t.name() + ", " + t.owner().map(p -> p.id()).orElse("-") + ", may act on it";
        throw refuse(a, what, a.id() + " may not act: " + why);
    }

    /** Only owners and accountable persons act on recommendations. */
    void requireSomeoneWhoActs(Account a, String what) {
        if (a.role() != Role.OWNER && a.role() != Role.ACCOUNTABLE) {
            throw refuse(a, what, a.role().label() + "s do not act on recommendations; owners and accountable persons do");
        }
    }

    void requireLedger(Account a, String what) {
        if (!canReadLedger(a)) throw refuse(a, what, "the ledger is read by auditors and admins; " + a.id() + " is "
                + a.role().label());
    }

    /** Logs a refusal and returns the 403 to throw. */
    ApiError refuse(Account a, String what, String why) {
        log(a == null ? "anonymous" : a.id() + " (" + a.role().label() + ")", what, why);
        return ApiError.forbidden(why);
    }

    void log(String who, String what, String why) {
        log.println(String.format(Locale.ROOT, "%s keel refused: who=%s what=%s why=%s", clock.instant(), who, what, why));
    }
}
