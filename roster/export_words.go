package roster

import "strings"

// outLang is the language of written workbooks: sheet names, headers and
// the words for states.
type outLang int

// The languages a workbook is written in.
const (
	outDE outLang = iota
	outEN
)

// outLangOf returns the language for a code such as "de" or "en";
// German unless the code is English.
func outLangOf(code string) outLang {
	if strings.HasPrefix(strings.ToLower(code), "en") {
		return outEN
	}
	return outDE
}

// t returns the word for key; for an unknown key its last part (a state
// the table does not know is written as it is stored).
func (l outLang) t(key string) string {
	if w, ok := outWords[key]; ok {
		return w[l]
	}
	return key[strings.LastIndexByte(key, '.')+1:]
}

// words holds the German and English texts of written workbooks.
var outWords = map[string][2]string{
	"sheet.persons":    {"Personen", "People"},
	"sheet.programmes": {"Programme", "Programmes"},
	"sheet.enrolments": {"Teilnahmen", "Enrolments"},
	"sheet.tandems":    {"Tandems", "Tandems"},
	"sheet.meetings":   {"Treffen", "Meetings"},
	"sheet.agreements": {"Vereinbarungen", "Agreements"},
	"sheet.audit":      {"Änderungsprotokoll", "Audit log"},
	"sheet.rejected":   {"Fehlerliste", "Rejected rows"},
	"sheet.template":   {"Mitarbeitende", "Staff"},

	// The persons sheet and the template: headers the importer recognises.
	"employeeNo": {"Personalnummer", "Employee ID"},
	"salutation": {"Anrede", "Salutation"},
	"firstName":  {"Vorname", "First Name"},
	"lastName":   {"Nachname", "Last Name"},
	"email":      {"E-Mail", "Email"},
	"department": {"Abteilung", "Department"},
	"jobTitle":   {"Position", "Job Title"},
	"level":      {"Führungsebene", "Level"},
	"manager":    {"Vorgesetzte(r)", "Manager ID"},
	"location":   {"Standort", "Location"},
	"birthYear":  {"Geburtsjahr", "Year of Birth"},
	"hireDate":   {"Eintritt", "Hire Date"},
	"exitDate":   {"Austritt", "Exit Date"},
	"languages":  {"Sprachen", "Languages"},

	"salutation.ms": {"Frau", "Ms"},
	"salutation.mr": {"Herr", "Mr"},

	"name":              {"Name", "Name"},
	"state":             {"Status", "Status"},
	"start":             {"Beginn", "Start"},
	"end":               {"Ende", "End"},
	"cadence":           {"Rhythmus (Wochen)", "Cadence (weeks)"},
	"session":           {"Sitzungsdauer (Min.)", "Session length (min)"},
	"topics":            {"Themen", "Topics"},
	"agreementRequired": {"Vereinbarung vor Start", "Agreement before start"},
	"hrContact":         {"HR-Kontakt", "HR contact"},
	"framework":         {"Rahmen und Ziele", "Framework and goals"},
	"mentorGroup":       {"Zielgruppe Mentor(inn)en", "Mentor target group"},
	"menteeGroup":       {"Zielgruppe Mentees", "Mentee target group"},
	"group.levels":      {"Ebenen", "Levels"},
	"group.departments": {"Abteilungen", "Departments"},
	"group.locations":   {"Standorte", "Locations"},
	"group.born":        {"Jahrgänge", "Born"},

	"programme":  {"Programm", "Programme"},
	"person":     {"Name", "Name"},
	"role":       {"Rolle", "Role"},
	"interests":  {"Interessen", "Interests"},
	"capacity":   {"Kapazität", "Capacity"},
	"motivation": {"Motivation", "Motivation"},
	"trainedOn":  {"Geschult am", "Trained on"},

	"mentor":    {"Mentor(in)", "Mentor"},
	"mentee":    {"Mentee", "Mentee"},
	"score":     {"Passung (0–100)", "Score (0–100)"},
	"goals":     {"Ziele", "Goals"},
	"endReason": {"Grund des Endes", "End reason"},

	"at":            {"Termin", "Date and time"},
	"minutes":       {"Dauer (Min.)", "Duration (min)"},
	"place":         {"Ort", "Place"},
	"online":        {"Online", "Online"},
	"agenda":        {"Agenda", "Agenda"},
	"menteeLearned": {"Gelernt (Mentee)", "Learned (mentee)"},
	"mentorLearned": {"Gelernt (Mentor(in))", "Learned (mentor)"},
	"menteeRating":  {"Bewertung Mentee", "Mentee rating"},
	"mentorRating":  {"Bewertung Mentor(in)", "Mentor rating"},
	"cancelledBy":   {"Abgesagt von", "Cancelled by"},

	"kind":            {"Art", "Kind"},
	"parties":         {"Beteiligte", "Parties"},
	"templateVersion": {"Vorlagenversion", "Template version"},
	"generatedOn":     {"Erstellt am", "Generated on"},
	"signed.mentor":   {"Unterschrieben Mentor(in)", "Signed by mentor"},
	"signed.mentee":   {"Unterschrieben Mentee", "Signed by mentee"},
	"signed.person":   {"Unterschrieben Person", "Signed by person"},
	"signed.hr":       {"Unterschrieben HR", "Signed by HR"},
	"scan":            {"Scan", "Scan"},

	"programme.planning": {"in Planung", "planning"},
	"programme.matching": {"Paarbildung", "matching"},
	"programme.running":  {"läuft", "running"},
	"programme.closed":   {"abgeschlossen", "closed"},

	"enrolment.nominated": {"nominiert", "nominated"},
	"enrolment.confirmed": {"bestätigt", "confirmed"},
	"enrolment.trained":   {"geschult", "trained"},
	"enrolment.active":    {"aktiv", "active"},
	"enrolment.finished":  {"abgeschlossen", "finished"},
	"enrolment.withdrawn": {"zurückgezogen", "withdrawn"},

	"tandem.proposed":    {"vorgeschlagen", "proposed"},
	"tandem.confirmed":   {"bestätigt", "confirmed"},
	"tandem.active":      {"aktiv", "active"},
	"tandem.finished":    {"abgeschlossen", "finished"},
	"tandem.ended_early": {"vorzeitig beendet", "ended early"},

	"meeting.planned":   {"geplant", "planned"},
	"meeting.held":      {"stattgefunden", "held"},
	"meeting.cancelled": {"abgesagt", "cancelled"},
	"meeting.moved":     {"verschoben", "moved"},

	"agreement.draft":   {"Entwurf", "draft"},
	"agreement.printed": {"gedruckt", "printed"},
	"agreement.signed":  {"unterschrieben", "signed"},
	"agreement.revoked": {"widerrufen", "revoked"},

	"kind.confidentiality":        {"Vertraulichkeitsvereinbarung (Tandem)", "Confidentiality agreement (tandem)"},
	"kind.confidentiality_person": {"Vertraulichkeitsvereinbarung (Person)", "Confidentiality agreement (person)"},
	"kind.tandem":                 {"Tandem-Vereinbarung", "Tandem agreement"},

	"role.mentor": {"Mentor(in)", "mentor"},
	"role.mentee": {"Mentee", "mentee"},
	"by.mentor":   {"Mentor(in)", "mentor"},
	"by.mentee":   {"Mentee", "mentee"},
	"by.hr":       {"HR", "HR"},

	"goal.mentee":      {"Mentee lernt", "Mentee learns"},
	"goal.mentor":      {"Mentor(in) lernt", "Mentor learns"},
	"goal.open":        {"offen", "open"},
	"goal.in_progress": {"in Arbeit", "in progress"},
	"goal.reached":     {"erreicht", "reached"},
	"goal.dropped":     {"verworfen", "dropped"},

	"audit.time":    {"Zeitpunkt", "Time"},
	"audit.user":    {"Benutzer", "User"},
	"audit.action":  {"Aktion", "Action"},
	"audit.entity":  {"Bereich", "Record"},
	"audit.id":      {"Nr.", "No."},
	"audit.summary": {"Zusammenfassung", "Summary"},

	"audit.action.create":   {"angelegt", "created"},
	"audit.action.update":   {"geändert", "changed"},
	"audit.action.delete":   {"gelöscht", "deleted"},
	"audit.action.import":   {"importiert", "imported"},
	"audit.action.backup":   {"gesichert", "backed up"},
	"audit.action.restore":  {"wiederhergestellt", "restored"},
	"audit.action.migrate":  {"umgestellt", "migrated"},
	"audit.action.password": {"Passwort", "password"},
	"audit.action.erase":    {"DSGVO-Löschung", "GDPR erasure"},
	"audit.action.compact":  {"verdichtet", "compacted"},

	"audit.entity.person":    {"Person", "Person"},
	"audit.entity.programme": {"Programm", "Programme"},
	"audit.entity.enrolment": {"Teilnahme", "Enrolment"},
	"audit.entity.tandem":    {"Tandem", "Tandem"},
	"audit.entity.meeting":   {"Treffen", "Meeting"},
	"audit.entity.agreement": {"Vereinbarung", "Agreement"},
	"audit.entity.checkin":   {"Check-in", "Check-in"},
	"audit.entity.training":  {"Schulung", "Training"},
	"audit.entity.settings":  {"Einstellungen", "Settings"},
	"audit.entity.file":      {"Datei", "File"},

	"yes": {"Ja", "Yes"},
	"no":  {"Nein", "No"},

	"rejected.row":    {"Zeile", "Row"},
	"rejected.reason": {"Grund", "Reason"},

	"template.level.title":  {"Führungsebene", "Level"},
	"template.level.prompt": {"1 = Top-Management … 5 = Auszubildende", "1 = top management … 5 = trainee"},
	"template.level.error":  {"Bitte eine Ebene von 1 bis 5 wählen.", "Please choose a level from 1 to 5."},
}
