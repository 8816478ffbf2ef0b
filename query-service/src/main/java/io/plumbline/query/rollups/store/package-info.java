/** Rollups as stored and read, rewritten when a quarter's rows change. */
package io.plumbline.query.rollups.store;
