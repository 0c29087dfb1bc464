package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"tandem/model"
)

// Erasure says what ErasePersons did beyond the open file.
type Erasure struct {
	Backups int      // backups the persons were erased from
	Failed  []Backup // backups (or damaged copies) that could not be cleaned: they still hold the data
}

// errBackupNotCleaned is the cause of ErasePerson's error for a backup that
// still holds the person.
var errBackupNotCleaned = errors.New("backup still holds the erased data")

// ErasePerson erases the personal data of one person from the file and its
// backups (see ErasePersons). A backup that could not be cleaned gives an
// IO error naming it; the person is erased from the file all the same.
func (s *Store) ErasePerson(id model.ID) error {
	e, err := s.ErasePersons([]model.ID{id})
	if err == nil && len(e.Failed) > 0 {
		err = fileError("store.ErasePerson", e.Failed[0].Path, model.IO, errBackupNotCleaned)
	}
	return err
}

// ErasePersons erases the personal data of the persons (Art. 17 GDPR):
//
//  1. in one transaction, Tx.ErasePerson for each of them;
//  2. then the file is compacted (see Compact), so that the old bytes are
//     gone from it and from every backup made from now on;
//  3. then every backup in the backup folder that still holds one of them
//     is opened, erased and compacted the same way. A backup that cannot be
//     cleaned (damaged, locked, of an older schema, of another password) is
//     left as it is and listed in Erasure.Failed, as are the damaged copies
//     RestoreFile kept next to the file ("<file>.damaged-<time>") that do
//     not open.
//
// The store is locked throughout, so no backup is made in between. Copies
// saved elsewhere (CopyTo), Excel exports and printed documents are beyond
// its reach. An id without a person gives NotFound, and nothing is erased.
func (s *Store) ErasePersons(ids []model.ID) (Erasure, error) {
	const op = "store.ErasePersons"
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writableLocked(op); err != nil {
		return Erasure{}, err
	}
	err := s.runLocked(true, func(tx *Tx) error {
		for _, id := range ids {
			if err := tx.ErasePerson(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = s.compactLocked(op)
	}
	if err != nil {
		return Erasure{}, err
	}
	e := s.eraseInBackups(ids)
	if e.Backups > 0 || len(e.Failed) > 0 {
		err = s.logFile("erase", fmt.Sprintf("Sicherungen: %d bereinigt, %d nicht bereinigt", e.Backups, len(e.Failed)))
	}
	return e, err
}

// eraseInBackups erases the persons from every backup of the file, and
// from the damaged files RestoreFile kept next to it (which seldom open);
// the caller holds s.mu, so no backup is made or rotated meanwhile.
func (s *Store) eraseInBackups(ids []model.ID) Erasure {
	var e Erasure
	backups, err := listBackups(s.path)
	if err != nil {
		e.Failed = append(e.Failed, Backup{Path: s.BackupDir()})
	}
	damaged, _ := filepath.Glob(s.path + ".damaged-*")
	for _, path := range damaged {
		backups = append(backups, Backup{Path: path, Reason: "damaged"})
	}
	for _, b := range backups {
		changed, err := eraseInFile(b.Path, s.opt, ids)
		switch {
		case err != nil:
			e.Failed = append(e.Failed, b)
		case changed:
			e.Backups++
		}
	}
	return e
}

// errOlderSchema is the cause when a backup to clean has an older layout;
// it is not migrated in the backup folder.
var errOlderSchema = errors.New("file of an older schema")

// eraseInFile erases those of the persons the closed Tandem file at path
// still holds, then compacts it; it reports whether there were any. The
// file is first opened read-only, so that a missing file is not created and
// a file of an older schema not migrated.
func eraseInFile(path string, opt Options, ids []model.ID) (changed bool, err error) {
	const op = "store.ErasePersons"
	opt.Timeout = time.Second
	ro := opt
	ro.ReadOnly = true
	r, err := Open(path, ro)
	if err != nil {
		return false, err
	}
	var held []model.ID
	err = r.view(func(tx *Tx) error {
		held, err = unerased(tx, ids)
		return err
	})
	schema := r.Schema()
	err = errors.Join(err, r.Close())
	switch {
	case err != nil || len(held) == 0:
		return false, err
	case schema != SchemaVersion:
		return false, fileError(op, path, model.Other, errOlderSchema)
	}
	w, err := Open(path, opt)
	if err != nil {
		return false, err
	}
	defer w.Close()
	w.mu.Lock()
	defer w.mu.Unlock()
	err = w.runLocked(true, func(tx *Tx) error {
		for _, id := range held {
			if err := tx.ErasePerson(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = w.compactLocked(op)
	}
	return err == nil, err
}

// unerased returns the ids of the persons the file holds and has not erased.
func unerased(tx *Tx, ids []model.ID) ([]model.ID, error) {
	var out []model.ID
	for _, id := range ids {
		p, err := fetch[model.Person](tx, bucketPersons, id)
		if err != nil {
			return nil, err
		}
		if p != nil && p.Erased.IsZero() {
			out = append(out, id)
		}
	}
	return out, nil
}

// ErasePerson erases the person's personal data in this transaction, so
// that the person's records stay as an anonymous placeholder and every
// figure stays as it was (see package model, erase.go):
//   - the person becomes "Person #id" (model.Person.Erase); the employee
//     number and e-mail address leave the indexes;
//   - the person's enrolments lose motivation and interests;
//   - the person's tandems lose the person's goals (their number and status
//     stay), the end reason and the matching explanation;
//   - their meetings lose what the person learned and the agenda (both kept
//     as model.ErasedText where set, so the learning balance stays);
//   - the person's check-ins lose their comment (the ratings stay);
//   - the scanned copies of the person's agreements and those of the
//     person's tandems are removed, as they carry name and signature (the
//     signature dates stay);
//   - nobody names the person as manager any more;
//   - what others wrote in those tandems, meetings and check-ins, and the
//     HR contact of the person's programmes, lose the person's name, e-mail
//     address and employee number (model.ScrubTraces).
//
// One audit entry "erase" ("Person #id") stands for all of it. A person
// erased before is left alone. The freed pages keep the old bytes until the
// file is compacted: Store.ErasePersons does both.
func (tx *Tx) ErasePerson(id model.ID) error {
	const op = "store.ErasePerson"
	p, err := persons.load(tx, op, id)
	if err != nil || !p.Erased.IsZero() {
		return err
	}
	quiet := tx.quiet
	tx.quiet = true
	defer func() { tx.quiet = quiet }()
	e := &eraser{tx: tx, op: op, person: id, traces: p.Traces(), tandems: map[model.ID]bool{}}
	for _, step := range []func() error{e.eraseEnrolments, e.eraseTandems, e.eraseProgrammes, func() error { return e.eraseManager(p.EmployeeNo) }} {
		if err := step(); err != nil {
			return withOp(op, err)
		}
	}
	old := *p
	p.Erase(model.DateOf(tx.now))
	if err := persons.write(tx, op, p, &old); err != nil {
		return err
	}
	tx.quiet = quiet
	return withOp(op, tx.audit("erase", persons.entity, id, persons.summary(p)))
}

// eraser erases one person's traces from the records around the person.
type eraser struct {
	tx      *Tx
	op      string
	person  model.ID
	traces  []string
	tandems map[model.ID]bool // the person's tandems
}

// eraseEnrolments erases the person's enrolments.
func (e *eraser) eraseEnrolments() error {
	es, err := e.tx.EnrolmentsOfPerson(e.person)
	if err != nil {
		return err
	}
	for i := range es {
		old := es[i]
		es[i].EraseMember()
		if err := enrolments.write(e.tx, e.op, &es[i], &old); err != nil {
			return err
		}
	}
	return nil
}

// eraseTandems erases the person from the person's tandems and their meetings.
func (e *eraser) eraseTandems() error {
	ts, err := e.tx.TandemsOfPerson(e.person)
	if err != nil {
		return err
	}
	for i := range ts {
		t := &ts[i]
		role := model.Mentee
		if t.MentorID == e.person {
			role = model.Mentor
		}
		old := *t
		t.EraseMember(role, e.traces)
		if err := tandems.write(e.tx, e.op, t, &old); err != nil {
			return err
		}
		e.tandems[t.ID] = true
		ms, err := e.tx.Meetings(t.ID)
		if err != nil {
			return err
		}
		for j := range ms {
			old := ms[j]
			ms[j].EraseMember(role, e.traces)
			if err := meetings.write(e.tx, e.op, &ms[j], &old); err != nil {
				return err
			}
		}
	}
	return nil
}

// eraseProgrammes erases the person from the agreements, check-ins, HR
// contact and framework of every programme: not only of those the person
// is enrolled in now, as an enrolment may have been deleted and have left
// the person's own agreement and check-ins behind.
func (e *eraser) eraseProgrammes() error {
	all, err := programmes.all(e.tx)
	if err != nil {
		return err
	}
	for i := range all {
		p := &all[i]
		id := p.ID
		as, err := e.tx.Agreements(id)
		if err != nil {
			return err
		}
		for _, a := range as {
			if a.Scan != nil && (a.PersonID == e.person || a.TandemID != 0 && e.tandems[a.TandemID]) {
				if err := e.tx.SetScan(a.ID, "", "", nil); err != nil {
					return err
				}
			}
		}
		cs, err := e.tx.CheckIns(id)
		if err != nil {
			return err
		}
		for i := range cs {
			if c := &cs[i]; c.PersonID == e.person || c.TandemID != 0 && e.tandems[c.TandemID] {
				old := *c
				c.EraseMember(e.person, e.traces)
				if err := checkIns.write(e.tx, e.op, c, &old); err != nil {
					return err
				}
			}
		}
		contact, framework := model.ScrubTraces(p.HRContact, e.traces), model.ScrubTraces(p.Framework, e.traces)
		if contact != p.HRContact || framework != p.Framework {
			old := *p
			p.HRContact, p.Framework = contact, framework
			if err := programmes.write(e.tx, e.op, p, &old); err != nil {
				return err
			}
		}
	}
	return nil
}

// eraseManager removes the person's employee number from those who name
// the person as their manager.
func (e *eraser) eraseManager(employeeNo string) error {
	if employeeNo == "" {
		return nil
	}
	ps, err := persons.all(e.tx)
	if err != nil {
		return err
	}
	for i := range ps {
		if p := &ps[i]; p.ManagerNo == employeeNo && p.ID != e.person {
			old := *p
			p.ManagerNo = ""
			if err := persons.write(e.tx, e.op, p, &old); err != nil {
				return err
			}
		}
	}
	return nil
}
