/**
 * The HTTP edge of rollups: the org and group figures, trends, the heat map, a rubric's preview;
 * JSON and CSV.
 */
package io.plumbline.query.rollups.web;
