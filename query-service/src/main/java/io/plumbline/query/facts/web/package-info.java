/** The HTTP edge of facts: controllers, their parameters and problem details. */
package io.plumbline.query.facts.web;
