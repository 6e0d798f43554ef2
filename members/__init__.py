"""The member directory: every municipal office of the network, with map, vCard and what names it. May import core; other page apps by label only."""
