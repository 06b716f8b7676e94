package config

import (
	"fmt"
	"slices"
	"strings"
)

// UnknownEnv returns a message for each ALLORA_GATEWAY_* variable of environ (as
// os.Environ gives it, NAME=value) that c does not read: a mistyped name, or one for a
// chain, key or co-signer the file does not list, which would otherwise be ignored in
// silence. A variable c names as a passphrase or shared secret source counts as read.
// Each message names the variable, never its value, and suggests the nearest known
// name when there is one close enough to be a typo. The messages are sorted by name.
func UnknownEnv(c Config, environ []string) []string {
	known := map[string]bool{}
	for _, n := range EnvNames(c) {
		known[n] = true
	}
	for _, n := range c.secretEnvNames() {
		known[n] = true
	}
	candidates := make([]string, 0, len(known))
	for n := range known {
		candidates = append(candidates, n)
	}
	slices.Sort(candidates)

	var names []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, envPrefix+"_") || known[name] || slices.Contains(names, name) {
			continue
		}
		names = append(names, name)
	}
	slices.Sort(names)
	out := make([]string, 0, len(names))
	for _, name := range names {
		msg := fmt.Sprintf("%s is set but is not a variable of this config, so it is ignored", name)
		if near := nearest(name, candidates); near != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", near)
		} else if hint := listHint(name); hint != "" {
			msg += "; " + hint
		}
		out = append(out, msg)
	}
	return out
}

// secretEnvNames returns the environment variables c names as the source of a
// passphrase, a shared secret or the API keys.
func (c Config) secretEnvNames() []string {
	var names []string
	add := func(n string) {
		if n != "" {
			names = append(names, n)
		}
	}
	for _, k := range append([]Key{c.Signers.Submitter, c.Signers.Keeper, c.Cosign.Key}, c.Signers.Oracle...) {
		add(k.PassphraseEnv)
	}
	for _, cs := range c.Signers.Cosigners {
		add(cs.SecretEnv)
	}
	for _, cl := range c.Cosign.Clients {
		add(cl.SecretEnv)
	}
	add(c.API.KeysEnv)
	return names
}

// listHint explains a variable addressing an element of a list the file does not
// have: the environment overrides the elements listed and adds none.
func listHint(name string) string {
	for _, list := range []struct{ prefix, what string }{
		{envPrefix + "_CHAINS_", "chains are addressed by their name (ALLORA_GATEWAY_CHAINS_<NAME>_RPC), and the environment overrides the chains the file lists; it adds none"},
		{envPrefix + "_SIGNERS_ORACLE_", "oracle keys are addressed by their index (ALLORA_GATEWAY_SIGNERS_ORACLE_0_KEYSTORE), and the environment overrides the keys the file lists; it adds none"},
		{envPrefix + "_SIGNERS_COSIGNERS_", "co-signers are addressed by their name, and the environment overrides the co-signers the file lists; it adds none"},
	} {
		if strings.HasPrefix(name, list.prefix) {
			return list.what
		}
	}
	return ""
}

// nearest returns the candidate closest to name by edit distance when it is close
// enough to be a typo of it (at most 2 edits, or a quarter of the part after the
// prefix for long names), or "".
func nearest(name string, candidates []string) string {
	limit := max(2, (len(name)-len(envPrefix)-1)/4)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, over bytes (variable names
// are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
