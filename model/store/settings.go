package store

import (
	"encoding/json"
	"slices"

	"tandem/model"
)

// Settings returns the file's settings; a fresh file has the zero Settings.
func (tx *Tx) Settings() (model.Settings, error) {
	var st model.Settings
	raw, err := tx.get(bucketSettings, keySettings)
	if err == nil && raw != nil {
		err = decode(raw, &st)
	}
	if err != nil {
		return model.Settings{}, withOp("store.Settings", err)
	}
	return st, nil
}

// SaveSettings validates and stores the settings.
func (tx *Tx) SaveSettings(st *model.Settings) error {
	const op = "store.SaveSettings"
	if err := st.Validate(); err != nil {
		return withOp(op, err)
	}
	st.Updated = tx.now
	data, err := json.Marshal(st)
	if err == nil {
		err = tx.put(bucketSettings, keySettings, data)
	}
	if err == nil {
		err = tx.audit("update", "settings", 0, "Einstellungen")
	}
	return withOp(op, err)
}

// Audit returns the audit log, newest first.
func (tx *Tx) Audit() ([]model.AuditEntry, error) {
	log, err := decodeAll[model.AuditEntry](tx, bucketAudit)
	slices.Reverse(log)
	return log, withOp("store.Audit", err)
}

// Counts are the numbers of records of each kind.
type Counts struct{ Persons, Programmes, Enrolments, Tandems, Meetings, Agreements, CheckIns, Trainings int }

// Counts returns the numbers of records, read from bucket statistics.
func (tx *Tx) Counts() (Counts, error) {
	n := func(bucket []byte) int { return count(tx.tx, bucket) }
	return Counts{Persons: n(bucketPersons), Programmes: n(bucketProgrammes), Enrolments: n(bucketEnrolments),
		Tandems: n(bucketTandems), Meetings: n(bucketMeetings), Agreements: n(bucketAgreements),
		CheckIns: n(bucketCheckIns), Trainings: n(bucketTrainings)}, nil
}

// Empty reports whether the file has no persons and no programmes yet.
func (tx *Tx) Empty() (bool, error) {
	for _, name := range [][]byte{bucketPersons, bucketProgrammes} {
		if b := tx.tx.Bucket(name); b != nil {
			if k, _ := b.Cursor().First(); k != nil {
				return false, nil
			}
		}
	}
	return true, nil
}
