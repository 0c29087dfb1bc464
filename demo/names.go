package demo

import (
	"math/rand/v2"
	"strings"
)

// Name origins of the staff: most are German; a few families came from
// Turkey or Poland, and their names keep their letters.
const (
	german  = "de"
	turkish = "tr"
	polish  = "pl"
)

// firstNames holds first names by origin and sex; German ones also by the
// generation they are typical of, so that no trainee is called Wolfgang.
var firstNames = map[string][2][]string{ // [0] male, [1] female
	"de-old": {
		{"Jürgen", "Wolfgang", "Thomas", "Michael", "Frank", "Uwe", "Jörg", "Rainer", "Andreas", "Bernd",
			"Klaus", "Ralf", "Matthias", "Dieter", "Hans-Peter", "Günter"},
		{"Petra", "Sabine", "Andrea", "Birgit", "Gabriele", "Ute", "Monika", "Heike", "Karin", "Susanne",
			"Angelika", "Brigitte", "Renate", "Martina", "Dörte", "Bärbel"},
	},
	"de-mid": {
		{"Stefan", "Tobias", "Daniel", "Sören", "Björn", "Christian", "Markus", "Sebastian", "Florian",
			"Timo", "Dennis", "Philipp", "Kai", "Jens", "Malte", "Sven"},
		{"Katrin", "Sandra", "Julia", "Maren", "Nicole", "Anja", "Stefanie", "Christina", "Melanie", "Jana",
			"Kerstin", "Britta", "Tanja", "Nadine", "Silke", "Wiebke"},
	},
	"de-young": {
		{"Jonas", "Finn", "Lukas", "Noah", "Leon", "Paul", "Niklas", "Jannik", "Luca", "Tim", "Ben",
			"Moritz", "Henrik", "Jan-Ole"},
		{"Lena", "Leonie", "Hannah", "Mia", "Lea", "Emily", "Johanna", "Marie", "Sophie", "Jule",
			"Annika", "Céline", "Anna-Lena", "Merle"},
	},
	turkish: {
		{"Emre", "Mehmet", "Murat", "Can", "Kemal", "Burak", "Mert", "Oğuz"},
		{"Elif", "Ayşe", "Zeynep", "Derya", "Esra", "Büşra", "Gülşen", "Selin"},
	},
	polish: {
		{"Łukasz", "Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek", "Michał"},
		{"Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena", "Ewa", "Dorota"},
	},
}

// lastNames holds family names by origin. "male|female" spells the two
// forms of a Polish name that changes with sex.
var lastNames = map[string][]string{
	german: {"Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
		"Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
		"Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann",
		"Köhler", "Herrmann", "König", "Walter", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller",
		"Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Berger", "Winkler", "Lorenz",
		"Baumann", "Franke", "Albrecht", "Ludwig", "Winter", "Krämer", "Vogt", "Jäger", "Sommer",
		"Seidel", "Brandt", "Haas", "Dietrich", "Kühn", "Engel", "Horn", "Bergmann", "Voigt",
		"Strauß", "Voß", "Brückner", "Gärtner", "Förster", "Höfer", "Nüßlein", "Thiele", "Petersen",
		"Hansen", "Jansen", "Carstensen", "Behrens", "Dreßler", "Lüders"},
	turkish: {"Yılmaz", "Kaya", "Demir", "Aydın", "Doğan", "Koç", "Arslan", "Yıldız", "Kılıç"},
	polish: {"Nowak", "Mazur", "Krawczyk", "Woźniak", "Kowalski|Kowalska", "Wiśniewski|Wiśniewska",
		"Lewandowski|Lewandowska", "Zieliński|Zielińska"},
}

// languagesOf returns the languages a person of that origin speaks.
func languagesOf(origin string) []string {
	switch origin {
	case turkish:
		return []string{"Deutsch", "Englisch", "Türkisch"}
	case polish:
		return []string{"Deutsch", "Englisch", "Polnisch"}
	}
	return []string{"Deutsch", "Englisch"}
}

// extraLanguages are learnt at school or on the way.
var extraLanguages = []string{"Französisch", "Spanisch", "Italienisch", "Niederländisch", "Russisch", "Dänisch"}

// randomName picks a first and last name fitting origin, sex (1 female)
// and birth year.
func randomName(rng *rand.Rand, origin string, female int, born, year int) (first, last string) {
	pool := origin
	if origin == german {
		switch age := year - born; {
		case age >= 50:
			pool = "de-old"
		case age >= 33:
			pool = "de-mid"
		default:
			pool = "de-young"
		}
	}
	first = pick(rng, firstNames[pool][female])
	last = pick(rng, lastNames[origin])
	if m, f, ok := strings.Cut(last, "|"); ok {
		last = m
		if female == 1 {
			last = f
		}
	}
	return first, last
}

// gendered returns the male or female form of "male|female"; a text without
// "|" serves both.
func gendered(s string, female bool) string {
	m, f, ok := strings.Cut(s, "|")
	if !ok || !female {
		return m
	}
	return f
}

// translit spells a name in the letters of an e-mail address: German
// umlauts and ß as ae, oe, ue and ss, other marks dropped, lower case.
func translit(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r == '-', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		default:
			b.WriteString(plain[r])
		}
	}
	return b.String()
}

// plain maps letters beyond ASCII to their e-mail spelling.
var plain = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss",
	'á': "a", 'à': "a", 'â': "a", 'ą': "a", 'ç': "c", 'ć': "c", 'č': "c",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e", 'ğ': "g", 'ı': "i", 'í': "i", 'î': "i",
	'ł': "l", 'ń': "n", 'ñ': "n", 'ó': "o", 'ô': "o", 'ş': "s", 'ś': "s", 'š': "s",
	'ú': "u", 'ź': "z", 'ż': "z", 'ž': "z",
}

// pick returns a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }
