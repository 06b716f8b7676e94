package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/oracle"
)

const (
	oracleMaxAge        = 3600
	oracleMaxFutureSkew = 300
	// firstHeight is an Allora block height of today's order of magnitude.
	firstHeight = 4_500_000
)

// oracleBench is one deployed AlloraOracle and the keys of its signers.
type oracleBench struct {
	c        *chain
	binding  *alloraoracle.AlloraOracle
	instance *bind.BoundContract
	domain   oracle.Domain
	signers  []oracle.Signer
	height   uint64 // the next Allora block height to sign
}

func newOracleBench(c *chain, nSigners int) (*oracleBench, error) {
	keys := make([]*ecdsa.PrivateKey, nSigners)
	for i := range keys {
		k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("gasbench signer %d", i))))
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	addrs := make([]common.Address, nSigners)
	signers := make([]oracle.Signer, nSigners)
	for i, k := range keys {
		addrs[i] = crypto.PubkeyToAddress(k.PublicKey)
		signers[i] = oracle.NewKeySigner(k)
	}
	slices.SortFunc(addrs, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })

	binding := alloraoracle.NewAlloraOracle()
	input := binding.PackConstructor(c.from, addrs, uint8(nSigners), oracleMaxAge, oracleMaxFutureSkew)
	addr, err := c.deploy("AlloraOracle", alloraoracle.AlloraOracleMetaData.Bin, input)
	if err != nil {
		return nil, err
	}
	return &oracleBench{
		c: c, binding: binding, instance: binding.Instance(c.client, addr),
		domain: oracle.NewDomain(c.chainID, addr), signers: signers, height: firstHeight,
	}, nil
}

// updates returns one update per topic id, all at the next Allora block height.
func (o *oracleBench) updates(topicIDs []uint64) ([]oracle.Update, error) {
	now, err := o.c.now()
	if err != nil {
		return nil, err
	}
	o.height++
	out := make([]oracle.Update, len(topicIDs))
	for i, id := range topicIDs {
		// A price of the order of ETH's, 18 decimals, different per topic and height.
		v := new(big.Int).Mul(big.NewInt(3001_250_000+int64(i)*7+int64(o.height%1000)), big.NewInt(1_000_000_000))
		// The loss block height a real node gives: one epoch (here 40 blocks) behind.
		out[i] = oracle.Update{TopicID: id, Value: v, BlockHeight: o.height, LossBlockHeight: o.height - 40, Timestamp: now}
	}
	return out, nil
}

// push signs updates of the topics with every signer and submits them in their own block.
// It returns the gas used and the floor of the transaction for topics whose slots
// already hold a value (warm) or not (cold).
func (o *oracleBench) push(topicIDs []uint64, warm bool) (gasUsed, floor uint64, err error) {
	updates, err := o.updates(topicIDs)
	if err != nil {
		return 0, 0, err
	}
	sigs, err := oracle.SignBatch(context.Background(), o.domain, updates, o.signers)
	if err != nil {
		return 0, 0, fmt.Errorf("sign batch: %w", err)
	}
	batch := make([]alloraoracle.Update, len(updates))
	for i, u := range updates {
		batch[i] = alloraoracle.Update{
			TopicId: u.TopicID, Value: u.Value, BlockHeight: u.BlockHeight, LossBlockHeight: u.LossBlockHeight, Timestamp: u.Timestamp,
		}
	}
	compact, err := alloraoracle.CompactSignatures(sigs)
	if err != nil {
		return 0, 0, err
	}
	calldata := o.binding.PackUpdateBatch(batch, compact)
	receipt, err := o.c.send(o.instance, nil, calldata)
	if err != nil {
		return 0, 0, fmt.Errorf("updateBatch of %d topics: %w", len(topicIDs), err)
	}
	applied := 0
	for _, l := range receipt.Logs {
		if _, err := o.binding.UnpackTopicUpdatedEvent(l); err == nil {
			applied++
		}
	}
	if applied != len(topicIDs) {
		return 0, 0, fmt.Errorf("updateBatch applied %d of %d topics", applied, len(topicIDs))
	}
	store := uint64(storeColdNew)
	if warm {
		store = storeWarmSet
	}
	floor = txIntrinsic + calldataGas(calldata) + ecrecoverGas*uint64(len(sigs)) + store*uint64(len(topicIDs))
	return receipt.GasUsed, floor, nil
}

func topicRange(first, n int) []uint64 {
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = uint64(first + i)
	}
	return ids
}

// oracleRows measures AlloraOracle: updates of one topic and of batches, with one to five
// signers, and requestUpdate.
func oracleRows(c *chain) ([]row, error) {
	const name = "AlloraOracle"
	var rows []row

	one, err := newOracleBench(c, 1)
	if err != nil {
		return nil, err
	}
	gas, floor, err := one.push([]uint64{1}, false)
	if err != nil {
		return nil, err
	}
	rows = append(rows, row{name, "updateBatch 1 topic, cold (never set), 1 signer", gas, floor, "floor: SSTORE 20,000 + 2,100"})
	warmGas, warmFloor, err := one.push([]uint64{1}, true)
	if err != nil {
		return nil, err
	}
	rows = append(rows, row{name, "updateBatch 1 topic, warm (already set), 1 signer", warmGas, warmFloor, "bar ≤ 40,000"})

	for _, n := range []int{10, 50, 100} {
		ids := topicRange(1000*n, n)
		gas, floor, err := one.push(ids, false)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{name, fmt.Sprintf("updateBatch %d topics, cold, 1 signer", n), gas, floor, ""})
		gas, floor, err = one.push(ids, true)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{name, fmt.Sprintf("updateBatch %d topics, warm, 1 signer", n), gas, floor, ""})
		marginal := (gas - warmGas) / uint64(n-1)
		marginalFloor := (floor - warmFloor) / uint64(n-1)
		note := ""
		if n == 50 {
			note = "bar ≤ 8,000"
		}
		rows = append(rows, row{name, fmt.Sprintf("  per extra topic in %d, warm", n), marginal, marginalFloor, note})
	}

	for _, k := range []int{1, 3, 5} {
		o, err := newOracleBench(c, k)
		if err != nil {
			return nil, err
		}
		if _, _, err := o.push([]uint64{1}, false); err != nil {
			return nil, err
		}
		gas, floor, err := o.push([]uint64{1}, true)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{name, fmt.Sprintf("updateBatch 1 topic, warm, %d of %d signers", k, k), gas, floor, ""})
	}

	for _, paid := range []*big.Int{big.NewInt(0), big.NewInt(1e16)} {
		calldata := one.binding.PackRequestUpdate(1) // a topic the oracle holds; others revert
		receipt, err := c.send(one.instance, paid, calldata)
		if err != nil {
			return nil, fmt.Errorf("requestUpdate: %w", err)
		}
		rows = append(rows, row{name, fmt.Sprintf("requestUpdate paying %s wei", paid), receipt.GasUsed,
			txIntrinsic + calldataGas(calldata) + coldSload, "floor: one cold read (is the topic held?)"})
	}
	return rows, nil
}
