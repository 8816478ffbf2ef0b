/** Publishing a quarter: its team rows and rollups frozen, once the quarter is over and settled. */
package io.plumbline.query.publication.store;
