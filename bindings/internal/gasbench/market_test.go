package main

import "testing"

func TestMeasureMarket(t *testing.T) {
	rows, err := measureMarket()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("measureMarket returned %d rows, want 3", len(rows))
	}
	for _, r := range rows {
		t.Logf("%s: %d gas (bar %d)", r.Work, r.GasUsed, r.Floor)
		if r.GasUsed <= 21_000 {
			t.Errorf("%s: gasUsed %d is no more than a plain transfer", r.Work, r.GasUsed)
		}
		if r.Floor != 0 && r.GasUsed > r.Floor {
			t.Errorf("%s: gasUsed %d is above its bar of %d", r.Work, r.GasUsed, r.Floor)
		}
	}
}
