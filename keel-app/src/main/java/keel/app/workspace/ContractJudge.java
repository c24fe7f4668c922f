package keel.app.workspace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import keel.core.contract.Batch;
import keel.core.contract.BatchMetrics;
import keel.core.contract.CheckOutcome;
import keel.core.contract.DatasetCheck;
import keel.core.contract.InputContract;
import keel.core.decision.DecisionType;
import keel.store.files.ContractMetrics;
import keel.store.jdbc.ContractMetricsStore;

/**
 * Runs a contract's dataset checks on a freshly checked batch against the figures of the input's earlier
 * batches, and blocks the batch when a {@code block} check fails, naming the data owner and decision owner.
 */
final class ContractJudge {
    private final ContractMetricsStore history;

    ContractJudge(ContractMetricsStore history) {
        this.history = history;
    }

    /** The judged batch (blocked when a blocking check failed), its figures and every check's outcome. */
    record Verdict(Batch batch, BatchMetrics metrics, List<CheckOutcome> outcomes) {
        List<String> warnings() {
            return outcomes.stream().filter(CheckOutcome::warns).map(CheckOutcome::line).toList();
        }
    }

    Verdict judge(Batch batch, InputContract contract, DecisionType type, LocalDate asOf, Optional<Path> previous) {
        return judge(batch, batch.isBlocked() ? BatchMetrics.NONE : ContractMetrics.of(batch, contract, previous),
                contract, type, asOf);
    }

    /** As {@link #judge(Batch, InputContract, DecisionType, LocalDate, Optional)}, with the batch's figures known. */
    Verdict judge(Batch batch, BatchMetrics metrics, InputContract contract, DecisionType type, LocalDate asOf) {
        if (batch.isBlocked()) {
            return new Verdict(batch, BatchMetrics.NONE, List.of());
        }
        List<BatchMetrics> past = history.history(contract.input(), batch.contentHash(), window(contract));
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (DatasetCheck check : contract.checks()) {
            outcomes.add(check.evaluate(metrics, past, asOf));
        }
        List<CheckOutcome> blocking = outcomes.stream().filter(CheckOutcome::blocks).toList();
        if (blocking.isEmpty()) {
            return new Verdict(batch, metrics, outcomes);
        }
        String reason = String.format(Locale.ROOT, "%s: contract %s failed %s; data owner %s, decision owner %s",
                batch.sourceFile(), contract.input(),
                blocking.stream().map(CheckOutcome::line).collect(Collectors.joining("; ")), contract.owner(),
                type.owner().map(p -> p.name() + " (" + p.id() + ")").orElse("none named"));
        Batch blocked = Batch.blocked(batch.input(), batch.contentHash(), batch.sourceFile(), reason, batch.rows());
        return new Verdict(blocked, metrics, outcomes);
    }

    private static int window(InputContract contract) {
        int window = 1;
        for (DatasetCheck check : contract.checks()) {
            if (check instanceof DatasetCheck.Volume v) window = Math.max(window, v.window());
            if (check instanceof DatasetCheck.Distribution d) window = Math.max(window, d.window());
        }
        return window;
    }
}
