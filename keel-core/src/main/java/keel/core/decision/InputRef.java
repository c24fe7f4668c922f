package keel.core.decision;

/**
 * An input a decision type reads: its role (sales, catalog, inventory, ...) and the contract file
 * (relative to the decision type file) that every batch of it must pass.
 */
public record InputRef(String name, String contract) {
    public InputRef {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("input name is blank");
    }
}
