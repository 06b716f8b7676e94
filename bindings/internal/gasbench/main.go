// Command gasbench measures the whole-transaction gas of the contracts' everyday work on
// a simulated chain and prints one line per measurement with its bar.
package main

import (
	"fmt"
	"os"
)

func main() {
	rows, err := measureMarket()
	if err != nil {
		fmt.Fprintf(os.Stderr, "gasbench: %v\n", err)
		os.Exit(1)
	}
	for _, r := range rows {
		bar := "-"
		if r.Floor != 0 {
			bar = fmt.Sprint(r.Floor)
		}
		fmt.Printf("%-70s %9d  bar %s\n", r.Work, r.GasUsed, bar)
	}
}
