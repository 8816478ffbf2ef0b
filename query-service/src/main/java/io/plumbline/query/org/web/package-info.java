/** The HTTP edge of org: controllers, their parameters and problem details. */
package io.plumbline.query.org.web;
