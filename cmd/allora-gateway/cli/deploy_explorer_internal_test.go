package cli

import (
	"testing"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
)

// TestExplorerLinksOnlyForPublicChains checks which deployments get an explorer
// link: a public chain of the presets reached over a public endpoint does; a local or
// unknown chain id, or a public id served from this machine or a private network (a
// dev node, a fork), does not.
func TestExplorerLinksOnlyForPublicChains(t *testing.T) {
	for _, tc := range []struct {
		name  string
		chain config.Chain
		want  string
	}{
		{"bsc over a public endpoint", config.Chain{ChainID: 56, Explorer: "https://bscscan.com/", RPC: "https://bsc-dataseed.bnbchain.org"}, "https://bscscan.com"},
		{"an override of the preset's explorer", config.Chain{ChainID: 146, Explorer: "https://explorer.example.org", RPCs: []config.Secret{"http://127.0.0.1:8545", "https://rpc.soniclabs.com"}}, "https://explorer.example.org"},
		{"bsc's id on anvil", config.Chain{ChainID: 56, Explorer: "https://bscscan.com", RPC: "http://127.0.0.1:8545"}, ""},
		{"a fork on localhost", config.Chain{ChainID: 324, Explorer: "https://explorer.zksync.io", RPC: "http://localhost:3050"}, ""},
		{"a node on a private network", config.Chain{ChainID: 146, Explorer: "https://sonicscan.org", RPC: "http://10.0.3.7:8545"}, ""},
		{"a node on IPv6 loopback", config.Chain{ChainID: 97, Explorer: "https://testnet.bscscan.com", RPC: "http://[::1]:8545"}, ""},
		{"a local chain id", config.Chain{ChainID: 31337, Explorer: "https://bscscan.com", RPC: "https://rpc.example.org"}, ""},
		{"a public chain without an explorer configured", config.Chain{ChainID: 56, RPC: "https://bsc-dataseed.bnbchain.org"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := explorerBase(tc.chain); got != tc.want {
				t.Errorf("explorerBase = %q, want %q", got, tc.want)
			}
		})
	}
}
