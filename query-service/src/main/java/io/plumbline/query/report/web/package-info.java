/** The HTTP edge of report: controllers, their parameters and problem details. */
package io.plumbline.query.report.web;
