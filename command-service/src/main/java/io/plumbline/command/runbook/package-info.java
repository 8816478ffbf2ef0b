/** Alert inventories and runbooks: the rules they follow ({@code Runbooks}). */
package io.plumbline.command.runbook;
