/**
 * Which rubric and calendar are in force, and changing them: activating a new rubric (which replays
 * every quarter) and previewing a candidate. The replay and the preview are done by the quarters
 * and rollups packages behind the interfaces declared here.
 */
package io.plumbline.query.rubric.admin;
