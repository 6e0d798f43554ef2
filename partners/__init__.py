"""Partner organisations, their roles and the funding notice. May import core; other page apps by label only."""
