package store

import "tandem/model"

// The Store's record methods each run the Tx method of the same name in a
// transaction of their own: reads in a View, writes in an Update that is
// synced to disk before the method returns.

// read runs a read method with one argument.
func read[A, R any](s *Store, f func(*Tx, A) (R, error), a A) (R, error) {
	var r R
	err := s.view(func(tx *Tx) (err error) {
		r, err = f(tx, a)
		return err
	})
	return r, err
}

// list runs a read method without arguments.
func list[R any](s *Store, f func(*Tx) (R, error)) (R, error) {
	return read(s, func(tx *Tx, _ struct{}) (R, error) { return f(tx) }, struct{}{})
}

// change runs a write method.
func change[A any](s *Store, f func(*Tx, A) error, a A) error {
	return s.update(func(tx *Tx) error { return f(tx, a) })
}

// save runs a save method; when it fails, the record keeps the id and times
// it had.
func save[T any, P record[T]](s *Store, f func(*Tx, P) error, v P) error {
	head := *v.Head()
	err := change(s, f, v)
	if err != nil {
		*v.Head() = head
	}
	return err
}

// SavePerson creates (ID 0) or updates a person. Employee number and
// e-mail address must be unique: Conflict with Problems naming the fields
// and the other person.
func (s *Store) SavePerson(p *model.Person) error { return save(s, (*Tx).SavePerson, p) }

// Person returns the person id; NotFound when there is none.
func (s *Store) Person(id model.ID) (model.Person, error) { return read(s, (*Tx).Person, id) }

// Persons returns everybody, sorted by last name, first name (German
// collation), then id.
func (s *Store) Persons() ([]model.Person, error) { return list(s, (*Tx).Persons) }

// PersonByEmployeeNo returns the person with the employee number.
func (s *Store) PersonByEmployeeNo(no string) (model.Person, error) {
	return read(s, (*Tx).PersonByEmployeeNo, no)
}

// PersonByEmail returns the person with the e-mail address, ignoring case.
func (s *Store) PersonByEmail(email string) (model.Person, error) {
	return read(s, (*Tx).PersonByEmail, email)
}

// DeletePerson deletes a person; Conflict (in_use) while the person is
// enrolled in a programme or a member of a tandem.
func (s *Store) DeletePerson(id model.ID) error { return change(s, (*Tx).DeletePerson, id) }

// SaveProgramme creates or updates a programme; names are unique, ignoring case.
func (s *Store) SaveProgramme(p *model.Programme) error { return save(s, (*Tx).SaveProgramme, p) }

// Programme returns the programme id.
func (s *Store) Programme(id model.ID) (model.Programme, error) { return read(s, (*Tx).Programme, id) }

// ProgrammeByName returns the programme with the name, ignoring case.
func (s *Store) ProgrammeByName(name string) (model.Programme, error) {
	return read(s, (*Tx).ProgrammeByName, name)
}

// Programmes returns every programme: running, matching, planning, closed;
// within a state by name.
func (s *Store) Programmes() ([]model.Programme, error) { return list(s, (*Tx).Programmes) }

// DeleteProgramme deletes a programme with everything that belongs to it.
func (s *Store) DeleteProgramme(id model.ID) error { return change(s, (*Tx).DeleteProgramme, id) }

// SaveEnrolment creates or updates an enrolment.
func (s *Store) SaveEnrolment(e *model.Enrolment) error { return save(s, (*Tx).SaveEnrolment, e) }

// Enrolment returns the enrolment id.
func (s *Store) Enrolment(id model.ID) (model.Enrolment, error) { return read(s, (*Tx).Enrolment, id) }

// Enrolments returns the enrolments of a programme, by id.
func (s *Store) Enrolments(programme model.ID) ([]model.Enrolment, error) {
	return read(s, (*Tx).Enrolments, programme)
}

// EnrolmentsOfPerson returns a person's enrolments, by id.
func (s *Store) EnrolmentsOfPerson(person model.ID) ([]model.Enrolment, error) {
	return read(s, (*Tx).EnrolmentsOfPerson, person)
}

// DeleteEnrolment deletes an enrolment.
func (s *Store) DeleteEnrolment(id model.ID) error { return change(s, (*Tx).DeleteEnrolment, id) }

// SaveTandem creates or updates a tandem.
func (s *Store) SaveTandem(t *model.Tandem) error { return save(s, (*Tx).SaveTandem, t) }

// Tandem returns the tandem id.
func (s *Store) Tandem(id model.ID) (model.Tandem, error) { return read(s, (*Tx).Tandem, id) }

// Tandems returns the tandems of a programme, by id.
func (s *Store) Tandems(programme model.ID) ([]model.Tandem, error) {
	return read(s, (*Tx).Tandems, programme)
}

// TandemsOfPerson returns the tandems a person is a member of, by id.
func (s *Store) TandemsOfPerson(person model.ID) ([]model.Tandem, error) {
	return read(s, (*Tx).TandemsOfPerson, person)
}

// DeleteTandem deletes a tandem with its meetings and agreements.
func (s *Store) DeleteTandem(id model.ID) error { return change(s, (*Tx).DeleteTandem, id) }

// SaveMeeting creates or updates a meeting.
func (s *Store) SaveMeeting(m *model.Meeting) error { return save(s, (*Tx).SaveMeeting, m) }

