/** Test support: the services' responses checked against their checked-in OpenAPI documents. */
package io.plumbline.conformance;
