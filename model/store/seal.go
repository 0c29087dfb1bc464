package store

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"sync"

	"tandem/model"
)

// sealer seals and opens the values of a password-protected file. Every
// value outside the meta bucket is stored as nonce ‖ AES-256-GCM(value)
// with the bucket name and the key as associated data, so a value moved to
// another key or bucket no longer opens. Empty values (the entries of the
// child indexes) stay empty: they hold nothing. The keys of the unique
// indexes over personal values (employee number, e-mail, programme name)
// are keyed hashes of the value instead of the value itself.
type sealer struct {
	aead  cipher.AEAD
	index []byte    // the HMAC-SHA256 key of index keys
	macs  sync.Pool // of hash.Hash: HMACs with that key, reused
}

// dataKeySize is the size of a file's random data key.
const dataKeySize = 32

// indexKeySize is how many bytes of the HMAC an index key keeps.
const indexKeySize = 16

// newSealer derives the value and index keys from the file's data key.
func newSealer(dataKey []byte) *sealer {
	return &sealer{aead: gcm(derive(dataKey, "tandem values")), index: derive(dataKey, "tandem index keys")}
}

// derive returns the 32-byte key of the data key for one purpose.
func derive(dataKey []byte, purpose string) []byte {
	k, err := hkdf.Key(sha256.New, dataKey, nil, purpose, 32)
	if err != nil {
		panic(err) // HKDF fails only for keys longer than 255 hashes
	}
	return k
}

// overhead is how many bytes sealing adds to a value.
func (c *sealer) overhead() int { return c.aead.NonceSize() + c.aead.Overhead() }

// seal appends the sealed value to dst (which may be nil).
func (c *sealer) seal(dst, bucket, k, v []byte) []byte {
	n := c.aead.NonceSize()
	start := len(dst)
	dst = append(dst, make([]byte, n)...)
	if _, err := rand.Read(dst[start : start+n]); err != nil {
		panic(fmt.Sprintf("store: no random numbers: %v", err)) // crypto/rand does not fail on supported systems
	}
	return c.aead.Seal(dst, dst[start:start+n], v, associated(bucket, k))
}

// errUnsealed is the cause of a value that does not open.
var errUnsealed = errors.New("value does not open with the file's key")

// open returns the value sealed in raw, in new memory.
func (c *sealer) open(bucket, k, raw []byte) ([]byte, error) {
	n := c.aead.NonceSize()
	if len(raw) < n+c.aead.Overhead() {
		return nil, model.E("store.open", model.Damaged, fmt.Errorf("%s/%x: %w", bucket, k, errUnsealed))
	}
	v, err := c.aead.Open(nil, raw[:n], raw[n:], associated(bucket, k))
	if err != nil {
		return nil, model.E("store.open", model.Damaged, fmt.Errorf("%s/%x: %w", bucket, k, errUnsealed))
	}
	return v, nil
}

// associated is the associated data of a value: bucket name, a zero byte,
// key. Bucket names hold no zero byte.
func associated(bucket, k []byte) []byte {
	ad := make([]byte, 0, len(bucket)+1+len(k))
	ad = append(append(append(ad, bucket...), 0), k...)
	return ad
}

// indexKey is the key a personal value has in a unique index of a
// protected file.
func (c *sealer) indexKey(value []byte) []byte {
	m, ok := c.macs.Get().(hash.Hash)
	if ok {
		m.Reset()
	} else {
		m = hmac.New(sha256.New, c.index)
	}
	m.Write(value)
	k := m.Sum(make([]byte, 0, sha256.Size))[:indexKeySize]
	c.macs.Put(m)
	return k
}
