/**
 * Quarterly figures: each team's levels per quarter, and group and org rollups precomputed from
 * them, kept current as events arrive and as the clock moves, with restatements recorded.
 */
package io.plumbline.query.rollup;
