package store

import (
	"context"
	"fmt"
)

var _ Events = (*Redis)(nil)

// eventsChannel is the Redis pub/sub channel of the store's events.
func (r *Redis) eventsChannel() string { return r.key("events") }

// Publish implements Events with PUBLISH.
func (r *Redis) Publish(ctx context.Context, ev Event) error {
	if err := checkEvent(ev); err != nil {
		return err
	}
	b, err := encodeEvent(ev)
	if err == nil {
		err = r.c.Publish(ctx, r.eventsChannel(), b).Err()
	}
	if err != nil {
		return fmt.Errorf("publish %s event: %w", ev.Kind(), err)
	}
	return nil
}

// Subscribe implements Events with SUBSCRIBE on a connection of its own. The client
// resubscribes by itself after a lost connection; events published meanwhile are
// lost. One goroutine per subscription forwards events until ctx is done or the
// subscriber is dropped.
func (r *Redis) Subscribe(ctx context.Context) (<-chan Event, error) {
	ps := r.c.Subscribe(ctx, r.eventsChannel())
	// Wait for the confirmation, so that every event published after Subscribe
	// returns is delivered.
	if _, err := ps.Receive(ctx); err != nil {
		_ = ps.Close()
		return nil, fmt.Errorf("subscribe to events: %w", markUnavailable(err))
	}
	in := ps.Channel()
	out := make(chan Event, r.opts.subBuffer)
	go func() {
		defer close(out)
		defer ps.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case msg, ok := <-in:
				if !ok {
					return
				}
				ev, err := decodeEvent([]byte(msg.Payload))
				if err != nil {
					continue // not one of ours; nothing a subscriber could do with it
				}
				select {
				case out <- ev:
				default:
					return // too slow: drop it rather than let the client buffer fill
				}
			}
		}
	}()
	return out, nil
}
