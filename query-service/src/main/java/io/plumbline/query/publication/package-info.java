/**
 * Publishing quarters: an admin freezes a quarter's team rows and rollups as leadership reviews
 * them, or a quarter is published automatically once its grace period passes while Plumbline runs;
 * the published snapshot and its difference from the live figures can be read back.
 */
package io.plumbline.query.publication;
