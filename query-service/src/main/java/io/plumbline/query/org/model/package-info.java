/** The org tree as it stood at an instant: groups, names and parents. Pure. */
package io.plumbline.query.org.model;
