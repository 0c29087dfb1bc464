package store

import (
	"bytes"
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"tandem/model"
)

// sortCollated sorts records in place by rank, then by their two texts
// (such as last and first name) in German collation (ignoring case;
// umlauts sort with their base letters), then by id. Collation keys are
// made once per distinct text, never in the comparison: the distinct texts
// are sorted by key and the records compare their texts' positions.
func sortCollated[T any, P record[T]](items []T, rank func(P) int, texts func(P) [2]string) {
	type sortable struct {
		rank int
		text [2]int // positions of the texts in collation order
		id   model.ID
		from int // index in items
	}
	position := map[string]int{}
	var distinct []string
	order := make([]sortable, len(items))
	for i := range items {
		v := P(&items[i])
		order[i] = sortable{id: v.Head().ID, from: i}
		if rank != nil {
			order[i].rank = rank(v)
		}
		for j, s := range texts(v) {
			n, ok := position[s]
			if !ok {
				n = len(distinct)
				position[s] = n
				distinct = append(distinct, s)
			}
			order[i].text[j] = n
		}
	}
	collated := collatedPositions(distinct)
	for i := range order {
		for j := range order[i].text {
			order[i].text[j] = collated[order[i].text[j]]
		}
	}
	slices.SortFunc(order, func(a, b sortable) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.text[0], b.text[0]),
			cmp.Compare(a.text[1], b.text[1]), cmp.Compare(a.id, b.id))
	})
	// Move each record once to its place, following the permutation's cycles.
	for i := range order {
		if order[i].from < 0 || order[i].from == i {
			continue
		}
		held, j := items[i], i
		for order[j].from != i {
			items[j], order[j].from, j = items[order[j].from], -1, order[j].from
		}
		items[j], order[j].from = held, -1
	}
}

// collatedPositions returns for each text its position in German collation
// order; texts that collate equal share a position.
func collatedPositions(texts []string) []int {
	c := collate.New(language.German, collate.IgnoreCase)
	var buf collate.Buffer // never reset: every key stays valid
	keys := make([][]byte, len(texts))
	byKey := make([]int, len(texts))
	for i, s := range texts {
		keys[i], byKey[i] = c.KeyFromString(&buf, s), i
	}
	slices.SortFunc(byKey, func(a, b int) int { return bytes.Compare(keys[a], keys[b]) })
	pos := make([]int, len(texts))
	for n, i := range byKey {
		if n > 0 && bytes.Equal(keys[i], keys[byKey[n-1]]) {
			pos[i] = pos[byKey[n-1]]
		} else {
			pos[i] = n
		}
	}
	return pos
}
