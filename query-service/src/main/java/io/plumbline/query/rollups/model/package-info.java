/** Group and org figures of a quarter, computed from team rows along the org tree: pure. */
package io.plumbline.query.rollups.model;
