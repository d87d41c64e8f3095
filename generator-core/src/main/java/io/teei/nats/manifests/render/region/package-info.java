/**
 * What a region runs: {@link io.teei.nats.manifests.render.region.RegionObjects} is the one
 * declaration of its objects and the spec switches that add or remove them, read by the Kustomize
 * tree and the region diff alike. May use {@code model}, {@code render.common} and the four
 * builder packages ({@code k8s}, {@code monitoring}, {@code nats}, {@code streams}).
 */
package io.teei.nats.manifests.render.region;
