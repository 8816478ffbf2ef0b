/** What every command shares: its client-chosen event id, its instant, and how it is refused. */
package io.plumbline.command.common;
