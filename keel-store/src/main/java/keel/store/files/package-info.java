/**
 * Input files read and checked in-process with DuckDB: CSV, gzip'd CSV and Parquet in, an immutable
 * Parquet file of accepted rows and one of quarantined rows out, both named by the file's content hash.
 *
 * <p>{@link keel.store.files.DuckDbBatchIngestor} turns a file and its contract into a
 * {@link keel.core.contract.Batch}; {@link keel.store.files.DuckDbBatchReader} reads a batch back.
 */
package keel.store.files;
