/**
 * The rubric and its evaluation: pure functions from a team's facts and an instant to levels per
 * practice, each criterion with its detail and evidence. No infrastructure, so it can be tested and
 * replayed alone.
 */
package io.plumbline.query.rubric.model;
