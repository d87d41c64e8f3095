package io.teei.nats.manifests.spec;

import io.teei.nats.manifests.model.Accounts;
import io.teei.nats.manifests.model.AuthWiring;
import io.teei.nats.manifests.model.ComputeResources;
import io.teei.nats.manifests.model.Images;
import io.teei.nats.manifests.model.JetStreamSettings;
import io.teei.nats.manifests.model.LeafnodeLink;
import io.teei.nats.manifests.model.Monitoring;
import io.teei.nats.manifests.model.Operator;
import io.teei.nats.manifests.model.NetworkAccess;
import io.teei.nats.manifests.model.Ports;
import io.teei.nats.manifests.model.Region;
import io.teei.nats.manifests.model.StreamResources;
import io.teei.nats.manifests.model.Tls;
import io.teei.nats.manifests.model.Topology;
import io.teei.nats.manifests.model.VolumeSpec;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What base.yaml says: everything of the topology but the regions' own files. The region names
 * are empty when the {@code regions} list could not be read.
 */
record BaseSpec(String name, String namespace, SortedMap<String, String> labels, Images images, int replicas,
                Ports ports, ComputeResources resources, VolumeSpec volume, JetStreamSettings jetStream,
                Optional<Operator> operator, Accounts accounts, AuthWiring auth, Tls tls, Monitoring monitoring, NetworkAccess network,
                StreamResources streamResources, boolean reloader,
                Optional<List<String>> regionNames,
                List<LeafnodeLink> leafnodeLinks) {

    Topology with(List<Region> regions) {
        return new Topology(name, namespace, labels, images, replicas, ports, resources, volume, jetStream,
                operator, accounts, auth, tls, monitoring, network, streamResources, reloader, regions, leafnodeLinks);
    }
}
