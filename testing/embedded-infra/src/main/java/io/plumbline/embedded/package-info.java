/** Real infrastructure started in-process, for tests and the local run: no Docker needed. */
package io.plumbline.embedded;
