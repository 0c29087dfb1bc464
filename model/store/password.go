package store

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"unicode/utf8"

	"tandem/model"
)

// SetPassword protects the file with a password: after a backup, the file
// and every backup are written anew with each value sealed (see sealer),
// so that none of their bytes is readable without the password or the
// recovery key. It returns the recovery key to print for safe keeping.
// Errors: Invalid (password shorter than MinPasswordLength), Transition
// (the file has a password already), IO.
func (s *Store) SetPassword(password string) (string, error) {
	const op = "store.SetPassword"
	if err := checkPassword(op, password); err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writableLocked(op); err != nil {
		return "", err
	}
	if s.seal != nil {
		return "", failure(op, model.Transition, "file", model.Problem{Field: "password", Code: "password_set"})
	}
	box, dataKey, recovery := newKeyBox(password)
	seal := newSealer(dataKey)
	if err := s.rekey(op, seal, box, password, "Passwort festgelegt"); err != nil {
		if s.seal == seal { // the file is protected: its key must not get lost
			return recovery, err
		}
		return "", err
	}
	return recovery, nil
}

// ChangePassword replaces the password; the recovery key stays valid.
// current must be the password (or the recovery key) unless the file was
// opened with the recovery key. Errors: WrongPassword, Invalid, Transition
// (the file has no password), IO.
func (s *Store) ChangePassword(current, password string) error {
	const op = "store.ChangePassword"
	if err := checkPassword(op, password); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	box, dataKey, err := s.openBox(op, current)
	if err != nil {
		return err
	}
	box.setPassword(password, dataKey)
	return s.rekey(op, s.seal, box, password, "Passwort geändert")
}

// RemovePassword takes the protection off: the file and its backups are
// written anew without sealing. current as for ChangePassword.
func (s *Store) RemovePassword(current string) error {
	const op = "store.RemovePassword"
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, _, err := s.openBox(op, current); err != nil {
		return err
	}
	return s.rekey(op, nil, keyBox{}, "", "Passwort entfernt")
}

// CheckPassword reports whether secret is the file's password or recovery
// key (WrongPassword when not), as the idle lock asks it.
func (s *Store) CheckPassword(secret string) error {
	const op = "store.CheckPassword"
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.seal == nil {
		return nil
	}
	box, err := decodeBox(s.box)
	if err != nil {
		return fileError(op, s.path, model.Damaged, err)
	}
	if _, _, ok := box.open(secret); !ok {
		return fileError(op, s.path, model.WrongPassword, errors.New("wrong password"))
	}
	return nil
}

// checkPassword refuses a password that is too short.
func checkPassword(op, password string) error {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return failure(op, model.Invalid, "file", model.Problem{Field: "password", Code: "password_short", Arg: "8"})
	}
	return nil
}

// openBox returns the key box of a protected file and its data key, opened
// with current or, when the file was opened with the recovery key, with
// that; the caller holds s.mu.
func (s *Store) openBox(op, current string) (keyBox, []byte, error) {
	if err := s.writableLocked(op); err != nil {
		return keyBox{}, nil, err
	}
	if s.seal == nil {
		return keyBox{}, nil, failure(op, model.Transition, "file", model.Problem{Field: "password", Code: "password_none"})
	}
	box, err := decodeBox(s.box)
	if err != nil {
		return keyBox{}, nil, fileError(op, s.path, model.Damaged, err)
	}
	if s.recovered {
		current = s.opt.Password
	}
	dataKey, _, ok := box.open(current)
	if !ok {
		return keyBox{}, nil, fileError(op, s.path, model.WrongPassword, errors.New("wrong password"))
	}
	return box, dataKey, nil
}

// rekey backs the file up, then writes it and every backup (and the
// copies a restore kept of a damaged file) anew sealed with to and carrying
// box (none when to is nil), reopens it and logs the change. A copy that
// cannot be written anew is left as it is, except when a password is being
// set: then it is removed, so that no readable copy stays behind. Once the
// file itself has been written anew, the copies are too, whatever fails
// after. The caller holds s.mu.
func (s *Store) rekey(op string, to *sealer, box keyBox, password, summary string) error {
	var raw []byte
	if to != nil {
		var err error
		if raw, err = json.Marshal(box); err != nil {
			return model.E(op, err)
		}
	}
	if _, err := s.backup("password"); err != nil {
		return withOp(op, err)
	}
	from := s.seal
	_ = s.db.Close()
	s.db = nil
	if err := rewrite(op, s.path, from, to, raw); err != nil {
		_ = s.open()
		return err
	}
	s.seal, s.box, s.recovered, s.opt.Password = to, raw, false, password
	copies, _ := filepath.Glob(s.path + ".damaged-*")
	if backups, err := listBackups(s.path); err == nil {
		for _, b := range backups {
			copies = append(copies, b.Path)
		}
	}
	for _, c := range copies {
		if err := rewrite(op, c, from, to, raw); err != nil && from == nil && !errors.Is(err, errKeyMismatch) {
			_ = os.Remove(c)
		}
	}
	if err := s.open(); err != nil {
		return err
	}
	return s.logFile("password", summary)
}
