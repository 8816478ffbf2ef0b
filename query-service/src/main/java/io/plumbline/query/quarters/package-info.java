/**
 * Team-quarter figures: teams marked dirty as facts arrive, their quarters recomputed under the
 * rubric in force, restatements recorded when late facts change a closed quarter.
 */
package io.plumbline.query.quarters;
