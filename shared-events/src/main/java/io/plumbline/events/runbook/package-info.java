/** Alert inventories and the runbooks that cover them. */
package io.plumbline.events.runbook;
