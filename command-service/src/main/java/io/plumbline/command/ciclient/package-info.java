/** Serves the CI client (the POSIX shell script in deploy/ci) and its checksum to pipelines. */
package io.plumbline.command.ciclient;
