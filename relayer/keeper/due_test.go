package keeper_test

import (
	"testing"

	"github.com/allora-gateway/allora-gateway/relayer/keeper"
)

func TestDue(t *testing.T) {
	running := keeper.State{BlockTime: 1000, Epoch: 5, LockTimestamp: 1000, BufferSeconds: 30, GenesisStarted: true, GenesisLocked: true}
	with := func(change func(*keeper.State)) keeper.State {
		s := running
		change(&s)
		return s
	}
	tests := []struct {
		name     string
		state    keeper.State
		wantStep keeper.Step
		wantLate bool
	}{
		{"never started", keeper.State{BlockTime: 1000}, keeper.GenesisStart, false},
		{"paused before genesis", keeper.State{BlockTime: 1000, Paused: true}, 0, false},
		{"round open until its lock", with(func(s *keeper.State) { s.BlockTime = 999 }), 0, false},
		{"lock time reached", running, keeper.ExecuteRound, false},
		{"last second of the buffer", with(func(s *keeper.State) { s.BlockTime = 1030 }), keeper.ExecuteRound, false},
		{"buffer passed", with(func(s *keeper.State) { s.BlockTime = 1031 }), keeper.ExecuteRound, true},
		{"first round of a chain", with(func(s *keeper.State) { s.GenesisLocked = false }), keeper.GenesisLock, false},
		{"first round missed", with(func(s *keeper.State) { s.GenesisLocked = false; s.BlockTime = 2000 }), keeper.GenesisLock, true},
		{"paused past the buffer", with(func(s *keeper.State) { s.Paused = true; s.BlockTime = 2000 }), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step, late := keeper.Due(tt.state)
			if step != tt.wantStep || late != tt.wantLate {
				t.Errorf("Due(%+v) = %s, late %v; want %s, late %v", tt.state, step, late, tt.wantStep, tt.wantLate)
			}
		})
	}
}
