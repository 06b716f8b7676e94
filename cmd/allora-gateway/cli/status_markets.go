package cli

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"

	"github.com/allora-gateway/allora-gateway/bindings/predictionmarket"
	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/internal/config"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
)

// marketStatus is where one PredictionMarket's rounds stand: what the keeper works on.
type marketStatus struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	// Epoch is the round open for bets; 0 before the keeper's first call.
	Epoch uint64 `json:"epoch"`
	// LocksInSeconds is how long until the open round may be locked (negative: overdue
	// by that much, which the keeper should not let pass its buffer).
	LocksInSeconds *int64 `json:"locks_in_seconds,omitempty"`
	Paused         bool   `json:"paused"`
	Error          string `json:"error,omitempty"`
}

// readMarkets reads every market of the chain, as the relayer's keeper finds them.
func readMarkets(ctx context.Context, client evm.ReadBackend, c config.Chain) []marketStatus {
	infos, err := chainMarkets(c)
	if err != nil {
		return []marketStatus{{Name: "-", Error: err.Error()}}
	}
	head, err := client.HeaderByNumber(ctx, nil)
	if err != nil {
		return []marketStatus{{Name: "-", Error: fmt.Sprintf("read the head: %v", err)}}
	}
	pm := predictionmarket.NewPredictionMarket()
	opts := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	var out []marketStatus
	for _, info := range infos {
		ms := marketStatus{Name: info.Name, Address: info.Address.Hex()}
		inst := pm.Instance(client, info.Address)
		epoch, err := bind.Call(inst, opts, pm.PackCurrentEpoch(), pm.UnpackCurrentEpoch)
		if err == nil {
			ms.Epoch = epoch.Uint64()
			ms.Paused, err = bind.Call(inst, opts, pm.PackPaused(), pm.UnpackPaused)
		}
		if err == nil && ms.Epoch > 0 {
			var r predictionmarket.Round
			r, err = bind.Call(inst, opts, pm.PackRounds(new(big.Int).SetUint64(ms.Epoch)), pm.UnpackRounds)
			if err == nil {
				in := r.LockTimestamp.Int64() - int64(head.Time)
				ms.LocksInSeconds = &in
			}
		}
		if err != nil {
			ms.Error = fmt.Sprintf("read the market (is it a PredictionMarket?): %v", err)
		}
		out = append(out, ms)
	}
	return out
}

// writeMarkets prints the markets table, when any chain has a market.
func writeMarkets(w io.Writer, chains []chainStatus) error {
	found := false
	for _, c := range chains {
		found = found || len(c.Markets) > 0
	}
	if !found {
		return nil
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CHAIN\tMARKET\tADDRESS\tOPEN ROUND\tLOCKS IN\tSTATE")
	for _, c := range chains {
		for _, m := range c.Markets {
			round, locks, state := "not started", "-", "running"
			if m.Epoch > 0 {
				round = fmt.Sprint(m.Epoch)
			}
			if m.LocksInSeconds != nil {
				locks = fmt.Sprintf("%ds", *m.LocksInSeconds)
			}
			switch {
			case m.Error != "":
				state = "unreadable: " + m.Error
			case m.Paused:
				state = "paused (only its owner can unpause it)"
			case m.Epoch == 0:
				state = "waiting for the keeper's genesisStart"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Name, m.Name, m.Address, round, locks, state)
		}
	}
	return tw.Flush()
}
