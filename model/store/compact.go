package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"

	"tandem/fsx"
	"tandem/model"
)

// compactTxSize is how many bytes of keys and values one transaction of a
// compaction copies before it commits, so that a large file is not held in
// memory at once.
const compactTxSize = 32 << 20

// Compact writes the open file anew, so that the bytes of deleted and
// changed records are really gone: bbolt frees the pages of old values but
// leaves their bytes in the file, and a backup copies them along. The copy
// (bbolt.Compact) holds every bucket with its keys, values and sequence, the
// values as they are stored (sealed ones stay sealed); it is written to a
// temporary file next to the file, compared with the file, synced and
// renamed over it, and the file is reopened. On any failure the file stays
// as it was and the store stays usable. The compaction is logged.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.compactLocked("store.Compact"); err != nil {
		return err
	}
	return s.logFile("compact", "Datei verdichtet")
}

// compactLocked is Compact without the audit entry; the caller holds s.mu
// for writing.
func (s *Store) compactLocked(op string) error {
	if err := s.writableLocked(op); err != nil {
		return err
	}
	tmp := tempPath(s.path, "compact")
	defer os.Remove(tmp) // gone after the rename; left over only after a failure
	if err := compactTo(tmp, s.db); err != nil {
		var e *model.Error
		if errors.As(err, &e) {
			return withOp(op, err)
		}
		return fileError(op, s.path, ioKind(err), err)
	}
	// The original stays reachable under a second name until the compacted
	// file has opened (where the file system knows hard links).
	orig := tempPath(s.path, "original")
	linked := os.Link(s.path, orig) == nil
	keep := false // the original could not be put back: it stays under its second name
	if linked {
		defer func() {
			if !keep {
				_ = os.Remove(orig)
			}
		}()
	}
	err := s.install(op, tmp)
	if err != nil && s.db == nil && linked {
		// The compacted file was put in place but does not open: put the original back.
		if os.Rename(orig, s.path) == nil {
			fsx.SyncDir(filepath.Dir(s.path))
			_ = s.open()
		} else {
			keep = true
		}
	}
	return err
}

// compactTo writes the live content of src into a new file at path, checks
// that it holds exactly what src holds and syncs it to disk.
func compactTo(path string, src *bbolt.DB) (err error) {
	_ = os.Remove(path)
	dst, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return err
	}
	dst.AllocSize = allocSize
	err = bbolt.Compact(dst, src, compactTxSize)
	if err == nil {
		err = compareCompacted(src, dst)
	}
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(path)
	}
	return err
}

// compareCompacted checks a compacted copy against the file (a variable,
// so that a test can make it fail).
var compareCompacted = sameContent

// errCompactDiffers is the cause when a compacted copy does not hold what
// the file holds.
var errCompactDiffers = errors.New("the compacted copy differs from the file")

// sameContent checks that two files hold the same buckets, keys, values
// and sequences.
func sameContent(a, b *bbolt.DB) error {
	return a.View(func(atx *bbolt.Tx) error {
		return b.View(func(btx *bbolt.Tx) error {
			return sameBuckets(atx.Cursor(), btx.Cursor(), func(name []byte) (*bbolt.Bucket, *bbolt.Bucket) {
				return atx.Bucket(name), btx.Bucket(name)
			}, nil)
		})
	})
}

// sameBuckets compares two cursors over the same level (the root or a
// bucket) key by key; nested buckets are looked up with open and compared
// the same way. path names the level in errors.
func sameBuckets(ca, cb *bbolt.Cursor, open func(name []byte) (*bbolt.Bucket, *bbolt.Bucket), path []byte) error {
	ka, va := ca.First()
	kb, vb := cb.First()
	for ; ka != nil || kb != nil; ka, va, kb, vb = nextPair(ca, cb) {
		switch {
		case !bytes.Equal(ka, kb):
			return model.E("store.Compact", model.Damaged, fmt.Errorf("%w: %s/%x and %x", errCompactDiffers, path, ka, kb))
		case (va == nil) != (vb == nil) || !bytes.Equal(va, vb):
			return model.E("store.Compact", model.Damaged, fmt.Errorf("%w: %s/%x", errCompactDiffers, path, ka))
		case va == nil: // a bucket
			ba, bb := open(ka)
			if ba == nil || bb == nil || ba.Sequence() != bb.Sequence() {
				return model.E("store.Compact", model.Damaged, fmt.Errorf("%w: bucket %s/%s", errCompactDiffers, path, ka))
			}
			sub := append(bytes.Clone(path), '/')
			sub = append(sub, ka...)
			err := sameBuckets(ba.Cursor(), bb.Cursor(), func(name []byte) (*bbolt.Bucket, *bbolt.Bucket) {
				return ba.Bucket(name), bb.Bucket(name)
			}, sub)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// nextPair moves both cursors on.
func nextPair(ca, cb *bbolt.Cursor) (ka, va, kb, vb []byte) {
	ka, va = ca.Next()
	kb, vb = cb.Next()
	return ka, va, kb, vb
}
