/**
 * Keel's domain: decision types, contracts, policies, review, ledger, outcomes, value and health.
 * Plain Java: no framework, database, web or serialization library is imported here.
 */
package keel.core;
