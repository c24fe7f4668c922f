/** Storage adapters: the embedded store, batch files read with DuckDB, the ledger's hash chain. */
package keel.store;
