package roster

import (
	"io"

	"github.com/xuri/excelize/v2"

	"tandem/model"
)

// templateRows is the last row the template's level drop-down covers.
const templateRows = 1000

// WriteTemplate writes an empty staff list as .xlsx: the headers the
// importer expects (German unless lang is "en"), one example row of a
// fictional person, and a drop-down for the level (1–5) in rows 2 to 1000;
// the header is styled and frozen.
func WriteTemplate(w io.Writer, lang string) error {
	return writeBook(w, lang, func(b *workbook) error {
		l := b.lang
		cols := personColumns(l)
		level := -1
		for i, c := range cols {
			if c.head == l.t("level") {
				level = i
			}
		}
		dropDown := func(sheet string) error {
			col, err := excelize.ColumnNumberToName(level + 1)
			if err != nil {
				return err
			}
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(col + "2:" + col + numberText(templateRows))
			if err := dv.SetDropList([]string{"1", "2", "3", "4", "5"}); err != nil {
				return err
			}
			dv.SetInput(l.t("template.level.title"), l.t("template.level.prompt"))
			dv.SetError(excelize.DataValidationErrorStyleStop, l.t("template.level.title"), l.t("template.level.error"))
			return b.f.AddDataValidation(sheet, dv)
		}
		return writeSheet(b, l.t("sheet.template"), cols, []model.Person{examplePerson(l)}, dropDown)
	})
}

// examplePerson is the template's example row: a fictional person.
func examplePerson(l outLang) model.Person {
	p := model.Person{EmployeeNo: "00042", Salutation: model.SalutationMs, FirstName: "Anna", LastName: "Beispiel",
		Email: "anna.beispiel@example.com", Department: "IT", JobTitle: "Entwicklerin", Level: 4,
		ManagerNo: "00007", Location: "Köln", BirthYear: 1996, HireDate: model.NewDate(2021, 4, 1)}
	if l == outEN {
		p.FirstName, p.LastName, p.Email, p.JobTitle, p.Location =
			"Emma", "Example", "emma.example@example.com", "Developer", "Cologne"
	}
	return p
}
