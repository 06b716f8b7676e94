// Package testsupport holds what the project's tests share: helpers with no place in
// the product.
package testsupport

import (
	"bytes"
	"sync"
)

// LockedBuffer collects what a logger or a running command writes while a test reads
// it.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String is everything written so far.
func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
