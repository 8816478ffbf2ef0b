/**
 * The quarterly report: one self-contained HTML page for a leadership review of the org or a group,
 * its charts drawn as inline SVG.
 */
package io.plumbline.query.report;
