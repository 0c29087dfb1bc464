package store

import (
	"testing"

	"tandem/model"
)

// TestAgreementLifecycle walks the papers of one tandem from missing to
// signed: drafts appear once the tandem is confirmed, printing moves them
// on, and the second signature activates the tandem.
func TestAgreementLifecycle(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "Programm", 1)

	_, n, err := s.EnsureAgreements(f.prog.ID)
	must(t, err)
	if n != 0 {
		t.Fatalf("a proposed tandem got %d agreements, want none", n)
	}
	must(t, f.tandem.Confirm())
	must(t, s.SaveTandem(f.tandem))
	_, n, err = s.EnsureAgreements(f.prog.ID)
	must(t, err)
	if n != 2 {
		t.Fatalf("EnsureAgreements created %d, want 2", n)
	}
	if _, n, err = s.EnsureAgreements(f.prog.ID); err != nil || n != 0 {
		t.Fatalf("second EnsureAgreements = %d, %v; want 0, nil", n, err)
	}
	as, err := s.Agreements(f.prog.ID)
	must(t, err)
	var conf model.Agreement
	ids := []model.ID{}
	for _, a := range as {
		ids = append(ids, a.ID)
		if a.Kind == model.ConfidentialityTandem {
			conf = a
		}
	}
	day := model.NewDate(2026, 3, 2)
	must(t, s.MarkPrinted(ids, day, "v-1"))
	conf, err = s.Agreement(conf.ID)
	must(t, err)
	if conf.State != model.AgreementPrinted || conf.GeneratedOn != day || conf.TemplateVersion != "v-1" {
		t.Fatalf("after printing: %+v", conf)
	}

	activated, err := s.SignAgreement(conf.ID, model.PartyMentor, day.AddDays(3))
	must(t, err)
	if activated {
		t.Fatal("one signature activated the tandem")
	}
	activated, err = s.SignAgreement(conf.ID, model.PartyMentee, day.AddDays(5))
	must(t, err)
	if !activated {
		t.Fatal("both signatures did not activate the tandem")
	}
	tan, err := s.Tandem(f.tandem.ID)
	must(t, err)
	if tan.State != model.TandemActive || tan.Start != day.AddDays(5) {
		t.Fatalf("tandem after signing: %s from %s, want active from %s", tan.State, tan.Start, day.AddDays(5))
	}

	// Revoking leaves a gap that the next EnsureAgreements fills with a new draft.
	conf, err = s.Agreement(conf.ID)
	must(t, err)
	must(t, conf.Revoke())
	must(t, s.SaveAgreement(&conf))
	if _, n, err = s.EnsureAgreements(f.prog.ID); err != nil || n != 1 {
		t.Fatalf("EnsureAgreements after revoking = %d, %v; want 1, nil", n, err)
	}
	if _, err := s.SignAgreement(conf.ID, model.PartyMentor, day); err == nil {
		t.Fatal("signing a revoked agreement succeeded")
	}
}

// TestPersonalAgreementsOpenGate: each partner's own signed confidentiality
// agreement opens the gate as well.
func TestPersonalAgreementsOpenGate(t *testing.T) {
	s, _ := openTest(t)
	f := setup(t, s, "Programm", 1)
	must(t, f.tandem.Confirm())
	must(t, s.SaveTandem(f.tandem))
	day := model.NewDate(2026, 3, 2)
	var activated bool
	for _, p := range []model.ID{f.mentor.ID, f.mentee.ID} {
		a := model.PersonalAgreement(f.prog.ID, p)
		must(t, s.SaveAgreement(&a))
		var err error
		activated, err = s.SignAgreement(a.ID, model.PartyPerson, day)
		must(t, err)
	}
	if !activated {
		t.Fatal("two personal agreements did not activate the tandem")
	}
}
