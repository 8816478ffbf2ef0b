/** The whole stack on one machine: embedded broker and database, both services as processes. */
package io.plumbline.local;
