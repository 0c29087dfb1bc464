package store

import (
	"bytes"
	"slices"

	"tandem/model"
)

var agreements = &kind[model.Agreement, *model.Agreement]{
	entity: "agreement", op: "Agreement", label: "Vereinbarung", bucket: bucketAgreements,
	index: func(a *model.Agreement) []entry { return []entry{child(ixAgreementProg, a.ProgrammeID, a.ID)} },
	refs: func(a *model.Agreement) []ref {
		return []ref{{"programme", bucketProgrammes, a.ProgrammeID}, {"tandem", bucketTandems, a.TandemID},
			{"person", bucketPersons, a.PersonID}}
	},
	state: func(a *model.Agreement) string { return string(a.State) },
	// The store owns the description of the scan: SetScan sets it.
	rules: func(_ *Tx, a, old *model.Agreement) error {
		a.Scan = nil
		if old != nil {
			a.Scan = old.Scan
		}
		return nil
	},
	onDelete: func(tx *Tx, _ string, a *model.Agreement) error {
		b, err := writable(tx.tx, bucketScans)
		if err != nil {
			return err
		}
		return b.Delete(key(a.ID))
	},
	verify: func(tx *Tx, a *model.Agreement) string {
		data, err := tx.get(bucketScans, key(a.ID))
		if err != nil {
			return "scan does not open"
		}
		if (a.Scan == nil) != (data == nil) || (a.Scan != nil && a.Scan.Size != len(data)) {
			return "scan does not match its description"
		}
		return ""
	},
}

// SaveAgreement creates or updates an agreement. Its programme, and its
// tandem or person, must exist. The scan description is kept as SetScan
// left it.
func (tx *Tx) SaveAgreement(a *model.Agreement) error { return agreements.put(tx, a) }

// Agreement returns the agreement id.
func (tx *Tx) Agreement(id model.ID) (model.Agreement, error) { return agreements.get(tx, id) }

// Agreements returns the agreements of a programme, by id.
func (tx *Tx) Agreements(programme model.ID) ([]model.Agreement, error) {
	return agreements.under(tx, ixAgreementProg, programme)
}

// DeleteAgreement deletes an agreement with its scan.
func (tx *Tx) DeleteAgreement(id model.ID) error { return agreements.del(tx, id) }

// SetScan stores the scanned signed copy of an agreement: at most
// model.MaxScanBytes of one of model.ScanTypes. Empty data removes the scan.
func (tx *Tx) SetScan(agreement model.ID, name, mediaType string, data []byte) error {
	const op = "store.SetScan"
	switch {
	case len(data) > model.MaxScanBytes:
		return failure(op, model.Invalid, "agreement", model.Problem{Field: "scan", Code: "scan_too_large", Arg: "10 MB"})
	case len(data) > 0 && !slices.Contains(model.ScanTypes, mediaType):
		return failure(op, model.Invalid, "agreement", model.Problem{Field: "scan", Code: "scan_type"})
	}
	a, err := agreements.load(tx, op, agreement)
	if err != nil {
		return err
	}
	old := *a
	a.Scan = nil
	if len(data) == 0 {
		err = agreements.onDelete(tx, op, a)
	} else {
		a.Scan = &model.Scan{Name: model.Clean(name), Type: mediaType, Size: len(data)}
		err = tx.put(bucketScans, key(a.ID), bytes.Clone(data))
	}
	if err != nil {
		return withOp(op, err)
	}
	return agreements.write(tx, op, a, &old)
}

// Scan returns a copy of the scanned copy of an agreement; NotFound when there is none.
func (tx *Tx) Scan(agreement model.ID) ([]byte, error) {
	data, err := tx.get(bucketScans, key(agreement))
	switch {
	case err != nil:
		return nil, withOp("store.Scan", err)
	case data == nil:
		return nil, notFound("store.Scan", "scan", agreement)
	}
	return bytes.Clone(data), nil
}

// EnsureAgreements creates the drafts the programme's confirmed and active
// tandems lack (model.MissingAgreements) and returns the programme's data
// with them, and how many it created.
func (tx *Tx) EnsureAgreements(programme model.ID) (model.ProgrammeData, int, error) {
	d, err := tx.ProgrammeData(programme)
	if err != nil {
		return d, 0, withOp("store.EnsureAgreements", err)
	}
	missing := model.MissingAgreements(&d)
	for i := range missing {
		if err := tx.SaveAgreement(&missing[i]); err != nil {
			return d, 0, err
		}
	}
	d.Agreements = append(d.Agreements, missing...) // the newest ids come last
	return d, len(missing), nil
}

// MarkPrinted records that the agreements were printed on the given day
// from the given version of the texts. Signed and revoked
// agreements printed for the files keep their state and dates.
func (tx *Tx) MarkPrinted(ids []model.ID, on model.Date, version string) error {
	for _, id := range ids {
		a, err := tx.Agreement(id)
		if err != nil {
			return err
		}
		if a.State != model.AgreementDraft && a.State != model.AgreementPrinted {
			continue
		}
		if err := a.Printed(on, version); err != nil {
			return withOp("store.MarkPrinted", err)
		}
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
	}
	return nil
}

// SignAgreement records a party's signature date. When that opens the
// agreement gate of a confirmed tandem, the tandem becomes active in the
// same transaction; the result says whether it did.
func (tx *Tx) SignAgreement(id model.ID, party string, on model.Date) (activated bool, err error) {
	const op = "store.SignAgreement"
	a, err := tx.Agreement(id)
	if err != nil {
		return false, err
	}
	if err := a.Sign(party, on); err != nil {
		return false, withOp(op, err)
	}
	if err := tx.SaveAgreement(&a); err != nil || a.State != model.AgreementSigned {
		return false, err
	}
	p, err := tx.Programme(a.ProgrammeID)
	if err != nil {
		return false, withOp(op, err)
	}
	as, err := tx.Agreements(a.ProgrammeID)
	if err != nil {
		return false, withOp(op, err)
	}
	var ts []model.Tandem
	if a.TandemID != 0 {
		t, err := tx.Tandem(a.TandemID)
		if err != nil {
			return false, withOp(op, err)
		}
		ts = append(ts, t)
	} else if ts, err = tx.TandemsOfPerson(a.PersonID); err != nil {
		return false, withOp(op, err)
	}
	for i := range ts {
		t := &ts[i]
		if t.ProgrammeID != a.ProgrammeID {
			continue
		}
		opened, err := model.OpenGate(t, &p, as)
		if err != nil {
			return false, withOp(op, err)
		}
		if opened {
			if err := tx.SaveTandem(t); err != nil {
				return false, err
			}
			activated = true
		}
	}
	return activated, nil
}
