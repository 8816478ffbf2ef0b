/** Team-quarter figures and how they are computed from a team's facts under a rubric: pure. */
package io.plumbline.query.quarters.model;
