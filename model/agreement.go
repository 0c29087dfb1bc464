package model

import "slices"

// AgreementKind is the kind of document.
type AgreementKind string

// The kinds of agreement Tandem prints.
const (
	ConfidentialityTandem AgreementKind = "confidentiality" // signed by both partners of a tandem
	ConfidentialityPerson AgreementKind = "confidentiality_person"
	TandemAgreement       AgreementKind = "tandem" // roles, goals, rhythm
)

// AgreementState is where the paper stands.
type AgreementState string

// The states of an agreement.
const (
	AgreementDraft   AgreementState = "draft"
	AgreementPrinted AgreementState = "printed"
	AgreementSigned  AgreementState = "signed"
	AgreementRevoked AgreementState = "revoked"
)

// AgreementStates lists the states in order.
var AgreementStates = []AgreementState{AgreementDraft, AgreementPrinted, AgreementSigned, AgreementRevoked}

var agreementMachine = machine[AgreementState]{
	AgreementDraft:   {AgreementPrinted, AgreementSigned, AgreementRevoked},
	AgreementPrinted: {AgreementDraft, AgreementSigned, AgreementRevoked},
	AgreementSigned:  {AgreementRevoked},
	AgreementRevoked: {},
}

// The parties that sign an agreement.
const (
	PartyMentor = "mentor"
	PartyMentee = "mentee"
	PartyPerson = "person"
	PartyHR     = "hr"
)

// MaxScanBytes is the largest scanned copy Tandem stores.
const MaxScanBytes = 10 << 20

// ScanTypes are the accepted media types of a scanned copy.
var ScanTypes = []string{"application/pdf", "image/jpeg", "image/png"}

// Scan describes the stored scanned copy of a signed agreement; the bytes are
// stored apart from the agreement.
type Scan struct {
	Name string `json:"name"`
	Type string `json:"type"`
	Size int    `json:"size"`
}

// Agreement is a confidentiality or tandem agreement to be signed by hand.
type Agreement struct {
	Meta
	Kind            AgreementKind   `json:"kind"`
	ProgrammeID     ID              `json:"programme"`
	TandemID        ID              `json:"tandem,omitempty"` // for per-tandem kinds
	PersonID        ID              `json:"person,omitempty"` // for the per-person kind
	TemplateVersion string          `json:"templateVersion,omitempty"`
	GeneratedOn     Date            `json:"generatedOn,omitzero"`
	SignedOn        map[string]Date `json:"signedOn,omitempty"` // by party
	Scan            *Scan           `json:"scan,omitempty"`
	State           AgreementState  `json:"state"`
}

// Parties returns who must sign: both partners for a tandem's documents,
// the person for the per-person variant. HR's signature is optional.
func (a *Agreement) Parties() []string {
	if a.Kind == ConfidentialityPerson {
		return []string{PartyPerson}
	}
	return []string{PartyMentor, PartyMentee}
}

// Complete reports whether every required party has signed.
func (a *Agreement) Complete() bool {
	for _, p := range a.Parties() {
		if a.SignedOn[p].IsZero() {
			return false
		}
	}
	return true
}

// Sign records a party's signature date; once all required parties have
// signed, the agreement is signed.
func (a *Agreement) Sign(party string, on Date) error {
	if !slices.Contains(a.Parties(), party) && party != PartyHR {
		e := E("sign", Invalid, Problem{Field: "party", Code: "choice"})
		e.Entity = "agreement"
		return e
	}
	if a.State == AgreementRevoked {
		return transitionError("agreement", string(a.State), string(AgreementSigned), "")
	}
	if a.SignedOn == nil {
		a.SignedOn = map[string]Date{}
	}
	a.SignedOn[party] = on
	if a.Complete() && a.State != AgreementSigned {
		return a.SetState(AgreementSigned)
	}
	return nil
}

// Validate checks the agreement.
func (a *Agreement) Validate() error {
	var ps problems
	if a.ProgrammeID == 0 {
		ps.add("programme", "required")
	}
	switch a.Kind {
	case ConfidentialityTandem, TandemAgreement:
		if a.TandemID == 0 {
			ps.add("tandem", "required")
		}
	case ConfidentialityPerson:
		if a.PersonID == 0 {
			ps.add("person", "required")
		}
	default:
		ps.add("kind", "choice")
	}
	for party := range a.SignedOn {
		if !slices.Contains(a.Parties(), party) && party != PartyHR {
			ps.add("party", "choice")
		}
	}
	if a.State == AgreementSigned && !a.Complete() {
		ps.add("state", "signatures_missing")
	}
	if a.Scan != nil {
		if a.Scan.Size > MaxScanBytes {
			ps.add("scan", "scan_too_large", "10 MB")
		}
		if !slices.Contains(ScanTypes, a.Scan.Type) {
			ps.add("scan", "scan_type")
		}
	}
	if !agreementMachine.valid(a.State) {
		ps.add("state", "choice")
	}
	return ps.err("agreement")
}

// SetState moves the agreement to another state. It may become signed only
// when every required party has signed.
func (a *Agreement) SetState(to AgreementState) error {
	if err := agreementMachine.check("agreement", a.State, to); err != nil {
		return err
	}
	if to == AgreementSigned && !a.Complete() {
		return transitionError("agreement", string(a.State), string(to), "signatures_missing")
	}
	a.State = to
	return nil
}

// NextStates lists the states the agreement may move to now.
func (a *Agreement) NextStates() []AgreementState { return agreementMachine.next(a.State) }
