package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tandem/model"
)

// topicEditor edits a programme's topic catalogue: each topic with a remove
// button, and a field to add one.
type topicEditor struct {
	topics   []string
	onChange func()
	rows     *fyne.Container
	entry    *widget.Entry
	content  fyne.CanvasObject
}

func newTopicEditor(onChange func()) *topicEditor {
	t := &topicEditor{onChange: onChange}
	t.rows = container.NewGridWithColumns(2)
	t.entry = widget.NewEntry()
	t.entry.SetPlaceHolder(lang.L("programmes.topics.placeholder"))
	t.entry.OnSubmitted = func(string) { t.onAdd() }
	add := widget.NewButtonWithIcon(lang.L("programmes.topics.add"), theme.ContentAddIcon(), t.onAdd)
	t.content = container.NewVBox(t.rows, container.NewBorder(nil, nil, nil, add, t.entry))
	return t
}

func (t *topicEditor) view() fyne.CanvasObject { return t.content }

// set shows the given topics.
func (t *topicEditor) set(topics []string) {
	t.topics = slices.Clone(topics)
	t.entry.SetText("")
	t.refresh()
}

func (t *topicEditor) refresh() {
	t.rows.Objects = t.rows.Objects[:0]
	for _, topic := range t.topics {
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.onRemove(topic) })
		remove.Importance = widget.LowImportance
		label := widget.NewLabel(topic)
		t.rows.Add(container.NewBorder(nil, nil, nil, remove, label))
	}
	t.rows.Refresh()
}

func (t *topicEditor) onAdd() {
	topic := model.Clean(t.entry.Text)
	if topic == "" {
		return
	}
	if !slices.ContainsFunc(t.topics, func(s string) bool { return strings.EqualFold(s, topic) }) {
		t.topics = append(t.topics, topic)
		t.refresh()
		t.onChange()
	}
	t.entry.SetText("")
}

func (t *topicEditor) onRemove(topic string) {
	t.topics = slices.DeleteFunc(t.topics, func(s string) bool { return s == topic })
	t.refresh()
	t.onChange()
}
