package model

import (
	"fmt"
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Jürgen GROß": "jurgen gross", "Łukasz Wójcik": "lukasz wojcik",
		"Çelik": "celik", "Dąbrowska": "dabrowska", "Zoë": "zoe"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPersonFilter(t *testing.T) {
	today := NewDate(2026, 11, 27)
	people := []Person{
		{FirstName: "Jürgen", LastName: "Groß", Department: "Vertrieb", Level: 2},
		{FirstName: "Anna", LastName: "Müller", Department: "IT", Level: 5, Email: "anna.mueller@x.de"},
		{FirstName: "Sören", LastName: "Groß", Department: "IT", Level: 4, ExitDate: today.AddDays(-3)},
	}
	text := make([]string, len(people))
	for i := range people {
		text[i] = people[i].SearchText()
	}
	tests := []struct {
		name string
		f    PersonFilter
		want []int
	}{
		{"all current", PersonFilter{}, []int{0, 1}},
		{"with former", PersonFilter{IncludeFormer: true}, []int{0, 1, 2}},
		{"folded query", PersonFilter{Query: "gross", IncludeFormer: true}, []int{0, 2}},
		{"two words any order", PersonFilter{Query: "groß jür"}, []int{0}},
		{"e-mail", PersonFilter{Query: "mueller@"}, []int{1}},
		{"department", PersonFilter{Department: "IT", IncludeFormer: true}, []int{1, 2}},
		{"level", PersonFilter{Level: 2}, []int{0}},
		{"nothing", PersonFilter{Query: "zzz"}, []int{}},
	}
	for _, tt := range tests {
		tt.f.Today = today
		if got := tt.f.Apply(people, text); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := Distinct(people, func(p *Person) string { return p.Department }); !slices.Equal(got, []string{"IT", "Vertrieb"}) {
		t.Errorf("Distinct = %v", got)
	}
}

// BenchmarkFilter10000 measures one keystroke of the staff search over
// 10 000 people (DESIGN §8: any filter ≤ 50 ms).
func BenchmarkFilter10000(b *testing.B) {
	people := make([]Person, 10000)
	text := make([]string, len(people))
	for i := range people {
		people[i] = Person{FirstName: fmt.Sprintf("Vorname%d", i), LastName: fmt.Sprintf("Müller%d", i),
			Department: []string{"IT", "Vertrieb", "Logistik"}[i%3], Level: 1 + i%5,
			Email: fmt.Sprintf("p%d@firma.de", i)}
		text[i] = people[i].SearchText()
	}
	f := PersonFilter{Query: "muller12", Department: "IT", Today: NewDate(2026, 11, 27)}
	b.ResetTimer()
	for b.Loop() {
		f.Apply(people, text)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{"": "", "Anna": "Anna", " Anna": "Anna", "Anna ": "Anna",
		"Anna  Maria": "Anna Maria", "Anna\u00a0Maria": "Anna Maria", "Anna\tMaria": "Anna Maria",
		"Anna Maria": "Anna Maria", "  ": "", "\u202f": ""} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
