package demo

import "tandem/model"

// post is one position in the organisation chart.
type post struct {
	key   string // names the holder for the programme tables; "" for anyone
	title string // "male form|female form", or one form for both
	loc   string // location; "" means the unit's
	n     int    // how many such positions; 0 means 1
	who   *fixed // a fixed holder; nil means a generated one
}

// fixed describes a holder chosen by hand. An empty first name means a
// generated name of the given age and origin.
type fixed struct {
	first, last string
	salutation  string
	age         int    // in the year of today
	origin      string // german, turkish or polish
}

// team is a group led by a team lead (level 3).
type team struct {
	lead     post
	members  []post // level 4, reporting to the lead
	trainees []post // level 5, reporting to the team's first member, their trainer
}

// unit is a department with its head (level 2), experts who report to the
// head directly (level 3, without reports), and teams.
type unit struct {
	dept    string
	loc     string
	head    post
	experts []post
	teams   []team
}

// The locations of the company.
const (
	hamburg = "Hamburg"
	leipzig = "Leipzig"
	munich  = "München"
)

const ms, mr = model.SalutationMs, model.SalutationMr

// management is the company's management board (level 1): the CEO first.
var management = []post{
	{key: "ceo", title: "Geschäftsführer|Geschäftsführerin", who: &fixed{"Jürgen", "Groß", mr, 61, german}},
	{key: "gabriele", title: "Kaufmännischer Geschäftsführer|Kaufmännische Geschäftsführerin",
		who: &fixed{"Gabriele", "Böhm", ms, 57, german}},
}

// managementDept is the department of the management board.
const managementDept = "Geschäftsführung"

