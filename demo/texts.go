package demo

// The example company's texts, all in German like the company.

const (
	company = "Lindenberg Logistik GmbH"
	address = "Lindenberger Kai 7\n20457 Hamburg"
	domain  = "lindenberg-logistik.de"
)

// The catalogue's topics, as in model.DefaultTopics["de"].
const (
	ai      = "KI"
	social  = "Social Media"
	tools   = "Digitale Tools"
	agile   = "Agiles Arbeiten"
	remote  = "Remote Work"
	divers  = "Diversität"
	sustain = "Nachhaltigkeit"
)

const framework = `Ziele: Im Reverse Mentoring lernen Führungskräfte von jüngeren Kolleginnen und Kollegen – und umgekehrt. Wir wollen digitale Themen wie KI, Social Media und neue Arbeitsformen greifbar machen und Perspektiven über Hierarchie- und Abteilungsgrenzen hinweg austauschen.

Erwartungen: Jedes Tandem trifft sich etwa alle vier Wochen für eine Stunde, vereinbart zu Beginn bis zu drei Ziele in beide Richtungen und hält nach jedem Treffen in einem Satz fest, was beide gelernt haben. Die Teilnahme ist freiwillig; ein Ausstieg ist jederzeit ohne Begründung möglich.

Vertraulichkeit: Was im Tandem besprochen wird, bleibt im Tandem. Die Personalabteilung erfährt nur, dass ein Treffen stattgefunden hat und welches Thema es hatte – nie den Inhalt. Beide unterschreiben vor dem ersten Treffen eine Vertraulichkeitsvereinbarung.`

const pilotFramework = `Ziele: Ein erster Durchlauf mit drei Tandems, um Reverse Mentoring bei Lindenberg Logistik zu erproben und Erfahrungen für ein größeres Programm zu sammeln.

Erwartungen: Monatliche Treffen von einer Stunde, ein kurzes Lernprotokoll für beide Seiten und drei Feedbackrunden. Vertraulichkeit wie in der Vereinbarung geregelt.`

// Interests participants name; shared ones help matching.
const (
	photo    = "Fotografie"
	cycling  = "Radfahren"
	cooking  = "Kochen"
	podcasts = "Podcasts"
	jogging  = "Laufen"
	gaming   = "Gaming"
	hiking   = "Wandern"
	sailing  = "Segeln"
	music    = "Musik"
	garden   = "Gärtnern"
	football = "Fußball"
	reading  = "Lesen"
	travel   = "Reisen"
	climbing = "Klettern"
)

var mentorMotivations = []string{
	"Ich möchte zeigen, wie wir im Alltag mit digitalen Werkzeugen Zeit sparen können.",
	"Mich interessiert, wie Entscheidungen in der Führungsebene entstehen.",
	"Ich teile gern, was ich über Social Media weiß, und lerne dabei viel über unser Geschäft.",
	"Ich möchte die Sicht meiner Generation einbringen und Brücken zwischen den Abteilungen bauen.",
	"Ich will lernen, wie man Verantwortung für ein ganzes Team trägt.",
	"Mir ist wichtig, dass Nachhaltigkeit bei uns nicht nur ein Schlagwort bleibt.",
}

var menteeMotivations = []string{
	"Ich will verstehen, wie unsere jüngeren Kolleginnen und Kollegen arbeiten und kommunizieren.",
	"KI verändert unsere Branche – ich möchte mitreden können, statt nur zuzuhören.",
	"Ich möchte meine Führungsrolle mit frischem Blick hinterfragen.",
	"Unsere Kundschaft ist längst digital unterwegs; da will ich nicht hinterherlaufen.",
	"Ich wünsche mir ehrliches Feedback von jemandem, der nicht in meinem Team arbeitet.",
}

// goal is a goal's text and sign of success.
type goal struct{ text, sign string }

// menteeGoals are what an executive may want to learn, by topic.
var menteeGoals = map[string]goal{
	ai:      {"Generative KI sicher im Arbeitsalltag einsetzen", "Erstellt Entwürfe und Zusammenfassungen selbst mit einem KI-Assistenten und kennt die Datenschutzregeln."},
	social:  {"LinkedIn aktiv für das Unternehmen nutzen", "Hat ein vollständiges Profil und veröffentlicht einen Beitrag im Monat."},
	tools:   {"Teams und OneNote souverän in der Teamarbeit nutzen", "Organisiert die wöchentliche Teambesprechung komplett digital."},
	agile:   {"Ein Kanban-Board im eigenen Team einführen", "Das Team arbeitet seit einem Monat mit dem Board."},
	remote:  {"Hybride Besprechungen so leiten, dass alle gleich beteiligt sind", "Online-Teilnehmende melden zurück, dass sie sich einbezogen fühlen."},
	divers:  {"Unbewusste Vorurteile in Auswahlgesprächen erkennen", "Nutzt für alle Bewerbungsgespräche einen strukturierten Leitfaden."},
	sustain: {"Die größten CO₂-Treiber des eigenen Bereichs kennen", "Drei konkrete Maßnahmen sind mit dem Team vereinbart."},
}

