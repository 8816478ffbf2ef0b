/** Serves the CI client (the POSIX shell script in ci-client/) and its checksum to pipelines. */
package io.plumbline.command.ciclient;
