package keys

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// kubeletDataDir is the name of the symlink through which the kubelet's atomic writer
// publishes the current files of a Secret, ConfigMap or projected volume:
// <dir>/<name> -> ..data/<name>, ..data -> ..2026_12_02_06_01_02.123456789, the
// timestamped directory holding the files themselves.
const kubeletDataDir = "..data"

// checkSecretFileMode refuses a file holding a secret that users other than its owner
// can read or write. One exception: a file the kubelet wrote into a Secret or projected
// volume. There defaultMode 0400 with the pod's fsGroup gives mode 0440 and owner
// root:<fsGroup>, which the pod cannot chmod (the volume is read-only); the group bit
// then lets in only the pod's own processes. Such a file is accepted when it is reached
// through the kubelet's ..data layout, nobody but its owner may write it, others may
// not read it, and its group is one this process belongs to. A file of any other kind
// keeps the plain rule, so a group-readable file in an ordinary directory is still
// refused with the chmod advice.
func checkSecretFileMode(path string, info os.FileInfo) error {
	// Windows has no Unix permission bits: Go reports 0666 or 0444 for every file there.
	if runtime.GOOS == "windows" {
		return nil
	}
	perm := info.Mode().Perm()
	if perm&0o077 == 0 {
		return nil
	}
	if perm&0o027 == 0 && inKubeletVolume(path, info) {
		gid, ok := fileGroup(info)
		if ok && inGroup(gid) {
			return nil
		}
		return fmt.Errorf("%w: %s has mode %04o and group %d, which this process (groups %v) is not in; "+
			"set the pod's securityContext.fsGroup to the group the container runs as, or the volume's defaultMode to 0400 without fsGroup",
			ErrPassphraseFileMode, path, perm, gid, processGroups())
	}
	return fmt.Errorf("%w: %s has mode %04o; run chmod 600 %s", ErrPassphraseFileMode, path, perm, path)
}

// inKubeletVolume reports whether path reaches the file info describes through the
// kubelet's atomic-writer layout: some directory D on the way holds the entry E as a
// symlink to ..data/E, D/..data is a symlink to a ..-prefixed directory beside it, and
// the file found under that directory is the same file as info.
func inKubeletVolume(path string, info os.FileInfo) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	// rest is the part of the path below dir, starting with the entry examined.
	dir, rest := filepath.Split(abs)
	rest = strings.TrimSuffix(rest, string(filepath.Separator))
	for range 8 { // projected volumes' items nest a few levels at most
		dir = filepath.Clean(dir)
		entry, _, _ := strings.Cut(rest, string(filepath.Separator))
		if entry != "" && entry != kubeletDataDir && isKubeletEntry(dir, entry) {
			target, err := os.Stat(filepath.Join(dir, kubeletDataDir, rest))
			return err == nil && os.SameFile(target, info)
		}
		parent, base := filepath.Split(dir)
		if base == "" || parent == dir {
			return false
		}
		dir, rest = parent, filepath.Join(base, rest)
	}
	return false
}

// isKubeletEntry reports whether dir/entry is a symlink to ..data/entry and dir/..data
// a symlink to a ..-prefixed directory of dir.
func isKubeletEntry(dir, entry string) bool {
	link, err := os.Readlink(filepath.Join(dir, entry))
	if err != nil || link != filepath.Join(kubeletDataDir, entry) {
		return false
	}
	data, err := os.Readlink(filepath.Join(dir, kubeletDataDir))
	if err != nil || !strings.HasPrefix(data, "..") || strings.ContainsRune(data, filepath.Separator) || data == ".." {
		return false
	}
	fi, err := os.Stat(filepath.Join(dir, data))
	return err == nil && fi.IsDir()
}

// inGroup reports whether gid is the process's group or one of its supplementary
// groups (the kubelet adds the pod's fsGroup to those of every container).
func inGroup(gid int) bool {
	for _, g := range processGroups() {
		if g == gid {
			return true
		}
	}
	return false
}

func processGroups() []int {
	groups, _ := os.Getgroups()
	return append([]int{os.Getegid()}, groups...)
}
