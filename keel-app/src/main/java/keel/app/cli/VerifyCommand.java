package keel.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import keel.core.ledger.EventType;
import keel.core.ledger.InclusionProof;
import keel.core.ledger.LedgerEntry;
import keel.core.ledger.Verification;
import keel.store.files.CycleFile;
import keel.store.jdbc.Json;
import keel.store.jdbc.KeelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code keel verify}: checks the ledger's whole hash chain, then the output of every cycle run on
 * Spark against the Merkle root its ledger entry carries.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks the ledger's hash chain and names the first entry that was changed, deleted, inserted or "
                + "reordered; then recomputes the Merkle root of every cycle run on Spark from its recommendations file "
                + "and compares it with the root in the ledger, and its recommendations in the store (the queued exceptions) "
                + "with their rows in that file. Exit code 0 when intact, 1 when broken.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--cycle-file", description = "check only this cycle folder (of a cycle run on Spark)")
    Path cycleFile;

    @Option(names = "--prove", description = "with --cycle-file: print the inclusion proof of this recommendation id")
    String prove;

    @Override
    public Integer call() {
        // The store alone: opening the home would record its decision types, writing to what is being checked.
        try (KeelStore store = home.openStore(true)) {
            Verification v = store.ledger().verify();
            (v.intact() ? System.out : System.err).println(v.message());
            if (!v.intact()) return 1;
            List<LedgerEntry> cycles = new ArrayList<>();
            store.ledger().forEach(e -> {
                if (e.type() == EventType.CYCLE_RUN && e.payload().contains("\"merkleRoot\"")) cycles.add(e);
            });
            if (cycleFile != null) return checkOne(store, cycles);
            boolean intact = true;
            for (LedgerEntry e : cycles) {
                String dir = (String) Json.read(e.payload(), Map.class).get("directory");
                if (dir.contains("://") && !dir.startsWith("file:")) {
                    System.out.println("cycle " + e.subject() + ": output " + dir + " is not on this machine; not checked");
                    continue;
                }
                Path folder = Path.of(dir.replaceFirst("^file:", ""));
                intact &= check(e, folder) && checkStored(store, e, folder);
            }
            return intact ? 0 : 1;
        }
    }

    private int checkOne(KeelStore store, List<LedgerEntry> cycles) {
        String id = cycleFile.toAbsolutePath().normalize().getFileName().toString();
        Optional<LedgerEntry> entry = cycles.stream().filter(e -> e.subject().equals(id)).findFirst();
        if (entry.isEmpty()) {
            System.err.println(cycleFile + ": the ledger records no Spark cycle " + id + "; expected the folder of a "
                    + "recorded cycle, named by its cycle id");
            return 1;
        }
        if (!check(entry.get(), cycleFile) || !checkStored(store, entry.get(), cycleFile)) return 1;
        if (prove == null) return 0;
        CycleFile file = CycleFile.read(cycleFile);
        Optional<InclusionProof> proof = file.proof(prove);
        if (proof.isEmpty()) {
            System.err.println("recommendation " + prove + " is not in " + cycleFile);
            return 1;
        }
        String root = root(entry.get());
        boolean proves = proof.get().proves(file.leaf(prove).orElseThrow(), root);
        System.out.println("recommendation " + prove + ": leaf " + HexFormat.of().formatHex(file.leaf(prove).orElseThrow())
                + ", index " + proof.get().index() + " of " + proof.get().treeSize() + ", path " + proof.get().path()
                + (proves ? ": proves inclusion in root " : ": does NOT prove inclusion in root ") + root);
        return proves ? 0 : 1;
    }

    /**
     * The cycle's rows in the store (its queued exceptions) against its files, whose root was just
     * checked: as many as the ledger entry says, each one's JSON the same as its row's in the file,
     * so each is a member of the recorded root.
     */
    private static boolean checkStored(KeelStore store, LedgerEntry e, Path dir) {
        Map<?, ?> payload = Json.read(e.payload(), Map.class);
        Map<String, String> stored = store.payloads(e.subject());
        if (!(payload.get("stored") instanceof Number expected)) return true;
        if (stored.size() != expected.longValue()) {
            System.err.println("cycle " + e.subject() + " (ledger entry " + e.sequence() + "): the store holds "
                    + stored.size() + " of its recommendations; the ledger says " + expected + " were stored");
            return false;
        }
        Map<String, String> inFile = CycleFile.details(dir, stored.keySet());
        for (Map.Entry<String, String> s : stored.entrySet()) {
            if (!s.getValue().equals(inFile.get(s.getKey()))) {
                System.err.println("cycle " + e.subject() + ": stored recommendation " + s.getKey()
                        + (inFile.containsKey(s.getKey()) ? " differs from its row in " : " is not in ") + dir
                        + "/recommendations; expected the same JSON as the row under the Merkle root");
                return false;
            }
        }
        System.out.println("cycle " + e.subject() + ": " + stored.size() + " stored recommendations match their rows");
        return true;
    }

    private static String root(LedgerEntry e) {
        return (String) Json.read(e.payload(), Map.class).get("merkleRoot");
    }

    private static boolean check(LedgerEntry e, Path dir) {
        if (!Files.isDirectory(dir)) {
            System.err.println("cycle " + e.subject() + " (ledger entry " + e.sequence() + "): its output " + dir
                    + " is missing");
            return false;
        }
        Map<?, ?> payload = Json.read(e.payload(), Map.class);
        CycleFile file = CycleFile.read(dir);
        long expected = ((Number) payload.get("recommendations")).longValue();
        if (file.root().equals(root(e)) && file.size() == expected) {
            System.out.println("cycle " + e.subject() + ": " + file.size() + " recommendations match Merkle root " + file.root());
            return true;
        }
        System.err.println("cycle " + e.subject() + " (ledger entry " + e.sequence() + "): " + dir + " was changed: "
                + file.size() + " recommendations with Merkle root " + file.root() + ", the ledger holds " + expected
                + " with root " + root(e));
        return false;
    }
}
