//go:build unix

package keys

import (
	"os"
	"syscall"
)

// fileGroup returns the group owning the file info describes.
func fileGroup(info os.FileInfo) (int, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Gid), true
}
