/**
 * What a region is watched with: the PodMonitor, the PrometheusRule of alerts and the Grafana
 * dashboard, over the exporter's metric names. May use {@code model} and {@code render.common}.
 */
package io.teei.nats.manifests.render.monitoring;
