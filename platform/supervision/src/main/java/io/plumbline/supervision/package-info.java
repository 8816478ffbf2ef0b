/** How a service started by the local launcher ends with it, whatever ended the launcher. */
package io.plumbline.supervision;
