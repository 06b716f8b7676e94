package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// dialTimeout bounds the first contact with Redis at start.
const dialTimeout = 5 * time.Second

// DialRedis connects to the Redis at url (redis://[user:password@]host:port[/db] or
// rediss:// for TLS), checks that it answers, and returns a store whose keys all start
// with prefix, and the function that closes the connection.
func DialRedis(ctx context.Context, url, prefix string, opts ...Option) (*Redis, func() error, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		// The URL may carry a password: never repeat it.
		return nil, nil, errors.New("redis url: not a redis://, rediss:// or unix:// URL")
	}
	client := redis.NewClient(o)
	pctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	if err := client.Ping(pctx).Err(); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("redis at %s does not answer (is it running? check the url): %w", o.Addr, markUnavailable(err))
	}
	return NewRedis(client, prefix, opts...), client.Close, nil
}
