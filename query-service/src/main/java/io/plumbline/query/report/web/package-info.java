/** The HTTP edge of the report: the HTML page. */
package io.plumbline.query.report.web;
