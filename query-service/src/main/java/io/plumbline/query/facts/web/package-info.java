/** The HTTP edge of facts: the dead letters, read and replayed by an admin. */
package io.plumbline.query.facts.web;