// mentorGoals are what a junior may want to learn from an executive.
var mentorGoals = []goal{
	{"Verstehen, wie strategische Entscheidungen vorbereitet werden", "Kann eine aktuelle Entscheidung der Geschäftsführung in eigenen Worten erklären."},
	{"Sicherer vor Führungskräften präsentieren", "Stellt ein eigenes Thema in einer Abteilungsrunde vor."},
	{"Das eigene Netzwerk im Unternehmen ausbauen", "Hat drei Gesprächspartner außerhalb der eigenen Abteilung kennengelernt."},
	{"Die Kostenlogik eines Bereichs nachvollziehen", "Versteht die wichtigsten Kennzahlen des Bereichs des Mentees."},
	{"Feedback konstruktiv nach oben geben", "Gibt dem Mentee nach jedem Treffen eine ehrliche Rückmeldung."},
}

// agendas are short plans for a meeting, by topic.
var agendas = map[string][]string{
	ai:      {"Welche KI-Werkzeuge nutzt das Team schon? Übung: eine Kundenmail mit einem Prompt entwerfen.", "Grenzen von KI: Datenschutz, Fehler erkennen, was wir nie eingeben."},
	social:  {"LinkedIn-Profil gemeinsam durchgehen und einen ersten Beitrag planen.", "Wie erreichen wir Nachwuchskräfte auf Instagram und TikTok?"},
	tools:   {"Teams-Kanäle statt E-Mail-Verteiler: ein Projekt umziehen.", "OneNote und Planner für die eigene Aufgabenliste ausprobieren."},
	agile:   {"Kanban-Grundlagen und ein Board für ein laufendes Vorhaben aufsetzen.", "Retrospektive: Was hat mit dem Board funktioniert, was nicht?"},
	remote:  {"Regeln für hybride Besprechungen sammeln.", "Wie bleibt ein verteiltes Team im Gespräch? Erfahrungen aus Leipzig und München."},
	divers:  {"Stellenanzeigen auf ausschließende Formulierungen prüfen.", "Perspektivwechsel: Wie erleben Berufseinsteigende den ersten Monat?"},
	sustain: {"CO₂-Bilanz der Touren: wo liegen die großen Hebel?", "Ideen für ein papierloses Lager sammeln und bewerten."},
}

// menteeLearnings are one-sentence learnings of an executive, by topic.
var menteeLearnings = map[string][]string{
	ai: {"Wie ich mit einem guten Prompt in fünf Minuten einen brauchbaren Entwurf bekomme.",
		"Dass KI-Antworten plausibel klingen und trotzdem falsch sein können – Gegenlesen bleibt Pflicht.",
		"Welche Daten ich nie in ein öffentliches KI-Werkzeug eingeben darf."},
	social: {"Dass ein persönlicher Beitrag mehr Reichweite hat als eine Pressemitteilung.",
		"Wie ich mein LinkedIn-Profil so gestalte, dass Bewerbende uns finden.",
		"Warum kurze Videos aus dem Lager besser ankommen als Hochglanzfotos."},
	tools: {"Wie ich in Teams Kanäle statt endloser E-Mail-Ketten nutze.",
		"Dass geteilte Notizbücher die Übergabe im Team deutlich erleichtern.",
		"Wie ich meine Aufgaben im Planner sortiere, statt Zettel zu schreiben."},
	agile: {"Dass ein sichtbares Board viele Statusmeetings ersetzt.",
		"Wie eine kurze Retrospektive Probleme früh sichtbar macht.",
		"Dass ich Aufgaben kleiner schneiden muss, damit das Team sie ziehen kann."},
	remote: {"Dass ich in hybriden Runden zuerst die Online-Teilnehmenden fragen sollte.",
		"Wie wir Entscheidungen schriftlich festhalten, damit niemand außen vor bleibt.",
		"Dass Kamera an nicht Kontrolle heißt, sondern Nähe schafft."},
	divers: {"Wie sehr Formulierungen in Stellenanzeigen bestimmen, wer sich bewirbt.",
		"Dass unterschiedliche Sichtweisen im Team Konflikte früher sichtbar machen – und das ist gut.",
		"Wie sich der erste Arbeitstag für jemanden anfühlt, der niemanden kennt."},
	sustain: {"Wo unsere Touren unnötige Leerkilometer fahren.",
		"Dass viele Beschäftigte bereit sind mitzumachen, wenn man sie fragt.",
		"Wie ein papierloser Lieferschein im Alltag funktionieren kann."},
}

// mentorLearnings are one-sentence learnings of a junior.
var mentorLearnings = []string{
	"Wie ein Budget für ein ganzes Jahr geplant und verteidigt wird.",
	"Dass Führungskräfte oft mit unvollständigen Informationen entscheiden müssen.",
	"Wie man in einer Verhandlung ruhig bleibt, wenn es schwierig wird.",
	"Warum manche Entscheidungen länger dauern, als es von außen aussieht.",
	"Wie ich meine Ideen so vorstelle, dass sie in der Geschäftsführung ankommen.",
	"Dass Zuhören manchmal wichtiger ist als eine schnelle Lösung.",
	"Wie Kennzahlen im Lager und im Vertrieb zusammenhängen.",
	"Wie man Prioritäten setzt, wenn alles gleichzeitig dringend ist.",
	"Dass auch erfahrene Führungskräfte Fehler offen ansprechen.",
	"Wie ein gutes Mitarbeitergespräch aufgebaut ist.",
}

var checkInComments = []string{
	"Die Treffen sind für mich ein fester Lichtblick im Monat.",
	"Wir haben einen guten Rhythmus gefunden.",
	"Manchmal fehlt die Zeit, aber die Gespräche lohnen sich.",
	"Ich hätte nicht gedacht, dass ich so viel mitnehme.",
	"", "",
}
