/** Groups: the org tree that rollups follow. */
package io.plumbline.command.group;
