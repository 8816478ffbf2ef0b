/** The org tree read from the projected group definitions. */
package io.plumbline.query.org.store;
