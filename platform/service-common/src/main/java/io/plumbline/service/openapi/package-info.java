/** The OpenAPI description both services share: info, server, security and problem responses. */
package io.plumbline.service.openapi;
