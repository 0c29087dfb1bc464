// Package reports makes Tandem's printed documents as PDF: the
// confidentiality agreements (per tandem and per person), the tandem
// agreement, the certificate of participation, the check-in form, the
// programme report and the personal-data report under Art. 15 GDPR.
//
// Every document is A4 portrait with the company's header and logo on each
// page and a footer with the date and "Seite x von y", counted within the
// document, also when many documents share one PDF. Texts come from
// templates (text/template) that HR may edit; they produce a small markup,
// one construct per line:
//
//	# Title
//	## Section heading            (numbered "§ 1" in contracts)
//	### Sub-heading
//	- bullet item
//	plain lines                   (joined into one paragraph; a blank line ends it)
//	**bold** inline               (a backslash escapes the next character: \*, \@, \#, \-)
//	___                           (a line of underscores: a line to fill in by hand)
//	@signatures [hr]              (signature blocks of the document's parties, HR's optional)
//	@pagebreak
//
// The programme report knows @figures, @chart meetings|states|satisfaction|balance|growth|topics,
// @table tandems, @topics and @agreements; the check-in form @participant,
// @satisfaction, @selfassessment and @comment; the personal-data report
// @section person|programmes|tandems|meetings|agreements|checkins|trainings|audit.
// Fixed labels (table headers, states, months, "Seite x von y") live in
// assets/templates/{de,en}/labels.json, not in the templates.
//
// The output is deterministic: with Options.Today fixed, the same input
// gives the same bytes. gofpdf stays inside this package.
package reports

import (
	"time"

	"tandem/model"
)

// Options say for whom and in which language a document is made.
type Options struct {
	Lang     string         // "de" (default for anything else) or "en"
	Today    model.Date     // the date printed and the PDF's creation date (fixed in tests)
	Settings model.Settings // company name, address, logo, and HR's own texts
}

// lang returns the document language: "en" or "de".
func (o Options) lang() string { return normLang(o.Lang) }

// today returns the date of the document, today when none is set.
func (o Options) today() model.Date {
	if o.Today.IsZero() {
		return model.DateOf(time.Now())
	}
	return o.Today
}

// normLang maps any language to one Tandem prints: English or German.
func normLang(l string) string {
	if l == "en" {
		return "en"
	}
	return "de"
}

// The names of the documents' templates, as in assets/templates/{de,en}/NAME.tmpl
// and in model.Settings.Templates (NAME + "." + language).
const (
	Confidentiality       = "confidentiality"        // confidentiality agreement of a tandem
	ConfidentialityPerson = "confidentiality_person" // confidentiality agreement of one participant
	TandemAgreement       = "tandem_agreement"       // roles, goals and rhythm of a tandem
	Certificate           = "certificate"            // certificate of participation
	CheckIn               = "checkin"                // check-in form of one participant
	Report                = "report"                 // programme report for the management
	// DisclosureTemplate names the personal-data report (Art. 15 GDPR);
	// the function Disclosure makes it.
	DisclosureTemplate = "disclosure"
)

// Editable lists the texts HR may change in the settings.
var Editable = []string{Confidentiality, ConfidentialityPerson, TandemAgreement, Certificate, CheckIn}

// names lists every document, in the order of the constants.
var names = []string{Confidentiality, ConfidentialityPerson, TandemAgreement, Certificate, CheckIn, Report,
	DisclosureTemplate, Recovery}

// kindTemplate returns the template name of an agreement kind.
func kindTemplate(k model.AgreementKind) (string, bool) {
	switch k {
	case model.ConfidentialityTandem:
		return Confidentiality, true
	case model.ConfidentialityPerson:
		return ConfidentialityPerson, true
	case model.TandemAgreement:
		return TandemAgreement, true
	}
	return "", false
}
