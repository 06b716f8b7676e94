package store_test

import (
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/internal/redistest"
	"github.com/allora-gateway/allora-gateway/relayer/store"
	"github.com/allora-gateway/allora-gateway/relayer/store/storetest"
)

func TestRedis(t *testing.T) {
	c := redistest.Client(t, nil)
	storetest.Run(t, func(t *testing.T, opts ...store.Option) store.Store {
		return store.NewRedis(c, redistest.Prefix(t), opts...)
	})
}
