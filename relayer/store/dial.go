package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// dialTimeout bounds the first contact with Redis at start.
const dialTimeout = 5 * time.Second

// errBadURL never repeats the URL, which may carry a password.
var errBadURL = errors.New("redis url: not a redis://, rediss:// or unix:// URL, nor a Sentinel URL " +
	"(redis://[user:password@]sentinel:26379?master_name=NAME&addr=sentinel2:26379)")

// isSentinelURL reports whether rawURL names a Sentinel-managed primary: a redis:// or
// rediss:// URL with a master_name query parameter.
func isSentinelURL(rawURL string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && (u.Scheme == "redis" || u.Scheme == "rediss") && u.Query().Has("master_name")
}

// CheckURL returns an error, which never repeats a password, when OpenClient cannot
// use url.
func CheckURL(rawURL string) error {
	_, _, err := parseURL(rawURL)
	return err
}

// parseURL returns the options of a single-node client or of a failover client, one of
// them nil, for url.
func parseURL(rawURL string) (*redis.Options, *redis.FailoverOptions, error) {
	if isSentinelURL(rawURL) {
		fo, err := redis.ParseFailoverURL(rawURL)
		if err != nil || fo.MasterName == "" {
			return nil, nil, errBadURL
		}
		return nil, fo, nil
	}
	o, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, nil, errBadURL
	}
	return o, nil, nil
}

// OpenClient returns a client for the Redis at url and where it is, to name in
// messages (never with a password). url is one of
//
//	redis://[user:password@]host:port[/db]    one node (rediss:// for TLS)
//	unix://[user:password@]/path/to/socket    one node on a Unix socket
//	redis://[user:password@]sentinel1:26379[/db]?master_name=NAME&addr=sentinel2:26379&addr=sentinel3:26379
//
// The last names a primary watched by Redis Sentinel: the client asks the sentinels
// for the current primary and follows a failover to the replica they promote. Its
// user and password authenticate to the sentinels; a password query parameter, when
// the primary wants one, to the primary. It does not contact Redis: the first command
// does. The client is the caller's to close.
func OpenClient(rawURL string) (redis.UniversalClient, string, error) {
	o, fo, err := parseURL(rawURL)
	if err != nil {
		return nil, "", err
	}
	if fo != nil {
		where := fmt.Sprintf("sentinel primary %q via %s", fo.MasterName, strings.Join(fo.SentinelAddrs, ","))
		return redis.NewFailoverClient(fo), where, nil
	}
	return redis.NewClient(o), o.Addr, nil
}

// DialRedis connects to the Redis at url (any form OpenClient takes), checks that it
// answers, and returns a store whose keys all start with prefix, and the function that
// closes the connection.
func DialRedis(ctx context.Context, url, prefix string, opts ...Option) (*Redis, func() error, error) {
	client, where, err := OpenClient(url)
	if err != nil {
		return nil, nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	if err := client.Ping(pctx).Err(); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("redis at %s does not answer (is it running? check the url): %w", where, markUnavailable(err))
	}
	return NewRedis(client, prefix, opts...), client.Close, nil
}
