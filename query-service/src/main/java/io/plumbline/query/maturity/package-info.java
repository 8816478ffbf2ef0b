/**
 * The maturity rubric as a pure function: the facts of a team as of an instant in, levels with
 * per-criterion pass/fail and evidence out. No Spring, Kafka or MongoDB here.
 */
package io.plumbline.query.maturity;
