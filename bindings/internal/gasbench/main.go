// Command gasbench deploys the gateway's contracts on an in-process chain (go-ethereum's
// simulated backend), sends the transactions users and relayers send, one per block so
// every storage slot starts cold as on a real chain, and prints each one's whole-transaction
// gasUsed beside the floor for the work it does: the least any contract could spend on it.
//
// Run it with `make bench-gas` or `go run ./bindings/internal/gasbench`.
//
// The floor of a transaction is 21,000 (intrinsic) + its calldata gas (16 per non-zero
// byte, 4 per zero byte) + 3,000 per ecrecover + per stored topic one SSTORE with its
// cold access: 2,900 + 2,100 when the slot already holds a value, 20,000 + 2,100 when it
// is new. Reads, hashing, events and the code around them are what a contract adds.
//
// Each contract's rows come from its own file (oracle.go, ...), one suite function per
// contract listed in suites.
package main

import (
	"flag"
	"fmt"
	"os"
	"text/tabwriter"
)

// suites produce the rows of one contract each, in the order printed.
var suites = []func(*chain) ([]row, error){
	oracleRows,
	marketSuite,
}

// marketSuite reports the market's rows. The market runs on a chain of its own
// (marketsim), since it needs an oracle, a price feed and funded bettors; its rows
// carry the bar each must stay under rather than a floor.
func marketSuite(*chain) ([]row, error) {
	measured, err := measureMarket()
	if err != nil {
		return nil, err
	}
	rows := make([]row, len(measured))
	for i, m := range measured {
		rows[i] = row{contract: "PredictionMarket", name: m.Work, gasUsed: m.GasUsed}
		if m.Floor != 0 {
			rows[i].note = fmt.Sprintf("bar <= %d", m.Floor)
		}
	}
	return rows, nil
}

func main() {
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gasbench\n\nPrints the gas each contract operation costs on a simulated chain, beside its floor.")
	}
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gasbench:", err)
		os.Exit(1)
	}
}

func run() error {
	var rows []row
	for _, suite := range suites {
		c, err := newChain()
		if err != nil {
			return err
		}
		r, err := suite(c)
		closeErr := c.Close()
		if err != nil {
			return err
		}
		if closeErr != nil {
			return fmt.Errorf("close chain: %w", closeErr)
		}
		rows = append(rows, r...)
	}
	printRows(os.Stdout, rows)
	return nil
}

// row is one measured transaction, or a per-topic marginal derived from two of them.
type row struct {
	contract string
	name     string
	gasUsed  uint64
	floor    uint64
	// note explains the row, such as how the floor was counted.
	note string
}

func printRows(out *os.File, rows []row) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "contract\toperation\tgasUsed\tfloor\tratio\t\tnote")
	for _, r := range rows {
		ratio := "-"
		if r.floor > 0 {
			ratio = fmt.Sprintf("%.2f", float64(r.gasUsed)/float64(r.floor))
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%s\t\t%s\n", r.contract, r.name, r.gasUsed, r.floor, ratio, r.note)
	}
	_ = w.Flush()
}
