package store_test

import (
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/store"
	"github.com/allora-gateway/allora-gateway/relayer/store/storetest"
)

func TestMemory(t *testing.T) {
	storetest.Run(t, func(_ *testing.T, opts ...store.Option) store.Store { return store.NewMemory(opts...) })
}

func TestMemoryEvents(t *testing.T) {
	storetest.RunEvents(t, func(_ *testing.T, opts ...store.Option) store.Events { return store.NewMemory(opts...) })
}
