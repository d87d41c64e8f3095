/**
 * The NATS server configuration files (nats.conf and its cluster, jetstream and leafnode
 * includes), rendered from the templates in {@code templates/} with values in the forms
 * nats-server reads. May use {@code model} and {@code render.common}.
 */
package io.teei.nats.manifests.render.nats;
