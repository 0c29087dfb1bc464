package roster

import (
	"fmt"
	"testing"
	"time"

	"tandem/model"
)

// staff returns n peopleIndex of a company, numbered from first.
func companyStaff(first, n int) []model.Person {
	firsts := []string{"Anna", "Ben", "Chiara", "Deniz", "Emil", "Fatma", "Jörg", "Lena", "Ömer", "Zoë"}
	lasts := []string{"Müller", "Schulz", "Özdemir", "Becker", "Weiß", "Ährlich", "Yilmaz", "Krüger", "Adler", "Zander"}
	out := make([]model.Person, n)
	for j := range out {
		i := first + j
		out[j] = model.Person{EmployeeNo: fmt.Sprintf("%05d", i), FirstName: firsts[i%10] + fmt.Sprint(i/100),
			LastName: lasts[i/10%10], Email: fmt.Sprintf("person%d@example.de", i), Department: "IT",
			Level: 1 + i%5, Location: "Köln", BirthYear: 1960 + i%40,
			HireDate: model.NewDate(2000+i%25, time.Month(1+i%12), 1+i%28)}
		if i >= 10 {
			out[j].ManagerNo = fmt.Sprintf("%05d", i/10)
		}
	}
	return out
}

// BenchmarkMakePlan10000 compares 10 000 rows with 10 000 peopleIndex: a tenth
// changed, a tenth new, managerIndex given by name. Target: well under 50 ms.
func BenchmarkMakePlan10000(b *testing.B) {
	existing := storedPersons(companyStaff(0, 10000)...)
	list := companyStaff(1000, 10000)
	recs := make([]Record, len(list))
	for i, p := range list {
		if i%10 == 0 {
			p.Department = "Vertrieb"
		}
		ref := ""
		if i%2 == 0 {
			ref, p.ManagerNo = list[i/10].LastName+", "+list[i/10].FirstName, ""
		}
		recs[i] = Record{Row: i + 2, Person: p, ManagerRef: ref}
	}
	for b.Loop() {
		pl := MakePlan(recs, existing, planToday, planSource)
		if len(pl.New) != 1000 || len(pl.Missing) != 1000 {
			b.Fatalf("new %d, missing %d, rejected %d", len(pl.New), len(pl.Missing), len(pl.Rejected))
		}
	}
}
