package model

import "testing"

func TestAgreementPrintSignUnsign(t *testing.T) {
	day := NewDate(2026, 5, 4)
	a := Agreement{Kind: ConfidentialityTandem, ProgrammeID: 1, TandemID: 2, State: AgreementDraft}
	if err := a.Printed(day, "abc"); err != nil || a.State != AgreementPrinted || a.GeneratedOn != day {
		t.Fatalf("Printed: %v, %+v", err, a)
	}
	if err := a.Printed(day.AddDays(1), "abd"); err != nil || a.GeneratedOn != day.AddDays(1) || a.TemplateVersion != "abd" {
		t.Fatalf("printing again: %v, %+v", err, a)
	}
	for _, p := range []string{PartyMentor, PartyMentee} {
		if err := a.Sign(p, day); err != nil {
			t.Fatal(err)
		}
	}
	if a.State != AgreementSigned {
		t.Fatalf("state after both signatures = %s", a.State)
	}
	if err := a.Printed(day, "x"); err == nil {
		t.Fatal("a signed agreement was marked printed again")
	}
	if err := a.Unsign(PartyMentee); err != nil || a.State != AgreementPrinted || !a.SignedOn[PartyMentee].IsZero() {
		t.Fatalf("Unsign: %v, %+v", err, a)
	}
	if err := a.Revoke(); err != nil {
		t.Fatal(err)
	}
	if err := a.Unsign(PartyMentor); err == nil {
		t.Fatal("a revoked agreement was changed")
	}
}

func TestMissingAgreements(t *testing.T) {
	d := ProgrammeData{Programme: Programme{Meta: Meta{ID: 1}}, Tandems: []Tandem{
		{Meta: Meta{ID: 10}, State: TandemProposed},
		{Meta: Meta{ID: 11}, State: TandemConfirmed},
		{Meta: Meta{ID: 12}, State: TandemActive},
		{Meta: Meta{ID: 13}, State: TandemFinished},
	}, Agreements: []Agreement{
		{TandemID: 11, Kind: ConfidentialityTandem, State: AgreementSigned},
		{TandemID: 12, Kind: ConfidentialityTandem, State: AgreementRevoked},
		{TandemID: 12, Kind: TandemAgreement, State: AgreementPrinted},
	}}
	got := MissingAgreements(&d)
	want := []struct {
		tandem ID
		kind   AgreementKind
	}{{11, TandemAgreement}, {12, ConfidentialityTandem}}
	if len(got) != len(want) {
		t.Fatalf("MissingAgreements = %+v", got)
	}
	for i, w := range want {
		if got[i].TandemID != w.tandem || got[i].Kind != w.kind || got[i].State != AgreementDraft || got[i].ProgrammeID != 1 {
			t.Errorf("missing[%d] = %+v, want %+v", i, got[i], w)
		}
	}
}
