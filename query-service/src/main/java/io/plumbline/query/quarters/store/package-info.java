/**
 * Team-quarter rows, the marks of teams to recompute, their leases, the quarters' versions and
 * publications.
 */
package io.plumbline.query.quarters.store;
