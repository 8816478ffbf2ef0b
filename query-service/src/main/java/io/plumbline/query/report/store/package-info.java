/** The quarterly report assembled from the rollups, team rows, campaigns and publication. */
package io.plumbline.query.report.store;
