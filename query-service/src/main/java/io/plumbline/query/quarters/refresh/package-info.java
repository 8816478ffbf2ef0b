/** Recomputing marked teams in rounds, rolling up the quarters touched, and the clock refresh. */
package io.plumbline.query.quarters.refresh;
