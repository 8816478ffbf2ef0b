/**
 * What both services' security wires identically: bearer tokens checked against the token store
 * (cached briefly), and 401/403 answered as problem details. Which token may do what stays with
 * each service.
 */
package io.plumbline.service.security;
