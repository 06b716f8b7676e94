package main

// Row is one measured piece of work: the whole transaction's gasUsed, as a receipt
// reports it, 21,000 intrinsic gas and calldata included.
type Row struct {
	// Work names what the transaction did.
	Work string
	// GasUsed is the receipt's gasUsed.
	GasUsed uint64
	// Floor is the bar the work must stay under, 0 if it has none.
	Floor uint64
}
