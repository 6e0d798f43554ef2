"""Deutsche Gebärdensprache (DGS): sign-language videos with captions and a text alternative, their index and feeds. May import core; other page apps by label only."""
