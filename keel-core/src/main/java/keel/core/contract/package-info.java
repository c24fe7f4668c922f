/**
 * Input contracts and batches: what an input file must look like, and what came of checking one.
 *
 * <p>An {@link keel.core.contract.InputContract} declares the columns, keys and references of one
 * input. Checking a file against it yields a {@link keel.core.contract.Batch}: the rows that passed,
 * and the rows that did not as {@link keel.core.contract.QuarantinedRow}s, each with every
 * {@link keel.core.contract.Rejection} it earned. No row is dropped without a recorded reason.
 */
package keel.core.contract;
