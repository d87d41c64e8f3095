package io.teei.nats.manifests.model;

import java.util.Objects;

/**
 * Operator (JWT) mode: the operator's JWT, which every server trusts, and how servers resolve
 * account JWTs. Accounts are then JWTs signed by the operator and users log in with
 * {@code .creds} files; all of it is public but the seeds, which only Secrets hold.
 */
public record Operator(String jwt, Resolver resolver) {

    public Operator {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(resolver, "resolver");
    }

    /** Where servers find account JWTs. */
    public enum Resolver {
        /** Only the accounts of the spec, held in memory from the config ({@code resolver: MEMORY}). */
        MEMORY("memory"),
        /**
         * A directory on the data volume that also takes accounts pushed later ({@code nsc push}),
         * seeded with the accounts of the spec ({@code resolver: { type: full }}).
         */
        FULL("full");

        private final String specName;

        Resolver(String specName) {
            this.specName = specName;
        }

        public String specName() {
            return specName;
        }
    }
}
