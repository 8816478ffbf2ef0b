/** The quarterly report as data and as one self-contained HTML page: pure. */
package io.plumbline.query.report.model;
