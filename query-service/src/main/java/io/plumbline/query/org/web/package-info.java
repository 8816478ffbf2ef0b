/** The HTTP edge of the org: its groups as they stood at an instant. */
package io.plumbline.query.org.web;
