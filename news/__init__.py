"""The newsroom: press releases, their index with filters and archive, RSS/Atom feeds, topics and press contacts. May import core; other page apps by label only."""
