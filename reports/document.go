package reports

import (
	"text/template"

	"tandem/model"
)

// doc is one document to set into the PDF.
type doc struct {
	name     string
	data     *Data
	bookmark string
	signers  []signer      // who signs (@signatures)
	hr       signer        // HR's signature (@signatures hr)
	place    string        // place and date printed on the signature line, if any
	dir      directiveFunc // the document's own directives (report, disclosure)
}

// compiled is a parsed template and its text.
type compiled struct {
	t    *template.Template
	text string
}

// batch sets documents of one kind after another into a writer, parsing
// each template once.
type batch struct {
	w     *writer
	lang  string
	texts map[string]string // template texts by name; Text(settings) when missing
	cache map[string]compiled
}

func newBatch(w *writer, opt Options) *batch {
	return &batch{w: w, lang: opt.lang(), cache: map[string]compiled{}}
}

// template returns the compiled template of a document.
func (b *batch) template(name string) (compiled, error) {
	if c, ok := b.cache[name]; ok {
		return c, nil
	}
	text, ok := b.texts[name]
	if !ok {
		text = Text(b.w.set, name, b.lang)
	}
	t, err := compile(name, text)
	if err != nil {
		return compiled{}, err
	}
	c := compiled{t, text}
	b.cache[name] = c
	return c, nil
}

// add sets one document.
func (b *batch) add(d doc) error {
	c, err := b.template(d.name)
	if err != nil {
		return err
	}
	out, err := execute(c.t, c.text, d.data)
	if err != nil {
		return err
	}
	blocks, err := parseMarkup(d.name, c.text, out)
	if err != nil {
		return err
	}
	w := b.w
	els := w.layout(blocks, looks[d.name],
		func(bl block) []element {
			if bl.dir == "signatures" {
				signers := d.signers
				if len(bl.args) == 1 && bl.args[0] == "hr" && d.name != Certificate {
					signers = append(signers[:len(signers):len(signers)], d.hr)
				}
				return []element{newSignatures(w, signers, d.place)}
			}
			if d.dir != nil {
				return d.dir(bl)
			}
			return nil
		})
	w.begin(d.bookmark)
	w.render(els)
	w.end()
	return nil
}

// common returns the data every document shares.
func common(lb labels, opt Options, p *model.Programme) *Data {
	d := &Data{
		Company: escape(opt.Settings.CompanyName),
		Today:   lb.date(opt.today()),
	}
	if d.Company == "" {
		d.Company = lb.get("company.none")
	}
	if p != nil {
		d.Programme = escape(p.Name)
		d.Start, d.End = lb.date(p.Start), lb.date(p.End)
		d.Until = "–"
		if !p.End.IsZero() {
			d.Until = lb.date(model.NewDate(p.End.Year+2, p.End.Month, p.End.Day))
		}
		d.HRContact = escape(p.HRContact)
		d.CadenceWeeks, d.SessionMinutes = p.CadenceWeeks, p.SessionMinutes
	}
	if d.HRContact == "" {
		d.HRContact = lb.get("hr.none")
	}
	return d
}

// party returns a person as named in a document.
func party(p model.Person, role string) Party {
	return Party{Name: escape(p.FullName()), JobTitle: escape(p.JobTitle), Department: escape(p.Department),
		Location: escape(p.Location), Role: role}
}

// roleLabel returns the name of a role for a person: "Mentorin", "Mentor"
// or "Mentor/in" by the person's salutation, "Mentee".
func roleLabel(lb labels, r model.Role, p *model.Person) string {
	if r != model.Mentor {
		return lb.get("role.mentee")
	}
	switch p.Salutation {
	case model.SalutationMs:
		return lb.get("role.mentor.ms")
	case model.SalutationMr:
		return lb.get("role.mentor.mr")
	}
	return lb.get("role.mentor")
}

// hrSigner is HR's signature: the programme's HR contact.
func hrSigner(lb labels, p *model.Programme) signer {
	s := signer{role: lb.get("sig.hr")}
	if p != nil {
		s.name = p.HRContact
	}
	return s
}
