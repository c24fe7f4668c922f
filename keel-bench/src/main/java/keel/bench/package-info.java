/** Accuracy and speed benchmarks on public competition data. */
package keel.bench;
