// Package chartcheck renders the allora-gateway Helm chart with Helm's own Go packages and
// checks every manifest against the Kubernetes API types, so a template mistake fails CI
// instead of a cluster apply. It is its own module: Helm and the Kubernetes API types are
// large, and nothing in the gateway's binary needs them.
package chartcheck
