package keel.store.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import keel.core.contract.InputContract;
import keel.core.contract.ReferenceCheck;

/**
 * What a stored batch is the result of: these bytes of this input, checked by these checks. The checks are
 * the contract and the known keys it referred to; when either changes, the same bytes are checked again
 * into new files, and the files of the earlier check stay as they were.
 *
 * @param input the input's name
 * @param contentHash the SHA-256 of the file's bytes
 * @param checks the first 16 hex digits of the SHA-256 of the contract and the known keys' identities
 */
record BatchKey(String input, String contentHash, String checks) {

    static BatchKey of(InputContract contract, String contentHash, KnownKeys knownKeys) {
        MessageDigest digest = ContentHash.sha256();
        digest.update(contract.toString().getBytes(StandardCharsets.UTF_8));
        for (ReferenceCheck reference : contract.references()) {
            String identity = knownKeys.of(reference.input()).map(KnownKeys.Source::identity).orElse("none");
            digest.update(("\n" + reference.input() + "=" + identity).getBytes(StandardCharsets.UTF_8));
        }
        return new BatchKey(contract.input(), contentHash, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    /** The stem of the batch's file names: {@code <contentHash>-<checks>}. */
    String stem() {
        return contentHash + "-" + checks;
    }
}
