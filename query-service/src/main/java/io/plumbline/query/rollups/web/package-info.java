/** The HTTP edge of rollups: controllers, their parameters and problem details. */
package io.plumbline.query.rollups.web;
