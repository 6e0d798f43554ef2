"""Events and training series: listings, filters, iCal calendars, RSS, structured data. May import core; other page apps by label only."""
