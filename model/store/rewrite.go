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

// rewriteBatch is how many values one transaction of a rewrite copies.
const rewriteBatch = 5000

// rewrite writes the closed file at path anew, through a temporary file
// next to it that is synced and renamed over it: every value opened with
// from and sealed with to (nil: plain), the index buckets built anew (their
// keys depend on the key), the key box replaced by box (nil: none), every
// bucket's sequence kept. Pages the file had freed, and the old bytes on
// them, are not copied. On any failure the file is untouched.
func rewrite(op, path string, from, to *sealer, box []byte) (err error) {
	src, err := openFile(op, path, time.Second, true)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := tempPath(path, "rewrite")
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	_ = os.Remove(tmp)
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		return fileError(op, path, model.IO, err)
	}
	dst.AllocSize = allocSize
	err = src.View(func(stx *bbolt.Tx) error { return copyBuckets(stx, dst, from, to, box) })
	if err == nil {
		err = dst.Update(func(dtx *bbolt.Tx) error { return reindex(&Tx{tx: dtx, seal: to}) })
	}
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		_ = src.Close() // before the rename: Windows renames no open file
		err = os.Rename(tmp, path)
	}
	if err != nil {
		var e *model.Error
		if errors.As(err, &e) {
			return err
		}
		return fileError(op, path, ioKind(err), err)
	}
	fsx.SyncDir(filepath.Dir(path))
	return nil
}

// copyBuckets copies every bucket of stx into dst as rewrite describes,
// rewriteBatch values per transaction.
func copyBuckets(stx *bbolt.Tx, dst *bbolt.DB, from, to *sealer, box []byte) error {
	if protected(stx) != (from != nil) {
		return errKeyMismatch
	}
	return stx.ForEach(func(name []byte, b *bbolt.Bucket) error {
		index := isIndexBucket(name)
		meta := bytes.Equal(name, bucketMeta)
		var ks, vs [][]byte
		flush := func() error {
			err := dst.Update(func(dtx *bbolt.Tx) error {
				db, err := dtx.CreateBucketIfNotExists(name)
				if err != nil {
					return err
				}
				db.FillPercent = 1 // keys come in order: full pages
				for i := range ks {
					if err := db.Put(ks[i], vs[i]); err != nil {
						return err
					}
				}
				if meta && box != nil {
					if err := db.Put(keyBoxName, box); err != nil {
						return err
					}
				}
				return db.SetSequence(b.Sequence())
			})
			ks, vs = ks[:0], vs[:0]
			return err
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil && !index; k, v = c.Next() {
			switch {
			case v == nil:
				return model.E("store.rewrite", model.Damaged, fmt.Errorf("%s/%x: a bucket inside a bucket", name, k))
			case meta && bytes.Equal(k, keyBoxName):
				continue
			case !meta && len(v) > 0:
				plain := v
				if from != nil {
					var err error
					if plain, err = from.open(name, k, v); err != nil {
						return err
					}
				}
				if to != nil {
					v = to.seal(nil, name, k, plain)
				} else {
					v = plain
				}
			}
			ks, vs = append(ks, k), append(vs, v)
			if len(ks) == rewriteBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
}

// errKeyMismatch is the cause when a file to rewrite is protected and no
// key was given, or the other way round.
var errKeyMismatch = errors.New("the file's protection does not match")

// isIndexBucket reports whether name is one of the index buckets.
func isIndexBucket(name []byte) bool {
	for _, ix := range indexes {
		if bytes.Equal(ix.bucket, name) {
			return true
		}
	}
	return false
}
