"""The site search, its promotions and the search-term report. May import core and every page app (it lists their results)."""
