//go:build !unix

package keys

import "os"

// fileGroup has no group to report where files have no Unix owner.
func fileGroup(os.FileInfo) (int, bool) { return 0, false }
