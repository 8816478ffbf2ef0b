/** The HTTP edge of publication: controllers, their parameters and problem details. */
package io.plumbline.query.publication.web;
