package cli

import (
	"fmt"
	"io"
	"slices"

	"fyne.io/fyne/v2/lang"

	"tandem/app"
	"tandem/model"
	"tandem/model/store"
	"tandem/reports"
)

// printKinds are the documents `tandem print` makes.
var printKinds = []string{"agreements", "report", "certificates"}

// runPrint writes a programme's agreements, report or certificates as one
// PDF. Printing agreements creates the drafts the tandems lack and then
// records the printed ones as waiting for signatures, as the window does.
func runPrint(e env, args []string) int {
	a := newOutputArgs("print")
	rest, tandemID, okArgs := a.parse(args, 1)
	if !okArgs || !slices.Contains(printKinds, rest[0]) {
		return usage(e)
	}
	what := rest[0]
	read := (*store.Store).ProgrammeData
	if what == "agreements" {
		read = func(st *store.Store, id model.ID) (model.ProgrammeData, error) {
			d, _, err := st.EnsureAgreements(id)
			return d, err
		}
	}
	st, d, code := a.loadProgramme(e, tandemID, what != "agreements", read)
	if code != ok {
		return code
	}
	defer st.Close()
	p := d.Programme
	settings, err := st.Settings()
	if err != nil {
		return fail(e, err)
	}
	opt := reports.Options{Lang: app.Language(), Today: model.DateOf(e.now()), Settings: settings}

	var write func(w io.Writer) error
	var count int
	var printed []model.Agreement
	switch what {
	case "agreements":
		printed = agreementsToPrint(&d, tandemID)
		count = len(printed)
		write = func(w io.Writer) error { return reports.Agreements(w, opt, &d, printed, nil) }
	case "report":
		count = 1
		write = func(w io.Writer) error { return reports.ProgrammeReport(w, opt, &d) }
	case "certificates":
		people := reports.Finished(&d)
		if t := d.Tandem(tandemID); t != nil {
			people = keep(people, t.MentorID, t.MenteeID)
		}
		count = len(people)
		write = func(w io.Writer) error { return reports.Certificates(w, opt, &d, people, nil) }
	}
	if count == 0 { // a report is always made
		return failText(e, lang.L("cli.print.nothing."+what, map[string]any{"Programme": p.Name}))
	}
	if err := writeAtomically(*a.out, write); err != nil {
		return fail(e, err)
	}
	if len(printed) > 0 {
		ids := make([]model.ID, len(printed))
		for i, a := range printed {
			ids[i] = a.ID
		}
		if err := st.MarkPrinted(ids, opt.Today, reports.VersionOf(settings, opt.Lang)); err != nil {
			return fail(e, err)
		}
	}
	fmt.Fprintln(e.stdout, lang.L("cli.print.done."+what, map[string]any{"Count": count, "File": *a.out}))
	return ok
}

// agreementsToPrint are the agreements of one tandem that still count, or
// else all of the programme's agreements to print or waiting for signatures.
func agreementsToPrint(d *model.ProgrammeData, tandem model.ID) []model.Agreement {
	var out []model.Agreement
	for _, a := range d.Agreements {
		switch {
		case tandem != 0:
			if a.TandemID == tandem && a.State != model.AgreementRevoked {
				out = append(out, a)
			}
		case a.State == model.AgreementDraft || a.State == model.AgreementPrinted:
			out = append(out, a)
		}
	}
	return out
}

// keep returns the ids of list that are among wanted.
func keep(list []model.ID, wanted ...model.ID) []model.ID {
	var out []model.ID
	for _, id := range list {
		if slices.Contains(wanted, id) {
			out = append(out, id)
		}
	}
	return out
}
