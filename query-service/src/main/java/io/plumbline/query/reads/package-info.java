/** Which quarter a read is about, the instant it is evaluated at and the org tree then. */
package io.plumbline.query.reads;
