// Package txpoolerr reads what a node's answer to eth_sendRawTransaction means. Nodes
// answer over JSON-RPC with a message only, worded differently by geth, anvil, BSC and
// ZKsync, so the answer is read from the message, here and nowhere else: the
// transaction manager acts on it and the endpoint pool knows from it that a node holds
// a transaction already.
package txpoolerr

import "strings"

// Answer is what a node's answer to a sent transaction means.
type Answer int

// The answers Classify tells apart.
const (
	Accepted          Answer = iota // no error: the node took the transaction
	Known                           // the same transaction is already in the node's pool
	NonceTooLow                     // the nonce was used by a mined transaction
	Underpriced                     // a replacement too cheap, or a price below the pool's floor or the base fee
	InsufficientFunds               // the balance is below gas × price + value
	Other                           // anything else
)

// phrases are the words by which each node says each answer, lower case.
var phrases = []struct {
	answer Answer
	words  []string
}{
	{Known, []string{"already known", "already imported", "known transaction", "alreadyknown"}},
	{NonceTooLow, []string{"nonce too low", "nonce is too low", "oldnonce", "invalid nonce"}},
	{Underpriced, []string{"underpriced", "fee too low", "less than block base fee", "max fee per gas less than"}},
	{InsufficientFunds, []string{"insufficient funds", "insufficient balance", "not enough balance to cover the fee"}},
}

// Classify says what err, a node's answer to eth_sendRawTransaction, means.
func Classify(err error) Answer {
	if err == nil {
		return Accepted
	}
	msg := strings.ToLower(err.Error())
	for _, p := range phrases {
		for _, w := range p.words {
			if strings.Contains(msg, w) {
				return p.answer
			}
		}
	}
	return Other
}
