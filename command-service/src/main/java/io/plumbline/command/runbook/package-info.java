/** Alert inventories and runbooks: commands and the rules they must satisfy. */
package io.plumbline.command.runbook;
