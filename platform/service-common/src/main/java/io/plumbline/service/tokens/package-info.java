/** The API token format both services agree on: how tokens look, and how they are hashed. */
package io.plumbline.service.tokens;
