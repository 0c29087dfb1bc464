package reports

import (
	"slices"
	"strings"
)

// Data is the dot of every document template: {{.Mentor.Name}} and so on.
// All values are text already formatted in the document's language (dates
// as 27.11.2026 in German, 27 November 2026 in English); a date that is not
// set prints as "–". Which fields a document offers says Fields.
type Data struct {
	Company   string // the company's name from the settings
	Programme string // the programme's name
	Framework string // the programme's framework in HR's words, several paragraphs (report)
	// Start and End are the programme's first and last day; in a
	// certificate the participant's own period (their tandem's start and
	// end, the programme's where those are not set).
	Start, End     string
	Until          string // how long confidentiality holds: the programme's end plus two years
	Today          string // the date of the document
	HRContact      string // the programme's HR contact, or "die Personalabteilung"
	CadenceWeeks   int    // weeks between two meetings of the tandem
	SessionMinutes int    // planned length of a meeting in minutes
	Channel        string // where the tandem meets: in person, online, or either
	Mentor, Mentee Party  // the tandem's partners (documents of a tandem)
	Person         Party  // the one participant (per-person documents, certificate, check-in, disclosure)
	Partner        Party  // the participant's tandem partner (check-in); several are named together; Name "" when none
	Role           string // the participant's role: "Mentorin", "Mentor", "Mentor/in" or "Mentee"
	MenteeGoals    []Goal // what the mentee wants to learn (tandem agreement)
	MentorGoals    []Goal // what the mentor wants to learn (tandem agreement)
	Topics         []string
	Meetings       int    // meetings held (certificate)
	Moment         string // when the check-in is: "nach dem ersten Treffen", "zur Halbzeit", "am Ende"
}

// Party is a person named in a document.
type Party struct {
	Name       string // first and last name
	JobTitle   string
	Department string
	Location   string
	Role       string // the role in the document, such as "Mentorin" or "Mentee"
}

// Goal is a learning goal of a tandem.
type Goal struct {
	Text        string // the goal
	SuccessSign string // how both will know it is reached; may be empty
	Status      string // open, in progress, reached, dropped (in words)
}

// partyFields are the fields of a Party.
var partyFields = []string{"Name", "JobTitle", "Department", "Location", "Role"}

// fieldsOf lists per document the fields of Data its template may use.
var fieldsOf = map[string][]string{
	Confidentiality: {"Company", "Programme", "Start", "End", "Until", "Today", "HRContact",
		"Mentor", "Mentee"},
	ConfidentialityPerson: {"Company", "Programme", "Start", "End", "Until", "Today", "HRContact",
		"Person", "Role"},
	TandemAgreement: {"Company", "Programme", "Start", "End", "Today", "HRContact", "CadenceWeeks",
		"SessionMinutes", "Channel", "Mentor", "Mentee", "MenteeGoals", "MentorGoals", "Topics"},
	Certificate: {"Company", "Programme", "Start", "End", "Today", "HRContact", "Person", "Role",
		"Meetings", "Topics"},
	CheckIn: {"Company", "Programme", "Start", "End", "Today", "HRContact", "Person", "Role", "Partner",
		"Moment", "Topics"},
	Report:             {"Company", "Programme", "Framework", "Start", "End", "Today", "HRContact"},
	DisclosureTemplate: {"Company", "Today", "Person"},
	Recovery:           {"Company", "Today"},
}

// Fields returns the placeholders the template of the document may use,
// as the editor shows them to HR, for example "{{.Mentor.Name}}"; nil for
// an unknown document.
func Fields(name string) []string {
	var out []string
	for _, f := range fieldsOf[name] {
		switch f {
		case "Mentor", "Mentee", "Person", "Partner":
			for _, p := range partyFields {
				out = append(out, "{{."+f+"."+p+"}}")
			}
		case "MenteeGoals", "MentorGoals":
			out = append(out, "{{range ."+f+"}}- {{.Text}} {{.SuccessSign}} {{.Status}}\n{{end}}")
		case "Topics":
			out = append(out, `{{join .Topics ", "}}`, "{{range .Topics}}- {{.}}\n{{end}}")
		default:
			out = append(out, "{{."+f+"}}")
		}
	}
	return out
}

// allowedField reports whether a template of the document may use the
// top-level field.
func allowedField(name, field string) bool { return slices.Contains(fieldsOf[name], field) }

// escape makes a value safe to put into the markup: a name that begins
// with "@" or "#", or contains "**", prints as it is.
func escape(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\\' || r == '*':
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#-@_", r):
			b.WriteByte('\\')
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeText escapes a text of several paragraphs line by line.
func escapeText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = escape(strings.TrimSpace(l))
	}
	return strings.Join(lines, "\n")
}

// escapeAll escapes every value of a list.
func escapeAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = escape(s)
	}
	return out
}
