/** The org as it stood at an instant: its groups, their names and parents, as a tree. */
package io.plumbline.query.org;