// org is the organisation chart below the management, about 95 people.
var org = []unit{
	{dept: "Vertrieb", loc: hamburg,
		head:    post{key: "soeren", title: "Leiter Vertrieb|Leiterin Vertrieb", who: &fixed{"Sören", "Müller", mr, 48, german}},
		experts: []post{{key: "kam", title: "Senior Key Account Manager|Senior Key Account Managerin", who: &fixed{"Tobias", "Brandt", mr, 44, german}}},
		teams: []team{
			{lead: post{title: "Teamleiter Vertrieb Nord|Teamleiterin Vertrieb Nord"},
				members: []post{
					{title: "Vertriebsmitarbeiter Innendienst|Vertriebsmitarbeiterin Innendienst", n: 3},
					{title: "Key Account Manager|Key Account Managerin", n: 2}},
				trainees: []post{{title: "Auszubildender Kaufmann für Groß- und Außenhandelsmanagement|Auszubildende Kauffrau für Groß- und Außenhandelsmanagement"}}},
			{lead: post{title: "Teamleiter Vertrieb Süd|Teamleiterin Vertrieb Süd", loc: munich},
				members: []post{
					{title: "Vertriebsmitarbeiter Außendienst|Vertriebsmitarbeiterin Außendienst", loc: munich, n: 2},
					{key: "can", title: "Vertriebsmitarbeiter Innendienst|Vertriebsmitarbeiterin Innendienst", loc: munich, who: &fixed{"Can", "Aydın", mr, 27, turkish}},
					{title: "Vertriebsmitarbeiter Innendienst|Vertriebsmitarbeiterin Innendienst", loc: munich}},
				trainees: []post{{title: "Auszubildender Kaufmann für Groß- und Außenhandelsmanagement|Auszubildende Kauffrau für Groß- und Außenhandelsmanagement", loc: munich}}},
		}},
	{dept: "Logistik", loc: hamburg,
		head: post{key: "agnieszka", title: "Leiter Logistik|Leiterin Logistik", who: &fixed{"Agnieszka", "Dąbrowska", ms, 50, polish}},
		teams: []team{
			{lead: post{title: "Lagerleiter Hamburg|Lagerleiterin Hamburg"},
				members: []post{
					{title: "Fachkraft für Lagerlogistik", n: 5},
					{title: "Staplerfahrer|Staplerfahrerin"}},
				trainees: []post{{title: "Auszubildender Fachkraft für Lagerlogistik|Auszubildende Fachkraft für Lagerlogistik", n: 2}}},
			{lead: post{title: "Niederlassungsleiter Leipzig|Niederlassungsleiterin Leipzig", loc: leipzig},
				members: []post{
					{title: "Fachkraft für Lagerlogistik", loc: leipzig, n: 5},
					{key: "lukasz", title: "Disponent|Disponentin", loc: leipzig, who: &fixed{"Łukasz", "Wójcik", mr, 29, polish}},
					{key: "p-mentor2", title: "Disponent|Disponentin", loc: leipzig, who: &fixed{age: 27, origin: german}}},
				trainees: []post{{title: "Auszubildender Fachkraft für Lagerlogistik|Auszubildende Fachkraft für Lagerlogistik", loc: leipzig}}},
			{lead: post{title: "Niederlassungsleiter München|Niederlassungsleiterin München", loc: munich},
				members: []post{
					{title: "Fachkraft für Lagerlogistik", loc: munich, n: 4},
					{title: "Berufskraftfahrer|Berufskraftfahrerin", loc: munich}},
				trainees: []post{{title: "Auszubildender Fachkraft für Lagerlogistik|Auszubildende Fachkraft für Lagerlogistik", loc: munich}}},
			{lead: post{key: "deniz", title: "Teamleiter Disposition|Teamleiterin Disposition", who: &fixed{"Deniz", "Öztürk", mr, 42, turkish}},
				members: []post{{title: "Disponent|Disponentin", n: 4}}},
		}},
	{dept: "Einkauf", loc: hamburg,
		head: post{key: "einkauf", title: "Leiter Einkauf|Leiterin Einkauf", who: &fixed{"Frank", "Dreßler", mr, 53, german}},
		teams: []team{
			{lead: post{title: "Teamleiter Strategischer Einkauf|Teamleiterin Strategischer Einkauf"},
				members: []post{
					{title: "Einkäufer|Einkäuferin", n: 2},
					{key: "einkauf-jung", title: "Einkäufer|Einkäuferin", who: &fixed{"Jule", "Hansen", ms, 26, german}},
					{title: "Sachbearbeiter Einkauf|Sachbearbeiterin Einkauf"}},
				trainees: []post{{title: "Auszubildender Industriekaufmann|Auszubildende Industriekauffrau"}}},
		}},
	{dept: "Finanzen", loc: hamburg,
		head:    post{title: "Leiter Finanzen und Controlling|Leiterin Finanzen und Controlling"},
		experts: []post{{title: "Controller|Controllerin"}},
		teams: []team{
			{lead: post{key: "buchhaltung", title: "Teamleiter Buchhaltung|Teamleiterin Buchhaltung", who: &fixed{"Heike", "Strauß", ms, 52, german}},
				members: []post{
					{title: "Finanzbuchhalter|Finanzbuchhalterin"},
					{key: "rente", title: "Bilanzbuchhalter|Bilanzbuchhalterin", who: &fixed{"Bärbel", "Lüders", ms, 64, german}},
					{title: "Kreditorenbuchhalter|Kreditorenbuchhalterin", n: 2}},
				trainees: []post{{key: "fin-azubi", title: "Auszubildender Kaufmann für Büromanagement|Auszubildende Kauffrau für Büromanagement", who: &fixed{"Jonas", "Petersen", mr, 21, german}}}},
		}},
	{dept: "Personal", loc: hamburg,
		head: post{key: "ulrike", title: "Leiter Personal|Leiterin Personal", who: &fixed{"Ulrike", "Späth", ms, 55, german}},
		teams: []team{
			{lead: post{title: "Teamleiter Personalservice|Teamleiterin Personalservice"},
				members: []post{
					{key: "hr", title: "Personalreferent|Personalreferentin", who: &fixed{"Miriam", "Schäfer", ms, 37, german}},
					{title: "Lohn- und Gehaltsbuchhalter|Lohn- und Gehaltsbuchhalterin"},
					{title: "Personalsachbearbeiter|Personalsachbearbeiterin"}},
				trainees: []post{{key: "hr-azubi", title: "Auszubildender Personaldienstleistungskaufmann|Auszubildende Personaldienstleistungskauffrau", who: &fixed{"Merle", "Jürgens", ms, 20, german}}}},
		}},
	{dept: "IT", loc: hamburg,
		head:    post{key: "bjoern", title: "IT-Leiter|IT-Leiterin", who: &fixed{"Björn", "Weiß", mr, 46, german}},
		experts: []post{{title: "IT-Sicherheitsbeauftragter|IT-Sicherheitsbeauftragte"}},
		teams: []team{
			{lead: post{title: "Teamleiter IT-Betrieb|Teamleiterin IT-Betrieb"},
				members: []post{
					{title: "Systemadministrator|Systemadministratorin"},
					{key: "it-jung", title: "Anwendungsentwickler|Anwendungsentwicklerin", who: &fixed{"Niklas", "Voß", mr, 26, german}},
					{key: "p-mentor3", title: "IT-Supportmitarbeiter|IT-Supportmitarbeiterin", who: &fixed{"Mert", "Kılıç", mr, 25, turkish}},
					{title: "IT-Supportmitarbeiter|IT-Supportmitarbeiterin"}},
				trainees: []post{
					{key: "elif", title: "Auszubildender Fachinformatiker für Anwendungsentwicklung|Auszubildende Fachinformatikerin für Anwendungsentwicklung", who: &fixed{"Elif", "Şahin", ms, 20, turkish}},
					{title: "Auszubildender Fachinformatiker für Systemintegration|Auszubildende Fachinformatikerin für Systemintegration"}}},
		}},
	{dept: "Marketing", loc: hamburg,
		head: post{key: "marketing", title: "Leiter Marketing|Leiterin Marketing", who: &fixed{"Stefanie", "Köhler", ms, 45, german}},
		teams: []team{
			{lead: post{title: "Teamleiter Online-Marketing|Teamleiterin Online-Marketing"},
				members: []post{
					{key: "zoe", title: "Social-Media-Manager|Social-Media-Managerin", who: &fixed{"Zoë", "Kästner", ms, 25, german}},
					{title: "Grafikdesigner|Grafikdesignerin"},
					{title: "Content-Redakteur|Content-Redakteurin"}},
				trainees: []post{{title: "Auszubildender Kaufmann für Marketingkommunikation|Auszubildende Kauffrau für Marketingkommunikation"}}},
		}},
	{dept: "Kundenservice", loc: leipzig,
		head: post{key: "ks-head", title: "Leiter Kundenservice|Leiterin Kundenservice", who: &fixed{"Matthias", "Gärtner", mr, 51, german}},
		teams: []team{
			{lead: post{key: "ks-tl", title: "Teamleiter Kundenservice|Teamleiterin Kundenservice", who: &fixed{"Katarzyna", "Nowak", ms, 39, polish}},
				members: []post{
					{title: "Kundenberater|Kundenberaterin", n: 4},
					{key: "emre", title: "Kundenberater|Kundenberaterin", who: &fixed{"Emre", "Çelik", mr, 28, turkish}}},
				trainees: []post{{title: "Auszubildender Kaufmann für Dialogmarketing|Auszubildende Kauffrau für Dialogmarketing"}}},
			{lead: post{title: "Teamleiter Reklamationsmanagement|Teamleiterin Reklamationsmanagement"},
				members: []post{{title: "Sachbearbeiter Reklamationen|Sachbearbeiterin Reklamationen", n: 4}}},
		}},
}
