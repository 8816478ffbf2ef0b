/**
 * Which rubric and calendar are in force, activating a new one (which replays every quarter behind
 * RubricReplay), and writes fenced by the rubric's generation.
 */
package io.plumbline.query.rubric.store;
