package store

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"time"

	"go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"

	"tandem/model"
)

// keyBox is what a password-protected file keeps in meta/"box": the file's
// random data key, wrapped once by a key derived from the password with
// Argon2id and once by a key derived from the recovery key. Nothing in it
// is personal or secret without one of the two.
type keyBox struct {
	Version  int       `json:"v"`
	KDF      kdfParams `json:"kdf"`
	Wrapped  []byte    `json:"wrapped"`  // nonce ‖ AES-256-GCM(password key, data key)
	Salt     []byte    `json:"salt"`     // of the recovery key derivation
	Recovery []byte    `json:"recovery"` // nonce ‖ AES-256-GCM(recovery key, data key)
}

// kdfParams are the Argon2id parameters of a password.
type kdfParams struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"t"`
	Memory  uint32 `json:"m"` // KiB
	Threads uint8  `json:"p"`
}

// keyBox is stored under this key of the meta bucket.
var keyBoxName = []byte("box")

// KDFTarget is how long deriving the key from a password should take on
// this computer: long enough to make guessing slow, short enough not to
// annoy. SetPassword calibrates Argon2id to it. Tests lower it.
var KDFTarget = 500 * time.Millisecond

// MinPasswordLength is the shortest password SetPassword accepts, in characters.
const MinPasswordLength = 8

// calibrate returns Argon2id parameters that take about target here:
// 64 MiB of memory and as many passes as fit (at least one, at most 16).
// A target below 50 ms (tests) gets 1 MiB and one pass.
func calibrate(target time.Duration) kdfParams {
	p := kdfParams{Salt: random(16), Time: 1, Memory: 64 << 10, Threads: uint8(min(4, runtime.NumCPU()))}
	if target < 50*time.Millisecond {
		p.Memory, p.Threads = 1<<10, 1
		return p
	}
	start := time.Now()
	p.derive("calibration")
	if d := time.Since(start); d > 0 && d < target {
		p.Time = uint32(min(16, max(1, int((target+d/2)/d))))
	}
	return p
}

// derive returns the key a password wraps the data key with.
func (p kdfParams) derive(password string) []byte {
	return argon2.IDKey([]byte(norm.NFC.String(password)), p.Salt, p.Time, p.Memory, p.Threads, 32)
}

// random returns n bytes from crypto/rand.
func random(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("store: no random numbers: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	return b
}

// wrap seals the data key with kek; label tells the two wraps apart.
func wrap(kek, dataKey []byte, label string) []byte {
	aead := gcm(kek)
	nonce := random(aead.NonceSize())
	return aead.Seal(nonce, nonce, dataKey, []byte(label))
}

// unwrap opens a wrapped data key; false when kek is not the right key.
func unwrap(kek, wrapped []byte, label string) ([]byte, bool) {
	aead := gcm(kek)
	if len(wrapped) < aead.NonceSize() {
		return nil, false
	}
	dk, err := aead.Open(nil, wrapped[:aead.NonceSize()], wrapped[aead.NonceSize():], []byte(label))
	return dk, err == nil && len(dk) == dataKeySize
}

func gcm(key []byte) cipher.AEAD {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err) // keys here are always 32 bytes
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return aead
}

// Labels of the two wraps of the data key.
const (
	labelPassword = "tandem password"
	labelRecovery = "tandem recovery"
)

// recoveryEncoding writes recovery keys: capitals and digits 2–7, without
// padding, so that they can be typed from paper.
var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// recoveryKeySize is the number of random bytes in a recovery key (160 bits,
// 32 characters).
const recoveryKeySize = 20

// formatRecoveryKey writes a recovery key as eight groups of four.
func formatRecoveryKey(raw []byte) string {
	s := recoveryEncoding.EncodeToString(raw)
	var groups []string
	for len(s) > 4 {
		groups = append(groups, s[:4])
		s = s[4:]
	}
	return strings.Join(append(groups, s), "-")
}

// parseRecoveryKey reads a typed recovery key, forgiving case, spaces and
// dashes, and the letters O, I, L for the digits 0, 1, 1 that base32 lacks;
// false when the text cannot be one.
func parseRecoveryKey(s string) ([]byte, bool) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\t':
			return -1
		case '0':
			return 'O'
		case '1':
			return 'I'
		case '8':
			return 'B'
		}
		return r
	}, strings.ToUpper(s))
	raw, err := recoveryEncoding.DecodeString(s)
	return raw, err == nil && len(raw) == recoveryKeySize
}

// recoveryKEK derives the key a recovery key wraps the data key with. The
// recovery key is random, so a fast derivation suffices.
func recoveryKEK(raw, salt []byte) []byte {
	k, err := hkdf.Key(sha256.New, raw, salt, labelRecovery, 32)
	if err != nil {
		panic(err) // only for lengths beyond HKDF's limit
	}
	return k
}

// newKeyBox makes the box of a new data key for password and returns it
// with the data key and the recovery key to print.
func newKeyBox(password string) (box keyBox, dataKey []byte, recovery string) {
	dataKey = random(dataKeySize)
	rk := random(recoveryKeySize)
	box = keyBox{Version: 1, Salt: random(16)}
	box.Recovery = wrap(recoveryKEK(rk, box.Salt), dataKey, labelRecovery)
	box.setPassword(password, dataKey)
	return box, dataKey, formatRecoveryKey(rk)
}

// setPassword wraps the data key for a new password, with new parameters.
func (b *keyBox) setPassword(password string, dataKey []byte) {
	b.KDF = calibrate(KDFTarget)
	b.Wrapped = wrap(b.KDF.derive(password), dataKey, labelPassword)
}

// open returns the data key for a password or the recovery key, and
// whether it was the recovery key.
func (b *keyBox) open(secret string) (dataKey []byte, recovered bool, ok bool) {
	if rk, isKey := parseRecoveryKey(secret); isKey {
		if dk, ok := unwrap(recoveryKEK(rk, b.Salt), b.Recovery, labelRecovery); ok {
			return dk, true, true
		}
	}
	dk, ok := unwrap(b.KDF.derive(secret), b.Wrapped, labelPassword)
	return dk, false, ok
}

// decodeBox reads a stored key box.
func decodeBox(raw []byte) (keyBox, error) {
	var b keyBox
	err := json.Unmarshal(raw, &b)
	k := b.KDF
	wrapped := 12 + dataKeySize + 16 // nonce, key, tag
	// Bounds that a damaged or crafted box cannot use to crash or exhaust
	// the computer: Argon2id panics on zero passes or threads.
	if err != nil || b.Version != 1 || len(k.Salt) < 16 || len(b.Salt) < 16 ||
		k.Time < 1 || k.Time > 64 || k.Threads < 1 || k.Threads > 64 ||
		k.Memory < 8*uint32(k.Threads) || k.Memory > 4<<20 ||
		len(b.Wrapped) != wrapped || len(b.Recovery) != wrapped {
		return keyBox{}, errors.New("key box unreadable")
	}
	return b, nil
}

// protected reports whether the file seen by btx has a password.
func protected(btx *bbolt.Tx) bool {
	meta := btx.Bucket(bucketMeta)
	return meta != nil && meta.Get(keyBoxName) != nil
}

// unlock makes the sealer of a file whose header h was just read: none for
// a file without password; else from s.opt.Password (PasswordRequired when
// it is empty, WrongPassword when it opens nothing).
func (s *Store) unlock(op string, h header) error {
	if h.box == nil {
		s.seal, s.box, s.recovered = nil, nil, false
		return nil
	}
	if s.seal != nil && string(h.box) == string(s.box) {
		return nil // the same box opened before (reopen after a restore or rewrite)
	}
	box, err := decodeBox(h.box)
	if err != nil {
		return fileError(op, s.path, model.Damaged, err)
	}
	if s.opt.Password == "" {
		return fileError(op, s.path, model.PasswordRequired, errors.New("password required"))
	}
	dk, recovered, ok := box.open(s.opt.Password)
	if !ok {
		return fileError(op, s.path, model.WrongPassword, errors.New("wrong password"))
	}
	s.seal, s.box, s.recovered = newSealer(dk), h.box, recovered
	return nil
}

// Protected reports whether the file has a password.
func (s *Store) Protected() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.seal != nil
}

// Recovered reports whether the file was opened with its recovery key
// instead of the password; the user should then set a new password.
func (s *Store) Recovered() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.recovered
}
