/**
 * What both services wire identically, as Spring Boot auto-configuration: readiness that follows
 * MongoDB and Kafka, the OpenAPI description. Token format and hashing: {@code tokens}.
 */
package io.plumbline.service;
