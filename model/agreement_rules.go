package model

// Every tandem past proposal needs two papers: the confidentiality
// agreement, which opens the agreement gate, and the tandem agreement on
// roles, goals and rhythm. A revoked paper no longer counts, so a new one
// is needed while the tandem goes on.

// TandemKinds are the agreements every confirmed tandem needs, in printing order.
var TandemKinds = []AgreementKind{ConfidentialityTandem, TandemAgreement}

// MissingAgreements returns new drafts for the papers the programme's
// confirmed and active tandems lack.
func MissingAgreements(d *ProgrammeData) []Agreement {
	have := map[ID]map[AgreementKind]bool{}
	for _, a := range d.Agreements {
		if a.TandemID == 0 || a.State == AgreementRevoked {
			continue
		}
		if have[a.TandemID] == nil {
			have[a.TandemID] = map[AgreementKind]bool{}
		}
		have[a.TandemID][a.Kind] = true
	}
	var out []Agreement
	for _, t := range d.Tandems {
		if t.State != TandemConfirmed && t.State != TandemActive {
			continue
		}
		for _, k := range TandemKinds {
			if !have[t.ID][k] {
				out = append(out, Agreement{Kind: k, ProgrammeID: d.Programme.ID, TandemID: t.ID, State: AgreementDraft})
			}
		}
	}
	return out
}

// PersonalAgreement returns a draft confidentiality agreement for one
// participant of the programme, for those who sign before they are paired.
func PersonalAgreement(programme, person ID) Agreement {
	return Agreement{Kind: ConfidentialityPerson, ProgrammeID: programme, PersonID: person, State: AgreementDraft}
}

// Printed records that the agreement was printed on the given day from the
// template version: a draft now waits for signatures. Printing again
// keeps the state and updates the date.
func (a *Agreement) Printed(on Date, templateVersion string) error {
	if a.State == AgreementDraft {
		if err := a.SetState(AgreementPrinted); err != nil {
			return err
		}
	} else if a.State != AgreementPrinted {
		return transitionError("agreement", string(a.State), string(AgreementPrinted), "")
	}
	a.GeneratedOn, a.TemplateVersion = on, templateVersion
	return nil
}

// Unsign removes a party's signature date, to correct a mistake; a signed
// agreement goes back to waiting for signatures.
func (a *Agreement) Unsign(party string) error {
	if a.State == AgreementRevoked {
		return transitionError("agreement", string(a.State), string(AgreementPrinted), "")
	}
	delete(a.SignedOn, party)
	if a.State == AgreementSigned && !a.Complete() {
		a.State = AgreementPrinted
	}
	return nil
}

// Revoke withdraws the agreement: it no longer counts for the agreement
// gate, and a new one is needed while the tandem goes on.
func (a *Agreement) Revoke() error { return a.SetState(AgreementRevoked) }

// OpenGate activates a confirmed tandem whose agreement gate has just
// opened — the confidentiality agreement signed by both, on the later of
// the two signature dates — and reports whether it did. as are the
// programme's agreements including the one just signed.
func OpenGate(t *Tandem, p *Programme, as []Agreement) (bool, error) {
	if t.State != TandemConfirmed || !ConfidentialitySigned(t, as) {
		return false, nil
	}
	on := Date{}
	for _, a := range as {
		if (a.TandemID == t.ID && a.Kind == ConfidentialityTandem) ||
			(a.Kind == ConfidentialityPerson && (a.PersonID == t.MentorID || a.PersonID == t.MenteeID)) {
			if a.State != AgreementSigned {
				continue
			}
			for _, d := range a.SignedOn {
				if d.After(on) {
					on = d
				}
			}
		}
	}
	if p.Start.After(on) {
		on = p.Start
	}
	return true, t.Activate(on, p.AgreementRequired, true)
}