// Meeting returns the meeting id.
func (s *Store) Meeting(id model.ID) (model.Meeting, error) { return read(s, (*Tx).Meeting, id) }

// Meetings returns the meetings of a tandem by time, then id.
func (s *Store) Meetings(tandem model.ID) ([]model.Meeting, error) {
	return read(s, (*Tx).Meetings, tandem)
}

// DeleteMeeting deletes a meeting.
func (s *Store) DeleteMeeting(id model.ID) error { return change(s, (*Tx).DeleteMeeting, id) }

// SaveAgreement creates or updates an agreement.
func (s *Store) SaveAgreement(a *model.Agreement) error { return save(s, (*Tx).SaveAgreement, a) }

// Agreement returns the agreement id.
func (s *Store) Agreement(id model.ID) (model.Agreement, error) { return read(s, (*Tx).Agreement, id) }

// Agreements returns the agreements of a programme, by id.
func (s *Store) Agreements(programme model.ID) ([]model.Agreement, error) {
	return read(s, (*Tx).Agreements, programme)
}

// DeleteAgreement deletes an agreement with its scan.
func (s *Store) DeleteAgreement(id model.ID) error { return change(s, (*Tx).DeleteAgreement, id) }

// SetScan stores the scanned signed copy of an agreement (empty data removes it).
func (s *Store) SetScan(agreement model.ID, name, mediaType string, data []byte) error {
	return s.update(func(tx *Tx) error { return tx.SetScan(agreement, name, mediaType, data) })
}

// Scan returns a copy of an agreement's scanned copy; NotFound when there is none.
func (s *Store) Scan(agreement model.ID) ([]byte, error) { return read(s, (*Tx).Scan, agreement) }

// SaveCheckIn creates or updates a check-in.
func (s *Store) SaveCheckIn(c *model.CheckIn) error { return save(s, (*Tx).SaveCheckIn, c) }

// CheckIns returns the check-ins of a programme, by id.
func (s *Store) CheckIns(programme model.ID) ([]model.CheckIn, error) {
	return read(s, (*Tx).CheckIns, programme)
}

// DeleteCheckIn deletes a check-in.
func (s *Store) DeleteCheckIn(id model.ID) error { return change(s, (*Tx).DeleteCheckIn, id) }

// SaveTraining creates or updates a training event.
func (s *Store) SaveTraining(t *model.TrainingEvent) error { return save(s, (*Tx).SaveTraining, t) }

// Trainings returns the training events of a programme, by id.
func (s *Store) Trainings(programme model.ID) ([]model.TrainingEvent, error) {
	return read(s, (*Tx).Trainings, programme)
}

// DeleteTraining deletes a training event.
func (s *Store) DeleteTraining(id model.ID) error { return change(s, (*Tx).DeleteTraining, id) }

// Settings returns the file's settings; a fresh file has the zero Settings.
func (s *Store) Settings() (model.Settings, error) { return list(s, (*Tx).Settings) }

// SaveSettings validates and stores the settings.
func (s *Store) SaveSettings(st *model.Settings) error { return change(s, (*Tx).SaveSettings, st) }

// Audit returns the audit log, newest first.
func (s *Store) Audit() ([]model.AuditEntry, error) { return list(s, (*Tx).Audit) }

// Counts returns the numbers of records of each kind (cheap: from bucket statistics).
func (s *Store) Counts() (Counts, error) { return list(s, (*Tx).Counts) }

// Empty reports whether the file has no persons and no programmes yet (first start).
func (s *Store) Empty() (bool, error) { return list(s, (*Tx).Empty) }

// ProgrammeData reads everything about a programme at one moment.
func (s *Store) ProgrammeData(id model.ID) (model.ProgrammeData, error) {
	return read(s, (*Tx).ProgrammeData, id)
}

// PersonData reads everything stored about a person at one moment.
func (s *Store) PersonData(id model.ID) (model.PersonData, error) {
	return read(s, (*Tx).PersonData, id)
}

// EnsureAgreements creates the drafts the programme's confirmed and active
// tandems lack — writing nothing when none is missing — and returns the
// programme's data with them, and how many it created.
func (s *Store) EnsureAgreements(programme model.ID) (model.ProgrammeData, int, error) {
	var d model.ProgrammeData
	var n int
	err := s.view(func(tx *Tx) (err error) {
		d, err = tx.ProgrammeData(programme)
		n = len(model.MissingAgreements(&d))
		return err
	})
	if err != nil || n == 0 {
		return d, 0, err
	}
	err = s.update(func(tx *Tx) (err error) {
		d, n, err = tx.EnsureAgreements(programme)
		return err
	})
	return d, n, err
}

// MarkPrinted records that the agreements were printed on the given day.
func (s *Store) MarkPrinted(ids []model.ID, on model.Date, version string) error {
	return s.update(func(tx *Tx) error { return tx.MarkPrinted(ids, on, version) })
}

// SignAgreement records a party's signature date and activates the tandem
// when that opens its agreement gate; the result says whether it did.
func (s *Store) SignAgreement(id model.ID, party string, on model.Date) (bool, error) {
	var activated bool
	err := s.update(func(tx *Tx) (err error) {
		activated, err = tx.SignAgreement(id, party, on)
		return err
	})
	return activated, err
}
