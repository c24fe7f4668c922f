/**
 * A seeded simulated planner for demos and tests ({@code DECISIONS.md} §6): accepts or overrides
 * recommendations the way real planners were found to (Fildes et al. 2009), every act labelled
 * "simulated planner".
 */
package keel.core.planner;
